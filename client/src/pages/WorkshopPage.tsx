import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { PageShell } from '../components/PageShell.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { joinPath, type WorkshopSubview } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'
import { credentialFor, storeCredential, tokenFromFragment } from '../workshop/credentials.ts'
import { forgetWorkshop } from '../workshop/forget.ts'
import { WorkshopSession } from '../workshop/workshopSession.ts'
import { WorkshopView } from './WorkshopView.tsx'

/**
 * `/w/<id>`: takes a token from the link (`#t=`) into this browser's storage
 * and out of the address bar, then opens the workshop with whatever token this
 * browser holds for it.
 */
export function WorkshopPage({ workshopId, view }: { readonly workshopId: string; readonly view: WorkshopSubview }) {
  const [token] = useState<string | undefined>(() => {
    const fromLink = tokenFromFragment(window.location.hash)
    if (fromLink !== undefined) {
      const previous = credentialFor(workshopId)
      // A facilitator or observer link replaces whoever this browser was in the workshop.
      storeCredential(workshopId, { token: fromLink, ...(previous?.color ? { color: previous.color } : {}) })
      window.history.replaceState(null, '', window.location.pathname + window.location.search)
      return fromLink
    }
    return credentialFor(workshopId)?.token
  })
  if (token === undefined) return <NoAccess />
  return <OpenWorkshop key={token} workshopId={workshopId} token={token} view={view} />
}

function OpenWorkshop({ workshopId, token, view }: { readonly workshopId: string; readonly token: string; readonly view: WorkshopSubview }) {
  const [session, setSession] = useState<WorkshopSession>()
  useEffect(() => {
    const created = new WorkshopSession(workshopId, token)
    setSession(created)
    return () => created.destroy()
  }, [workshopId, token])
  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? noSnapshot)
  const load = snapshot?.load ?? { kind: 'loading' }

  useEffect(() => {
    // A refused token will not work next time either; the page explains why.
    if (load.kind === 'refused') void forgetWorkshop(workshopId)
  }, [load.kind, workshopId])

  switch (load.kind) {
    case 'loading':
      return <Loading />
    case 'refused':
      return <Refused status={load.status} />
    case 'failed':
      return <Failed message={load.message} onRetry={() => session?.retry()} />
    case 'ready':
      return session !== undefined && snapshot !== undefined ? (
        <WorkshopView session={session} snapshot={snapshot} workshop={load.view} subview={view} />
      ) : (
        <Loading />
      )
    default: {
      const unreachable: never = load
      return unreachable
    }
  }
}

function Loading() {
  const { t } = useTranslation()
  useDocumentTitle(t('workshop.loadingTitle'))
  return (
    <PageShell>
      <div className="board-message" role="status" data-testid="workshop-loading">
        <span className="spinner" aria-hidden="true" />
        {t('workshop.loading')}
      </div>
    </PageShell>
  )
}

function NoAccess() {
  const { t } = useTranslation()
  useDocumentTitle(t('workshop.noAccessTitle'))
  return (
    <PageShell>
      <h1>{t('workshop.noAccessTitle')}</h1>
      <p data-testid="workshop-no-access">{t('workshop.noAccess')}</p>
      <JoinInstead />
    </PageShell>
  )
}

/** 401: the link is not (or no longer) valid; 403: removed, or the workshop is gone. */
function Refused({ status }: { readonly status: number }) {
  const { t } = useTranslation()
  const heading = status === 401 ? t('workshop.invalidLinkTitle') : t('workshop.revokedTitle')
  useDocumentTitle(heading)
  return (
    <PageShell>
      <div role="alert" data-testid="workshop-refused" data-status={status}>
        <h1>{heading}</h1>
        <p>{status === 401 ? t('workshop.invalidLink') : t('workshop.revoked')}</p>
      </div>
      <JoinInstead />
    </PageShell>
  )
}

function Failed({ message, onRetry }: { readonly message: string; readonly onRetry: () => void }) {
  const { t } = useTranslation()
  useDocumentTitle(t('workshop.failedTitle'))
  return (
    <PageShell>
      <div role="alert" data-testid="workshop-failed">
        <h1>{t('workshop.failedTitle')}</h1>
        <p>{message}</p>
      </div>
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('workshop.retry')}
      </button>
    </PageShell>
  )
}

function JoinInstead() {
  const { t } = useTranslation()
  return (
    <p>
      <a
        href={joinPath()}
        onClick={(event) => {
          event.preventDefault()
          navigate(joinPath())
        }}
      >
        {t('workshop.joinWithCode')}
      </a>
    </p>
  )
}

const noSubscription = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined
