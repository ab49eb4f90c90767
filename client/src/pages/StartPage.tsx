import { boardSlug } from '@werkraum/shared'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PageShell } from '../components/PageShell.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { boardPath } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'
import { randomBoardName } from '../user/boardName.ts'

export function StartPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('start.pageTitle'))
  const [typed, setTyped] = useState('')
  const [error, setError] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const ids = { newHeading: useId(), openHeading: useId(), input: useId(), hint: useId(), error: useId() }

  const open = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const name = boardSlug(typed)
    if (name === '') {
      setError(true)
      inputRef.current?.focus()
      return
    }
    navigate(boardPath(name))
  }

  return (
    <PageShell>
      <h1>{t('start.heading')}</h1>
      <p className="lead">{t('start.intro')}</p>

      <section className="card" aria-labelledby={ids.newHeading}>
        <h2 id={ids.newHeading}>{t('start.newHeading')}</h2>
        <p>{t('start.newText')}</p>
        <button
          type="button"
          className="button button--primary"
          data-testid="new-board"
          onClick={() => navigate(boardPath(randomBoardName()))}
        >
          {t('start.newButton')}
        </button>
      </section>

      <section className="card" aria-labelledby={ids.openHeading}>
        <h2 id={ids.openHeading}>{t('start.openHeading')}</h2>
        <form onSubmit={open} noValidate>
          <label htmlFor={ids.input}>{t('start.openLabel')}</label>
          <p id={ids.hint} className="hint">
            {t('start.openHint')}
          </p>
          <input
            ref={inputRef}
            id={ids.input}
            type="text"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error}
            aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
            data-testid="board-name-input"
            onChange={(event) => {
              setTyped(event.target.value)
              if (error) setError(false)
            }}
          />
          {error ? (
            <p id={ids.error} className="form-error" role="alert" data-testid="board-name-error">
              {t('start.openEmpty')}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" data-testid="open-board">
              {t('start.openButton')}
            </button>
          </div>
        </form>
      </section>
    </PageShell>
  )
}
