/**
 * The workshop HTTP API (issue #3), documented in docs/API.md. Loaded on the
 * first /api request, so a server that only syncs boards never loads zod.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  BreakoutLimits,
  VoteLimits,
  applyAgendaCommand,
  breakoutOfPhase,
  itemKey,
  resolveVoteBoards,
  sourceOf,
  normaliseSession,
  resultsCsv,
  WorkshopLimits,
  normaliseJoinCode,
  permissionsOf,
  workshopBoardDocName,
  workshopControlDocName,
} from '@werkraum/shared'
import type { CreatedWorkshop, JoinPreview, JoinedWorkshop, VotePlan, VoteSession, WorkshopView } from '@werkraum/shared'
import { CreateWorkshopBodySchema, JoinBodySchema, WorkshopCommandSchema, type WorkshopCommand } from '@werkraum/shared/schemas'
import { signToken, verifyToken } from '../auth/tokens.ts'
import { chooseRoom, openBreakout, placeLateComer, takeOutOfRooms } from '../workshops/breakout.ts'
import { bringResults, plantSeeds, topVotedSeeds, type TopVotedSeed, type WriteDocument } from '../workshops/results.ts'
import type { Participant, Workshop, WorkshopStore } from '../workshops/store.ts'
import { accessOf } from '../workshops/access.ts'
import { isVoteItemOnBoard, itemsOnBoard } from '../workshops/voteItems.ts'
import { closeVoteWithPhase } from '../workshops/votes.ts'
import { resultRows } from '../workshops/voteResults.ts'
import { buildCatalogue } from '../workshops/catalogue.ts'
import { exportFileName, isTextExportFormat, rendered } from '../workshops/catalogueFiles.ts'
import type * as Y from 'yjs'
import { sendApiError, sendApiJson } from './errors.ts'
import { readBody, readRaw } from './body.ts'
import { MAX_IMAGES_PER_WORKSHOP, MAX_IMAGE_BYTES, MAX_IMAGE_BYTES_PER_WORKSHOP, imageHeaders, sniffImageType } from './images.ts'
import { RateLimiter, addressKey } from './rateLimit.ts'
import { createGalleryRoute } from './gallery.ts'

export interface ApiContext {
  readonly store: WorkshopStore
  readonly secret: Uint8Array
  /** Required to create workshops, if set. */
  readonly creationPassword: string | undefined
  /** Called after anything changed a workshop: open connections follow at once, and the control document shows it. */
  readonly onWorkshopChanged: (workshopId: string) => void
  /** Deletes a workshop and all its data. */
  readonly deleteWorkshop: (workshopId: string) => Promise<void>
  /** Whether someone has a connection open to the workshop now (breakout rooms are for those present). */
  readonly isPresent: (workshopId: string, participantId: string) => boolean
  /** Reads a document without changing it (whether a voted-on note exists, its text). */
  readonly readDocument: <T>(name: string, look: (doc: Y.Doc) => T) => Promise<T>
  /** Changes a board on the server's behalf (results copied between phases). */
  readonly writeDocument: WriteDocument
  /** Republishes the control document only (ballots change counts, not access). */
  readonly onVotesChanged: (workshopId: string) => void
}

/** Wrong join codes one address may try per minute before it is answered 429. */
export const MAX_WRONG_CODES_PER_MINUTE = 10
/**
 * Commands one person may send per minute. Every command makes the server
 * re-decide access for every open connection and republish the control
 * document, so a script must not be able to loop on it; a facilitator
 * clicking through a workshop stays far below.
 */
export const MAX_COMMANDS_PER_MINUTE = 120
/**
 * Reads of what a vote is about, per person and minute. Each one reads every
 * target board; browsers ask when a vote opens and every ten seconds, a
 * script must not be able to make the server read boards in a loop.
 */
export const MAX_VOTE_ITEM_READS_PER_MINUTE = 60
/** Workshops one address may create per minute. */
export const MAX_CREATIONS_PER_MINUTE = 10

