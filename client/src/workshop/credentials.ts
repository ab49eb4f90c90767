/**
 * The workshops this browser belongs to: per workshop the token that says who
 * we are there, and the colour we picked. Kept in localStorage only, so a
 * reload or a closed tab brings a participant back as the same person; the
 * name itself lives on the server (the facilitator can change it).
 */
import { normaliseJoinCode } from '@werkraum/shared'
import { isUserColor } from '../user/identity.ts'

export const CREDENTIALS_STORAGE_KEY = 'werkraum.workshops'

export interface WorkshopCredential {
  readonly token: string
  /** Set when we joined with a code, so that the join link leads straight back in. */
  readonly joinCode?: string
  readonly color?: string
}

type CredentialMap = Record<string, WorkshopCredential>

/** What localStorage holds, with anything unexpected left out. */
export function parseCredentials(raw: string | null): CredentialMap {
  if (raw === null) return {}
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return {}
  }
  if (typeof value !== 'object' || value === null) return {}
  const result: CredentialMap = {}
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z0-9]{1,40}$/.test(id) || typeof entry !== 'object' || entry === null) continue
    const { token, joinCode, color } = entry as Record<string, unknown>
    if (typeof token !== 'string' || token.length === 0 || token.length > 512) continue
    result[id] = {
      token,
      ...(typeof joinCode === 'string' ? { joinCode } : {}),
      ...(isUserColor(color) ? { color } : {}),
    }
  }
  return result
}

function load(): CredentialMap {
  try {
    return parseCredentials(localStorage.getItem(CREDENTIALS_STORAGE_KEY))
  } catch {
    return {}
  }
}

/** Pages without storage (privacy settings) keep credentials for this page's lifetime. */
let fallback: CredentialMap = {}

function save(map: CredentialMap): void {
  fallback = map
  try {
    localStorage.setItem(CREDENTIALS_STORAGE_KEY, JSON.stringify(map))
  } catch {
    // Kept in `fallback` only.
  }
}

function current(): CredentialMap {
  const stored = load()
  return Object.keys(stored).length > 0 ? stored : fallback
}

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

/** Forgets a workshop on this device (it was deleted, or we were removed). */
export function forgetCredential(workshopId: string): void {
  const { [workshopId]: _gone, ...rest } = current()
  save(rest)
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
