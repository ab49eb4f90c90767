/**
 * Breakout rooms (issue #4): what a breakout phase plans, what a running one
 * is, and what it means for access. The server creates the rooms' boards and
 * decides the assignment (./assignment.ts); these rules are shared so the
 * client shows what the server enforces.
 */
import type { Assignment } from './assignment.ts'
import type { BoardTemplate } from './workshop.ts'

export const ASSIGNMENT_MODES = ['random', 'manual', 'self', 'same'] as const
/** random and balanced; manual (everyone starts unassigned… the facilitator moves people); self-select; the groups of the last breakout. */
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number]

export const BreakoutLimits = {
  MAX_ROOMS: 50,
  MAX_CHALLENGE_CHARS: 500,
  MAX_BROADCAST_CHARS: 280,
  /** Breakouts one workshop may run (each keeps its rooms' boards as results). */
  MAX_BREAKOUTS: 50,
  /** Room boards one workshop may have in all its breakouts. */
  MAX_ROOM_BOARDS: 500,
} as const

export interface RoomPlan {
  readonly title: string
  /** Shown to the group in their room. */
  readonly challenge: string
}

/**
 * Where a breakout's rooms come from:
 * - `fresh`: the planned rooms, each with a new board from the template;
 * - `continue`: the rooms and boards of an earlier breakout phase, writable
 *   again for the same groups (a second work phase on the same concepts);
 * - `topVoted`: one room per top-voted item of the vote an earlier vote phase
 *   opened; each room's board starts with a copy of its concept card (or note)
 *   and the room is named after it.
 */
export type BreakoutSource =
  | { readonly kind: 'fresh' }
  | { readonly kind: 'continue'; readonly phaseId: string }
  | {
      readonly kind: 'topVoted'
      readonly phaseId: string
      /** Rooms wanted; ties with the last one add rooms (see `topItems`). */
      readonly count: number
      /** The task every room gets ("Sharpen the measures of this concept"). */
      readonly challenge: string
    }

export const BREAKOUT_SOURCE_KINDS = ['fresh', 'continue', 'topVoted'] as const satisfies ReadonlyArray<BreakoutSource['kind']>

/** Where participants land when a breakout ends: the gallery of its results, the plenary board, or the room's board (read-only). */
export const AFTER_BREAKOUT = ['gallery', 'plenary', 'stay'] as const
export type AfterBreakout = (typeof AFTER_BREAKOUT)[number]

/** What a breakout phase will set up when it starts. */
export interface BreakoutPlan {
  readonly rooms: readonly RoomPlan[]
  readonly template: BoardTemplate
  readonly mode: AssignmentMode
  /** Most members a room takes when people choose themselves. */
  readonly capacity?: number
  /** Absent means `fresh`. */
  readonly source?: BreakoutSource
  /** Absent means `gallery`. */
  readonly after?: AfterBreakout
}

/** Where a breakout's rooms come from (`fresh` when the plan says nothing). */
export function sourceOf(plan: BreakoutPlan | undefined): BreakoutSource {
  return plan?.source ?? { kind: 'fresh' }
}

/** Where participants go when the breakout of this plan ends (`gallery` when the plan says nothing). */
export function afterOf(plan: BreakoutPlan | undefined): AfterBreakout {
  return plan?.after ?? 'gallery'
}

export interface BreakoutRoom extends RoomPlan {
  readonly id: string
  /** The room's own board (a workshop board outside the normal board list). */
  readonly boardId: string
}

export interface Breakout {
  readonly phaseId: string
  readonly status: 'running' | 'ended'
  readonly mode: AssignmentMode
  readonly capacity?: number
  readonly rooms: readonly BreakoutRoom[]
  readonly assignment: Assignment
  /** After the phase, room boards are read-only unless the facilitator reopens them. */
  readonly reopened: boolean
  /** The board the rooms' results were copied onto ("bring the results into the plenary"), once that happened. */
  readonly broughtTo?: string
}

/** A message from the facilitator to every room, shown as a banner. */
export interface Broadcast {
  readonly id: string
  readonly text: string
  /** Server ms. */
  readonly at: number
}

/** A page-space rectangle (tldraw's page coordinates). */
export interface PageBounds {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/**
 * "Bring everyone to me" and pitch mode: everyone but the facilitator goes to
 * `boardId` and looks at `bounds` (or at the whole board when null).
 */
export interface Summon {
  readonly id: string
  readonly boardId: string
  readonly bounds: PageBounds | null
  /** Server ms. */
  readonly at: number
}

/** The breakout that runs now, if any (there is at most one). */
export function runningBreakout(breakouts: readonly Breakout[]): Breakout | undefined {
  return breakouts.find((b) => b.status === 'running')
}

/**
 * The breakout and room a board belongs to, if it is a room board. A board
 * that a later breakout continued on belongs to the latest one.
 */
export function roomOfBoard(breakouts: readonly Breakout[], boardId: string): { breakout: Breakout; room: BreakoutRoom } | undefined {
  for (let i = breakouts.length - 1; i >= 0; i--) {
    const breakout = breakouts[i]!
    const room = breakout.rooms.find((r) => r.boardId === boardId)
    if (room) return { breakout, room }
  }
  return undefined
}

/** The latest breakout that a phase ran (a phase started twice ran twice), if it ran. */
export function breakoutOfPhase(breakouts: readonly Breakout[], phaseId: string): Breakout | undefined {
  for (let i = breakouts.length - 1; i >= 0; i--) if (breakouts[i]!.phaseId === phaseId) return breakouts[i]
  return undefined
}

/**
 * What breakouts mean for one board and one participant: during a running
 * breakout only their own room's board is theirs to write; a room board of
 * a breakout that ended is locked until the facilitator reopens it.
 * Combine with the board's own lock in `documentAccess`.
 */
export function breakoutAccess(
  breakouts: readonly Breakout[],
  boardId: string,
  participantId: string,
): { readonly lockedByBreakout: boolean; readonly ownRoomDuringBreakout?: boolean } {
  const ofBoard = roomOfBoard(breakouts, boardId)
  const lockedByBreakout = ofBoard !== undefined && ofBoard.breakout.status === 'ended' && !ofBoard.breakout.reopened
  const running = runningBreakout(breakouts)
  if (running === undefined) return { lockedByBreakout }
  const own = ofBoard?.breakout === running && (running.assignment[ofBoard.room.id] ?? []).includes(participantId)
  return { lockedByBreakout, ownRoomDuringBreakout: own }
}
