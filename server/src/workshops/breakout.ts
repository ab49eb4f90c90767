/**
 * Breakout rooms on the server (issue #4): opening the rooms of a breakout
 * phase (a board per room, the assignment), placing late joiners, and a
 * participant's own choice of room. Pure rules come from shared/; this adds
 * the boards and who is present.
 */
import { randomInt } from 'node:crypto'
import {
  assignBalanced,
  assignSameAsBefore,
  beginBreakout,
  breakoutOfPhase,
  moveParticipant,
  placeLateJoiner,
  roomOf,
  runningBreakout,
  sourceOf,
  withAssignment,
  type Assignment,
  type BreakoutPlan,
  type BreakoutRoom,
  type Facilitation,
  type Phase,
} from '@werkraum/shared'
import type { TopVotedSeed } from './results.ts'
import type { WorkshopStore } from './store.ts'

/** Rooms a breakout phase opens when the facilitator planned none: a handful of people each. */
const DEFAULT_PEOPLE_PER_ROOM = 5

function random(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32
}

/** The people who take part in rooms: participants with a name, not removed. */
function roomPeople(store: WorkshopStore, workshopId: string, isPresent: (participantId: string) => boolean): string[] {
  return store
    .participants(workshopId)
    .filter((p) => !p.removed && p.name !== '' && p.role === 'participant' && isPresent(p.id))
    .map((p) => p.id)
}

function defaultPlan(locale: 'de' | 'en', people: number): BreakoutPlan {
  const count = Math.max(2, Math.ceil(people / DEFAULT_PEOPLE_PER_ROOM))
  return {
    rooms: Array.from({ length: count }, (_, i) => ({ title: `${locale === 'de' ? 'Raum' : 'Room'} ${i + 1}`, challenge: '' })),
    template: 'concept',
    mode: 'random',
  }
}

/**
 * Opens the rooms of `phase`, which has just started, with the assignment its
 * plan asks for, of everyone present now (whoever comes later is placed as a
 * late joiner). Where the rooms come from follows the plan's source: new
 * boards from the template; the rooms and boards of an earlier breakout
 * (`continue`, same groups); or one new board per top-voted item (`seeds`,
 * prepared by ./results.ts, whose cards the caller then copies in).
 * Undefined when the source's breakout has not ended (the caller checked).
 */
export function openBreakout(
  store: WorkshopStore,
  workshopId: string,
  state: Facilitation,
  phase: Phase,
  isPresent: (participantId: string) => boolean,
  seeds: readonly TopVotedSeed[] = [],
): Facilitation {
  const workshop = store.workshop(workshopId)
  const people = roomPeople(store, workshopId, isPresent)
  const plan = phase.breakout ?? defaultPlan(workshop?.locale ?? 'de', people.length)
  const source = sourceOf(plan)
  const previous = source.kind === 'continue' ? breakoutOfPhase(state.breakouts, source.phaseId) : undefined
  if (source.kind === 'continue' && previous !== undefined) {
    // The same rooms on the same boards, for the same groups: the boards become theirs to write again.
    const slots = previous.rooms.map((r) => ({ id: r.id }))
    const assignment = assignSameAsBefore(previous.assignment, people, slots, random)
    return beginBreakout(state, phase.id, previous.rooms, assignment, { ...plan, mode: 'same' })
  }
  const planned = source.kind === 'topVoted' ? seeds.map((seed) => ({ title: seed.title, challenge: source.challenge })) : plan.rooms
  // A top-voted room starts from its card alone, not from a template around it.
  const template = source.kind === 'topVoted' ? 'blank' : plan.template
  const rooms: BreakoutRoom[] = planned.map((room, i) => {
    const board = store.addBoard(workshopId, `${phase.title}: ${room.title}`, template, true)
    return { id: `r${i + 1}`, title: room.title, challenge: room.challenge, boardId: board.id }
  })
  const slots = rooms.map((r) => ({ id: r.id, ...(plan.capacity !== undefined ? { capacity: plan.capacity } : {}) }))
  let assignment: Assignment
  switch (plan.mode) {
    case 'random':
    case 'manual':
      // Manual starts from a balanced draw that the facilitator then changes.
      assignment = assignBalanced(people, slots, random)
      break
    case 'self':
      assignment = Object.fromEntries(rooms.map((r) => [r.id, []]))
      break
    case 'same': {
      const previous = [...state.breakouts].reverse().find((b) => b.status === 'ended')
      // Rooms are matched by their order: room 1 of the last breakout is room 1 again.
      const mapped: Record<string, readonly string[]> = {}
      previous?.rooms.forEach((room, i) => {
        const now = rooms[i]
        if (now) mapped[now.id] = previous.assignment[room.id] ?? []
      })
      assignment = assignSameAsBefore(mapped, people, slots, random)
      break
    }
    default: {
      const unreachable: never = plan.mode
      throw new Error(`unknown assignment mode ${String(unreachable)}`)
    }
  }
  return beginBreakout(state, phase.id, rooms, assignment, plan)
}

