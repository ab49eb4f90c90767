/**
 * The agenda and its timer (issue #4) as pure rules: the server applies a
 * facilitator's command to the current state and stores and publishes what
 * comes out; the same function would give any client the same answer.
 */
import { moveParticipant } from './assignment.ts'
import {
  AFTER_BREAKOUT,
  ASSIGNMENT_MODES,
  BreakoutLimits,
  breakoutOfPhase,
  runningBreakout,
  sourceOf,
  type Breakout,
  type BreakoutPlan,
  type BreakoutRoom,
  type BreakoutSource,
  type Broadcast,
  type PageBounds,
  type Summon,
} from './breakout.ts'
import { IDLE_TIMER, adjustTimer, isDue, pauseTimer, resumeTimer, startTimer, type TimerState } from './timer.ts'
import { VOTE_KINDS, VOTE_TARGETS, type VotePlan } from './votes.ts'
import { BOARD_TEMPLATES } from './workshop.ts'

export const PHASE_KINDS = ['plenary', 'input', 'breakout', 'vote', 'pitches', 'break'] as const
export type PhaseKind = (typeof PHASE_KINDS)[number]

export type PhaseStatus = 'planned' | 'running' | 'done' | 'skipped'

export interface Phase {
  readonly id: string
  readonly title: string
  readonly kind: PhaseKind
  readonly plannedMs: number
  readonly status: PhaseStatus
  /** Server time the phase started and ended (ms), for planned-vs-actual. */
  readonly startedAt?: number
  readonly endedAt?: number
  /** Breakout phases: the rooms to open when it starts. */
  readonly breakout?: BreakoutPlan
  /** A board everyone is taken to when the phase starts (an input talk's slides, the plenary). */
  readonly showBoardId?: string
  /** While the phase runs participants only watch: every board is read-only for them. */
  readonly watchOnly?: boolean
  /** Vote phases: the vote that opens when the phase starts (its timer closes it). */
  readonly vote?: VotePlan
}

export interface Facilitation {
  readonly phases: readonly Phase[]
  readonly currentPhaseId: string | null
  /** The running phase's countdown, or one started on its own. */
  readonly timer: TimerState
  /**
   * The phase whose countdown the timer is; null for a timer started on its
   * own (a pitch, "five minutes for this"), whose end ends no phase.
   */
  readonly timerPhaseId: string | null
  /** Every breakout so far, oldest first; at most one runs. Their rooms stay as results. */
  readonly breakouts: readonly Breakout[]
  /** The facilitator's last message to everyone, or null. */
  readonly broadcast: Broadcast | null
  /** The last "bring everyone to me" (or pitch), or null. */
  readonly summon: Summon | null
  /**
   * Simple mode (issue #14) for everyone who has not chosen for themselves in
   * their browser. Absent until a facilitator first sets it; stored as false
   * once turned off, because the control document only ever overwrites keys.
   */
  readonly simpleDefault?: boolean
}

export const EMPTY_FACILITATION: Facilitation = {
  phases: [],
  currentPhaseId: null,
  timer: IDLE_TIMER,
  timerPhaseId: null,
  breakouts: [],
  broadcast: null,
  summon: null,
}

export const AgendaLimits = {
  MAX_PHASES: 50,
  MAX_TITLE_CHARS: 120,
  MAX_MINUTES: 480,
} as const

