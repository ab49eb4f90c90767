import type { Role, Summon } from '@werkraum/shared'
import { useEffect, useRef, useState } from 'react'
import { workshopPath } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'

/**
 * "Bring everyone to me" and pitch mode: a new summon in the control document
 * takes everyone but the facilitator to its board; the board then shows the
 * summoned part of the page. Only summons made while this page is open count
 * (an old one must not pull someone who just arrived).
 */
export function useSummon(workshopId: string, summon: Summon | null | undefined, role: Role): Summon | undefined {
  const seen = useRef<string | null | undefined>(summon === undefined ? undefined : (summon?.id ?? null))
  const [active, setActive] = useState<Summon>()
  useEffect(() => {
    if (summon === undefined) return
    if (seen.current === undefined) {
      // The control document has just arrived: what it holds is history.
      seen.current = summon?.id ?? null
      return
    }
    if (summon === null || summon.id === seen.current) return
    seen.current = summon.id
    if (role === 'facilitator') return
    setActive(summon)
    navigate(workshopPath(workshopId, { kind: 'board', boardId: summon.boardId }))
  }, [summon, role, workshopId])
  return active
}
