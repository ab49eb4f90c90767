import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { NameForm } from './NameForm.tsx'
import { useModal } from './useModal.ts'

interface NameDialogProps {
  readonly currentName: string
  readonly onSave: (name: string) => void
  readonly onClose: () => void
}

/**
 * Changing the name while on the board. A native modal `<dialog>` keeps focus
 * inside, closes on Escape and returns focus to the button that opened it.
 */
export function NameDialog({ currentName, onSave, onClose }: NameDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onCloseEvent} data-testid="name-dialog">
      <h2 id={headingId}>{t('name.heading')}</h2>
      <NameForm
        initialName={currentName}
        submitLabel={t('name.save')}
        autoFocus
        onSubmit={(name) => {
          onSave(name)
          close()
        }}
        onCancel={close}
      />
    </dialog>
  )
}