export type AgendaCommand =
  | { readonly type: 'addPhase'; readonly title: string; readonly kind: PhaseKind; readonly plannedMinutes: number }
  | {
      readonly type: 'updatePhase'
      readonly phaseId: string
      readonly title?: string
      readonly kind?: PhaseKind
      readonly plannedMinutes?: number
      /** A board id, or null for none. */
      readonly showBoardId?: string | null
      readonly watchOnly?: boolean
    }
  | { readonly type: 'movePhase'; readonly phaseId: string; readonly position: number }
  | { readonly type: 'removePhase'; readonly phaseId: string }
  | { readonly type: 'startPhase'; readonly phaseId: string }
  | { readonly type: 'endPhase' }
  | { readonly type: 'skipPhase'; readonly phaseId: string }
  | { readonly type: 'startTimer'; readonly minutes: number }
  | { readonly type: 'pauseTimer' }
  | { readonly type: 'resumeTimer' }
  | { readonly type: 'adjustTimer'; readonly deltaMinutes: number }
  | { readonly type: 'stopTimer' }
  | { readonly type: 'configureBreakout'; readonly phaseId: string; readonly plan: BreakoutPlan }
  | { readonly type: 'moveToRoom'; readonly participantId: string; readonly roomId: string }
  | { readonly type: 'reopenRooms'; readonly open: boolean }
  | { readonly type: 'broadcast'; readonly text: string }
  | { readonly type: 'clearBroadcast' }
  | { readonly type: 'summon'; readonly boardId: string; readonly bounds: PageBounds | null }
  | { readonly type: 'configureVote'; readonly phaseId: string; readonly plan: VotePlan }
  /** Records that an ended breakout's results were copied onto `boardId` (the server copies them). */
  | { readonly type: 'bringResults'; readonly phaseId: string; readonly boardId: string; readonly notes: boolean }
  /** Simple mode as the workshop's default (issue #14); each person's own choice in their browser wins. */
  | { readonly type: 'setSimpleDefault'; readonly on: boolean }

export const AGENDA_COMMAND_TYPES = [
  'addPhase',
  'updatePhase',
  'movePhase',
  'removePhase',
  'startPhase',
  'endPhase',
  'skipPhase',
  'startTimer',
  'pauseTimer',
  'resumeTimer',
  'adjustTimer',
  'stopTimer',
  'configureBreakout',
  'moveToRoom',
  'reopenRooms',
  'broadcast',
  'clearBroadcast',
  'summon',
  'configureVote',
  'bringResults',
  'setSimpleDefault',
] as const satisfies ReadonlyArray<AgendaCommand['type']>

/**
 * Why a command was refused: no such phase, too many phases, not possible in
 * the phase's state, a plan that builds on a phase that is not an earlier
 * phase of the right kind, or results that are not there (yet, or any more).
 */
export type AgendaError = 'not_found' | 'agenda_full' | 'invalid_state' | 'invalid_source' | 'results_not_ready' | 'already_brought'

export type AgendaResult = { readonly ok: true; readonly state: Facilitation } | { readonly ok: false; readonly error: AgendaError }

const MINUTE_MS = 60_000

function ok(state: Facilitation): AgendaResult {
  return { ok: true, state }
}

function fail(error: AgendaError): AgendaResult {
  return { ok: false, error }
}

function replacePhase(state: Facilitation, id: string, change: (phase: Phase) => Phase): Facilitation {
  return { ...state, phases: state.phases.map((p) => (p.id === id ? change(p) : p)) }
}

function updatedPhase(phase: Phase, command: Extract<AgendaCommand, { type: 'updatePhase' }>): Phase {
  const { showBoardId: shown, ...rest } = phase
  // null removes the board to show; undefined leaves it as it is.
  const showBoardId = command.showBoardId === undefined ? shown : (command.showBoardId ?? undefined)
  return {
    ...rest,
    ...(showBoardId !== undefined ? { showBoardId } : {}),
    ...(command.title !== undefined ? { title: command.title } : {}),
    ...(command.kind !== undefined ? { kind: command.kind } : {}),
    ...(command.plannedMinutes !== undefined ? { plannedMs: command.plannedMinutes * MINUTE_MS } : {}),
    ...(command.watchOnly !== undefined ? { watchOnly: command.watchOnly } : {}),
  }
}

/** Whether participants only watch now: the running phase says so. */
export function watchOnlyNow(state: Facilitation): boolean {
  return state.phases.some((p) => p.id === state.currentPhaseId && p.watchOnly === true)
}

/** Ends the running phase at `now`, its timer and its breakout with it: everyone is back in the plenary. */
function endCurrent(state: Facilitation, now: number): Facilitation {
  const breakouts = state.breakouts.map((b): Breakout => (b.status === 'running' ? { ...b, status: 'ended' } : b))
  if (state.currentPhaseId === null) return { ...state, timer: IDLE_TIMER, timerPhaseId: null, breakouts }
  const ended = replacePhase(state, state.currentPhaseId, (p) => ({ ...p, status: 'done', endedAt: now }))
  // A message to the rooms ("five more minutes") is stale once the phase is over.
  return { ...ended, currentPhaseId: null, timer: IDLE_TIMER, timerPhaseId: null, breakouts, broadcast: null }
}

