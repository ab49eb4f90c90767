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

/** How people get in: the code to read aloud, the join link and its QR code, and the two secret links. */
export function InvitePanel({ joinCode, links }: InvitePanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const joinLink = links?.join ?? `${window.location.origin}${joinPath(joinCode)}`
  return (
    <section className="card console-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('console.inviteHeading')}</h3>
      <div className="invite">
        <div className="invite-text">
          <p className="join-code-label">{t('console.joinCode')}</p>
          <p className="join-code" data-testid="join-code" aria-label={t('console.joinCodeSpelled', { code: joinCode.split('').join(' ') })}>
            {formatJoinCode(joinCode)}
          </p>
          <p className="hint">{t('console.joinCodeHint', { host: window.location.host })}</p>
          <CopyField label={t('console.joinLink')} value={joinLink} testId="join-link" />
        </div>
        <QrCode value={joinLink} label={t('console.qrLabel', { link: joinLink })} />
      </div>
      {links !== undefined ? (
        <>
          <CopyField label={t('console.observerLink')} value={links.observer} hint={t('console.observerHint')} testId="observer-link" />
          <CopyField label={t('console.facilitatorLink')} value={links.facilitator} hint={t('console.facilitatorHint')} testId="facilitator-link" />
        </>
      ) : null}
    </section>
  )
}
