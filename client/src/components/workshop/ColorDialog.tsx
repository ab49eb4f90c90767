import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ColorPicker } from '../ColorPicker.tsx'
import { useModal } from '../useModal.ts'

interface ColorDialogProps {
  readonly name: string
  readonly color: string
  readonly onSave: (color: string) => void
  readonly onClose: () => void
  /** Forgets the workshop on this device (a shared tablet, or to delete one's own copy). */
  readonly onLeave?: () => void
}

/** A workshop participant's own colour; their name is the facilitator's to change. */
export function ColorDialog({ name, color, onSave, onClose, onLeave }: ColorDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()
  const [chosen, setChosen] = useState(color)

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    onSave(chosen)
    close()
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onCloseEvent} data-testid="color-dialog">
      <h2 id={headingId}>{t('workshop.youHeading', { name })}</h2>
      <p className="hint">{t('workshop.nameByFacilitator')}</p>
      <form onSubmit={submit}>
        <ColorPicker value={chosen} onChange={setChosen} />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('name.save')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('name.cancel')}
          </button>
        </div>
      </form>
      {onLeave !== undefined ? (
        <div className="dialog-footer">
          <p className="hint">{t('workshop.leaveHint')}</p>
          <button type="button" className="button" onClick={onLeave} data-testid="leave-workshop">
            {t('workshop.leave')}
          </button>
        </div>
      ) : null}
    </dialog>
  )
}