/**
 * Records a breakout that has just started with `phaseId` (the server made
 * the rooms' boards and the assignment; see server/src/workshops/breakout.ts).
 */
export function beginBreakout(state: Facilitation, phaseId: string, rooms: readonly BreakoutRoom[], assignment: Breakout['assignment'], plan: BreakoutPlan): Facilitation {
  const breakout: Breakout = {
    phaseId,
    status: 'running',
    mode: plan.mode,
    ...(plan.capacity !== undefined ? { capacity: plan.capacity } : {}),
    rooms,
    assignment,
    reopened: false,
  }
  return { ...state, breakouts: [...state.breakouts.filter((b) => b.status !== 'running'), breakout] }
}

/** Replaces the running breakout's assignment (a move, a late joiner, a choice). */
export function withAssignment(state: Facilitation, assignment: Breakout['assignment']): Facilitation {
  return { ...state, breakouts: state.breakouts.map((b) => (b.status === 'running' ? { ...b, assignment } : b)) }
}

/**
 * Applies one command at server time `now`. `newId` makes ids for new phases.
 * Starting a phase ends the one that runs and starts its timer with the
 * planned duration.
 */
export function applyAgendaCommand(state: Facilitation, command: AgendaCommand, now: number, newId: () => string): AgendaResult {
  const phase = 'phaseId' in command ? state.phases.find((p) => p.id === command.phaseId) : undefined
  if ('phaseId' in command && phase === undefined) return fail('not_found')
  switch (command.type) {
    case 'addPhase':
      if (state.phases.length >= AgendaLimits.MAX_PHASES) return fail('agenda_full')
      return ok({
        ...state,
        phases: [
          ...state.phases,
          {
            id: newId(),
            title: command.title,
            kind: command.kind,
            plannedMs: command.plannedMinutes * MINUTE_MS,
            status: 'planned',
            // During an input talk people listen: the boards are theirs again in the next phase.
            ...(command.kind === 'input' ? { watchOnly: true } : {}),
          },
        ],
      })
    case 'updatePhase': {
      // What a phase is cannot change once it ran; a breakout takes people to their rooms, not to one board.
      if (command.kind !== undefined && command.kind !== phase!.kind && phase!.status !== 'planned') return fail('invalid_state')
      const kind = command.kind ?? phase!.kind
      if (kind === 'breakout' && (typeof command.showBoardId === 'string' || command.watchOnly === true)) return fail('invalid_state')
      return ok(replacePhase(state, command.phaseId, (p) => updatedPhase(p, command)))
    }
    case 'movePhase': {
      const rest = state.phases.filter((p) => p.id !== command.phaseId)
      rest.splice(Math.min(command.position, rest.length), 0, phase!)
      return ok({ ...state, phases: rest })
    }
    case 'removePhase':
      // What ran stays in the agenda: it is the record of the workshop.
      if (phase!.status !== 'planned') return fail('invalid_state')
      return ok({ ...state, phases: state.phases.filter((p) => p.id !== command.phaseId) })
    case 'startPhase': {
      if (phase!.status === 'running') return fail('invalid_state')
      const ended = endCurrent(state, now)
      const started = replacePhase(ended, command.phaseId, (p) => {
        const { endedAt: _previousEnd, ...rest } = p
        return { ...rest, status: 'running', startedAt: now }
      })
      return ok({
        ...started,
        currentPhaseId: command.phaseId,
        timer: phase!.plannedMs > 0 ? startTimer(phase!.plannedMs, now) : IDLE_TIMER,
        timerPhaseId: phase!.plannedMs > 0 ? command.phaseId : null,
        // Everyone to the phase's board, if it names one.
        summon: phase!.showBoardId !== undefined ? { id: newId(), boardId: phase!.showBoardId, bounds: null, at: now } : started.summon,
      })
    }
    case 'endPhase':
      if (state.currentPhaseId === null) return fail('invalid_state')
      return ok(endCurrent(state, now))
    case 'skipPhase':
      if (phase!.status !== 'planned') return fail('invalid_state')
      return ok(replacePhase(state, command.phaseId, (p) => ({ ...p, status: 'skipped' })))
    case 'startTimer':
      return ok({ ...state, timer: startTimer(command.minutes * MINUTE_MS, now), timerPhaseId: null })
    case 'pauseTimer':
      if (state.timer.status !== 'running') return fail('invalid_state')
      return ok({ ...state, timer: pauseTimer(state.timer, now) })
    case 'resumeTimer':
      if (state.timer.status !== 'paused') return fail('invalid_state')
      return ok({ ...state, timer: resumeTimer(state.timer, now) })
    case 'adjustTimer':
      if (state.timer.status === 'idle') return fail('invalid_state')
      return ok({ ...state, timer: adjustTimer(state.timer, command.deltaMinutes * MINUTE_MS, now) })
    case 'stopTimer':
      return ok({ ...state, timer: IDLE_TIMER, timerPhaseId: null })
    case 'configureBreakout':
      if (phase!.kind !== 'breakout' || phase!.status !== 'planned') return fail('invalid_state')
      if (!isEarlierPhase(state, sourceOf(command.plan), command.phaseId)) return fail('invalid_source')
      return ok(replacePhase(state, command.phaseId, (p) => ({ ...p, breakout: command.plan })))
    case 'moveToRoom': {
      const running = runningBreakout(state.breakouts)
      if (running === undefined) return fail('invalid_state')
      if (!running.rooms.some((r) => r.id === command.roomId)) return fail('not_found')
      return ok(withAssignment(state, moveParticipant(running.assignment, command.participantId, command.roomId)))
    }
    case 'reopenRooms': {
      // The most recent breakout that ended: its results are the ones people work on.
      const last = [...state.breakouts].reverse().find((b) => b.status === 'ended')
      if (last === undefined) return fail('invalid_state')
      return ok({ ...state, breakouts: state.breakouts.map((b) => (b === last ? { ...b, reopened: command.open } : b)) })
    }
    case 'broadcast':
      return ok({ ...state, broadcast: { id: newId(), text: command.text, at: now } })
    case 'clearBroadcast':
      return ok({ ...state, broadcast: null })
    case 'configureVote':
      if (phase!.kind !== 'vote' || phase!.status !== 'planned') return fail('invalid_state')
      if (command.plan.resultsOf !== undefined && !isEarlierPhase(state, { kind: 'continue', phaseId: command.plan.resultsOf }, command.phaseId)) return fail('invalid_source')
      return ok(replacePhase(state, command.phaseId, (p) => ({ ...p, vote: command.plan })))
    case 'bringResults': {
      const breakout = breakoutOfPhase(state.breakouts, command.phaseId)
      if (breakout === undefined || breakout.status !== 'ended') return fail('results_not_ready')
      if (breakout.broughtTo !== undefined) return fail('already_brought')
      return ok({ ...state, breakouts: state.breakouts.map((b) => (b === breakout ? { ...b, broughtTo: command.boardId } : b)) })
    }
    case 'summon':
      // Whether the board exists is the server's to check; the rules only record it.
      return ok({ ...state, summon: { id: newId(), boardId: command.boardId, bounds: command.bounds, at: now } })
    case 'setSimpleDefault':
      return ok({ ...state, simpleDefault: command.on })
    default: {
      const unreachable: never = command
      throw new Error(`unknown agenda command ${JSON.stringify(unreachable)}`)
    }
  }
}

