/**
 * The pages Werkraum has, read from and written to the address bar with the
 * history API. Small enough that a router library would be the bigger part.
 */
import { boardDocName, boardSlug, isDocName } from '@werkraum/shared'
import type { Language } from '../i18n/language.ts'

export type Route =
  | { readonly kind: 'start' }
  | { readonly kind: 'board'; readonly name: string }
  | { readonly kind: 'join'; readonly code: string }
  | { readonly kind: 'workshop'; readonly id: string; readonly view: WorkshopSubview }
  | { readonly kind: 'info'; readonly page: InfoPage; readonly pathLanguage: Language }
  | { readonly kind: 'not-found' }

/**
 * The statement pages every screen links to (issue 14): the accessibility
 * statement BITV 2.0 asks for, what is stored and for how long, and how to
 * take part in Leichte Sprache (easy read).
 */
export type InfoPage = 'accessibility' | 'privacy' | 'easy-read' | 'feedback'
export const INFO_PAGES: readonly InfoPage[] = ['accessibility', 'privacy', 'easy-read', 'feedback']

/** Each page has a German and an English address; both show the page in the language the person chose. */
const INFO_PATHS: Record<InfoPage, Record<Language, string>> = {
  accessibility: { de: '/barrierefreiheit', en: '/accessibility' },
  privacy: { de: '/datenschutz', en: '/privacy' },
  'easy-read': { de: '/leichte-sprache', en: '/easy-read' },
  feedback: { de: '/feedback', en: '/feedback' },
}

export function infoPath(page: InfoPage, language: Language): string {
  return INFO_PATHS[page][language]
}

function parseInfoPath(pathname: string): Route | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  for (const page of INFO_PAGES) {
    for (const pathLanguage of ['de', 'en'] as const) {
      if (INFO_PATHS[page][pathLanguage] === path) return { kind: 'info', page, pathLanguage }
    }
  }
  return undefined
}

/**
 * Inside a workshop: one of its boards (the first when none is named), the
 * facilitator's console, or the gallery of what a breakout phase's rooms made.
 */
export type WorkshopSubview =
  | { readonly kind: 'board'; readonly boardId?: string }
  | { readonly kind: 'console' }
  | { readonly kind: 'results'; readonly phaseId: string }

const WORKSHOP_PATH = /^\/w\/([A-Za-z0-9]{1,40})(?:\/(?:b\/([A-Za-z0-9]{1,40})|results\/([A-Za-z0-9]{1,40})|(console)))?\/?$/
const JOIN_PATH = /^\/j(?:\/([^/]{0,32}))?\/?$/

export function workshopPath(id: string, view: WorkshopSubview = { kind: 'board' }): string {
  if (view.kind === 'console') return `/w/${id}/console`
  if (view.kind === 'results') return `/w/${id}/results/${view.phaseId}`
  return view.boardId === undefined ? `/w/${id}` : `/w/${id}/b/${view.boardId}`
}

export function joinPath(code = ''): string {
  return code === '' ? '/j' : `/j/${encodeURIComponent(code)}`
}

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
  const workshop = WORKSHOP_PATH.exec(pathname)
  if (workshop) {
    const [, id, boardId, phaseId, consoleView] = workshop as unknown as [string, string, string | undefined, string | undefined, string | undefined]
    const view: WorkshopSubview = consoleView
      ? { kind: 'console' }
      : phaseId
        ? { kind: 'results', phaseId }
        : boardId
          ? { kind: 'board', boardId }
          : { kind: 'board' }
    return { kind: 'workshop', id, view }
  }
  const info = parseInfoPath(pathname)
  if (info) return info
  const join = JOIN_PATH.exec(pathname)
  if (join) {
    let code = ''
    try {
      code = decodeURIComponent(join[1] ?? '')
    } catch {
      // A broken code is just not prefilled.
    }
    return { kind: 'join', code }
  }
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
    case 'workshop':
      return workshopPath(route.id, route.view)
    case 'join':
      return joinPath(route.code)
    case 'info':
      return infoPath(route.page, route.pathLanguage)
    case 'not-found':
      return undefined
    default: {
      const unreachable: never = route
      return unreachable
    }
  }
}
