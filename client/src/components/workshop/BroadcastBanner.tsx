import type { Broadcast } from '@werkraum/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The facilitator's message to every room: shown until dismissed on this device, announced at once. */
export function BroadcastBanner({ broadcast }: { readonly broadcast: Broadcast | null }) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState<string>()
  // Always in the page: a region that appears together with its text is not reliably announced.
  const shown = broadcast !== null && broadcast.id !== dismissed
  return (
    <div className={shown ? 'broadcast' : undefined} data-testid={shown ? 'broadcast' : undefined}>
      <div role="alert" className="broadcast-region">
        {shown ? (
          <p>
            <strong>{t('broadcast.from')}</strong> {broadcast.text}
          </p>
        ) : null}
      </div>
      {shown ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setDismissed(broadcast.id)
            // The button goes away with the banner: keep the keyboard in the page.
            document.getElementById('main')?.focus()
          }}
        >
          {t('console.dismiss')}
        </button>
      ) : null}
    </div>
  )
}