/**
 * Whether `source` builds on a phase that comes before `phaseId` in the agenda
 * and is of the kind it needs: a breakout to continue, a vote to take the top
 * concepts of. A fresh breakout builds on nothing and is always fine.
 */
export function isEarlierPhase(state: Facilitation, source: BreakoutSource, phaseId: string): boolean {
  if (source.kind === 'fresh') return true
  const index = state.phases.findIndex((p) => p.id === phaseId)
  const sourceIndex = state.phases.findIndex((p) => p.id === source.phaseId)
  if (index < 0 || sourceIndex < 0 || sourceIndex >= index) return false
  return state.phases[sourceIndex]!.kind === (source.kind === 'continue' ? 'breakout' : 'vote')
}

/**
 * What happens when the timer runs out at `now`: the running phase ends (and
 * with it its breakout) if the timer was its countdown; a timer started on
 * its own just stops.
 * Undefined when nothing is due.
 */
export function applyDueTimer(state: Facilitation, now: number): Facilitation | undefined {
  if (!isDue(state.timer, now)) return undefined
  // Only the phase's own countdown ends it; a pitch timer inside a phase just runs out.
  if (state.timerPhaseId !== null && state.timerPhaseId === state.currentPhaseId) return endCurrent(state, now)
  return { ...state, timer: IDLE_TIMER, timerPhaseId: null }
}

