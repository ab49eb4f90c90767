/**
 * Breakout-room assignment (issue #4): who goes into which room. Pure
 * functions, deterministic given `random`, so the server decides with a
 * seeded generator and a test replays any case from its seed.
 *
 * Every assignment made here lists every room as a key, in the order of the
 * `rooms` passed in, empty rooms included: `moveParticipant` only knows the
 * rooms it can see, and a UI can list rooms straight from the keys. That is
 * why a room id may not be a plain number such as "3" (see `checkRooms`).
 */

export interface RoomSlot {
  /** Any string except a plain non-negative integer such as "3" (objects would reorder those keys). */
  readonly id: string
  /** Most members the room takes (a whole number ≥ 0); no limit when absent. Only self-select and late joiners consult it. */
  readonly capacity?: number
}

/** Room id → ids of the participants in that room. */
export type Assignment = Readonly<Record<string, readonly string[]>>

/** What `assignSelfSelect` decided, and what it could not honour. */
export interface SelfSelectResult {
  readonly assignment: Assignment
  /** Participants who chose a room that was already full, and were placed elsewhere. */
  readonly displaced: readonly string[]
  /**
   * Participants placed beyond a room's capacity because every room was full.
   * Empty whenever the total capacity suffices (or some room has no limit).
   */
  readonly overCapacity: readonly string[]
}

/**
 * A small seeded generator (mulberry32) returning numbers in [0, 1): the same
 * seed gives the same sequence, so an assignment can be reproduced. Not for
 * secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Random and balanced: room sizes differ by at most one, and which rooms get
 * the one extra member is random too. Duplicate participant ids count once.
 * Capacities are not consulted; balance is the promise here.
 * `random` returns numbers in [0, 1).
 */
export function assignBalanced(participants: readonly string[], rooms: readonly RoomSlot[], random: () => number): Assignment {
  checkRooms(rooms)
  const draft = emptyDraft(rooms)
  const people = shuffle(unique(participants), random)
  // Dealing round the rooms in a shuffled order keeps sizes within one and
  // spreads the remainder over random rooms rather than always the first.
  const order = shuffle(rooms, random)
  people.forEach((person, i) => members(draft, order[i % order.length]!.id).push(person))
  return freeze(draft)
}

/**
 * Self-select: each participant's choice is honoured while the chosen room
 * has capacity left, first come first served in the order of `participants`.
 * Everyone else (no choice, a room that is full, or a room id that is not in
 * `rooms`) is placed in random order into the smallest room that still has
 * capacity. Rooms go over capacity only when all of them are full; the
 * overflow then goes to the smallest rooms and is reported in `overCapacity`.
 */
export function assignSelfSelect(
  participants: readonly string[],
  choices: ReadonlyMap<string, string | undefined>,
  rooms: readonly RoomSlot[],
  random: () => number,
): SelfSelectResult {
  checkRooms(rooms)
  const draft = emptyDraft(rooms)
  const displaced: string[] = []
  const rest: string[] = []
  for (const person of unique(participants)) {
    const choice = choices.get(person)
    const room = choice === undefined ? undefined : rooms.find((r) => r.id === choice)
    if (room === undefined) {
      rest.push(person)
    } else if (hasSpace(room, members(draft, room.id).length)) {
      members(draft, room.id).push(person)
    } else {
      displaced.push(person)
      rest.push(person)
    }
  }
  const overCapacity: string[] = []
  for (const person of shuffle(rest, random)) {
    const { roomId, over } = chooseRoom(rooms, (id) => members(draft, id).length, random)
    members(draft, roomId).push(person)
    if (over) overCapacity.push(person)
  }
  return { assignment: freeze(draft), displaced, overCapacity }
}

/**
 * Same groups as last time: people who were together stay together. A room
 * id that exists in both keeps its group; the remaining previous groups take
 * the remaining new rooms in order (the order of `previous`'s keys, which is
 * insertion order unless room ids look like array indices). Groups are kept
 * whole even beyond a room's capacity. Participants who were not in
 * `previous`, or whose group found no room, are placed as late joiners, in
 * the order of `participants`; people who are gone are dropped.
 */
export function assignSameAsBefore(previous: Assignment, participants: readonly string[], rooms: readonly RoomSlot[], random: () => number): Assignment {
  checkRooms(rooms)
  const present = unique(participants)
  const isPresent = new Set(present)
  const previousRooms = Object.keys(previous)
  const freshRooms = rooms.filter((r) => !Object.hasOwn(previous, r.id)).map((r) => r.id)
  const target = new Map<string, string>()
  for (const previousRoom of previousRooms) {
    if (rooms.some((r) => r.id === previousRoom)) target.set(previousRoom, previousRoom)
  }
  for (const previousRoom of previousRooms) {
    if (target.has(previousRoom)) continue
    const next = freshRooms.shift()
    if (next === undefined) break
    target.set(previousRoom, next)
  }

  const draft = emptyDraft(rooms)
  const placed = new Set<string>()
  for (const previousRoom of previousRooms) {
    const roomId = target.get(previousRoom)
    if (roomId === undefined) continue
    for (const person of previous[previousRoom] ?? []) {
      // A malformed previous assignment may list someone twice: the first room wins.
      if (!isPresent.has(person) || placed.has(person)) continue
      members(draft, roomId).push(person)
      placed.add(person)
    }
  }
  for (const person of present) {
    if (placed.has(person)) continue
    members(draft, placeInDraft(draft, rooms, random)).push(person)
  }
  return freeze(draft)
}

