import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assignBalanced,
  assignSameAsBefore,
  assignSelfSelect,
  moveParticipant,
  placeLateJoiner,
  roomOf,
  seededRandom,
  type Assignment,
  type RoomSlot,
} from './assignment.ts'

// Ids include names that are special on plain objects, because rooms are keys of one.
const id = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('__proto__', 'constructor', 'toString', '0', '1'))
/** Room ids may not be plain numbers (the module refuses them; see the input checks below). */
const roomId = id.filter((r) => !/^(0|[1-9][0-9]*)$/.test(r))
/** Short ids repeat often, so duplicates in the input are common. */
const people = fc.array(id, { maxLength: 40 })
const roomIds = fc.uniqueArray(roomId, { minLength: 1, maxLength: 8 })
const openRooms = roomIds.map((ids) => ids.map((r): RoomSlot => ({ id: r })))
const cappedRooms = fc.uniqueArray(fc.record({ id: roomId, capacity: fc.option(fc.nat(6), { nil: undefined }) }), {
  selector: (r) => r.id,
  minLength: 1,
  maxLength: 8,
})
const seed = fc.integer()

/** Every room of `rooms` is a key, in order, and every distinct participant is in exactly one room. */
function expectPartition(assignment: Assignment, rooms: readonly RoomSlot[], participants: readonly string[]): void {
  expect(Object.keys(assignment)).toEqual(rooms.map((r) => r.id))
  const placed = Object.values(assignment).flat()
  expect([...placed].sort()).toEqual([...new Set(participants)].sort())
}

function sizes(assignment: Assignment): number[] {
  return Object.values(assignment).map((m) => m.length)
}

function spread(assignment: Assignment): number {
  const s = sizes(assignment)
  return Math.max(...s) - Math.min(...s)
}

/** An arbitrary, possibly lopsided assignment of distinct people over rooms. */
const previousAssignment = fc
  .tuple(roomIds, fc.uniqueArray(fc.tuple(id, fc.nat()), { selector: ([p]) => p, maxLength: 30 }))
  .map(([rooms, placements]) => {
    const draft = new Map(rooms.map((r): [string, string[]] => [r, []]))
    for (const [person, n] of placements) draft.get(rooms[n % rooms.length]!)!.push(person)
    return { rooms: rooms.map((r): RoomSlot => ({ id: r })), previous: Object.fromEntries(draft) as Assignment }
  })

describe('assignBalanced', () => {
  it('puts every participant in exactly one room, with sizes within one', () => {
    fc.assert(
      fc.property(people, openRooms, seed, (participants, rooms, s) => {
        const assignment = assignBalanced(participants, rooms, seededRandom(s))
        expectPartition(assignment, rooms, participants)
        expect(spread(assignment)).toBeLessThanOrEqual(1)
        expect(assignBalanced(participants, rooms, seededRandom(s))).toEqual(assignment)
      }),
    )
  })

  it('gives the extra member to different rooms for different seeds', () => {
    const rooms = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    const fullest = new Set<string>()
    for (let s = 0; s < 30; s++) {
      const assignment = assignBalanced(['p1', 'p2', 'p3', 'p4'], rooms, seededRandom(s))
      fullest.add(Object.entries(assignment).find(([, m]) => m.length === 2)![0])
    }
    expect(fullest).toEqual(new Set(['a', 'b', 'c']))
  })

  it('counts a duplicate participant once and lists empty rooms', () => {
    const assignment = assignBalanced(['ana', 'ben', 'ana'], [{ id: 'a' }, { id: 'b' }, { id: 'c' }], seededRandom(1))
    expect(Object.values(assignment).flat().sort()).toEqual(['ana', 'ben'])
    expect(sizes(assignment).sort()).toEqual([0, 1, 1])
  })
})

