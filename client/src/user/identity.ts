/**
 * Who this browser is on a board: a stable random id, the display name the
 * person typed, and a colour. Kept in localStorage only; nothing about the
 * person is stored on the server.
 */

export interface Identity {
  readonly id: string
  readonly name: string
  readonly color: string
}

export const IDENTITY_STORAGE_KEY = 'werkraum.identity'

/** Longest display name, in characters (cursor labels and the presence list stay readable). */
export const MAX_NAME_CHARS = 40

/**
 * Cursor colours. tldraw draws the name label in white on the colour, so every
 * entry has a contrast of at least 4.5:1 against white (WCAG 1.4.3).
 */
export const USER_COLORS = [
  '#b42318', // red
  '#b54708', // orange
  '#027a48', // green
  '#175cd3', // blue
  '#6941c6', // violet
  '#c11574', // magenta
  '#0e7090', // teal
  '#4e5ba6', // indigo
] as const

/** Trims and shortens what a person typed; returns '' when nothing is left. */
export function cleanName(input: string): string {
  // Control characters would garble the cursor label.
  // eslint-disable-next-line no-control-regex
  const collapsed = input.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()
  return Array.from(collapsed).slice(0, MAX_NAME_CHARS).join('').trim()
}

export function isUserColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)
}

export function randomColor(random: () => number = Math.random): string {
  return USER_COLORS[Math.floor(random() * USER_COLORS.length) % USER_COLORS.length] ?? USER_COLORS[0]
}

/** Parses what localStorage holds; anything unexpected counts as "no identity yet". */
export function parseIdentity(raw: string | null): Identity | undefined {
  if (raw === null) return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { id, name, color } = value as Record<string, unknown>
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(id)) return undefined
  if (typeof name !== 'string') return undefined
  const cleaned = cleanName(name)
  if (cleaned === '') return undefined
  return { id, name: cleaned, color: isUserColor(color) ? color : randomColor() }
}

function randomId(): string {
  return crypto.randomUUID()
}

export function loadIdentity(): Identity | undefined {
  try {
    return parseIdentity(localStorage.getItem(IDENTITY_STORAGE_KEY))
  } catch {
    return undefined
  }
}

/** Stores the name (and, the first time, a fresh id and colour). */
export function saveIdentity(name: string, previous: Identity | undefined): Identity {
  const identity: Identity = {
    id: previous?.id ?? randomId(),
    name: cleanName(name),
    color: previous?.color ?? randomColor(),
  }
  try {
    localStorage.setItem(IDENTITY_STORAGE_KEY, JSON.stringify(identity))
  } catch {
    // Without storage the name lasts for this page only.
  }
  return identity
}
