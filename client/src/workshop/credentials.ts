/**
 * The workshops this browser belongs to: per workshop the token that says who
 * we are there, the colour we picked, and for the start page's list the
 * title, our role and when we last opened it. Kept in localStorage only, so a
 * reload or a closed tab brings a participant back as the same person, and a
 * facilitator finds their workshops again without the secret link; the server
 * knows nothing of who someone is, and the name lives on the server (the
 * facilitator can change it).
 */
import { ROLES, normaliseJoinCode, type Role } from '@werkraum/shared'
import { isUserColor } from '../user/identity.ts'

export const CREDENTIALS_STORAGE_KEY = 'werkraum.workshops'
/** Workshops that refused us (deleted, or we were removed): kept on the list as such until the person removes them. */
export const GONE_STORAGE_KEY = 'werkraum.workshops.gone'

/** What the start page lists of a workshop. */
export interface ListingFields {
  /** The workshop's title when we last opened it. */
  readonly title?: string
  /** Our role there when we last opened it. */
  readonly role?: Role
  readonly lastOpenedMs?: number
}

export interface WorkshopCredential extends ListingFields {
  readonly token: string
  /** Set when we joined with a code, so that the join link leads straight back in. */
  readonly joinCode?: string
  readonly color?: string
}

type CredentialMap = Record<string, WorkshopCredential>
type GoneMap = Record<string, ListingFields & { readonly title: string }>

const ID = /^[A-Za-z0-9]{1,40}$/

