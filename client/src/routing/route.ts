/**
 * The two pages Werkraum has, read from and written to the address bar with
 * the history API. Small enough that a router library would be the bigger part.
 */
import { boardSlug } from '@werkraum/shared'

export type Route =
  | { readonly kind: 'start' }
  | { readonly kind: 'board'; readonly name: string }
  | { readonly kind: 'not-found' }

export const BOARD_PATH_PREFIX = '/b/'

export function boardPath(name: string): string {
  return BOARD_PATH_PREFIX + encodeURIComponent(name)
}

/**
 * `/` → start page; `/b/<name>` → that board. A name that is not already in its
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
