/**
 * Who may open which workshop document, decided before the WebSocket upgrade
 * from the signed token (who you are) and the workshop's current state (what
 * you may do).
 */
import { breakoutAccess, documentAccess, parseWorkshopDocName, watchOnlyNow } from '@werkraum/shared'
import type { Access, Subject } from '../peer.ts'
import { verifyToken } from '../auth/tokens.ts'
import type { WorkshopStore } from './store.ts'

/** Access, or the HTTP status that refuses the upgrade. */
export type AccessDecision = Access | 401 | 403

/** A decision at the upgrade, with the caller's identity for later re-checks. */
export type UpgradeDecision = { readonly access: Access; readonly subject: Subject | undefined } | 401 | 403

export function decideAccess(store: WorkshopStore, secret: Uint8Array, docName: string, token: string | null): UpgradeDecision {
  const doc = parseWorkshopDocName(docName)
  // Boards outside workshops (opened by name from the start page) are open to anyone with the name.
  if (!doc) return { access: 'write', subject: undefined }
  if (!token) return 401
  const claims = verifyToken(secret, token)
  if (!claims) return 401
  if (claims.workshop !== doc.workshopId) return 403
  const subject: Subject = { workshopId: claims.workshop, participantId: claims.subject }
  const access = accessOf(store, docName, subject)
  if (access === undefined) return 403
  store.touch(subject.workshopId)
  return { access, subject }
}

/**
 * What `subject` may do with a workshop document now, or undefined if nothing
 * (removed, unknown, or not this workshop's document). Asked at the upgrade
 * and again whenever the workshop's state changes.
 */
export function accessOf(store: WorkshopStore, docName: string, subject: Subject): Access | undefined {
  const doc = parseWorkshopDocName(docName)
  if (!doc || doc.workshopId !== subject.workshopId) return undefined
  const participant = store.participant(subject.workshopId, subject.participantId)
  if (!participant || participant.removed) return undefined
  switch (doc.kind) {
    case 'control':
      return documentAccess(participant.role, 'control')
    case 'board': {
      const board = store.board(doc.workshopId, doc.boardId)
      if (!board) return undefined
      const facilitation = store.facilitation(doc.workshopId)
      const breakout = breakoutAccess(facilitation.breakouts, board.id, participant.id)
      return documentAccess(participant.role, 'board', {
        locked: board.locked || board.archived || breakout.lockedByBreakout || watchOnlyNow(facilitation),
        ...(breakout.ownRoomDuringBreakout !== undefined ? { ownRoomDuringBreakout: breakout.ownRoomDuringBreakout } : {}),
      })
    }
    default: {
      const unknown: never = doc
      throw new Error(`unknown document ${JSON.stringify(unknown)}`)
    }
  }
}
