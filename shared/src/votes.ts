/**
 * Voting sessions (issue #5): dot votes and "I'd work on this", counted by
 * the server. Ballots are commands; the server checks them against these
 * rules inside one storage transaction.
 */
import { breakoutOfPhase, type Breakout } from './breakout.ts'
import { CONCEPT_CARD_TYPE, conceptCardText, isEmptyConceptCard } from './concept.ts'

export const VOTE_KINDS = ['dots', 'pledge'] as const
/** `dots`: a budget of dots to spread; `pledge`: "I'd work on this", always named, one mark per item. */
export type VoteKind = (typeof VOTE_KINDS)[number]

/** What can be voted on: sticky notes and concept cards on the chosen boards, or the boards themselves. */
export const VOTE_TARGETS = ['notes', 'boards'] as const
export type VoteTarget = (typeof VOTE_TARGETS)[number]

export const VoteLimits = {
  MAX_TITLE_CHARS: 120,
  MAX_VOTES_PER_PERSON: 50,
  MAX_SESSIONS: 50,
  MAX_BOARDS_PER_SESSION: 60,
  MAX_REQUEST_ID_CHARS: 64,
} as const

/** tldraw shape types that count as items in a `notes` session: sticky notes and concept cards. */
export const VOTABLE_SHAPE_TYPES: readonly string[] = ['note', CONCEPT_CARD_TYPE]

/**
 * What an item says in results and rankings: a note's text, a concept card's
 * title. `props` is read defensively: it comes from a board document.
 */
export function votableText(type: string, props: unknown): string {
  const p = (typeof props === 'object' && props !== null ? props : {}) as { text?: unknown; richText?: unknown }
  if (type === CONCEPT_CARD_TYPE) return conceptCardText(props).title
  return typeof p.text === 'string' ? p.text : plainText(p.richText)
}

export interface VoteSession {
  readonly id: string
  readonly kind: VoteKind
  readonly title: string
  readonly target: VoteTarget
  /** Boards whose notes can be voted on, or which can be voted on themselves. */
  readonly boardIds: readonly string[]
  readonly votesPerPerson: number
  readonly maxPerItem: number
  /** Only counts are kept: no identity reaches the control document, the API or an export. */
  readonly anonymous: boolean
  /** Counts stay with the server until the session is closed. */
  readonly hidden: boolean
  readonly status: 'open' | 'closed'
  /** Server ms. */
  readonly openedAt: number
  readonly closedAt?: number
  /** The vote phase it was opened in, if any: that phase's end closes it. */
  readonly phaseId?: string
  /**
   * Boards on which only copied results count: the board a breakout's results
   * were brought onto, when the vote is on "the results of" that breakout (the
   * plenary's other notes are not the groups' results).
   */
  readonly onlyCopiesOn?: readonly string[]
}

/** A shape as far as a vote looks at it (tldraw's record, or what the server reads of it). */
export interface VotableShape {
  readonly type: string
  readonly props: unknown
  readonly meta?: unknown
}

/**
 * Whether a shape on `boardId` is something to vote on in `session`: a sticky
 * note or a concept card somebody wrote on, and on a board of results brought
 * into the plenary only the copies. Server, panel and canvas ask the same.
 */
export function isVoteItem(session: { readonly onlyCopiesOn?: readonly string[] | undefined }, boardId: string, shape: VotableShape): boolean {
  if (!VOTABLE_SHAPE_TYPES.includes(shape.type)) return false
  if (shape.type === CONCEPT_CARD_TYPE && isEmptyConceptCard(shape.props)) return false
  if (session.onlyCopiesOn?.includes(boardId) !== true) return true
  const meta = shape.meta as { werkraumCopiedFrom?: unknown } | undefined
  return typeof meta?.werkraumCopiedFrom === 'object' && meta.werkraumCopiedFrom !== null
}

/** The settings of a vote, as a facilitator chooses them (on the spot, or planned with a vote phase). */
export interface VotePlan {
  readonly title: string
  readonly kind: VoteKind
  readonly target: VoteTarget
  /** Boards named when planning (may be empty when `resultsOf` is set). */
  readonly boardIds: readonly string[]
  /**
   * "The results of <breakout phase>": resolved when the vote opens, to the
   * board its results were brought onto, else to its rooms' boards. Lets a vote
   * be planned on boards that do not exist yet.
   */
  readonly resultsOf?: string
  readonly votesPerPerson: number
  readonly maxPerItem: number
  readonly anonymous: boolean
  readonly hidden: boolean
}

/**
 * The boards a planned vote runs on, as it opens: the named boards and, for
 * `resultsOf`, the results of that breakout phase (see `VotePlan.resultsOf`).
 * `not_run` when the phase has not run a breakout (yet); `no_boards` when
 * nothing is left to vote on.
 */
