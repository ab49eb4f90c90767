/**
 * Who may open which workshop document, decided before the WebSocket upgrade
 * from the signed token (who you are) and the workshop's current state (what
 * you may do).
 */
import { documentAccess, parseWorkshopDocName } from '@werkraum/shared'
import type { Access } from '../peer.ts'
import { verifyToken } from '../auth/tokens.ts'
import type { WorkshopStore } from './store.ts'

/** Access, or the HTTP status that refuses the upgrade. */
export type AccessDecision = Access | 401 | 403

export function decideAccess(store: WorkshopStore, secret: Uint8Array, docName: string, token: string | null): AccessDecision {
  const doc = parseWorkshopDocName(docName)
  // Boards outside workshops (opened by name from the start page) are open to anyone with the name.
  if (!doc) return 'write'
  if (!token) return 401
  const claims = verifyToken(secret, token)
  if (!claims) return 401
  if (claims.workshop !== doc.workshopId) return 403
  const participant = store.participant(claims.workshop, claims.subject)
  if (!participant || participant.removed) return 403
  switch (doc.kind) {
    case 'control':
      return documentAccess(participant.role, 'control')
    case 'board': {
      const board = store.board(doc.workshopId, doc.boardId)
      if (!board) return 403
      return documentAccess(participant.role, 'board', { locked: board.locked || board.archived })
    }
    default: {
      const unknown: never = doc
      throw new Error(`unknown document ${JSON.stringify(unknown)}`)
    }
  }
}
