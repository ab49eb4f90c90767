import { CloseCode } from '@werkraum/shared'
import { useTranslation } from 'react-i18next'
import { useDelayedFlag } from '../hooks/useDelayedFlag.ts'
import type { ConnectionView } from '../sync/connectionMonitor.ts'

/** While connected, an edit is "unsent" for a few milliseconds; only mention it if it lasts. */
const UNSENT_MENTION_DELAY_MS = 1500

export function ConnectionStatus({ view }: { readonly view: ConnectionView }) {
  const { t } = useTranslation()
  const { phase, unsent, lastClose } = view
  const lingering = useDelayedFlag(unsent, UNSENT_MENTION_DELAY_MS)
  const mentionUnsent = unsent && (phase !== 'connected' || lingering)
  // The reason for a final close is in the banner; here only the one we are retrying after.
  const reason =
    phase !== 'connected' && view.fatalClose === undefined && lastClose?.name !== undefined
      ? t(CloseCode[lastClose.name].messageKey)
      : undefined

  return (
    <div className="connection-status" data-testid="connection-status" data-state={phase} data-unsent={String(unsent)}>
      <span className={`connection-dot connection-dot--${phase}`} aria-hidden="true" />
      {/* Polite and terse: announced only when the phase or the unsent notice changes. */}
      <span role="status" aria-live="polite" className="connection-text">
        <span className="visually-hidden">{t('connection.label')}: </span>
        {t(`connection.${phase}`)}
        {reason !== undefined ? <span className="connection-reason"> {t('connection.reason', { message: reason })}</span> : null}
        {mentionUnsent ? <span className="connection-unsent"> {t('connection.unsent')}</span> : null}
      </span>
    </div>
  )
}