function parseObject(raw: string | null): Record<string, unknown> {
  if (raw === null) return {}
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return {}
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function listingFields(entry: Record<string, unknown>): ListingFields {
  const { title, role, lastOpenedMs } = entry
  return {
    ...(typeof title === 'string' && title.length <= 200 ? { title } : {}),
    ...(ROLES.some((r) => r === role) ? { role: role as Role } : {}),
    ...(typeof lastOpenedMs === 'number' && Number.isFinite(lastOpenedMs) ? { lastOpenedMs } : {}),
  }
}

/** What localStorage holds, with anything unexpected left out. */
export function parseCredentials(raw: string | null): CredentialMap {
  const result: CredentialMap = {}
  for (const [id, entry] of Object.entries(parseObject(raw))) {
    if (!ID.test(id) || typeof entry !== 'object' || entry === null) continue
    const fields = entry as Record<string, unknown>
    const { token, joinCode, color } = fields
    if (typeof token !== 'string' || token.length === 0 || token.length > 512) continue
    result[id] = {
      token,
      ...(typeof joinCode === 'string' ? { joinCode } : {}),
      ...(isUserColor(color) ? { color } : {}),
      ...listingFields(fields),
    }
  }
  return result
}

/** The workshops listed as no longer available, with anything unexpected left out. */
export function parseGone(raw: string | null): GoneMap {
  const result: GoneMap = {}
  for (const [id, entry] of Object.entries(parseObject(raw))) {
    if (!ID.test(id) || typeof entry !== 'object' || entry === null) continue
    const fields = listingFields(entry as Record<string, unknown>)
    if (fields.title !== undefined) result[id] = { ...fields, title: fields.title }
  }
  return result
}

/**
 * One map in localStorage. Pages without storage (privacy settings) keep it
 * for this page's lifetime.
 */
function storedMap<T extends object>(key: string, parse: (raw: string | null) => Record<string, T>) {
  let fallback: Record<string, T> = {}
  return {
    current(): Record<string, T> {
      try {
        // Storage is the truth whenever it answers, also when it is empty: another tab may have emptied it.
        return parse(localStorage.getItem(key))
      } catch {
        // No storage (private mode, blocked): what this tab saved.
        return fallback
      }
    },
    save(map: Record<string, T>): void {
      fallback = map
      try {
        localStorage.setItem(key, JSON.stringify(map))
      } catch {
        // Kept in `fallback` only.
      }
    },
  }
}

const credentials = storedMap(CREDENTIALS_STORAGE_KEY, parseCredentials)
const goneWorkshops = storedMap(GONE_STORAGE_KEY, parseGone)
const current = credentials.current
const save = credentials.save

export function credentialFor(workshopId: string): WorkshopCredential | undefined {
  return current()[workshopId]
}

export function storeCredential(workshopId: string, credential: WorkshopCredential): void {
  save({ ...current(), [workshopId]: credential })
}

export function updateCredential(workshopId: string, patch: Partial<WorkshopCredential>): void {
  const existing = current()[workshopId]
  if (existing) save({ ...current(), [workshopId]: { ...existing, ...patch } })
}

/**
 * Forgets a workshop on this device. With `gone` (it refused us: deleted, or
 * we were removed) its title stays on the start page's list, marked as no
 * longer available, so the person learns what happened instead of finding a
 * broken link; otherwise (we deleted it, left it, or took it off the list)
 * nothing of it stays.
 */
export function forgetCredential(workshopId: string, { gone = false }: { readonly gone?: boolean } = {}): void {
  const { [workshopId]: forgotten, ...rest } = current()
  save(rest)
  const { [workshopId]: _listed, ...otherGone } = goneWorkshops.current()
  const keep = gone && forgotten?.title !== undefined ? { title: forgotten.title, ...pickListing(forgotten) } : undefined
  goneWorkshops.save(keep ? { ...otherGone, [workshopId]: keep } : otherGone)
}

/** Records that the workshop was opened just now, with its title and our role, for the start page's list. */
export function noteOpened(workshopId: string, title: string, role: Role, nowMs = Date.now()): void {
  updateCredential(workshopId, { title, role, lastOpenedMs: nowMs })
}

export interface ListedWorkshop {
  readonly id: string
  readonly title: string
  readonly role: Role | undefined
  readonly lastOpenedMs: number | undefined
  /** It refused us when we last tried: deleted, or we were removed. */
  readonly gone: boolean
}

/** The workshops the start page lists: every one opened here (and every one that refused us since), last opened first. */
export function listedWorkshops(): ListedWorkshop[] {
  const listed: ListedWorkshop[] = []
  for (const [id, entry] of Object.entries(current())) {
    if (entry.title !== undefined) listed.push({ id, title: entry.title, role: entry.role, lastOpenedMs: entry.lastOpenedMs, gone: false })
  }
  for (const [id, entry] of Object.entries(goneWorkshops.current())) {
    if (!listed.some((w) => w.id === id)) listed.push({ id, title: entry.title, role: entry.role, lastOpenedMs: entry.lastOpenedMs, gone: true })
  }
  return listed.sort((a, b) => (b.lastOpenedMs ?? 0) - (a.lastOpenedMs ?? 0))
}

/** What this browser knew of one workshop, taken off the list and kept so that it can be put back (undo). */
export interface TakenOff {
  readonly id: string
  readonly credential: WorkshopCredential | undefined
  readonly gone: GoneMap[string] | undefined
}

/** Takes a workshop off the list; the caller forgets the rest of it on this device. */
export function takeOffList(workshopId: string): TakenOff {
  const taken = { id: workshopId, credential: current()[workshopId], gone: goneWorkshops.current()[workshopId] }
  forgetCredential(workshopId)
  return taken
}

/** Undoes `takeOffList`. */
export function putBackOnList(taken: TakenOff): void {
  if (taken.credential) save({ ...current(), [taken.id]: taken.credential })
  if (taken.gone) goneWorkshops.save({ ...goneWorkshops.current(), [taken.id]: taken.gone })
}

function pickListing(entry: ListingFields): ListingFields {
  return {
    ...(entry.role !== undefined ? { role: entry.role } : {}),
    ...(entry.lastOpenedMs !== undefined ? { lastOpenedMs: entry.lastOpenedMs } : {}),
  }
}

/** The workshop we already joined with this code, if any. */
export function workshopForJoinCode(typed: string): string | undefined {
  const code = normaliseJoinCode(typed)
  if (code === undefined) return undefined
  return Object.entries(current()).find(([, entry]) => entry.joinCode === code)?.[0]
}

/**
 * Takes a token out of a link's fragment (`#t=<token>`). Fragments never reach
 * the server, and the caller removes it from the address bar afterwards, so it
 * does not end up in screenshots or a shared screen.
 */
export function tokenFromFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('t')
  return token !== null && token.length > 0 && token.length <= 512 ? token : undefined
}