/** Server time at which the timer falls due, if it runs. */
export function dueAt(state: Facilitation): number | undefined {
  return state.timer.status === 'running' ? state.timer.endsAt : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const STATUSES: readonly PhaseStatus[] = ['planned', 'running', 'done', 'skipped']

function parseTimer(value: unknown): TimerState {
  if (!isRecord(value)) return IDLE_TIMER
  const { status, durationMs, endsAt, remainingMs } = value
  if (typeof durationMs !== 'number') return IDLE_TIMER
  if (status === 'running' && typeof endsAt === 'number') return { status, durationMs, endsAt }
  if (status === 'paused' && typeof remainingMs === 'number') return { status, durationMs, remainingMs }
  return IDLE_TIMER
}

function parsePhase(value: unknown): Phase | undefined {
  if (!isRecord(value)) return undefined
  const { id, title, kind, plannedMs, status, startedAt, endedAt } = value
  if (typeof id !== 'string' || typeof title !== 'string' || typeof plannedMs !== 'number') return undefined
  if (!(PHASE_KINDS as readonly unknown[]).includes(kind) || !(STATUSES as readonly unknown[]).includes(status)) return undefined
  const plan = parsePlan(value.breakout)
  return {
    id,
    title,
    kind: kind as PhaseKind,
    plannedMs,
    status: status as PhaseStatus,
    ...(typeof startedAt === 'number' ? { startedAt } : {}),
    ...(typeof endedAt === 'number' ? { endedAt } : {}),
    ...(plan ? { breakout: plan } : {}),
    ...(typeof value.showBoardId === 'string' ? { showBoardId: value.showBoardId } : {}),
    ...(value.watchOnly === true ? { watchOnly: true } : {}),
    ...(parseVotePlan(value.vote) ? { vote: parseVotePlan(value.vote)! } : {}),
  }
}

function parseList<T>(value: unknown, parse: (item: unknown) => T | undefined): T[] {
  return Array.isArray(value) ? value.map(parse).filter((item): item is T => item !== undefined) : []
}

function parseRoomPlan(value: unknown): { title: string; challenge: string } | undefined {
  if (!isRecord(value) || typeof value.title !== 'string' || typeof value.challenge !== 'string') return undefined
  return { title: value.title, challenge: value.challenge }
}

function parseSource(value: unknown): BreakoutSource | undefined {
  if (!isRecord(value) || typeof value.phaseId !== 'string') return undefined
  if (value.kind === 'continue') return { kind: 'continue', phaseId: value.phaseId }
  if (value.kind === 'topVoted' && typeof value.count === 'number' && typeof value.challenge === 'string') {
    return { kind: 'topVoted', phaseId: value.phaseId, count: Math.min(BreakoutLimits.MAX_ROOMS, Math.max(1, Math.floor(value.count))), challenge: value.challenge }
  }
  return undefined
}

function parsePlan(value: unknown): BreakoutPlan | undefined {
  if (!isRecord(value)) return undefined
  const { template, mode, capacity, after } = value
  if (!(BOARD_TEMPLATES as readonly unknown[]).includes(template) || !(ASSIGNMENT_MODES as readonly unknown[]).includes(mode)) return undefined
  const source = parseSource(value.source)
  return {
    rooms: parseList(value.rooms, parseRoomPlan),
    template: template as BreakoutPlan['template'],
    mode: mode as BreakoutPlan['mode'],
    ...(typeof capacity === 'number' ? { capacity } : {}),
    ...(source ? { source } : {}),
    ...((AFTER_BREAKOUT as readonly unknown[]).includes(after) ? { after: after as BreakoutPlan['after'] } : {}),
  }
}

function parseAssignment(value: unknown): Breakout['assignment'] {
  if (!isRecord(value)) return {}
  const result: Record<string, string[]> = {}
  for (const [room, members] of Object.entries(value)) result[room] = parseList(members, (m) => (typeof m === 'string' ? m : undefined))
  return result
}

function parseBreakout(value: unknown): Breakout | undefined {
  if (!isRecord(value) || typeof value.phaseId !== 'string') return undefined
  const { status, mode, capacity } = value
  if ((status !== 'running' && status !== 'ended') || !(ASSIGNMENT_MODES as readonly unknown[]).includes(mode)) return undefined
  const rooms = parseList(value.rooms, (r): BreakoutRoom | undefined => {
    const plan = parseRoomPlan(r)
    if (!plan || !isRecord(r) || typeof r.id !== 'string' || typeof r.boardId !== 'string') return undefined
    return { ...plan, id: r.id, boardId: r.boardId }
  })
  return {
    phaseId: value.phaseId,
    status,
    mode: mode as Breakout['mode'],
    ...(typeof capacity === 'number' ? { capacity } : {}),
    rooms,
    assignment: parseAssignment(value.assignment),
    reopened: value.reopened === true,
    ...(typeof value.broughtTo === 'string' ? { broughtTo: value.broughtTo } : {}),
  }
}

function parseSummon(value: unknown): Summon | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.boardId !== 'string' || typeof value.at !== 'number') return null
  const b = value.bounds
  const bounds = isRecord(b) && [b.x, b.y, b.w, b.h].every((n) => typeof n === 'number' && Number.isFinite(n)) ? { x: b.x as number, y: b.y as number, w: b.w as number, h: b.h as number } : null
  return { id: value.id, boardId: value.boardId, bounds, at: value.at }
}

