/**
 * The workshop HTTP API as the browser calls it. Answers are checked with the
 * shared schemas; errors become `ApiCallError` with the server's code and its
 * message, which the server writes in the language we ask for.
 */
import type { CreatedWorkshop, GallerySummary, JoinPreview, JoinedWorkshop, Locale, OutlineBox, SiteInfo, WorkshopView } from '@werkraum/shared'
import { SITE_INFO_PATH } from '@werkraum/shared'
import {
  ApiErrorSchema,
  CatalogueSchema,
  CreatedWorkshopSchema,
  JoinedWorkshopSchema,
  JoinPreviewSchema,
  OkSchema,
  SiteInfoSchema,
  UploadedImageSchema,
  WorkshopViewSchema,
  type Catalogue,
  type WorkshopCommand,
} from '@werkraum/shared/schemas'
import { i18next } from '../i18n/index.ts'

/** Codes the client adds to the server's: no answer at all, or one we cannot read. */
export type ClientErrorCode = 'network' | 'bad_answer'

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    /** The server's error code (`unknown_code`, `forbidden` …), or a ClientErrorCode. */
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'DELETE'
  readonly token?: string
  readonly json?: unknown
  readonly body?: Blob
  readonly signal?: AbortSignal
}

/** What `call` needs of a zod schema (the client does not depend on zod itself). */
interface Checker<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false }
}

