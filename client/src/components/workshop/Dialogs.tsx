/**
 * Small modal dialogs of the console. A native `<dialog>` keeps focus inside,
 * closes on Escape and gives focus back to the button that opened it.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useModal } from '../useModal.ts'

interface TextDialogProps {
  readonly heading: string
  readonly label: string
  readonly initial: string
  readonly maxLength: number
  readonly onSave: (value: string) => void
  readonly onClose: () => void
}

/** Asks for one line of text (a new name or title). */
export function TextDialog({ heading, label, initial, maxLength, onSave, onClose }: TextDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()
  const inputId = useId()
  const errorId = useId()
  const [value, setValue] = useState(initial)
  const [empty, setEmpty] = useState(false)
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const trimmed = value.trim()
    if (trimmed === '') {
      setEmpty(true)
      return
    }
    onSave(trimmed)
    close()
  }
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onCloseEvent} data-testid="text-dialog">
      <h2 id={headingId}>{heading}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="text"
          value={value}
          maxLength={maxLength}
          autoFocus
          aria-invalid={empty}
          aria-describedby={empty ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value)
            setEmpty(false)
          }}
          data-testid="text-dialog-input"
        />
        {empty ? (
          <p id={errorId} className="form-error" role="alert">
            {t('console.emptyText')}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" data-testid="text-dialog-save">
            {t('name.save')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('name.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

interface ConfirmDialogProps {
  readonly heading: string
  readonly children: ReactNode
  readonly confirmLabel: string
  readonly onConfirm: () => void
  readonly onClose: () => void
}

/** Asks before something that cannot be undone. Focus starts on "Cancel". */
export function ConfirmDialog({ heading, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()
  const textId = useId()
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={headingId}
      aria-describedby={textId}
      onClose={onCloseEvent}
      role="alertdialog"
      data-testid="confirm-dialog"
    >
      <h2 id={headingId}>{heading}</h2>
      <div id={textId}>{children}</div>
      <div className="form-actions">
        <button type="button" className="button" autoFocus onClick={close}>
          {t('name.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="confirm-dialog-confirm"
          onClick={() => {
            onConfirm()
            close()
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
