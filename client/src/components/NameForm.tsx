import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_NAME_CHARS, cleanName } from '../user/identity.ts'

interface NameFormProps {
  readonly initialName: string
  readonly submitLabel: string
  readonly onSubmit: (name: string) => void
  readonly onCancel?: () => void
  readonly autoFocus?: boolean
}

/** Asks for the display name shown next to the cursor and in the presence list. */
export function NameForm({ initialName, submitLabel, onSubmit, onCancel, autoFocus = false }: NameFormProps) {
  const { t } = useTranslation()
  const [name, setName] = useState(initialName)
  const [error, setError] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const errorId = useId()

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const cleaned = cleanName(name)
    if (cleaned === '') {
      setError(true)
      inputRef.current?.focus()
      return
    }
    onSubmit(cleaned)
  }

  return (
    <form className="name-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{t('name.label')}</label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        value={name}
        maxLength={MAX_NAME_CHARS}
        autoComplete="nickname"
        // The name prompt is the only thing on its page; focusing it saves a Tab.
        autoFocus={autoFocus}
        aria-invalid={error}
        aria-describedby={error ? errorId : undefined}
        data-testid="name-input"
        onChange={(event) => {
          setName(event.target.value)
          if (error) setError(false)
        }}
      />
      {error ? (
        <p id={errorId} className="form-error" role="alert" data-testid="name-error">
          {t('name.empty')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="name-submit">
          {submitLabel}
        </button>
        {onCancel !== undefined ? (
          <button type="button" className="button" onClick={onCancel} data-testid="name-cancel">
            {t('name.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
