/**
 * Workshop documents and the HTTP API's shapes (issue #3).
 *
 * A workshop's board is the document `ws.<workshop>.board.<board>`, its control
 * state (agenda, timer, rooms, votes; written by the server only) the document
 * `ws.<workshop>.control`. Ids are letters and digits.
 */
import type { Role } from './roles.ts'

const WORKSHOP_DOC = /^ws\.([A-Za-z0-9]{1,40})\.(?:board\.([A-Za-z0-9]{1,40})|(control))$/

export type WorkshopDocument =
  | { readonly kind: 'board'; readonly workshopId: string; readonly boardId: string }
  | { readonly kind: 'control'; readonly workshopId: string }

export function workshopBoardDocName(workshopId: string, boardId: string): string {
  return `ws.${workshopId}.board.${boardId}`
}

export function workshopControlDocName(workshopId: string): string {
  return `ws.${workshopId}.control`
}

/** What a document name says about its workshop, or undefined for documents outside workshops. */
export function parseWorkshopDocName(name: string): WorkshopDocument | undefined {
  const match = WORKSHOP_DOC.exec(name)
  if (!match) return undefined
  const workshopId = match[1]!
  return match[3] ? { kind: 'control', workshopId } : { kind: 'board', workshopId, boardId: match[2]! }
}

/** Limits of what the API accepts. */
export const WorkshopLimits = {
  MAX_TITLE_CHARS: 120,
  MAX_NAME_CHARS: 60,
  MAX_BODY_BYTES: 16 * 1024,
  /** People one workshop may have, removed ones included. */
  MAX_PARTICIPANTS: 1000,
  /** Boards one workshop may have, archived ones included. */
  MAX_BOARDS: 200,
  /** Largest image upload. */
  MAX_IMAGE_BYTES: 5 * 1024 * 1024,
} as const

/**
 * What a new board starts from. The server records the template; the client
 * lays it out when the board is first opened empty (tldraw records are the
 * client's to make).
 */
export const BOARD_TEMPLATES = ['blank', 'brainstorming', 'concept'] as const
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number]

export const LOCALES = ['de', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** `POST /api/workshops` answer. Tokens travel in link fragments (`#t=`), which browsers never send to a server. */
export interface CreatedWorkshop {
  readonly id: string
  readonly joinCode: string
  readonly facilitatorToken: string
  readonly links: { readonly facilitator: string; readonly join: string; readonly observer: string }
}

/** `POST /api/join` answer. */
export interface JoinedWorkshop {
  readonly workshopId: string
  readonly participantId: string
  readonly token: string
}

/** `GET /api/workshops/:id` answer: what the caller's role may see. */
export interface WorkshopView {
  readonly id: string
  readonly title: string
  readonly locale: Locale
  readonly role: Role
  readonly controlDoc: string
  readonly boards: ReadonlyArray<{ readonly id: string; readonly title: string; readonly doc: string; readonly locked: boolean; readonly template: BoardTemplate }>
  /** The caller's own participant id and name ('' for the shared facilitator and observer links). */
  readonly participantId: string
  readonly name: string
  /** Only for roles that may manage people. */
  readonly joinCode?: string
  /** Only for roles that may manage people: the links to hand out, as at creation. */
  readonly links?: CreatedWorkshop['links']
  /** Only for roles that see the console: the workshop this one follows up on, while it exists. */
  readonly predecessor?: { readonly id: string; readonly title: string }
}

/** `GET /api/join/:code` answer: the workshop's title (in its language), shown before the name is asked. */
export interface JoinPreview {
  readonly title: string
  readonly locale: Locale
}
