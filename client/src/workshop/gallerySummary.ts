/**
 * The results gallery's pictures, read from the server's summary
 * (`GET /api/workshops/:id/results/:phaseId`) rather than from one live copy
 * of each room board: everyone lands on the gallery at once when a breakout
 * ends, and a connection per room and person would add up to hundreds for an
 * office behind one address.
 */
import type { GallerySummary } from '@werkraum/shared'
import { useEffect, useState } from 'react'
import { fetchGallerySummary } from './api.ts'

/** How often an open, visible gallery asks again: the rooms may still be writing. */
export const GALLERY_REFRESH_MS = 5000

export interface GalleryState {
  /** The last summary that arrived; undefined until the first one. */
  readonly summary: GallerySummary | undefined
  /** The last request failed (the summary above, if any, is older). */
  readonly failed: boolean
}

/**
 * The summary of `phaseId`'s rooms: asked when the gallery opens, when
 * `stateKey` changes (the breakout ended, rooms changed), when the page
 * becomes visible again, and every GALLERY_REFRESH_MS while it is visible.
 */
export function useGallerySummary(workshopId: string, token: string, phaseId: string, stateKey: string): GalleryState {
  const [state, setState] = useState<GalleryState>({ summary: undefined, failed: false })
  useEffect(() => {
    const abort = new AbortController()
    let asking = false
    const load = (): void => {
      // A hidden tab asks nothing; it asks at once when it is looked at again. A slow answer is waited for, not asked over.
      if (document.visibilityState !== 'visible' || asking) return
      asking = true
      fetchGallerySummary(workshopId, token, phaseId, abort.signal)
        .then(
          (summary) => setState({ summary, failed: false }),
          () => {
            // Kept as it was; the next round tries again.
            if (!abort.signal.aborted) setState((s) => ({ summary: s.summary, failed: true }))
          },
        )
        .finally(() => {
          asking = false
        })
    }
    load()
    const timer = setInterval(load, GALLERY_REFRESH_MS)
    document.addEventListener('visibilitychange', load)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', load)
      abort.abort()
    }
  }, [workshopId, token, phaseId, stateKey])
  // Another phase's summary is not this one's.
  return state.summary === undefined || state.summary.phaseId === phaseId ? state : { summary: undefined, failed: state.failed }
}
