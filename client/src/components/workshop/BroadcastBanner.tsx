import type { Broadcast } from '@werkraum/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../Announcer.tsx'

/**
 * The facilitator's message to every room: shown until dismissed on this
 * device, and read out at once (the one assertive announcement, through
 * Announcer.tsx) when it arrives while the page is open. `undefined` while
 * the workshop's state has not arrived: a message already there then is shown, not shouted.
 */
export function BroadcastBanner({ broadcast }: { readonly broadcast: Broadcast | null | undefined }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const [dismissed, setDismissed] = useState<string>()
  const seen = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    if (broadcast === undefined) return
    const before = seen.current
    seen.current = broadcast?.id ?? null
    if (before === undefined || broadcast === null || broadcast.id === before) return
    announce(`${t('broadcast.from')} ${broadcast.text}`, { assertive: true })
  }, [broadcast, t, announce])
  const shown = broadcast !== null && broadcast !== undefined && broadcast.id !== dismissed
  if (!shown) return null
  return (
    <div className="broadcast" data-testid="broadcast">
      <p>
        <strong>{t('broadcast.from')}</strong> {broadcast.text}
      </p>
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
    </div>
  )
}
