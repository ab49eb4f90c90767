import { WorkshopLimits, type Locale } from '@werkraum/shared'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { workshopPath } from '../../routing/route.ts'
import { navigate } from '../../routing/useRoute.ts'
import { ApiCallError, createFollowUpWorkshop, createWorkshop } from '../../workshop/api.ts'
import { noteOpened, storeCredential } from '../../workshop/credentials.ts'
import { keepSeed, type FollowUpSeed } from '../../workshop/followUp.ts'

interface CreateWorkshopFormProps {
  readonly initialTitle?: string
  readonly initialLocale?: Locale
  /**
   * A follow-up of an earlier workshop: `prepare` gathers its concepts before
   * the new workshop is created; they are laid out on its first board, where
   * the facilitator lands. The new workshop records `of` as its predecessor.
   */
  readonly followUp?: {
    readonly prepare: () => Promise<FollowUpSeed>
    readonly submitLabel: string
    readonly of: { readonly workshopId: string; readonly token: string }
  }
}

/**
 * A title and a language make a workshop. The password field appears only on
 * servers that ask for one (the server answers `wrong_password`).
 */
export function CreateWorkshopForm({ initialTitle = '', initialLocale, followUp }: CreateWorkshopFormProps = {}) {
  const { t, i18n } = useTranslation()
  const ids = { title: useId(), locale: useId(), password: useId(), passwordHint: useId(), error: useId() }
  const [title, setTitle] = useState(initialTitle)
  const [locale, setLocale] = useState<Locale>(initialLocale ?? (i18n.language === 'de' ? 'de' : 'en'))
  const [password, setPassword] = useState('')
  const [needsPassword, setNeedsPassword] = useState(false)
  const [problem, setProblem] = useState<{ field: 'title' | 'password' | 'form'; message: string }>()
  const [busy, setBusy] = useState(false)
  const titleRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (title.trim() === '') {
      setProblem({ field: 'title', message: t('create.emptyTitle') })
      titleRef.current?.focus()
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      const seed = followUp ? await followUp.prepare() : undefined
      const typedPassword = needsPassword ? password : undefined
      const created = followUp
        ? await createFollowUpWorkshop(title.trim(), locale, typedPassword, followUp.of)
        : await createWorkshop(title.trim(), locale, typedPassword)
      storeCredential(created.id, { token: created.facilitatorToken })
      // Listed on the start page at once, even if the person never gets past the name prompt.
      noteOpened(created.id, title.trim(), 'facilitator')
      if (seed) keepSeed(created.id, seed)
      navigate(workshopPath(created.id, seed ? { kind: 'board' } : { kind: 'console' }))
    } catch (error) {
      setBusy(false)
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof ApiCallError && error.code === 'wrong_password') {
        setNeedsPassword(true)
        setProblem({ field: 'password', message })
        // The field appears with this render; focus it on the next frame.
        requestAnimationFrame(() => passwordRef.current?.focus())
        return
      }
      setProblem({ field: 'form', message })
    }
  }

  const errorFor = (field: 'title' | 'password' | 'form') =>
    problem?.field === field ? (
      <p id={ids.error} className="form-error" role="alert" data-testid="create-error">
        {problem.message}
      </p>
    ) : null

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      <label htmlFor={ids.title}>{t('create.titleLabel')}</label>
      <input
        ref={titleRef}
        id={ids.title}
        type="text"
        value={title}
        maxLength={WorkshopLimits.MAX_TITLE_CHARS}
        aria-invalid={problem?.field === 'title'}
        aria-describedby={problem?.field === 'title' ? ids.error : undefined}
        data-testid="create-title"
        onChange={(event) => setTitle(event.target.value)}
      />
      {errorFor('title')}
      <label htmlFor={ids.locale}>{t('create.localeLabel')}</label>
      <select id={ids.locale} value={locale} onChange={(event) => setLocale(event.target.value === 'de' ? 'de' : 'en')} data-testid="create-locale">
        <option value="de">{t('language.de')}</option>
        <option value="en">{t('language.en')}</option>
      </select>
      {needsPassword ? (
        <>
          <label htmlFor={ids.password}>{t('create.passwordLabel')}</label>
          <p id={ids.passwordHint} className="hint">
            {t('create.passwordHint')}
          </p>
          <input
            ref={passwordRef}
            id={ids.password}
            type="password"
            value={password}
            autoComplete="off"
            aria-invalid={problem?.field === 'password'}
            aria-describedby={problem?.field === 'password' ? `${ids.passwordHint} ${ids.error}` : ids.passwordHint}
            data-testid="create-password"
            onChange={(event) => setPassword(event.target.value)}
          />
          {errorFor('password')}
        </>
      ) : null}
      {errorFor('form')}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="create-workshop">
          {busy ? t('create.creating') : (followUp?.submitLabel ?? t('create.submit'))}
        </button>
      </div>
    </form>
  )
}