function parseVotePlan(value: unknown): VotePlan | undefined {
  if (!isRecord(value)) return undefined
  const { title, kind, target, boardIds, votesPerPerson, maxPerItem } = value
  if (typeof title !== 'string' || !(VOTE_KINDS as readonly unknown[]).includes(kind) || !(VOTE_TARGETS as readonly unknown[]).includes(target)) return undefined
  if (typeof votesPerPerson !== 'number' || typeof maxPerItem !== 'number') return undefined
  return {
    title,
    kind: kind as VotePlan['kind'],
    target: target as VotePlan['target'],
    boardIds: parseList(boardIds, (b) => (typeof b === 'string' ? b : undefined)),
    ...(typeof value.resultsOf === 'string' ? { resultsOf: value.resultsOf } : {}),
    votesPerPerson,
    maxPerItem,
    anonymous: value.anonymous === true,
    hidden: value.hidden === true,
  }
}

function parseBroadcast(value: unknown): Broadcast | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.text !== 'string' || typeof value.at !== 'number') return null
  return { id: value.id, text: value.text, at: value.at }
}

/**
 * Reads a stored or published state; what is malformed is left out (an
 * unreadable timer counts as idle). Used by the server on what it stored and
 * by clients on the control document.
 */
export function parseFacilitation(value: unknown): Facilitation {
  if (!isRecord(value)) return EMPTY_FACILITATION
  const phases = parseList(value.phases, parsePhase)
  const current = typeof value.currentPhaseId === 'string' && phases.some((p) => p.id === value.currentPhaseId) ? value.currentPhaseId : null
  return {
    phases,
    currentPhaseId: current,
    timer: parseTimer(value.timer),
    timerPhaseId: typeof value.timerPhaseId === 'string' ? value.timerPhaseId : null,
    breakouts: parseList(value.breakouts, parseBreakout),
    broadcast: parseBroadcast(value.broadcast),
    summon: parseSummon(value.summon),
    ...(typeof value.simpleDefault === 'boolean' ? { simpleDefault: value.simpleDefault } : {}),
  }
}