async function call<T>(path: string, schema: Checker<T>, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': i18next.language === 'de' ? 'de' : 'en' }
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`
  if (options.json !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
      signal: options.signal,
      cache: 'no-store',
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiCallError(0, 'network', i18next.t('api.network'))
  }
  let payload: unknown
  try {
    payload = await response.json()
  } catch {
    throw new ApiCallError(response.status, 'bad_answer', i18next.t('api.badAnswer', { status: String(response.status) }))
  }
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(payload)
    if (parsed.success) throw new ApiCallError(response.status, parsed.data.error.code, parsed.data.error.message)
    throw new ApiCallError(response.status, 'bad_answer', i18next.t('api.badAnswer', { status: String(response.status) }))
  }
  const parsed = schema.safeParse(payload)
  if (!parsed.success) throw new ApiCallError(response.status, 'bad_answer', i18next.t('api.badAnswer', { status: String(response.status) }))
  return parsed.data
}

/** The operator's name and contact, and how long workshops are kept (statement pages, feedback). */
export function fetchSiteInfo(signal?: AbortSignal): Promise<SiteInfo> {
  return call(SITE_INFO_PATH, SiteInfoSchema, signal ? { signal } : {})
}

export function createWorkshop(title: string, locale: Locale, password?: string): Promise<CreatedWorkshop> {
  const json = password === undefined || password === '' ? { title, locale } : { title, locale, password }
  return call('/api/workshops', CreatedWorkshopSchema, { method: 'POST', json })
}

/**
 * A follow-up of `predecessor`: the server records where it came from (the
 * console links back), which it accepts only with that workshop's
 * facilitator or moderator token.
 */
export function createFollowUpWorkshop(
  title: string,
  locale: Locale,
  password: string | undefined,
  predecessor: { readonly workshopId: string; readonly token: string },
): Promise<CreatedWorkshop> {
  const json = { title, locale, followUpOf: predecessor.workshopId, ...(password === undefined || password === '' ? {} : { password }) }
  return call('/api/workshops', CreatedWorkshopSchema, { method: 'POST', json, token: predecessor.token })
}

/** The title and language behind a join code; `unknown_code` (404) if there is no such workshop. */
export function fetchJoinPreview(code: string, signal?: AbortSignal): Promise<JoinPreview> {
  return call(`/api/join/${encodeURIComponent(code)}`, JoinPreviewSchema, signal ? { signal } : {})
}

export function joinWorkshop(code: string, name: string): Promise<JoinedWorkshop> {
  return call('/api/join', JoinedWorkshopSchema, { method: 'POST', json: { code, name } })
}

export function fetchWorkshop(id: string, token: string, signal?: AbortSignal): Promise<WorkshopView> {
  return call(`/api/workshops/${encodeURIComponent(id)}`, WorkshopViewSchema, { token, ...(signal ? { signal } : {}) })
}

export async function sendCommand(id: string, token: string, command: WorkshopCommand): Promise<void> {
  await call(`/api/workshops/${encodeURIComponent(id)}/commands`, OkSchema, { method: 'POST', token, json: command })
}

export async function deleteWorkshop(id: string, token: string): Promise<void> {
  await call(`/api/workshops/${encodeURIComponent(id)}`, OkSchema, { method: 'DELETE', token })
}

/** Uploads an image; answers the path it is served under (without a token). */
export async function uploadImage(id: string, token: string, file: Blob, signal?: AbortSignal): Promise<string> {
  const answer = await call(`/api/workshops/${encodeURIComponent(id)}/images`, UploadedImageSchema, {
    method: 'POST',
    token,
    body: file,
    ...(signal ? { signal } : {}),
  })
  return answer.src
}

/** An image of the workshop, fetched with the token in a header rather than in its address. */
export async function fetchImage(path: string, token: string, signal?: AbortSignal): Promise<Blob> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', ...(signal ? { signal } : {}) })
  if (!response.ok) throw new ApiCallError(response.status, 'image', `image ${response.status}`)
  return response.blob()
}

export interface BallotAnswer {
  readonly used: number
  readonly remaining: number
}

const BallotAnswerSchema: Checker<BallotAnswer> = {
  safeParse(value: unknown) {
    const v = value as { used?: unknown; remaining?: unknown } | null
    return typeof v?.used === 'number' && typeof v.remaining === 'number' ? { success: true, data: { used: v.used, remaining: v.remaining } } : { success: false }
  },
}

/** Places (or takes back) one dot; the server answers how many are used and left. */
export function ballot(
  id: string,
  token: string,
  body: { type: 'castVote' | 'retractVote'; sessionId: string; boardId: string; shapeId: string | null; requestId: string },
): Promise<BallotAnswer> {
  return call(`/api/workshops/${encodeURIComponent(id)}/commands`, BallotAnswerSchema, { method: 'POST', token, json: body })
}

export interface MyVotes extends BallotAnswer {
  readonly items: Readonly<Record<string, number>>
}

const MyVotesSchema: Checker<MyVotes> = {
  safeParse(value: unknown) {
    const base = BallotAnswerSchema.safeParse(value)
    const items = (value as { items?: unknown } | null)?.items
    if (!base.success || typeof items !== 'object' || items === null) return { success: false }
    const clean: Record<string, number> = {}
    for (const [k, n] of Object.entries(items)) if (typeof n === 'number') clean[k] = n
    return { success: true, data: { ...base.data, items: clean } }
  },
}

/** One row of a session's results, as far as this screen needs it. */
export interface VoteResultRow {
  readonly item: string
  readonly board: string
  readonly text: string
  readonly count: number
}

const VoteResultsSchema: Checker<readonly VoteResultRow[]> = {
  safeParse(value: unknown) {
    const results = (value as { results?: unknown } | null)?.results
    if (!Array.isArray(results)) return { success: false }
    const rows: VoteResultRow[] = []
    for (const row of results as unknown[]) {
      const r = row as { item?: unknown; board?: unknown; text?: unknown; count?: unknown } | null
      if (typeof r?.item !== 'string' || typeof r.count !== 'number') return { success: false }
      rows.push({ item: r.item, board: typeof r.board === 'string' ? r.board : '', text: typeof r.text === 'string' ? r.text : '', count: r.count })
    }
    return { success: true, data: rows }
  },
}

/** A session's results, most votes first (a hidden session's only once it is closed). */
export function fetchVoteResults(id: string, token: string, sessionId: string, signal?: AbortSignal): Promise<readonly VoteResultRow[]> {
  return call(`/api/workshops/${encodeURIComponent(id)}/votes/${encodeURIComponent(sessionId)}/results`, VoteResultsSchema, { token, signal })
}

export function fetchMyVotes(id: string, token: string, sessionId: string): Promise<MyVotes> {
  return call(`/api/workshops/${encodeURIComponent(id)}/votes/${encodeURIComponent(sessionId)}/mine`, MyVotesSchema, { token })
}

/** A board a vote runs on, with what can be voted on there (in reading order; none for a vote on whole boards). */
export interface VoteItemsBoard {
  readonly boardId: string
  readonly title: string
  readonly items: ReadonlyArray<{ readonly shapeId: string; readonly type: string; readonly text: string }>
}

const VoteItemsSchema: Checker<readonly VoteItemsBoard[]> = {
  safeParse(value: unknown) {
    const boards = (value as { boards?: unknown } | null)?.boards
    if (!Array.isArray(boards)) return { success: false }
    const out: VoteItemsBoard[] = []
    for (const board of boards as unknown[]) {
      const b = board as { boardId?: unknown; title?: unknown; items?: unknown } | null
      if (typeof b?.boardId !== 'string' || typeof b.title !== 'string' || !Array.isArray(b.items)) return { success: false }
      const items = []
      for (const item of b.items as unknown[]) {
        const i = item as { shapeId?: unknown; type?: unknown; text?: unknown } | null
        if (typeof i?.shapeId !== 'string' || typeof i.type !== 'string' || typeof i.text !== 'string') return { success: false }
        items.push({ shapeId: i.shapeId, type: i.type, text: i.text })
      }
      out.push({ boardId: b.boardId, title: b.title, items })
    }
    return { success: true, data: out }
  },
}

/** Every board a session runs on (those this person may open), with its items: for voting from any board. */
export function fetchVoteItems(id: string, token: string, sessionId: string, signal?: AbortSignal): Promise<readonly VoteItemsBoard[]> {
  return call(`/api/workshops/${encodeURIComponent(id)}/votes/${encodeURIComponent(sessionId)}/items`, VoteItemsSchema, { token, signal })
}

const OUTLINE_KINDS: ReadonlyArray<OutlineBox['kind']> = ['frame', 'note', 'concept', 'other']

const GallerySummarySchema: Checker<GallerySummary> = {
  safeParse(value: unknown) {
    const v = value as { phaseId?: unknown; rooms?: unknown } | null
    if (typeof v?.phaseId !== 'string' || !Array.isArray(v.rooms)) return { success: false }
    const rooms = []
    for (const room of v.rooms as unknown[]) {
      const r = room as { roomId?: unknown; boardId?: unknown; outline?: unknown; concepts?: unknown; shapes?: unknown } | null
      if (typeof r?.roomId !== 'string' || typeof r.boardId !== 'string' || typeof r.shapes !== 'number' || !Array.isArray(r.outline) || !Array.isArray(r.concepts)) return { success: false }
      const outline: OutlineBox[] = []
      for (const box of r.outline as unknown[]) {
        const b = box as { x?: unknown; y?: unknown; w?: unknown; h?: unknown; kind?: unknown } | null
        const [x, y, w, h] = [b?.x, b?.y, b?.w, b?.h]
        if (typeof x !== 'number' || typeof y !== 'number' || typeof w !== 'number' || typeof h !== 'number' || !OUTLINE_KINDS.includes(b?.kind as OutlineBox['kind'])) return { success: false }
        outline.push({ x, y, w, h, kind: b!.kind as OutlineBox['kind'] })
      }
      const concepts = r.concepts as unknown[]
      if (!concepts.every((c): c is string => typeof c === 'string')) return { success: false }
      rooms.push({ roomId: r.roomId, boardId: r.boardId, outline, concepts, shapes: r.shapes })
    }
    return { success: true, data: { phaseId: v.phaseId, rooms } }
  },
}

/** What each room of a breakout phase made (outline, concept titles), as the server reads it: for the results gallery. */
export function fetchGallerySummary(id: string, token: string, phaseId: string, signal?: AbortSignal): Promise<GallerySummary> {
  return call(`/api/workshops/${encodeURIComponent(id)}/results/${encodeURIComponent(phaseId)}`, GallerySummarySchema, { token, signal })
}

/** The concept catalogue's data; names only with `names`. */
export function fetchCatalogue(id: string, token: string, names: boolean): Promise<Catalogue> {
  return call(`/api/workshops/${encodeURIComponent(id)}/export?format=json${names ? '&names=1' : ''}`, CatalogueSchema, { token })
}

/**
 * A file the server renders (results as CSV, a catalogue as Markdown …), as it
 * came. An error answer becomes an `ApiCallError`, never a saved file.
 */
export async function fetchFile(path: string, token: string): Promise<Blob> {
  let response: Response
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': i18next.language === 'de' ? 'de' : 'en' }, cache: 'no-store' })
  } catch {
    throw new ApiCallError(0, 'network', i18next.t('api.network'))
  }
  if (response.ok) return response.blob()
  const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => undefined))
  if (parsed.success) throw new ApiCallError(response.status, parsed.data.error.code, parsed.data.error.message)
  throw new ApiCallError(response.status, 'bad_answer', i18next.t('api.badAnswer', { status: String(response.status) }))
}
