/**
 * Reads the workshop's control document (written by the server only; layout
 * in docs/API.md) into plain values for the screens. What does not have the
 * expected shape is left out rather than trusted.
 */
import { BOARD_TEMPLATES, ROLES, parseFacilitation, type BoardTemplate, type Facilitation, type Role } from '@werkraum/shared'
import type * as Y from 'yjs'

export interface ControlParticipant {
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly present: boolean
}

export interface ControlBoard {
  readonly id: string
  readonly title: string
  readonly position: number
  readonly locked: boolean
  readonly archived: boolean
  readonly template: BoardTemplate
  /** A breakout room's board: reached through its breakout, not the board list. */
  readonly room: boolean
}

export interface ControlState {
  readonly title: string
  readonly participants: readonly ControlParticipant[]
  /** In the facilitator's order, archived ones included. */
  readonly boards: readonly ControlBoard[]
  /** The agenda and the timer (in server time). */
  readonly facilitation: Facilitation
  /** Voting sessions, oldest first. */
  readonly votes: readonly ControlVote[]
}

/** A voting session as published: counts only when visible, pledges (names) only for "I'd work on this". */
export interface ControlVote {
  readonly id: string
  readonly kind: 'dots' | 'pledge'
  readonly title: string
  readonly target: 'notes' | 'boards'
  readonly boardIds: readonly string[]
  readonly votesPerPerson: number
  readonly maxPerItem: number
  readonly anonymous: boolean
  readonly hidden: boolean
  readonly status: 'open' | 'closed'
  /** Server ms; sessions are listed in this order. */
  readonly openedAt: number
  readonly counts: Readonly<Record<string, number>> | undefined
  readonly pledges: Readonly<Record<string, readonly string[]>> | undefined
  /** Boards on which only copied results count (results brought into the plenary). */
  readonly onlyCopiesOn?: readonly string[]
}

function readVote(id: string, value: unknown): ControlVote | undefined {
  if (!isRecord(value)) return undefined
  const { kind, title, target, boardIds, votesPerPerson, maxPerItem, status, counts, pledges } = value
  if ((kind !== 'dots' && kind !== 'pledge') || typeof title !== 'string' || (target !== 'notes' && target !== 'boards')) return undefined
  if (!Array.isArray(boardIds) || typeof votesPerPerson !== 'number' || typeof maxPerItem !== 'number' || (status !== 'open' && status !== 'closed')) return undefined
  const numbers = (v: unknown): Record<string, number> | undefined =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number')) : undefined
  const lists = (v: unknown): Record<string, string[]> | undefined =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).map(([k, l]) => [k, Array.isArray(l) ? l.filter((n): n is string => typeof n === 'string') : []])) : undefined
  return {
    id,
    kind,
    title,
    target,
    boardIds: boardIds.filter((b): b is string => typeof b === 'string'),
    votesPerPerson,
    maxPerItem,
    anonymous: value.anonymous === true,
    hidden: value.hidden === true,
    status,
    openedAt: typeof value.openedAt === 'number' ? value.openedAt : 0,
    counts: numbers(counts),
    pledges: lists(pledges),
    ...(Array.isArray(value.onlyCopiesOn) ? { onlyCopiesOn: value.onlyCopiesOn.filter((b): b is string => typeof b === 'string') } : {}),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

function isTemplate(value: unknown): value is BoardTemplate {
  return typeof value === 'string' && (BOARD_TEMPLATES as readonly string[]).includes(value)
}

export function readControlState(doc: Y.Doc): ControlState {
  const title = doc.getMap<unknown>('workshop').get('title')
  const participants: ControlParticipant[] = []
  doc.getMap<unknown>('participants').forEach((value, id) => {
    if (!isRecord(value) || typeof value.name !== 'string' || !isRole(value.role)) return
    participants.push({ id, name: value.name, role: value.role, present: value.present === true })
  })
  participants.sort((a, b) => a.name.localeCompare(b.name))
  const boards: ControlBoard[] = []
  doc.getMap<unknown>('boards').forEach((value, id) => {
    if (!isRecord(value) || typeof value.title !== 'string' || typeof value.position !== 'number') return
    boards.push({
      id,
      title: value.title,
      position: value.position,
      locked: value.locked === true,
      archived: value.archived === true,
      template: isTemplate(value.template) ? value.template : 'blank',
      room: value.room === true,
    })
  })
  boards.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
  const votes: ControlVote[] = []
  doc.getMap<unknown>('votes').forEach((value, id) => {
    const vote = readVote(id, value)
    if (vote) votes.push(vote)
  })
  votes.sort((a, b) => a.openedAt - b.openedAt)
  return {
    title: typeof title === 'string' ? title : '',
    participants,
    boards,
    facilitation: parseFacilitation(doc.getMap<unknown>('facilitation').toJSON()),
    votes,
  }
}
