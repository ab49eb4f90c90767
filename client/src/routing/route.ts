/**
 * The two pages Werkraum has, read from and written to the address bar with
 * the history API. Small enough that a router library would be the bigger part.
 */
import { boardDocName, boardSlug, isDocName } from '@werkraum/shared'

export type Route =
  | { readonly kind: 'start' }
  | { readonly kind: 'board'; readonly name: string }
  | { readonly kind: 'not-found' }

export const BOARD_PATH_PREFIX = '/b/'

export function boardPath(name: string): string {
  return BOARD_PATH_PREFIX + encodeURIComponent(name)
}

/**
 * A board name as links carry it. Typed names become `a–z 0–9 -` (boardSlug),
 * but boards made before that rule may also have `.` and `_`: such links keep
 * working unchanged.
 */
const CANONICAL_BOARD_NAME = /^[a-z0-9][a-z0-9._-]*$/

/**
 * `/` → start page; `/b/<name>` → that board. A name that is not already in a
 * canonical form ("Ideen%20Markt") maps to its slug ("ideen-markt"); the caller
 * rewrites the address so everyone shares the same link.
 */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'start' }
  if (!pathname.startsWith(BOARD_PATH_PREFIX)) return { kind: 'not-found' }
  let raw: string
  try {
    raw = decodeURIComponent(pathname.slice(BOARD_PATH_PREFIX.length).replace(/\/+$/, ''))
  } catch {
    return { kind: 'not-found' }
  }
  if (CANONICAL_BOARD_NAME.test(raw) && isDocName(boardDocName(raw))) return { kind: 'board', name: raw }
  const name = boardSlug(raw)
  return name === '' ? { kind: 'not-found' } : { kind: 'board', name }
}

/** The path a route is shown under. */
export function routePath(route: Route): string | undefined {
  switch (route.kind) {
    case 'start':
      return '/'
    case 'board':
      return boardPath(route.name)
    case 'not-found':
      return undefined
    default: {
      const unreachable: never = route
      return unreachable
    }
  }
}