export function resolveVoteBoards(
  plan: VotePlan,
  breakouts: readonly Breakout[],
): { readonly ok: true; readonly boardIds: readonly string[]; readonly onlyCopiesOn: readonly string[] } | { readonly ok: false; readonly error: 'not_run' | 'no_boards' } {
  const boards = [...plan.boardIds]
  const onlyCopiesOn: string[] = []
  if (plan.resultsOf !== undefined) {
    const breakout = breakoutOfPhase(breakouts, plan.resultsOf)
    if (breakout === undefined) return { ok: false, error: 'not_run' }
    if (breakout.broughtTo !== undefined) {
      boards.push(breakout.broughtTo)
      // Named in the plan as well: everything on it counts.
      if (!plan.boardIds.includes(breakout.broughtTo)) onlyCopiesOn.push(breakout.broughtTo)
    } else boards.push(...breakout.rooms.map((r) => r.boardId))
  }
  const unique = [...new Set(boards)]
  return unique.length === 0 ? { ok: false, error: 'no_boards' } : { ok: true, boardIds: unique, onlyCopiesOn }
}

/**
 * The items a breakout of "one room per top-voted concept" opens rooms for:
 * the `count` items with the most votes, in ranking order. Items tied with the
 * last one taken come along (no concept with as many votes is left out by
 * chance), up to `max`. Items without a vote are never taken. Equal counts
 * keep the order of `rows` (the results' order: board, then text).
 */
export function topItems<T extends { readonly count: number }>(rows: readonly T[], count: number, max: number): T[] {
  // A stable sort: rows with equal counts keep the order they came in.
  const voted = rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count)
  const taken = voted.slice(0, count)
  const last = taken.at(-1)
  if (last === undefined) return []
  for (const row of voted.slice(count)) {
    if (row.count !== last.count || taken.length >= max) break
    taken.push(row)
  }
  return taken
}

/** What a facilitator asks for when opening a session; pledges are always named, visible and one per item. */
export function normaliseSession(input: {
  kind: VoteKind
  votesPerPerson: number
  maxPerItem: number
  anonymous: boolean
  hidden: boolean
}): { votesPerPerson: number; maxPerItem: number; anonymous: boolean; hidden: boolean } {
  if (input.kind === 'pledge') return { votesPerPerson: VoteLimits.MAX_VOTES_PER_PERSON, maxPerItem: 1, anonymous: false, hidden: false }
  return {
    votesPerPerson: input.votesPerPerson,
    maxPerItem: Math.min(input.maxPerItem, input.votesPerPerson),
    anonymous: input.anonymous,
    hidden: input.hidden,
  }
}

/** An item's key in counts: the board and, for notes, the shape. */
export function itemKey(boardId: string, shapeId: string | null): string {
  return shapeId === null ? boardId : `${boardId}/${shapeId}`
}

export type BallotRefusal = 'closed' | 'not_eligible' | 'no_votes_left' | 'item_full' | 'nothing_to_take_back' | 'request_reused'

/**
 * Whether one more dot from this person on this item is allowed, given how
 * many they have placed in all (`used`) and on this item (`onItem`).
 */
export function checkBallot(session: VoteSession, used: number, onItem: number): BallotRefusal | undefined {
  if (session.status !== 'open') return 'closed'
  if (used >= session.votesPerPerson) return 'no_votes_left'
  if (onItem >= session.maxPerItem) return 'item_full'
  return undefined
}

/** Plain text of a tldraw rich-text document (a TipTap tree), line breaks kept. */
export function plainText(richText: unknown): string {
  const lines: string[] = []
  const walk = (node: unknown, into: string[]): void => {
    if (typeof node !== 'object' || node === null) return
    const n = node as { type?: unknown; text?: unknown; content?: unknown }
    if (typeof n.text === 'string') into.push(n.text)
    if (n.type === 'hardBreak') into.push('\n')
    if (Array.isArray(n.content)) for (const child of n.content) walk(child, into)
  }
  const doc = richText as { content?: unknown }
  if (Array.isArray(doc?.content)) {
    for (const paragraph of doc.content) {
      const parts: string[] = []
      walk(paragraph, parts)
      lines.push(parts.join(''))
    }
  }
  return lines.join('\n')
}

export interface ResultRow {
  readonly item: string
  readonly board: string
  readonly text: string
  readonly count: number
  /** Named sessions only. */
  readonly names?: readonly string[]
}

function csvField(value: string): string {
  // Quotes around every field; a leading = + - @ would start a formula in spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** Results as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the umlauts). */
export function resultsCsv(rows: readonly ResultRow[], named: boolean): string {
  const header = ['item', 'board', 'text', 'count', ...(named ? ['names'] : [])]
  const lines = [header.map(csvField).join(',')]
  for (const row of rows) {
    const fields = [row.item, row.board, row.text, String(row.count), ...(named ? [(row.names ?? []).join('; ')] : [])]
    lines.push(fields.map(csvField).join(','))
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/** Page units within which items count as one row when reading a board. */
const READING_ROW_TOLERANCE = 100

/**
 * Items in the order people read a board: rows from top to bottom, each from
 * left to right, by their top-left corner on the page. Items whose tops lie
 * within a row's tolerance of the row's first item share its row, so notes
 * placed by hand a little higher or lower still read left to right.
 */
export function readingOrder<T extends { readonly x: number; readonly y: number }>(items: readonly T[]): T[] {
  const byTop = [...items].sort((a, b) => a.y - b.y || a.x - b.x)
  const ordered: T[] = []
  for (let start = 0; start < byTop.length; ) {
    let end = start + 1
    while (end < byTop.length && byTop[end]!.y - byTop[start]!.y <= READING_ROW_TOLERANCE) end++
    ordered.push(...byTop.slice(start, end).sort((a, b) => a.x - b.x))
    start = end
  }
  return ordered
}
