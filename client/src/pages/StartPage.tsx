import { boardSlug } from '@werkraum/shared'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MyWorkshops } from '../components/MyWorkshops.tsx'
import { PageShell } from '../components/PageShell.tsx'
import { CreateWorkshopForm } from '../components/workshop/CreateWorkshopForm.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { boardPath, joinPath } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'
import { randomBoardName } from '../user/boardName.ts'

export function StartPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('start.pageTitle'))
  const [typed, setTyped] = useState('')
  const [error, setError] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const ids = {
    workshopHeading: useId(),
    joinHeading: useId(),
    boardsHeading: useId(),
    newHeading: useId(),
    openHeading: useId(),
    input: useId(),
    hint: useId(),
    error: useId(),
  }
  // Shown once: the address loses the marker, so a reload or "back" does not repeat it.
  const [deleted] = useState(() => new URLSearchParams(window.location.search).has('deleted'))
  useEffect(() => {
    if (window.location.search !== '') window.history.replaceState(null, '', window.location.pathname)
  }, [])

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
      {deleted ? (
        <p className="notice" role="status" data-testid="workshop-deleted">
          {t('start.workshopDeleted')}
        </p>
      ) : null}
      <MyWorkshops />

      <div className="start-grid">
        <section className="card" aria-labelledby={ids.joinHeading}>
          <h2 id={ids.joinHeading}>{t('start.joinHeading')}</h2>
          <p>{t('start.joinText')}</p>
          <a
            className="button button--primary"
            href={joinPath()}
            data-testid="go-join"
            onClick={(event) => {
              event.preventDefault()
              navigate(joinPath())
            }}
          >
            {t('start.joinButton')}
          </a>
        </section>
        <section className="card" aria-labelledby={ids.workshopHeading}>
          <h2 id={ids.workshopHeading}>{t('start.workshopHeading')}</h2>
          <p>{t('start.workshopText')}</p>
          <CreateWorkshopForm />
        </section>
      </div>

      <h2 id={ids.boardsHeading} className="section-heading">
        {t('start.boardsHeading')}
      </h2>
      <section className="card" aria-labelledby={ids.newHeading}>
        <h3 id={ids.newHeading}>{t('start.newHeading')}</h3>
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
        <h3 id={ids.openHeading}>{t('start.openHeading')}</h3>
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
