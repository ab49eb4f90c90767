import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ColorPicker } from '../ColorPicker.tsx'

interface ColorDialogProps {
  readonly name: string
  readonly color: string
  readonly onSave: (color: string) => void
  readonly onClose: () => void
}

/** A workshop participant's own colour; their name is the facilitator's to change. */
export function ColorDialog({ name, color, onSave, onClose }: ColorDialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const [chosen, setChosen] = useState(color)

  useEffect(() => {
    const dialog = ref.current
    if (dialog !== null && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    onSave(chosen)
    onClose()
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onClose} data-testid="color-dialog">
      <h2 id={headingId}>{t('workshop.youHeading', { name })}</h2>
      <p className="hint">{t('workshop.nameByFacilitator')}</p>
      <form onSubmit={submit}>
        <ColorPicker value={chosen} onChange={setChosen} />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('name.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('name.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
