import { normaliseJoinCode, type JoinPreview } from '@werkraum/shared'
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { ColorPicker } from '../components/ColorPicker.tsx'
import { PageShell } from '../components/PageShell.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { workshopPath } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'
import { MAX_NAME_CHARS, cleanName, loadIdentity, randomColor } from '../user/identity.ts'
import { ApiCallError, fetchJoinPreview, joinWorkshop } from '../workshop/api.ts'
import { credentialFor, storeCredential, workshopForJoinCode } from '../workshop/credentials.ts'

type Problem = { readonly field: 'code' | 'name' | 'form'; readonly message: string }
/** The workshop a code leads to, once the server has said so. */
type Found = JoinPreview & { readonly code: string }

/**
 * `/j/<code>` and `/j`: first the code (a link brings it along), then, with
 * the workshop's title in view, a name and a colour. Someone who already
 * joined from this browser goes straight back in as the same person.
 */
export function JoinPage({ initialCode }: { readonly initialCode: string }) {
  const { t } = useTranslation()
  const [code, setCode] = useState(initialCode)
  const [found, setFound] = useState<Found>()
  // A link's code is looked up at once; until the answer, neither step shows.
  const [linkChecking, setLinkChecking] = useState(() => normaliseJoinCode(initialCode) !== undefined && workshopForJoinCode(initialCode) === undefined)
  const [checking, setChecking] = useState(false)
  const [problem, setProblem] = useState<Problem>()
  const codeRef = useRef<HTMLInputElement>(null)
  useDocumentTitle(found === undefined ? t('join.pageTitle') : t('join.pageTitleFor', { title: found.title }))

  useEffect(() => {
    const known = workshopForJoinCode(initialCode)
    if (known !== undefined) {
      navigate(workshopPath(known), { replace: true })
      return
    }
    const normalised = normaliseJoinCode(initialCode)
    if (normalised === undefined) {
      if (initialCode !== '') setProblem({ field: 'code', message: t('join.badCode') })
      return
    }
    const abort = new AbortController()
    lookUp(normalised, abort.signal).then(setFound, (error: unknown) => {
      if (!abort.signal.aborted) setProblem(problemOf(error))
    }).finally(() => {
      if (!abort.signal.aborted) setLinkChecking(false)
    })
    return () => abort.abort()
  }, [initialCode, t])

  const continueWithCode = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const normalised = normaliseJoinCode(code)
    if (normalised === undefined) {
      setProblem({ field: 'code', message: t('join.badCode') })
      codeRef.current?.focus()
      return
    }
    const known = workshopForJoinCode(normalised)
    if (known !== undefined) {
      navigate(workshopPath(known))
      return
    }
    setChecking(true)
    setProblem(undefined)
    try {
      setFound(await lookUp(normalised))
    } catch (error) {
      setProblem(problemOf(error))
      requestAnimationFrame(() => codeRef.current?.focus())
    } finally {
      setChecking(false)
    }
  }

  const backToCode = (next?: Problem): void => {
    setFound(undefined)
    setProblem(next)
    requestAnimationFrame(() => codeRef.current?.focus())
  }

  if (linkChecking) {
    return (
      <PageShell>
        <h1>{t('join.heading')}</h1>
        <p className="board-message" role="status" data-testid="join-checking">
          <span className="spinner" aria-hidden="true" />
          {t('join.checking')}
        </p>
      </PageShell>
    )
  }

  if (found !== undefined) return <NameStep found={found} onChangeCode={backToCode} />

  return (
    <PageShell>
      <h1>{t('join.heading')}</h1>
      <p className="lead">{t('join.intro')}</p>
      <section className="card">
        <CodeForm
          code={code}
          problem={problem}
          busy={checking}
          inputRef={codeRef}
          onChange={(value) => {
            setCode(value)
            if (problem?.field === 'code') setProblem(undefined)
          }}
          onSubmit={(event) => void continueWithCode(event)}
        />
      </section>
    </PageShell>
  )
}

interface CodeFormProps {
  readonly code: string
  readonly problem: Problem | undefined
  readonly busy: boolean
  readonly inputRef: RefObject<HTMLInputElement | null>
  readonly onChange: (code: string) => void
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => void
}

