import type { SiteInfo } from '@werkraum/shared'
import { useEffect, useState } from 'react'
import { fetchSiteInfo } from '../workshop/api.ts'

export type SiteInfoState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly info: SiteInfo } | { readonly kind: 'failed' }

// Asked once per page load: the operator's settings change only with a restart.
let asked: Promise<SiteInfo> | undefined
let known: SiteInfo | undefined

/** The operator's name and contact from the server (`GET /api/site`). A failed request is tried again on the next page. */
export function useSiteInfo(): SiteInfoState {
  const [state, setState] = useState<SiteInfoState>(() => (known ? { kind: 'ready', info: known } : { kind: 'loading' }))
  useEffect(() => {
    if (known) return
    let live = true
    asked ??= fetchSiteInfo()
    asked.then(
      (info) => {
        known = info
        if (live) setState({ kind: 'ready', info })
      },
      () => {
        asked = undefined
        if (live) setState({ kind: 'failed' })
      },
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
