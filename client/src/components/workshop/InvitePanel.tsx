import { formatJoinCode, type CreatedWorkshop } from '@werkraum/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { joinPath } from '../../routing/route.ts'
import { CopyField } from './CopyField.tsx'
import { QrCode } from './QrCode.tsx'

interface InvitePanelProps {
  readonly joinCode: string
  readonly links: CreatedWorkshop['links'] | undefined
}

/**
 * The page's own address, with a link's path and fragment: behind a TLS proxy
 * that does not pass `X-Forwarded-Proto`, the server's idea of its address can
 * be wrong, the browser's is not.
 */
function onThisOrigin(link: string): string {
  try {
    const url = new URL(link)
    return `${window.location.origin}${url.pathname}${url.hash}`
  } catch {
    return link
  }
}

/**
 * How people get in. The join code, link and QR code may be shown on a
 * projector; the secret links stay folded away until asked for.
 */
export function InvitePanel({ joinCode, links }: InvitePanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const joinLink = `${window.location.origin}${joinPath(joinCode)}`
  return (
    <section className="card console-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('console.inviteHeading')}</h3>
      <div className="invite">
        <div className="invite-text">
          <p className="join-code-label">{t('console.joinCode')}</p>
          <p className="join-code">
            <span aria-hidden="true" data-testid="join-code">
              {formatJoinCode(joinCode)}
            </span>
            {/* Read character by character, as it is typed. */}
            <span className="visually-hidden">{joinCode.split('').join(' ')}</span>
          </p>
          <p className="hint">{t('console.joinCodeHint', { host: window.location.host })}</p>
          <CopyField label={t('console.joinLink')} value={joinLink} testId="join-link" />
        </div>
        <QrCode value={joinLink} label={t('console.qrLabel', { link: joinLink })} />
      </div>
      {links !== undefined ? (
        <details className="secret-links" data-testid="secret-links">
          <summary>{t('console.secretLinks')}</summary>
          <p className="hint">{t('console.secretLinksHint')}</p>
          <CopyField label={t('console.observerLink')} value={onThisOrigin(links.observer)} hint={t('console.observerHint')} testId="observer-link" />
          <CopyField label={t('console.facilitatorLink')} value={onThisOrigin(links.facilitator)} hint={t('console.facilitatorHint')} testId="facilitator-link" />
        </details>
      ) : null}
    </section>
  )
}