/**
 * Where a late joiner goes: a room with the fewest members (random among
 * ties), among the rooms with capacity left if there are any. Returns the room
 * id; add them with `moveParticipant`.
 */
export function placeLateJoiner(assignment: Assignment, rooms: readonly RoomSlot[], random: () => number): string {
  checkRooms(rooms)
  return chooseRoom(rooms, (id) => (Object.hasOwn(assignment, id) ? (assignment[id]?.length ?? 0) : 0), random).roomId
}

/**
 * Moves one participant into `roomId` (manual assignment, or adding someone
 * not yet assigned) and removes them from every other room. Throws when
 * `roomId` is not a room of the assignment.
 */
export function moveParticipant(assignment: Assignment, participantId: string, roomId: string): Assignment {
  if (!Object.hasOwn(assignment, roomId)) throw new Error(`Cannot move "${participantId}": there is no room "${roomId}" in this assignment`)
  return Object.fromEntries(
    Object.entries(assignment).map(([id, people]): [string, readonly string[]] => {
      if (id !== roomId) return [id, people.filter((p) => p !== participantId)]
      // Already there: keep their place, but only once.
      const first = people.indexOf(participantId)
      return [id, first === -1 ? [...people, participantId] : people.filter((p, i) => p !== participantId || i === first)]
    }),
  )
}

/** The room a participant is in, or undefined. */
export function roomOf(assignment: Assignment, participantId: string): string | undefined {
  for (const [roomId, people] of Object.entries(assignment)) {
    if (people.includes(participantId)) return roomId
  }
  return undefined
}

type Draft = Map<string, string[]>

function checkRooms(rooms: readonly RoomSlot[]): void {
  if (rooms.length === 0) throw new Error('A breakout assignment needs at least one room')
  const seen = new Set<string>()
  for (const room of rooms) {
    if (seen.has(room.id)) throw new Error(`Room id "${room.id}" appears twice`)
    seen.add(room.id)
    // Objects list keys like "0" or "17" first, in numeric order, whatever order they were added
    // in: the assignment's key order would no longer be room order, and "same groups" would map
    // groups onto the wrong rooms. Such ids are refused rather than silently reordered.
    if (/^(0|[1-9][0-9]*)$/.test(room.id)) throw new Error(`Room id "${room.id}" looks like a number; room ids must not, so that rooms keep their order`)
    const { capacity } = room
    if (capacity !== undefined && !(Number.isInteger(capacity) && capacity >= 0)) {
      throw new Error(`Room "${room.id}" has capacity ${capacity}; a capacity is a whole number ≥ 0`)
    }
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}

function emptyDraft(rooms: readonly RoomSlot[]): Draft {
  return new Map(rooms.map((r) => [r.id, []]))
}

function members(draft: Draft, roomId: string): string[] {
  const list = draft.get(roomId)
  if (list === undefined) throw new Error(`internal: no room "${roomId}"`)
  return list
}

function freeze(draft: Draft): Assignment {
  // fromEntries defines own properties, so a room called "__proto__" stays a room.
  return Object.fromEntries(draft)
}

function hasSpace(room: RoomSlot, size: number): boolean {
  return room.capacity === undefined || size < room.capacity
}

/** A random integer in [0, n). */
function randomIndex(n: number, random: () => number): number {
  const r = random()
  // A generator outside [0, 1) would skew or break every choice silently.
  if (!(r >= 0 && r < 1)) throw new Error(`random() must return a number in [0, 1), got ${r}`)
  return Math.floor(r * n)
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random)
    const swap = out[i]!
    out[i] = out[j]!
    out[j] = swap
  }
  return out
}

/** The smallest room with space left, or the smallest of all when none has (`over`); random among ties. */
function chooseRoom(rooms: readonly RoomSlot[], sizeOf: (roomId: string) => number, random: () => number): { roomId: string; over: boolean } {
  const withSpace = rooms.filter((r) => hasSpace(r, sizeOf(r.id)))
  const over = withSpace.length === 0
  const candidates = over ? rooms : withSpace
  const smallest = Math.min(...candidates.map((r) => sizeOf(r.id)))
  const ties = candidates.filter((r) => sizeOf(r.id) === smallest)
  return { roomId: ties[randomIndex(ties.length, random)]!.id, over }
}

function placeInDraft(draft: Draft, rooms: readonly RoomSlot[], random: () => number): string {
  return chooseRoom(rooms, (id) => members(draft, id).length, random).roomId
}