describe('assignSelfSelect', () => {
  /** Participants with a choice: a room index, an unknown room, or none. */
  const choosers = fc.array(fc.tuple(id, fc.option(fc.nat(9), { nil: undefined })), { maxLength: 40 })

  function choicesFor(list: readonly (readonly [string, number | undefined])[], rooms: readonly RoomSlot[]): Map<string, string | undefined> {
    const choices = new Map<string, string | undefined>()
    for (const [person, n] of list) choices.set(person, n === undefined ? undefined : n === 9 ? 'no such room' : rooms[n % rooms.length]!.id)
    return choices
  }

  it('honours every choice that fits, first come first served, and nobody else is over capacity', () => {
    fc.assert(
      fc.property(choosers, cappedRooms, seed, (list, rooms, s) => {
        const participants = list.map(([p]) => p)
        const choices = choicesFor(list, rooms)
        const { assignment, displaced, overCapacity } = assignSelfSelect(participants, choices, rooms, seededRandom(s))
        expectPartition(assignment, rooms, participants)

        const chosenSoFar = new Map<string, number>()
        const expectedDisplaced: string[] = []
        for (const person of new Set(participants)) {
          const room = rooms.find((r) => r.id === choices.get(person))
          if (room === undefined) continue
          const earlier = chosenSoFar.get(room.id) ?? 0
          chosenSoFar.set(room.id, earlier + 1)
          const fits = room.capacity === undefined || earlier < room.capacity
          if (fits) expect(roomOf(assignment, person)).toBe(room.id)
          else expectedDisplaced.push(person)
        }
        expect(displaced).toEqual(expectedDisplaced)

        const unlimited = rooms.some((r) => r.capacity === undefined)
        const total = rooms.reduce((sum, r) => sum + (r.capacity ?? 0), 0)
        const excess = unlimited ? 0 : Math.max(0, new Set(participants).size - total)
        expect(overCapacity).toHaveLength(excess)
        for (const room of rooms) {
          const size = assignment[room.id]!.length
          // Over capacity only when every room is full, and then no room stays below its limit.
          if (excess === 0) expect(size).toBeLessThanOrEqual(room.capacity ?? Infinity)
          else expect(size).toBeGreaterThanOrEqual(room.capacity!)
        }
      }),
    )
  })

  it('is balanced when nobody chooses and rooms have no limit', () => {
    fc.assert(
      fc.property(people, openRooms, seed, (participants, rooms, s) => {
        const { assignment } = assignSelfSelect(participants, new Map(), rooms, seededRandom(s))
        expectPartition(assignment, rooms, participants)
        expect(spread(assignment)).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('sends the overflow to the smallest rooms and reports it', () => {
    const rooms = [
      { id: 'a', capacity: 2 },
      { id: 'b', capacity: 1 },
    ]
    const choices = new Map([
      ['p1', 'b'],
      ['p2', 'b'],
      ['p3', 'b'],
      ['p4', 'a'],
    ])
    const result = assignSelfSelect(['p1', 'p2', 'p3', 'p4', 'p5'], choices, rooms, seededRandom(7))
    expect(result.assignment.b![0]).toBe('p1')
    expect(result.assignment.a![0]).toBe('p4')
    expect(result.displaced).toEqual(['p2', 'p3'])
    expect(result.overCapacity).toHaveLength(2)
    // One of the three left over fills a (2/2); with both full, the other two go to the smallest room each time.
    expect(sizes(result.assignment).sort()).toEqual([2, 3])
  })
})

describe('assignSameAsBefore', () => {
  it('reproduces the previous assignment when the same people come to the same rooms', () => {
    fc.assert(
      fc.property(previousAssignment, seed, ({ rooms, previous }, s) => {
        const participants = Object.values(previous).flat().reverse()
        expect(assignSameAsBefore(previous, participants, rooms, seededRandom(s))).toEqual(previous)
      }),
    )
  })

  it('maps the groups in order onto new rooms', () => {
    fc.assert(
      fc.property(previousAssignment, seed, ({ previous }, s) => {
        const groups = Object.values(previous)
        const rooms = groups.map((_, i): RoomSlot => ({ id: `next-${i}` }))
        const again = assignSameAsBefore(previous, groups.flat(), rooms, seededRandom(s))
        expect(Object.values(again)).toEqual(groups)
      }),
    )
  })

  it('keeps together who was together, drops who left and places newcomers', () => {
    const scenario = fc.record({
      before: previousAssignment,
      keep: fc.array(fc.boolean(), { maxLength: 30 }),
      newcomers: people,
      reused: fc.array(fc.boolean(), { maxLength: 8 }),
      fresh: fc.nat(4),
      seed,
    })
    fc.assert(
      fc.property(scenario, ({ before: { rooms: oldRooms, previous }, keep, newcomers, reused, fresh, seed: s }) => {
        const everyone = Object.values(previous).flat()
        const participants = [...everyone.filter((_, i) => keep[i] ?? true), ...newcomers]
        const rooms = [...oldRooms.filter((_, i) => reused[i] ?? true), ...Array.from({ length: fresh }, (_, i): RoomSlot => ({ id: `fresh-${i}` }))]
        if (rooms.length === 0) return
        const assignment = assignSameAsBefore(previous, participants, rooms, seededRandom(s))
        expectPartition(assignment, rooms, participants)

        // The model: rooms that still exist keep their group; the others get the fresh rooms in order.
        const stays = new Set(rooms.map((r) => r.id))
        const moved = oldRooms.map((r) => r.id).filter((r) => !stays.has(r))
        const target = (old: string): string | undefined => (stays.has(old) ? old : moved.indexOf(old) < fresh ? `fresh-${moved.indexOf(old)}` : undefined)
        const present = new Set(participants)
        for (const [old, group] of Object.entries(previous)) {
          const to = target(old)
          if (to === undefined) continue
          for (const person of group) if (present.has(person)) expect(roomOf(assignment, person)).toBe(to)
        }
      }),
    )
  })

  it('keeps the groups of a reopened workshop: example', () => {
    const previous = { r1: ['ana', 'ben'], r2: ['cem', 'dora'] }
    const next = assignSameAsBefore(previous, ['dora', 'ana', 'eva', 'cem'], [{ id: 's1' }, { id: 's2' }, { id: 's3' }], seededRandom(3))
    expect(next).toEqual({ s1: ['ana'], s2: ['cem', 'dora'], s3: ['eva'] })
  })
})

describe('placeLateJoiner', () => {
  it('keeps balanced rooms balanced as people keep arriving', () => {
    fc.assert(
      fc.property(people, openRooms, fc.uniqueArray(fc.string({ minLength: 4, maxLength: 6 }), { maxLength: 20 }), seed, (participants, rooms, late, s) => {
        const random = seededRandom(s)
        let assignment = assignBalanced(participants, rooms, random)
        for (const person of late.filter((p) => !participants.includes(p))) {
          assignment = moveParticipant(assignment, person, placeLateJoiner(assignment, rooms, random))
          expect(spread(assignment)).toBeLessThanOrEqual(1)
        }
      }),
    )
  })

  it('chooses a smallest room among those with space, if any has space', () => {
    fc.assert(
      fc.property(previousAssignment, fc.array(fc.option(fc.nat(6), { nil: undefined }), { minLength: 8, maxLength: 8 }), seed, ({ rooms, previous }, caps, s) => {
        const capped = rooms.map((r, i): RoomSlot => ({ id: r.id, capacity: caps[i] }))
        const chosen = placeLateJoiner(previous, capped, seededRandom(s))
        const size = (r: RoomSlot): number => previous[r.id]!.length
        const withSpace = capped.filter((r) => r.capacity === undefined || size(r) < r.capacity)
        const candidates = withSpace.length > 0 ? withSpace : capped
        expect(candidates.map((r) => r.id)).toContain(chosen)
        expect(size(capped.find((r) => r.id === chosen)!)).toBe(Math.min(...candidates.map(size)))
      }),
    )
  })
  it('chooses at random among equally small rooms', () => {
    const rooms = [{ id: 'a' }, { id: 'b' }, { id: 'c', capacity: 0 }]
    const chosen = new Set(Array.from({ length: 30 }, (_, s) => placeLateJoiner({ a: ['ana'], b: ['ben'], c: [] }, rooms, seededRandom(s))))
    expect(chosen).toEqual(new Set(['a', 'b']))
  })
})

describe('moveParticipant and roomOf', () => {
  it('keeps everyone in exactly one room through any sequence of moves', () => {
    const moves = fc.array(fc.tuple(id, fc.nat()), { maxLength: 20 })
    fc.assert(
      fc.property(people, openRooms, moves, seed, (participants, rooms, sequence, s) => {
        let assignment = assignBalanced(participants, rooms, seededRandom(s))
        const everyone = [...participants]
        for (const [person, n] of sequence) {
          const target = rooms[n % rooms.length]!.id
          assignment = moveParticipant(assignment, person, target)
          everyone.push(person)
          expect(roomOf(assignment, person)).toBe(target)
          expectPartition(assignment, rooms, everyone)
        }
      }),
    )
  })

  it('keeps a participant who is already there in place', () => {
    const assignment = { a: ['ana', 'ben'], b: ['cem'] }
    expect(moveParticipant(assignment, 'ana', 'a')).toEqual(assignment)
    expect(moveParticipant(assignment, 'ana', 'b')).toEqual({ a: ['ben'], b: ['cem', 'ana'] })
    expect(roomOf(assignment, 'cem')).toBe('b')
    expect(roomOf(assignment, 'dora')).toBeUndefined()
  })

  it('refuses a room that is not in the assignment', () => {
    expect(() => moveParticipant({ a: ['ana'] }, 'ana', 'b')).toThrow(/no room "b"/)
    // Inherited object properties are not rooms.
    expect(() => moveParticipant({ a: ['ana'] }, 'ana', 'toString')).toThrow(/no room/)
  })
})

describe('input checks and the seeded generator', () => {
  it('refuses an empty room list, duplicate rooms and bad capacities', () => {
    const random = seededRandom(1)
    expect(() => assignBalanced(['ana'], [], random)).toThrow(/at least one room/)
    expect(() => assignSelfSelect(['ana'], new Map(), [], random)).toThrow(/at least one room/)
    expect(() => assignSameAsBefore({}, ['ana'], [], random)).toThrow(/at least one room/)
    expect(() => placeLateJoiner({}, [], random)).toThrow(/at least one room/)
    expect(() => assignBalanced(['ana'], [{ id: 'a' }, { id: 'a' }], random)).toThrow(/appears twice/)
    expect(() => assignSelfSelect(['ana'], new Map(), [{ id: 'a', capacity: -1 }], random)).toThrow(/capacity/)
    expect(() => assignSelfSelect(['ana'], new Map(), [{ id: 'a', capacity: 1.5 }], random)).toThrow(/capacity/)
    // "10" before "9" would be kept, but an object lists "9" first: refused.
    expect(() => assignBalanced(['ana'], [{ id: '10' }, { id: '9' }], random)).toThrow(/looks like a number/)
    expect(assignBalanced([], [{ id: '07' }, { id: '-1' }, { id: '1.5' }], random)).toEqual({ '07': [], '-1': [], '1.5': [] })
  })

  it('refuses a random function outside [0, 1)', () => {
    expect(() => assignBalanced(['ana', 'ben'], [{ id: 'a' }], () => 1)).toThrow(/\[0, 1\)/)
    expect(() => placeLateJoiner({ a: [], b: [] }, [{ id: 'a' }, { id: 'b' }], () => Number.NaN)).toThrow(/\[0, 1\)/)
  })

  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = seededRandom(s)
        const b = seededRandom(s)
        for (let i = 0; i < 50; i++) {
          const x = a()
          expect(b()).toBe(x)
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(1)
        }
      }),
    )
    expect(seededRandom(1)()).not.toBe(seededRandom(2)())
  })
})
