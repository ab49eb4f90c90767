import { normaliseJoinCode } from '@werkraum/shared'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ColorPicker } from '../components/ColorPicker.tsx'
import { PageShell } from '../components/PageShell.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { workshopPath } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'
import { MAX_NAME_CHARS, cleanName, loadIdentity, randomColor } from '../user/identity.ts'
import { ApiCallError, joinWorkshop } from '../workshop/api.ts'
import { credentialFor, storeCredential, workshopForJoinCode } from '../workshop/credentials.ts'

type Problem = { readonly field: 'code' | 'name' | 'form'; readonly message: string }

/**
 * `/j/<code>` and `/j`: a name (and a colour) is all it takes. Someone who
 * already joined from this browser goes straight back in as the same person.
 */
export function JoinPage({ initialCode }: { readonly initialCode: string }) {
  const { t } = useTranslation()
  useDocumentTitle(t('join.pageTitle'))
  const [code, setCode] = useState(initialCode)
  const [name, setName] = useState(() => loadIdentity()?.name ?? '')
  const [color, setColor] = useState(() => loadIdentity()?.color ?? randomColor())
  const [problem, setProblem] = useState<Problem>()
  const [busy, setBusy] = useState(false)
  const codeRef = useRef<HTMLInputElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const ids = { code: useId(), codeHint: useId(), name: useId(), error: useId() }

  useEffect(() => {
    const known = workshopForJoinCode(initialCode)
    if (known !== undefined) navigate(workshopPath(known), { replace: true })
  }, [initialCode])

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
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
    const cleaned = cleanName(name)
    if (cleaned === '') {
      setProblem({ field: 'name', message: t('name.empty') })
      nameRef.current?.focus()
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      const joined = await joinWorkshop(normalised, cleaned)
      // A facilitator or observer who types the code on their own device stays what they were there.
      const existing = credentialFor(joined.workshopId)
      if (existing === undefined || existing.joinCode !== undefined) {
        storeCredential(joined.workshopId, { token: joined.token, joinCode: normalised, color })
      }
      navigate(workshopPath(joined.workshopId))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const field = error instanceof ApiCallError && error.code === 'unknown_code' ? 'code' : 'form'
      setProblem({ field, message })
      setBusy(false)
      if (field === 'code') codeRef.current?.focus()
    }
  }

  const errorFor = (field: Problem['field']) =>
    problem?.field === field ? (
      <p id={ids.error} className="form-error" role="alert" data-testid="join-error">
        {problem.message}
      </p>
    ) : null

  return (
    <PageShell>
      <h1>{t('join.heading')}</h1>
      <p className="lead">{t('join.intro')}</p>
      <section className="card">
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <label htmlFor={ids.code}>{t('join.codeLabel')}</label>
          <p id={ids.codeHint} className="hint">
            {t('join.codeHint')}
          </p>
          <input
            ref={codeRef}
            id={ids.code}
            type="text"
            value={code}
            maxLength={16}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={problem?.field === 'code'}
            aria-describedby={problem?.field === 'code' ? `${ids.codeHint} ${ids.error}` : ids.codeHint}
            className="code-input"
            data-testid="join-code-input"
            onChange={(event) => setCode(event.target.value)}
          />
          {errorFor('code')}
          <label htmlFor={ids.name}>{t('name.label')}</label>
          <input
            ref={nameRef}
            id={ids.name}
            type="text"
            value={name}
            maxLength={MAX_NAME_CHARS}
            autoComplete="nickname"
            aria-invalid={problem?.field === 'name'}
            aria-describedby={problem?.field === 'name' ? ids.error : undefined}
            data-testid="join-name-input"
            onChange={(event) => setName(event.target.value)}
          />
          {errorFor('name')}
          <p className="hint">{t('join.privacy')}</p>
          <ColorPicker value={color} onChange={setColor} />
          {errorFor('form')}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="join-submit">
              {busy ? t('join.joining') : t('join.submit')}
            </button>
          </div>
        </form>
      </section>
    </PageShell>
  )
}