/**
 * A participant who arrives (joins, or connects) during a running breakout
 * and has no room yet gets one, balanced. Self-select breakouts leave the
 * choice to them. Undefined when nothing changes.
 */
export function placeLateComer(store: WorkshopStore, workshopId: string, participantId: string): Facilitation | undefined {
  const state = store.facilitation(workshopId)
  const running = runningBreakout(state.breakouts)
  if (!running || running.mode === 'self' || roomOf(running.assignment, participantId) !== undefined) return undefined
  const participant = store.participant(workshopId, participantId)
  if (!participant || participant.removed || participant.role !== 'participant' || participant.name === '') return undefined
  const slots = running.rooms.map((r) => ({ id: r.id, ...(running.capacity !== undefined ? { capacity: running.capacity } : {}) }))
  const roomId = (running.mode === 'same' ? formerRoom(state, participantId) : undefined) ?? placeLateJoiner(running.assignment, slots, random)
  return withAssignment(state, moveParticipant(running.assignment, participantId, roomId))
}

/** In a "same groups" breakout: the room (by position) this person was in last time, if it exists now. */
function formerRoom(state: Facilitation, participantId: string): string | undefined {
  const running = runningBreakout(state.breakouts)
  const previous = [...state.breakouts].reverse().find((b) => b.status === 'ended')
  if (!running || !previous) return undefined
  const index = previous.rooms.findIndex((room) => (previous.assignment[room.id] ?? []).includes(participantId))
  return index >= 0 ? running.rooms[index]?.id : undefined
}

export type ChoiceResult = { readonly ok: true; readonly state: Facilitation } | { readonly ok: false; readonly status: 404 | 409; readonly error: 'not_found' | 'invalid_state' | 'room_full' }

/** A participant picks their room in a self-select breakout, while it has space. */
export function chooseRoom(state: Facilitation, participantId: string, roomId: string): ChoiceResult {
  const running = runningBreakout(state.breakouts)
  if (!running || running.mode !== 'self') return { ok: false, status: 409, error: 'invalid_state' }
  if (!running.rooms.some((r) => r.id === roomId)) return { ok: false, status: 404, error: 'not_found' }
  const members = (running.assignment[roomId] ?? []).filter((id) => id !== participantId)
  if (running.capacity !== undefined && members.length >= running.capacity) return { ok: false, status: 409, error: 'room_full' }
  return { ok: true, state: withAssignment(state, moveParticipant(running.assignment, participantId, roomId)) }
}

/**
 * Someone who is no longer a participant (removed, or given another role)
 * leaves their room in the running breakout, so they hold no place in a
 * room with a capacity and count in no room's size. Undefined when nothing changes.
 */
export function takeOutOfRooms(state: Facilitation, participantId: string): Facilitation | undefined {
  const running = runningBreakout(state.breakouts)
  if (!running || roomOf(running.assignment, participantId) === undefined) return undefined
  const assignment = Object.fromEntries(Object.entries(running.assignment).map(([room, members]) => [room, members.filter((m) => m !== participantId)]))
  return withAssignment(state, assignment)
}
