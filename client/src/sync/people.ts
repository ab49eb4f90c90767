/**
 * What Werkraum puts into its y-protocols awareness state, and reading other
 * people's states back. Awareness states come from other browsers and are
 * untrusted; anything malformed is skipped.
 *
 * State layout: `{ user: { id, name, color }, presence: TLInstancePresence | null }`.
 */
import { MAX_NAME_CHARS, cleanName, isUserColor } from '../user/identity.ts'

/** Awareness state field with who the person is (shown in the presence list). */
export const USER_FIELD = 'user'
/** Awareness state field with tldraw's instance presence (cursor, selection, camera). */
export const PRESENCE_FIELD = 'presence'

export interface PresenceUser {
  readonly id: string
  readonly name: string
  readonly color: string
}

export interface Person extends PresenceUser {
  readonly isSelf: boolean
}

/** The `user` field of an awareness state, if it is well-formed. */
export function readUser(state: unknown): PresenceUser | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const user = (state as Record<string, unknown>)[USER_FIELD]
  if (typeof user !== 'object' || user === null) return undefined
  const { id, name, color } = user as Record<string, unknown>
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined
  if (typeof name !== 'string' || name.length > MAX_NAME_CHARS * 4) return undefined
  if (!isUserColor(color)) return undefined
  return { id, name: cleanName(name), color }
}

/**
 * Everyone on the board, one entry per person: several tabs of the same
 * browser share a user id and are listed once. The own entry comes first,
 * the others sorted by name.
 */
export function readPeople(states: ReadonlyMap<number, unknown>, ownClientId: number): Person[] {
  const ownUser = readUser(states.get(ownClientId))
  const byId = new Map<string, Person>()
  if (ownUser !== undefined) byId.set(ownUser.id, { ...ownUser, isSelf: true })
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue
    const user = readUser(state)
    if (user === undefined || byId.has(user.id)) continue
    byId.set(user.id, { ...user, isSelf: false })
  }
  return [...byId.values()].sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  })
}

/** True when two lists would render the same (saves React renders on every cursor move). */
export function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]
      return q !== undefined && p.id === q.id && p.name === q.name && p.color === q.color && p.isSelf === q.isSelf
    })
  )
}