export function createApi(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const wrongCodes = new RateLimiter(MAX_WRONG_CODES_PER_MINUTE)
  const creations = new RateLimiter(MAX_CREATIONS_PER_MINUTE)
  const commandsPerPerson = new RateLimiter(MAX_COMMANDS_PER_MINUTE)
  const itemReadsPerPerson = new RateLimiter(MAX_VOTE_ITEM_READS_PER_MINUTE)
  /** Results being copied now (workshop/phase): a second click must not copy them twice. */
  const bringing = new Set<string>()

  /**
   * A dot placed or taken back. The item is looked up in the board document
   * first (that may load it); the rules are then checked and the ballot
   * written in one transaction, which also reads the session again.
   */
  const ballot = async (
    req: IncomingMessage,
    res: ServerResponse,
    workshopId: string,
    participant: Participant,
    body: Extract<WorkshopCommand, { type: 'castVote' | 'retractVote' }>,
  ): Promise<void> => {
    if (participant.role === 'observer') return sendApiError(req, res, 403, 'forbidden')
    const session = ctx.store.votes.session(workshopId, body.sessionId)
    if (!session) return sendApiError(req, res, 404, 'not_found')
    if (session.status !== 'open') return sendApiError(req, res, 409, 'vote_closed')
    // Taking a dot back needs no living note (it may have been deleted since); placing one does.
    const eligible =
      session.boardIds.includes(body.boardId) &&
      (session.target === 'boards'
        ? body.shapeId === null
        : body.shapeId !== null &&
          (body.type === 'retractVote' ||
            (isOpenBoard(ctx.store, workshopId, body.boardId) &&
              (await ctx.readDocument(workshopBoardDocName(workshopId, body.boardId), (doc) => isVoteItemOnBoard(doc, session, body.boardId, body.shapeId!))))))
    if (!eligible) return sendApiError(req, res, 409, 'not_eligible')
    const item = itemKey(body.boardId, body.shapeId)
    const outcome =
      body.type === 'castVote'
        ? ctx.store.votes.cast(workshopId, session.id, participant.id, item, body.requestId, Date.now())
        : ctx.store.votes.retract(workshopId, session.id, participant.id, item, body.requestId)
    if (!outcome.ok) return sendApiError(req, res, 409, outcome.refusal === 'closed' ? 'vote_closed' : outcome.refusal)
    ctx.onVotesChanged(workshopId)
    sendApiJson(res, 200, { ok: true, used: outcome.used, remaining: Math.max(0, session.votesPerPerson - outcome.used) })
  }

  /** How many dots the caller has placed, where, and how many are left. */
  const myVotes = (req: IncomingMessage, res: ServerResponse, workshopId: string, sessionId: string): void => {
    const who = caller(req, res, workshopId)
    if (!who) return
    const session = ctx.store.votes.session(workshopId, sessionId)
    if (!session) return sendApiError(req, res, 404, 'not_found')
    // A closed anonymous session no longer knows who placed what.
    const mine = ctx.store.votes.mine(session, who.participant.id)
    const used = [...mine.values()].reduce((a, b) => a + b, 0)
    sendApiJson(res, 200, { sessionId, used, remaining: Math.max(0, session.votesPerPerson - used), items: Object.fromEntries(mine) })
  }

  /**
   * Results per item, as JSON or CSV (`?format=csv`): item, board, text,
   * count, and for named sessions the names. A hidden session's counts reach
   * nobody but facilitators and moderators before it is closed.
   */
  const voteResults = async (req: IncomingMessage, res: ServerResponse, url: URL, workshopId: string, sessionId: string): Promise<void> => {
    const who = caller(req, res, workshopId)
    if (!who) return
    const session = ctx.store.votes.session(workshopId, sessionId)
    if (!session) return sendApiError(req, res, 404, 'not_found')
    if (session.hidden && session.status === 'open' && !permissionsOf(who.participant.role).export) return sendApiError(req, res, 403, 'forbidden')
    // Who voted for what: named sessions only, and for a dot vote only once it is closed (or for those who export).
    const withNames = session.kind === 'pledge' || session.status === 'closed' || permissionsOf(who.participant.role).export
    const rows = await resultRows(ctx.store, ctx.readDocument, workshopId, session, withNames)
    if (url.searchParams.get('format') === 'csv') {
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="votes-${session.id}.csv"`,
        'Cache-Control': 'no-store',
      })
      res.end(resultsCsv(rows, !session.anonymous))
      return
    }
    sendApiJson(res, 200, { session, results: rows })
  }

  /**
   * What a session is about, board by board, so that people can vote from
   * any board: each target board's title and (for a vote on notes) its notes
   * and concept cards in reading order. Archived boards and boards the caller
   * cannot open at all are left out; every member may read every other board
   * (another group's room too), as they may through the sync connection.
   */
  const voteItems = async (req: IncomingMessage, res: ServerResponse, workshopId: string, sessionId: string): Promise<void> => {
    const who = caller(req, res, workshopId)
    if (!who) return
    if (!itemReadsPerPerson.hit(who.participant.id)) return sendApiError(req, res, 429, 'too_many_requests')
    const session = ctx.store.votes.session(workshopId, sessionId)
    if (!session) return sendApiError(req, res, 404, 'not_found')
    const boards = []
    for (const boardId of session.boardIds) {
      const docName = workshopBoardDocName(workshopId, boardId)
      const board = ctx.store.board(workshopId, boardId)
      if (!board || board.archived || accessOf(ctx.store, docName, { workshopId, participantId: who.participant.id }) === undefined) continue
      const items = session.target === 'notes' ? await ctx.readDocument(docName, (doc) => itemsOnBoard(doc, session, boardId)) : []
      boards.push({ boardId, title: board.title, items })
    }
    sendApiJson(res, 200, { sessionId, boards })
  }

  /**
   * The concept catalogue as JSON, Markdown or CSV, for those who may export
   * (facilitators and moderators). Names only with `names=1`.
   */
  const exportCatalogue = async (req: IncomingMessage, res: ServerResponse, url: URL, workshopId: string): Promise<void> => {
    const who = caller(req, res, workshopId)
    if (!who) return
    if (!permissionsOf(who.participant.role).export) return sendApiError(req, res, 403, 'forbidden')
    const format = url.searchParams.get('format') ?? 'json'
    if (!isTextExportFormat(format)) return sendApiError(req, res, 400, 'unknown_format')
    const catalogue = await buildCatalogue(ctx.store, ctx.readDocument, workshopId, { names: url.searchParams.get('names') === '1', now: Date.now() })
    if (!catalogue) return sendApiError(req, res, 404, 'not_found')
    const file = rendered(catalogue, format)
    res.writeHead(200, {
      'Content-Type': file.type,
      // The title is the participants' text: only an ASCII fallback name in the header, the real one percent-encoded.
      'Content-Disposition': `attachment; filename="catalogue.${format}"; filename*=UTF-8''${encodeURIComponent(exportFileName(catalogue.workshop.title, format))}`,
      'Cache-Control': 'no-store',
    })
    res.end(file.body)
  }

  const tokenFor = (workshopId: string, participantId: string): string =>
    signToken(ctx.secret, { workshop: workshopId, subject: participantId, issuedAt: Math.floor(Date.now() / 1000) })

  const createWorkshop = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!creations.hit(clientAddress(req))) return sendApiError(req, res, 429, 'too_many_requests')
    const body = await readBody(req, res, CreateWorkshopBodySchema)
    if (!body) return
    if (ctx.creationPassword !== undefined && !sameText(body.password ?? '', ctx.creationPassword)) {
      return sendApiError(req, res, 403, 'wrong_password')
    }
    if (body.followUpOf !== undefined && !mayFollowUp(req, body.followUpOf)) return sendApiError(req, res, 403, 'follow_up_forbidden')
    const { workshop, facilitator, observer } = ctx.store.create(body.title, body.locale, body.locale === 'de' ? 'Plenum' : 'Plenary', body.followUpOf)
    const facilitatorToken = tokenFor(workshop.id, facilitator.id)
    ctx.onWorkshopChanged(workshop.id)
    const answer: CreatedWorkshop = {
      id: workshop.id,
      joinCode: workshop.joinCode,
      facilitatorToken,
      links: linksOf(originOf(req), workshop, facilitatorToken, tokenFor(workshop.id, observer.id)),
    }
    sendApiJson(res, 201, answer)
  }

  /**
   * Whether the request may name `workshopId` as the workshop it follows up
   * on: only with a token of a facilitator or moderator there (those who read
   * its catalogue to start the follow-up), so nobody links their workshop to
   * someone else's and learns its title.
   */
  const mayFollowUp = (req: IncomingMessage, workshopId: string): boolean => {
    const header = req.headers.authorization ?? ''
    const claims = header.startsWith('Bearer ') ? verifyToken(ctx.secret, header.slice('Bearer '.length).trim()) : undefined
    if (!claims || claims.workshop !== workshopId) return false
    const participant = ctx.store.participant(workshopId, claims.subject)
    return participant !== undefined && !participant.removed && permissionsOf(participant.role).export
  }

  /**
   * The title and language behind a join code, so the join page can say which
   * workshop one joins before it asks for a name. Counted like a join: a code
   * that is wrong costs an attempt, a right one takes it back.
   */
  const joinPreview = (req: IncomingMessage, res: ServerResponse, typed: string): void => {
    const address = clientAddress(req)
    if (!wrongCodes.hit(address)) return sendApiError(req, res, 429, 'too_many_requests')
    const code = normaliseJoinCode(typed)
    const workshop = code === undefined ? undefined : ctx.store.byJoinCode(code)
    if (!workshop) return sendApiError(req, res, 404, 'unknown_code')
    wrongCodes.undo(address)
    const answer: JoinPreview = { title: workshop.title, locale: workshop.locale }
    sendApiJson(res, 200, answer)
  }

  const join = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const address = clientAddress(req)
    // Every attempt counts before its body is even read, so parallel requests
    // cannot outrun the limit; a right code takes its attempt back.
    if (!wrongCodes.hit(address)) return sendApiError(req, res, 429, 'too_many_requests')
    const body = await readBody(req, res, JoinBodySchema)
    if (!body) return
    const code = normaliseJoinCode(body.code)
    const workshop = code === undefined ? undefined : ctx.store.byJoinCode(code)
    if (!workshop) return sendApiError(req, res, 404, 'unknown_code')
    wrongCodes.undo(address)
    if (ctx.store.participants(workshop.id).length >= WorkshopLimits.MAX_PARTICIPANTS) return sendApiError(req, res, 409, 'workshop_full')
    const participant = ctx.store.addParticipant(workshop.id, body.name, 'participant')
    ctx.onWorkshopChanged(workshop.id)
    const token = signToken(ctx.secret, { workshop: workshop.id, subject: participant.id, issuedAt: Math.floor(Date.now() / 1000) })
    const answer: JoinedWorkshop = { workshopId: workshop.id, participantId: participant.id, token }
    sendApiJson(res, 201, answer)
  }

  /** The workshop and the caller, from the Bearer token; answers 401/403 itself and returns undefined otherwise. */
  const caller = (
    req: IncomingMessage,
    res: ServerResponse,
    workshopId: string,
    queryToken: string | null = null,
  ): { workshop: Workshop; participant: Participant } | undefined => {
    const header = req.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : (queryToken ?? '')
    const claims = token ? verifyToken(ctx.secret, token) : undefined
    if (!claims) {
      sendApiError(req, res, 401, 'unauthorized')
      return undefined
    }
    const workshop = ctx.store.workshop(workshopId)
    const participant = workshop && ctx.store.participant(workshop.id, claims.subject)
    if (!workshop || claims.workshop !== workshop.id || !participant || participant.removed) {
      sendApiError(req, res, 403, 'forbidden')
      return undefined
    }
    ctx.store.touch(workshop.id)
    return { workshop, participant }
  }

  const command = async (req: IncomingMessage, res: ServerResponse, workshopId: string): Promise<void> => {
    if (!caller(req, res, workshopId)) return
    const body = await readBody(req, res, WorkshopCommandSchema)
    if (!body) return
    // Looked up again: the caller's role may have changed while the body arrived.
    const who = caller(req, res, workshopId)
    if (!who) return
    if (!commandsPerPerson.hit(who.participant.id)) return sendApiError(req, res, 429, 'too_many_requests')
    const may = permissionsOf(who.participant.role)
    switch (body.type) {
      case 'lockBoard': {
        if (!may.command) return sendApiError(req, res, 403, 'forbidden')
        if (!ctx.store.board(workshopId, body.boardId)) return sendApiError(req, res, 404, 'not_found')
        ctx.store.setLocked(workshopId, body.boardId, body.locked)
        break
      }
      case 'addBoard':
      case 'renameBoard':
      case 'archiveBoard':
      case 'moveBoard': {
        if (!may.manageBoards) return sendApiError(req, res, 403, 'forbidden')
        if (body.type === 'addBoard') {
          if (ctx.store.boards(workshopId).filter((b) => !b.room).length >= WorkshopLimits.MAX_BOARDS) return sendApiError(req, res, 409, 'boards_full')
          const board = ctx.store.addBoard(workshopId, body.title, body.template)
          ctx.onWorkshopChanged(workshopId)
          return sendApiJson(res, 201, { ok: true, boardId: board.id, doc: workshopBoardDocName(workshopId, board.id) })
        }
        if (!ctx.store.board(workshopId, body.boardId)) return sendApiError(req, res, 404, 'not_found')
        if (body.type === 'renameBoard') ctx.store.renameBoard(workshopId, body.boardId, body.title)
        else if (body.type === 'archiveBoard') {
          // A workshop always keeps a board to open: the screens start on the first one.
          const othersActive = ctx.store.boards(workshopId).some((b) => !b.archived && !b.room && b.id !== body.boardId)
          if (body.archived && !othersActive) return sendApiError(req, res, 409, 'last_board')
          ctx.store.setArchived(workshopId, body.boardId, body.archived)
        }
        else ctx.store.moveBoard(workshopId, body.boardId, body.position)
        break
      }
      case 'setRole':
      case 'renameParticipant':
      case 'removeParticipant': {
        if (!may.managePeople) return sendApiError(req, res, 403, 'forbidden')
        const target = ctx.store.participant(workshopId, body.participantId)
        if (!target || target.removed) return sendApiError(req, res, 404, 'not_found')
        // Facilitators hold the workshop's secret link; nobody can demote or remove them.
        if (target.role === 'facilitator') return sendApiError(req, res, 403, 'forbidden')
        if (body.type === 'setRole') ctx.store.setRole(workshopId, target.id, body.role)
        else if (body.type === 'renameParticipant') ctx.store.rename(workshopId, target.id, body.name)
        else ctx.store.remove(workshopId, target.id)
        // During a breakout: someone who is a participant now (and present) gets a room, anyone else leaves theirs.
        if (body.type !== 'renameParticipant') {
          const rooms = body.type === 'setRole' && body.role === 'participant' && ctx.isPresent(workshopId, target.id)
            ? placeLateComer(ctx.store, workshopId, target.id)
            : takeOutOfRooms(ctx.store.facilitation(workshopId), target.id)
          if (rooms) ctx.store.saveFacilitation(workshopId, rooms)
        }
        break
      }
      case 'addPhase':
      case 'updatePhase':
      case 'movePhase':
      case 'removePhase':
      case 'startPhase':
      case 'endPhase':
      case 'skipPhase':
      case 'startTimer':
      case 'pauseTimer':
      case 'resumeTimer':
      case 'adjustTimer':
      case 'stopTimer':
      case 'configureBreakout':
      case 'moveToRoom':
      case 'reopenRooms':
      case 'broadcast':
      case 'clearBroadcast':
      case 'summon':
      case 'setSimpleDefault':
      case 'configureVote': {
        if (!may.command) return sendApiError(req, res, 403, 'forbidden')
        // What a starting phase builds on must be there: read (and for top-voted rooms, prepared) before anything changes.
        let seeds: readonly TopVotedSeed[] = []
        if (body.type === 'startPhase') {
          const planned = ctx.store.facilitation(workshopId)
          const phase = planned.phases.find((p) => p.id === body.phaseId)
          const source = phase?.kind === 'breakout' ? sourceOf(phase.breakout) : undefined
          if (phase?.kind === 'vote' && phase.vote !== undefined && !resolveVoteBoards(phase.vote, planned.breakouts).ok) return sendApiError(req, res, 409, 'results_not_ready')
          // The breakout it continues has ended, or ends now with the phase this start ends.
          const continued = source?.kind === 'continue' ? breakoutOfPhase(planned.breakouts, source.phaseId) : undefined
          if (source?.kind === 'continue' && continued?.status !== 'ended' && !(continued?.status === 'running' && planned.currentPhaseId === source.phaseId)) {
            return sendApiError(req, res, 409, 'results_not_ready')
          }
          if (source?.kind === 'topVoted') {
            // Started while the vote phase runs, the vote closes with it: its ballots so far are the result.
            const prepared = await topVotedSeeds(ctx.store, ctx.readDocument, workshopId, source, planned.currentPhaseId)
            if (prepared === 'not_ready') return sendApiError(req, res, 409, 'results_not_ready')
            seeds = prepared
          }
        }
        if (body.type === 'configureVote' && !body.plan.boardIds.every((id) => isOpenBoard(ctx.store, workshopId, id))) return sendApiError(req, res, 404, 'not_found')
        if (body.type === 'moveToRoom' && !isRoomPerson(ctx.store, workshopId, body.participantId)) return sendApiError(req, res, 404, 'not_found')
        const shownBoard = body.type === 'updatePhase' ? body.showBoardId : body.type === 'summon' ? body.boardId : undefined
        if (typeof shownBoard === 'string' && !isOpenBoard(ctx.store, workshopId, shownBoard)) return sendApiError(req, res, 404, 'not_found')
        const before = ctx.store.facilitation(workshopId)
        const starting = body.type === 'startPhase' ? before.phases.find((p) => p.id === body.phaseId) : undefined
        if (starting?.kind === 'breakout') {
          const roomBoards = ctx.store.boards(workshopId).filter((b) => b.room).length
          const from = sourceOf(starting.breakout).kind
          // A continued breakout makes no boards; a top-voted one a board per top item.
          const rooms = from === 'continue' ? 0 : from === 'topVoted' ? seeds.length : (starting.breakout?.rooms.length ?? BreakoutLimits.MAX_ROOMS)
          if (before.breakouts.length >= BreakoutLimits.MAX_BREAKOUTS || roomBoards + rooms > BreakoutLimits.MAX_ROOM_BOARDS) return sendApiError(req, res, 409, 'breakouts_full')
        }
        const result = applyAgendaCommand(before, body, Date.now(), newPhaseId)
        if (!result.ok) return sendApiError(req, res, result.error === 'not_found' ? 404 : 409, result.error)
        // A breakout phase opens its rooms as it starts: boards and state in one transaction.
        const started = body.type === 'startPhase' ? result.state.phases.find((p) => p.id === body.phaseId) : undefined
        const saved = ctx.store.transaction(() => {
          const next = started?.kind === 'breakout' ? openBreakout(ctx.store, workshopId, result.state, started, (id) => ctx.isPresent(workshopId, id), seeds) : result.state
          const ok = ctx.store.saveFacilitation(workshopId, next)
          if (ok) closeVoteWithPhase(ctx.store.votes, workshopId, before, result.state, Date.now())
          // A vote phase planned with a vote opens it as it starts (a vote open already stays the one).
          if (ok && started?.kind === 'vote' && started.vote) openVoteSession(ctx.store, workshopId, started.vote, started.id)
          return ok
        })
        if (!saved) return sendApiError(req, res, 413, 'state_too_large')
        // Only if the plan that opened the rooms still takes the top-voted items (it may have changed while they were read).
        if (seeds.length > 0 && started?.kind === 'breakout' && sourceOf(started.breakout).kind === 'topVoted') {
          const rooms = ctx.store.facilitation(workshopId).breakouts.find((b) => b.phaseId === started.id && b.status === 'running')?.rooms ?? []
          // The rooms are open already; their cards follow a moment later (people may be in them).
          ctx.onWorkshopChanged(workshopId)
          const unplanted = await plantSeeds(ctx.writeDocument, workshopId, rooms.map((r) => r.boardId), seeds)
          // The phase has started either way; the facilitator learns which rooms start without their card.
          if (unplanted > 0) return sendApiJson(res, 200, { ok: true, unplanted })
        }
        break
      }
      case 'bringResults': {
        if (!may.command) return sendApiError(req, res, 403, 'forbidden')
        const target = ctx.store.board(workshopId, body.boardId)
        if (!target || target.archived || target.room) return sendApiError(req, res, 404, 'not_found')
        const key = `${workshopId}/${body.phaseId}`
        if (bringing.has(key)) return sendApiError(req, res, 409, 'already_brought')
        const checked = applyAgendaCommand(ctx.store.facilitation(workshopId), body, Date.now(), newPhaseId)
        if (!checked.ok) return sendApiError(req, res, checked.error === 'not_found' ? 404 : 409, checked.error)
        const breakout = breakoutOfPhase(ctx.store.facilitation(workshopId).breakouts, body.phaseId)!
        bringing.add(key)
        try {
          const copied = await bringResults(ctx.readDocument, ctx.writeDocument, workshopId, breakout, body.boardId, body.notes)
          // Nothing written: a vote on "the results" keeps running on the rooms, where something may still come.
          if (copied === 0) return sendApiError(req, res, 409, 'nothing_to_bring')
          // Recorded after the copy: a vote on "the results" then runs on that board.
          const recorded = applyAgendaCommand(ctx.store.facilitation(workshopId), body, Date.now(), newPhaseId)
          if (!recorded.ok) return sendApiError(req, res, 409, recorded.error === 'not_found' ? 'results_not_ready' : recorded.error)
          ctx.store.saveFacilitation(workshopId, recorded.state)
          ctx.onWorkshopChanged(workshopId)
          return sendApiJson(res, 200, { ok: true, copied })
        } finally {
          bringing.delete(key)
        }
      }
      case 'openVote': {
        if (!may.command) return sendApiError(req, res, 403, 'forbidden')
        const facilitation = ctx.store.facilitation(workshopId)
        const currentPhase = facilitation.phases.find((p) => p.id === facilitation.currentPhaseId)
        const opened = openVoteSession(ctx.store, workshopId, body, currentPhase?.kind === 'vote' ? currentPhase.id : undefined)
        if (typeof opened === 'string') return sendApiError(req, res, opened === 'not_found' ? 404 : 409, opened)
        ctx.onVotesChanged(workshopId)
        return sendApiJson(res, 201, { ok: true, sessionId: opened.id })
      }

      case 'closeVote': {
        if (!may.command) return sendApiError(req, res, 403, 'forbidden')
        const session = ctx.store.votes.session(workshopId, body.sessionId)
        if (!session) return sendApiError(req, res, 404, 'not_found')
        if (!ctx.store.votes.close(workshopId, body.sessionId, Date.now())) return sendApiError(req, res, 409, 'vote_closed')
        ctx.onVotesChanged(workshopId)
        return sendApiJson(res, 200, { ok: true })
      }
      case 'castVote':
      case 'retractVote':
        return ballot(req, res, workshopId, who.participant, body)
      case 'chooseRoom': {
        // The one command participants send: their own room, in a self-select breakout.
        if (who.participant.role !== 'participant') return sendApiError(req, res, 403, 'forbidden')
        const result = chooseRoom(ctx.store.facilitation(workshopId), who.participant.id, body.roomId)
        if (!result.ok) return sendApiError(req, res, result.status, result.error)
        if (!ctx.store.saveFacilitation(workshopId, result.state)) return sendApiError(req, res, 413, 'state_too_large')
        break
      }
      default: {
        const unknown: never = body
        throw new Error(`unknown command ${JSON.stringify(unknown)}`)
      }
    }
    ctx.onWorkshopChanged(workshopId)
    sendApiJson(res, 200, { ok: true })
  }

  const uploadImage = async (req: IncomingMessage, res: ServerResponse, workshopId: string): Promise<void> => {
    const who = caller(req, res, workshopId)
    if (!who) return
    if (who.participant.role === 'observer') return sendApiError(req, res, 403, 'forbidden')
    const bytes = await readRaw(req, res, MAX_IMAGE_BYTES)
    if (!bytes) return
    const mime = sniffImageType(bytes)
    if (!mime) return sendApiError(req, res, 415, 'not_an_image')
    const usage = ctx.store.assetUsage(workshopId)
    if (usage.count >= MAX_IMAGES_PER_WORKSHOP || usage.bytes + bytes.length > MAX_IMAGE_BYTES_PER_WORKSHOP) {
      return sendApiError(req, res, 413, 'image_quota')
    }
    const id = ctx.store.addAsset(workshopId, mime, bytes)
    sendApiJson(res, 201, { id, src: `/api/workshops/${workshopId}/images/${id}` })
  }

  const serveImage = (req: IncomingMessage, res: ServerResponse, url: URL, workshopId: string, imageId: string): void => {
    // <img> cannot send an Authorization header: the token may come as a query parameter.
    const who = caller(req, res, workshopId, url.searchParams.get('token'))
    if (!who) return
    const image = ctx.store.asset(workshopId, imageId)
    if (!image) return sendApiError(req, res, 404, 'not_found')
    res.writeHead(200, imageHeaders(image.mime, image.data.length))
    res.end(req.method === 'HEAD' ? undefined : image.data)
  }

  const remove = async (req: IncomingMessage, res: ServerResponse, workshopId: string): Promise<void> => {
    const who = caller(req, res, workshopId)
    if (!who) return
    if (who.participant.role !== 'facilitator') return sendApiError(req, res, 403, 'forbidden')
    await ctx.deleteWorkshop(workshopId)
    sendApiJson(res, 200, { ok: true })
  }

  /**
   * What people managers see besides the boards: the join code and the three
   * links, so the console can show them again days later. The facilitator and
   * observer links stand for the workshop's two shared identities (no name).
   */
  const managerExtras = (req: IncomingMessage, workshop: Workshop): Pick<WorkshopView, 'joinCode' | 'links'> => {
    const shared = ctx.store.participants(workshop.id).filter((p) => p.name === '' && !p.removed)
    const facilitator = shared.find((p) => p.role === 'facilitator')
    const observer = shared.find((p) => p.role === 'observer')
    if (!facilitator || !observer) return { joinCode: workshop.joinCode }
    return {
      joinCode: workshop.joinCode,
      links: linksOf(originOf(req), workshop, tokenFor(workshop.id, facilitator.id), tokenFor(workshop.id, observer.id)),
    }
  }

  /** The workshop this one follows up on, for the console's link back; nothing once it is deleted. */
  const predecessorOf = (workshop: Workshop): Pick<WorkshopView, 'predecessor'> => {
    const predecessor = workshop.followUpOf === undefined ? undefined : ctx.store.workshop(workshop.followUpOf)
    return predecessor ? { predecessor: { id: predecessor.id, title: predecessor.title } } : {}
  }

  const view = (req: IncomingMessage, res: ServerResponse, workshopId: string): void => {
    const who = caller(req, res, workshopId)
    if (!who) return
    const { workshop, participant } = who
    const answer: WorkshopView = {
      id: workshop.id,
      title: workshop.title,
      locale: workshop.locale,
      role: participant.role,
      controlDoc: workshopControlDocName(workshop.id),
      boards: ctx.store
        .boards(workshop.id)
        .filter((b) => !b.archived && !b.room)
        .map((b) => ({ id: b.id, title: b.title, doc: workshopBoardDocName(workshop.id, b.id), locked: b.locked, template: b.template })),
      participantId: participant.id,
      name: participant.name,
      ...(permissionsOf(participant.role).managePeople ? managerExtras(req, workshop) : {}),
      ...(permissionsOf(participant.role).manageBoards ? predecessorOf(workshop) : {}),
    }
    sendApiJson(res, 200, answer)
  }

  const gallery = createGalleryRoute(ctx, caller)

  return async (req, res, url) => {
    const path = url.pathname
    if (path === '/api/workshops') {
      if (req.method !== 'POST') return sendApiError(req, res, 405, 'method_not_allowed')
      return createWorkshop(req, res)
    }
    if (path === '/api/time') {
      if (req.method !== 'GET') return sendApiError(req, res, 405, 'method_not_allowed')
      // Read as late as possible: clients take the middle of their round trip as its moment.
      return sendApiJson(res, 200, { now: Date.now() })
    }
    if (path === '/api/join') {
      if (req.method !== 'POST') return sendApiError(req, res, 405, 'method_not_allowed')
      return join(req, res)
    }
    // The code as the join link has it (letters and digits, "-" allowed); anything else counts as a wrong code.
    const joinCodePath = /^\/api\/join\/([^/]{1,32})$/.exec(path)
    if (joinCodePath) {
      if (req.method !== 'GET') return sendApiError(req, res, 405, 'method_not_allowed')
      return joinPreview(req, res, joinCodePath[1]!)
    }
    const votePath = /^\/api\/workshops\/([A-Za-z0-9]{1,40})\/votes\/([A-Za-z0-9]{1,40})\/(mine|results|items)$/.exec(path)
    if (votePath) {
      if (req.method !== 'GET') return sendApiError(req, res, 405, 'method_not_allowed')
      const [, workshopId, sessionId, what] = votePath as unknown as [string, string, string, 'mine' | 'results' | 'items']
      if (what === 'items') return voteItems(req, res, workshopId, sessionId)
      return what === 'mine' ? myVotes(req, res, workshopId, sessionId) : voteResults(req, res, url, workshopId, sessionId)
    }
    const resultsPath = /^\/api\/workshops\/([A-Za-z0-9]{1,40})\/results\/([A-Za-z0-9]{1,40})$/.exec(path)
    if (resultsPath) {
      if (req.method !== 'GET') return sendApiError(req, res, 405, 'method_not_allowed')
      return gallery(req, res, resultsPath[1]!, resultsPath[2]!)
    }
    const exportPath = /^\/api\/workshops\/([A-Za-z0-9]{1,40})\/export$/.exec(path)
    if (exportPath) {
      if (req.method !== 'GET') return sendApiError(req, res, 405, 'method_not_allowed')
      return exportCatalogue(req, res, url, exportPath[1]!)
    }
    const imagesPath = /^\/api\/workshops\/([A-Za-z0-9]{1,40})\/images(?:\/([A-Za-z0-9]{1,40}))?$/.exec(path)
    if (imagesPath) {
      const [, workshopId, imageId] = imagesPath as unknown as [string, string, string | undefined]
      if (imageId === undefined && req.method === 'POST') return uploadImage(req, res, workshopId)
      if (imageId !== undefined && (req.method === 'GET' || req.method === 'HEAD')) return serveImage(req, res, url, workshopId, imageId)
      return sendApiError(req, res, 405, 'method_not_allowed')
    }
    const commandPath = /^\/api\/workshops\/([A-Za-z0-9]{1,40})\/commands$/.exec(path)
    if (commandPath) {
      if (req.method !== 'POST') return sendApiError(req, res, 405, 'method_not_allowed')
      return command(req, res, commandPath[1]!)
    }
    const match = /^\/api\/workshops\/([A-Za-z0-9]{1,40})$/.exec(path)
    if (match) {
      if (req.method === 'GET') return view(req, res, match[1]!)
      if (req.method === 'DELETE') return remove(req, res, match[1]!)
      return sendApiError(req, res, 405, 'method_not_allowed')
    }
    sendApiError(req, res, 404, 'not_found')
  }
}

/** Opens a voting session, or says why not. One is open at a time, so people know which dots they place. */
function openVoteSession(
  store: WorkshopStore,
  workshopId: string,
  plan: VotePlan,
  phaseId: string | undefined,
): VoteSession | 'votes_full' | 'invalid_state' | 'not_found' | 'results_not_ready' {
  const votes = store.votes.sessions(workshopId)
  if (votes.length >= VoteLimits.MAX_SESSIONS) return 'votes_full'
  if (votes.some((v) => v.status === 'open')) return 'invalid_state'
  const resolved = resolveVoteBoards(plan, store.facilitation(workshopId).breakouts)
  if (!resolved.ok) return 'results_not_ready'
  const boardIds = resolved.boardIds
  if (!boardIds.every((id) => isOpenBoard(store, workshopId, id))) return 'not_found'
  const session: VoteSession = {
    ...(phaseId !== undefined ? { phaseId } : {}),
    id: newPhaseId().replace(/^p/, 'v'),
    kind: plan.kind,
    title: plan.title,
    target: plan.target,
    boardIds,
    ...(resolved.onlyCopiesOn.length > 0 ? { onlyCopiesOn: resolved.onlyCopiesOn } : {}),
    ...normaliseSession(plan),
    status: 'open',
    openedAt: Date.now(),
  }
  store.votes.addSession(workshopId, session)
  return session
}

/** A board of the workshop that is not archived (one can be shown to everyone). */
function isOpenBoard(store: WorkshopStore, workshopId: string, boardId: string): boolean {
  const board = store.board(workshopId, boardId)
  return board !== undefined && !board.archived
}

/** Someone who can be in a breakout room: a named participant of this workshop, not removed. */
function isRoomPerson(store: WorkshopStore, workshopId: string, participantId: string): boolean {
  const p = store.participant(workshopId, participantId)
  return p !== undefined && !p.removed && p.name !== '' && p.role === 'participant'
}

function newPhaseId(): string {
  return 'p' + randomBytes(9).toString('base64url').replace(/[-_]/g, 'a')
}

function linksOf(origin: string, workshop: Workshop, facilitatorToken: string, observerToken: string): CreatedWorkshop['links'] {
  return {
    facilitator: `${origin}/w/${workshop.id}#t=${facilitatorToken}`,
    join: `${origin}/j/${workshop.joinCode}`,
    observer: `${origin}/w/${workshop.id}#t=${observerToken}`,
  }
}

function clientAddress(req: IncomingMessage): string {
  return addressKey(req.socket.remoteAddress ?? 'unknown')
}

/** The origin links point at, as the caller reached us (a reverse proxy should pass Host and X-Forwarded-Proto). */
function originOf(req: IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
  const host = /^[A-Za-z0-9.:[\]-]{1,255}$/.test(req.headers.host ?? '') ? req.headers.host! : 'localhost'
  return `${proto}://${host}`
}

/** Compares two secrets in constant time, without revealing their lengths. */
function sameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())
}