function CodeForm({ code, problem, busy, inputRef, onChange, onSubmit }: CodeFormProps) {
  const { t } = useTranslation()
  const ids = { code: useId(), hint: useId(), error: useId() }
  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <label htmlFor={ids.code}>{t('join.codeLabel')}</label>
      <p id={ids.hint} className="hint">
        {t('join.codeHint')}
      </p>
      <input
        ref={inputRef}
        id={ids.code}
        type="text"
        value={code}
        maxLength={16}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={problem?.field === 'code'}
        aria-describedby={problem !== undefined ? `${ids.hint} ${ids.error}` : ids.hint}
        className="code-input"
        data-testid="join-code-input"
        onChange={(event) => onChange(event.target.value)}
      />
      {problem !== undefined ? (
        <p id={ids.error} className="form-error" role="alert" data-testid="join-error">
          {problem.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="join-continue">
          {busy ? t('join.checking') : t('join.continue')}
        </button>
      </div>
    </form>
  )
}

interface NameStepProps {
  readonly found: Found
  /** Back to the code, with a reason if the code stopped working. */
  readonly onChangeCode: (problem?: Problem) => void
}

/** The second step: which workshop this is, then the name the others will see. */
function NameStep({ found, onChangeCode }: NameStepProps) {
  const { t } = useTranslation()
  const [name, setName] = useState(() => loadIdentity()?.name ?? '')
  const [color, setColor] = useState(() => loadIdentity()?.color ?? randomColor())
  const [problem, setProblem] = useState<Problem>()
  const [busy, setBusy] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const ids = { name: useId(), error: useId() }

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const cleaned = cleanName(name)
    if (cleaned === '') {
      setProblem({ field: 'name', message: t('name.empty') })
      nameRef.current?.focus()
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      const joined = await joinWorkshop(found.code, cleaned)
      // A facilitator or observer who types the code on their own device stays what they were there.
      const existing = credentialFor(joined.workshopId)
      if (existing === undefined || existing.joinCode !== undefined) {
        storeCredential(joined.workshopId, { token: joined.token, joinCode: found.code, color })
      }
      navigate(workshopPath(joined.workshopId))
    } catch (error) {
      setBusy(false)
      const next = problemOf(error)
      // The workshop was deleted since the code was checked.
      if (next.field === 'code') onChangeCode(next)
      else setProblem(next)
    }
  }

  return (
    <PageShell>
      <p className="eyebrow">{t('join.joiningEyebrow')}</p>
      <h1 lang={found.locale} data-testid="join-workshop-title">
        {found.title}
      </h1>
      <p className="lead">{t('join.introName')}</p>
      <section className="card">
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <label htmlFor={ids.name}>{t('name.label')}</label>
          <input
            ref={nameRef}
            id={ids.name}
            type="text"
            value={name}
            maxLength={MAX_NAME_CHARS}
            autoComplete="nickname"
            // The page changed under the person's hands: the one field to fill comes first.
            autoFocus
            aria-invalid={problem?.field === 'name'}
            aria-describedby={problem?.field === 'name' ? ids.error : undefined}
            data-testid="join-name-input"
            onChange={(event) => setName(event.target.value)}
          />
          {problem?.field === 'name' ? (
            <p id={ids.error} className="form-error" role="alert" data-testid="join-error">
              {problem.message}
            </p>
          ) : null}
          <p className="hint">{t('join.privacy')}</p>
          <ColorPicker value={color} onChange={setColor} />
          {problem?.field === 'form' ? (
            <p className="form-error" role="alert" data-testid="join-error">
              {problem.message}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="join-submit">
              {busy ? t('join.joining') : t('join.submit')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => onChangeCode()} data-testid="join-change-code">
              {t('join.changeCode')}
            </button>
          </div>
        </form>
      </section>
    </PageShell>
  )
}

async function lookUp(code: string, signal?: AbortSignal): Promise<Found> {
  return { ...(await fetchJoinPreview(code, signal)), code }
}

function problemOf(error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error)
  return { field: error instanceof ApiCallError && error.code === 'unknown_code' ? 'code' : 'form', message }
}
