/**
 * The one place where client and server agree on the wire.
 *
 * Werkraum speaks the standard y-websocket protocol (so a stock
 * `WebsocketProvider` from npm works unchanged); everything Werkraum adds
 * on top (close codes, limits, document names) is defined here and nowhere
 * else.
 */
/** Bumped when Werkraum changes something on the wire that old clients cannot follow. */
export const PROTOCOL_VERSION = 1

/** Path prefix of the sync endpoint: `ws://HOST:PORT/sync/<document name>`. */
export const SYNC_PATH = '/sync'

/** First varUint of every y-websocket message. */
export const MessageKind = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind]

/** What the client should do after a close code: keep retrying, or stop and tell the person why. */
export type CloseUiState = 'reconnect' | 'fatal'

interface CloseCodeInfo {
  readonly code: number
  readonly ui: CloseUiState
  /** i18n key of the message shown to the person (client/src/i18n). */
  readonly messageKey: string
}

/**
 * Close codes Werkraum sends. Application codes live in 4000–4999 (RFC 6455 §7.4.2).
 * 1009 is the standard "message too big" code that `ws` sends itself when a frame
 * exceeds {@link Limits.MAX_MESSAGE_BYTES}; it is listed so the client can name it.
 */
export const CloseCode = {
  MESSAGE_TOO_BIG: { code: 1009, ui: 'fatal', messageKey: 'close.messageTooBig' },
  MALFORMED_MESSAGE: { code: 4000, ui: 'reconnect', messageKey: 'close.malformed' },
  SLOW_CONSUMER: { code: 4001, ui: 'reconnect', messageKey: 'close.slowConsumer' },
  UNAUTHORIZED: { code: 4401, ui: 'fatal', messageKey: 'close.unauthorized' },
  FORBIDDEN: { code: 4403, ui: 'fatal', messageKey: 'close.forbidden' },
  SERVER_RESTARTING: { code: 4010, ui: 'reconnect', messageKey: 'close.restarting' },
  DOCUMENT_UNAVAILABLE: { code: 4011, ui: 'reconnect', messageKey: 'close.unavailable' },
  INTERNAL_ERROR: { code: 4500, ui: 'reconnect', messageKey: 'close.internal' },
} as const satisfies Record<string, CloseCodeInfo>
export type CloseCodeName = keyof typeof CloseCode

/** Looks up the name of a close code, or `undefined` for codes Werkraum does not send. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  for (const name of Object.keys(CloseCode) as CloseCodeName[]) {
    if (CloseCode[name].code === code) return name
  }
  return undefined
}

/** Limits both sides rely on. Units are in the names. */
export const Limits = {
  /** Largest WebSocket message the server accepts; a board's full state must fit. */
  MAX_MESSAGE_BYTES: 16 * 1024 * 1024,
  /** Longest document name. */
  MAX_DOC_NAME_CHARS: 128,
  /** Largest awareness state (one person's presence, UTF-8 JSON) the server relays. */
  MAX_AWARENESS_STATE_BYTES: 16 * 1024,
  /** Presence client ids one connection may speak for (a browser tab uses one; Yjs may renew it). */
  MAX_PRESENCES_PER_CONNECTION: 4,
} as const

/**
 * A document name as it appears in `/sync/<name>` and in board URLs.
 * Restricted to characters that need no escaping anywhere (URL, file name, SQL text),
 * so a name can never smuggle in a path or a query.
 */
export const DOC_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/** True for a valid document name (see {@link DOC_NAME_PATTERN}, at most {@link Limits.MAX_DOC_NAME_CHARS}). */
export function isDocName(name: string): boolean {
  return name.length <= Limits.MAX_DOC_NAME_CHARS && DOC_NAME_PATTERN.test(name)
}

/** Returns the document name for a sync URL path, or `undefined` if the path is not a valid sync path. */
export function docNameFromSyncPath(pathname: string): string | undefined {
  const prefix = SYNC_PATH + '/'
  if (!pathname.startsWith(prefix)) return undefined
  let raw: string
  try {
    raw = decodeURIComponent(pathname.slice(prefix.length))
  } catch {
    return undefined
  }
  return isDocName(raw) ? raw : undefined
}

/** Board documents are named `board.<board name>` so later document kinds (workshop control) get their own prefix. */
export const BOARD_DOC_PREFIX = 'board.'

/** The sync document name of a board, from the name a person typed or followed in a link. */
export function boardDocName(boardName: string): string {
  return BOARD_DOC_PREFIX + boardName
}

/** The health endpoint's JSON body (schema: `HealthSchema` in `@werkraum/shared/schemas`). */
export interface Health {
  readonly status: 'ok'
  readonly protocol: number
  readonly uptimeSeconds: number
  readonly documents: number
  readonly connections: number
}

/** Body of every HTTP error response: `{ "error": { "code", "message" } }` (schema: `ApiErrorSchema`). */
export interface ApiError {
  readonly error: { readonly code: string; readonly message: string }
}
