import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../components/AppLink.tsx'
import { PageShell } from '../components/PageShell.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { joinPath, type WorkshopSubview } from '../routing/route.ts'
import { credentialFor, noteOpened, storeCredential, tokenFromFragment } from '../workshop/credentials.ts'
import { forgetWorkshop } from '../workshop/forget.ts'
import { WorkshopSession } from '../workshop/workshopSession.ts'
import { SimpleModeProvider } from '../settings/SimpleModeProvider.tsx'
import { WorkshopView } from './WorkshopView.tsx'

/**
 * `/w/<id>`: opens the workshop with the token this browser holds for it, or
 * the one a link brings in its fragment (`#t=`), which leaves the address bar
 * at once. A link's token is kept only once the server has accepted it, and
 * it replaces other access to the same workshop only when the person says so.
 */
export function WorkshopPage({ workshopId, view }: { readonly workshopId: string; readonly view: WorkshopSubview }) {
  const [access, setAccess] = useState(() => chooseToken(workshopId, tokenFromFragment(window.location.hash)))
  useEffect(() => {
    const clearFragment = (): void => {
      if (window.location.hash !== '') window.history.replaceState(null, '', window.location.pathname + window.location.search)
    }
    clearFragment()
    // A link pasted while the workshop is open changes only the fragment: no new page, no new route.
    const onHashChange = (): void => {
      const fromLink = tokenFromFragment(window.location.hash)
      clearFragment()
      if (fromLink !== undefined) setAccess(chooseToken(workshopId, fromLink))
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [workshopId])

  if (access.offered !== undefined && access.token !== undefined) {
    return (
      <SwitchPrompt
        onSwitch={() => setAccess({ token: access.offered })}
        onKeep={() => setAccess({ token: access.token })}
      />
    )
  }
  if (access.token === undefined) return <NoAccess />
  return (
    <OpenWorkshop
      key={access.token}
      workshopId={workshopId}
      token={access.token}
      view={view}
      onUseStored={() => setAccess({ token: credentialFor(workshopId)?.token })}
    />
  )
}

interface Access {
  /** The token to open the workshop with. */
  readonly token?: string | undefined
  /** A link's token that differs from the one this browser already holds: the person chooses. */
  readonly offered?: string | undefined
}

function chooseToken(workshopId: string, fromLink: string | undefined): Access {
  const stored = credentialFor(workshopId)?.token
  if (fromLink === undefined || stored === undefined || stored === fromLink) return { token: fromLink ?? stored }
  return { token: stored, offered: fromLink }
}

/** Keeps a token the server accepted; a new one replaces what the browser knew of this workshop, except the colour. */
function remember(workshopId: string, token: string): void {
  const previous = credentialFor(workshopId)
  if (previous?.token === token) return
  storeCredential(workshopId, { token, ...(previous?.color ? { color: previous.color } : {}) })
}

interface OpenWorkshopProps {
  readonly workshopId: string
  readonly token: string
  readonly view: WorkshopSubview
  /** Goes back to the access this browser already had, after a link's token was refused. */
  readonly onUseStored: () => void
}

function OpenWorkshop({ workshopId, token, view, onUseStored }: OpenWorkshopProps) {
  const [session, setSession] = useState<WorkshopSession>()
  useEffect(() => {
    const created = new WorkshopSession(workshopId, token)
    setSession(created)
    return () => created.destroy()
  }, [workshopId, token])
  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? noSnapshot)
  const load = snapshot?.load ?? { kind: 'loading' }

  useEffect(() => {
    if (load.kind === 'ready') {
      remember(workshopId, token)
      noteOpened(workshopId, load.view.title, load.view.role)
    }
    // A refused token will not work next time either. Only the refused one is
    // forgotten: a bad link must not cost this browser the access it had. The
    // start page keeps listing the workshop as no longer available.
    if (load.kind === 'refused' && credentialFor(workshopId)?.token === token) void forgetWorkshop(workshopId, { gone: true })
  }, [load.kind, workshopId, token])

  switch (load.kind) {
    case 'loading':
      return <Loading />
    case 'refused':
      return <Refused status={load.status} onUseStored={hasOtherAccess(workshopId, token) ? onUseStored : undefined} />
    case 'failed':
      return <Failed message={load.message} onRetry={() => session?.retry()} />
    case 'ready':
      return session !== undefined && snapshot !== undefined ? (
        // The workshop's default decides simple mode for people who have not chosen themselves.
        <SimpleModeProvider workshopDefault={snapshot.control?.facilitation.simpleDefault}>
          <WorkshopView session={session} snapshot={snapshot} workshop={load.view} subview={view} />
        </SimpleModeProvider>
      ) : (
        <Loading />
      )
    default: {
      const unreachable: never = load
      return unreachable
    }
  }
}

/** Someone who is already in this workshop opened a different link to it. */
function SwitchPrompt({ onSwitch, onKeep }: { readonly onSwitch: () => void; readonly onKeep: () => void }) {
  const { t } = useTranslation()
  useDocumentTitle(t('workshop.switchTitle'))
  return (
    <PageShell>
      <h1>{t('workshop.switchTitle')}</h1>
      <p>{t('workshop.switchText')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onSwitch} data-testid="switch-to-link">
          {t('workshop.switchUse')}
        </button>
        <button type="button" className="button" onClick={onKeep} data-testid="keep-access">
          {t('workshop.switchKeep')}
        </button>
      </div>
    </PageShell>
  )
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
function hasOtherAccess(workshopId: string, token: string): boolean {
  const stored = credentialFor(workshopId)?.token
  return stored !== undefined && stored !== token
}

function Refused({ status, onUseStored }: { readonly status: number; readonly onUseStored: (() => void) | undefined }) {
  const { t } = useTranslation()
  const heading = status === 401 ? t('workshop.invalidLinkTitle') : t('workshop.revokedTitle')
  useDocumentTitle(heading)
  return (
    <PageShell>
      <div role="alert" data-testid="workshop-refused" data-status={status}>
        <h1>{heading}</h1>
        <p>{status === 401 ? t('workshop.invalidLink') : t('workshop.revoked')}</p>
      </div>
      {onUseStored !== undefined ? (
        <button type="button" className="button button--primary" onClick={onUseStored} data-testid="use-stored-access">
          {t('workshop.useStoredAccess')}
        </button>
      ) : null}
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
      <AppLink href={joinPath()}>{t('workshop.joinWithCode')}</AppLink>
    </p>
  )
}

const noSubscription = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined
