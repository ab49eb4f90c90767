/**
 * Whether this person may change a board, and if not why: the same rule the
 * server applies (shared/src/roles.ts and breakout.ts), so tldraw is read-only
 * exactly when the server would drop the edits.
 */
import { breakoutAccess, documentAccess, watchOnlyNow, type Facilitation, type Role } from '@werkraum/shared'
import type { ControlBoard } from './controlState.ts'

export type ReadOnlyReason = 'observer' | 'locked' | 'otherRoom' | 'result' | 'watchOnly'

export function readOnlyReason(role: Role, board: ControlBoard, facilitation: Facilitation | undefined, participantId: string): ReadOnlyReason | undefined {
  const breakout = facilitation ? breakoutAccess(facilitation.breakouts, board.id, participantId) : { lockedByBreakout: false }
  const watchOnly = facilitation !== undefined && watchOnlyNow(facilitation)
  const access = documentAccess(role, 'board', {
    locked: board.locked || breakout.lockedByBreakout || watchOnly,
    ...(breakout.ownRoomDuringBreakout !== undefined ? { ownRoomDuringBreakout: breakout.ownRoomDuringBreakout } : {}),
  })
  if (access === 'write') return undefined
  if (role === 'observer') return 'observer'
  if (board.locked) return 'locked'
  if (breakout.lockedByBreakout) return 'result'
  if (watchOnly) return 'watchOnly'
  return 'otherRoom'
}
