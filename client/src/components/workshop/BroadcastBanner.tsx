import type { Broadcast } from '@werkraum/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The facilitator's message to every room: shown until dismissed on this device, announced at once. */
export function BroadcastBanner({ broadcast }: { readonly broadcast: Broadcast | null }) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState<string>()
  // Always in the page: a region that appears together with its text is not reliably announced.
  return (
    <div role="alert" className="broadcast-region">
      {broadcast !== null && broadcast.id !== dismissed ? (
        <div className="broadcast" data-testid="broadcast">
          <p>
            <strong>{t('broadcast.from')}</strong> {broadcast.text}
          </p>
          <button type="button" className="button button--small" onClick={() => setDismissed(broadcast.id)}>
            {t('console.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
