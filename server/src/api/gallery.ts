/**
 * The results gallery's summary of a breakout phase: every room's outline and
 * concept titles, read on the server. When a breakout ends every participant
 * lands on the gallery at once; one read-only Yjs connection per room and
 * person would multiply the connections an office behind one address opens
 * (rooms × people) and run into the per-address limit. A summary over HTTP,
 * fetched every few seconds, costs no connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BreakoutLimits, boardResults, breakoutOfPhase, currentRecords, workshopBoardDocName, type GalleryRoom, type GallerySummary } from '@werkraum/shared'
import type * as Y from 'yjs'
import { accessOf } from '../workshops/access.ts'
import type { Participant, Workshop, WorkshopStore } from '../workshops/store.ts'
import { sendApiError, sendApiJson } from './errors.ts'
import { RateLimiter } from './rateLimit.ts'

/**
 * Summaries one person may fetch per minute. The gallery asks every five
 * seconds while it is visible (12 a minute); a second tab fits too, a script
 * cannot make the server read every room board in a loop.
 */
export const MAX_GALLERY_READS_PER_MINUTE = 60

export interface GalleryContext {
  readonly store: WorkshopStore
  readonly readDocument: <T>(name: string, look: (doc: Y.Doc) => T) => Promise<T>
}

/** Identifies the caller from the request; answers 401/403 itself and returns undefined otherwise. */
export type Caller = (req: IncomingMessage, res: ServerResponse, workshopId: string) => { workshop: Workshop; participant: Participant } | undefined

/** The handler of `GET /api/workshops/:id/results/:phaseId`, with its own rate limit. */
export function createGalleryRoute(ctx: GalleryContext, caller: Caller): (req: IncomingMessage, res: ServerResponse, workshopId: string, phaseId: string) => Promise<void> {
  const readsPerPerson = new RateLimiter(MAX_GALLERY_READS_PER_MINUTE)
  return async (req, res, workshopId, phaseId) => {
    const who = caller(req, res, workshopId)
    if (!who) return
    if (!readsPerPerson.hit(who.participant.id)) return sendApiError(req, res, 429, 'too_many_requests')
    const breakout = breakoutOfPhase(ctx.store.facilitation(workshopId).breakouts, phaseId)
    if (!breakout) return sendApiError(req, res, 404, 'not_found')
    const rooms: GalleryRoom[] = []
    for (const room of breakout.rooms.slice(0, BreakoutLimits.MAX_ROOMS)) {
      const docName = workshopBoardDocName(workshopId, room.boardId)
      // Every member may read every room board; a board that is gone is left out.
      if (accessOf(ctx.store, docName, { workshopId, participantId: who.participant.id }) === undefined) continue
      const results = await ctx.readDocument(docName, (doc) => boardResults(currentRecords(doc).values()))
      rooms.push({ roomId: room.id, boardId: room.boardId, ...results })
    }
    const answer: GallerySummary = { phaseId, rooms }
    sendApiJson(res, 200, answer)
  }
}
