/**
 * Results that travel between phases (issue #13): a breakout's concept cards
 * (and notes) brought onto the plenary board, one frame per room; and the
 * top-voted cards of a vote, each copied into the board of a new room. The
 * layout is shared/src/boardCopy.ts; this reads and writes the documents.
 */
import { randomBytes } from 'node:crypto'
import {
  BreakoutLimits,
  MetaKey,
  WorkshopLimits,
  boardMeta,
  contentBottom,
  currentRecords,
  isShape,
  layOutResults,
  pageOf,
  putRecords,
  resultShapes,
  seedCopy,
  topIndex,
  topItems,
  workshopBoardDocName,
  type BoardRecord,
  type Breakout,
  type BreakoutSource,
  type RoomResults,
  type ShapeRecord,
} from '@werkraum/shared'
import type * as Y from 'yjs'
import type { WorkshopStore } from './store.ts'
import { resultRows, splitItem, type ReadDocument } from './voteResults.ts'

/** Changes a document on the server's behalf; the change reaches everyone in it. */
export type WriteDocument = (name: string, change: (doc: Y.Doc) => void) => Promise<void>

function newShapeId(): string {
  return randomBytes(12).toString('base64url')
}

/** What a board copy needs besides the shapes: its page and the tldraw schema its records were written in. */
interface BoardSource {
  readonly shapes: ShapeRecord[]
  readonly page: BoardRecord | undefined
  readonly schema: unknown
  readonly layoutVersion: unknown
}

function firstPage(records: ReadonlyMap<string, BoardRecord>): BoardRecord | undefined {
  return [...records.values()].filter((r) => r.typeName === 'page').sort((a, b) => String(a.index).localeCompare(String(b.index)))[0]
}

function readSource(doc: Y.Doc, notes: boolean): BoardSource {
  const records = currentRecords(doc)
  const meta = boardMeta(doc)
  return { shapes: resultShapes(records, notes), page: firstPage(records), schema: meta.get(MetaKey.tldrawSchema), layoutVersion: meta.get(MetaKey.layoutVersion) }
}

/** A board written by no client yet takes the schema (and a page) of the boards its records come from. */
function adoptSchema(doc: Y.Doc, from: BoardSource | undefined): void {
  const meta = boardMeta(doc)
  if (from === undefined || meta.get(MetaKey.tldrawSchema) !== undefined || from.schema === undefined) return
  meta.set(MetaKey.tldrawSchema, from.schema)
  if (from.layoutVersion !== undefined) meta.set(MetaKey.layoutVersion, from.layoutVersion)
}

/**
 * Copies each room's concept cards (and, with `notes`, its sticky notes) onto
 * `boardId`, in one frame per room below what the board holds. Returns how
 * many shapes were copied.
 */
export async function bringResults(
  read: ReadDocument,
  write: WriteDocument,
  workshopId: string,
  breakout: Breakout,
  boardId: string,
  notes: boolean,
): Promise<number> {
  const rooms: RoomResults[] = []
  const sources: BoardSource[] = []
  for (const room of breakout.rooms) {
    const source = await read(workshopBoardDocName(workshopId, room.boardId), (doc) => readSource(doc, notes))
    sources.push(source)
    rooms.push({ title: room.title, boardId: room.boardId, shapes: source.shapes })
  }
  // Nothing made in any room: no empty frames on the plenary.
  if (rooms.every((room) => room.shapes.length === 0)) return 0
  const withSchema = sources.find((s) => s.schema !== undefined && s.page !== undefined)
  let copied = 0
  await write(workshopBoardDocName(workshopId, boardId), (doc) => {
    const records = currentRecords(doc)
    const page = firstPage(records) ?? withSchema?.page
    if (page === undefined) return
    adoptSchema(doc, withSchema)
    const below = contentBottom(records, page.id)
    const laid = layOutResults(rooms, { pageId: page.id, topIndex: topIndex(records, page.id), left: below?.left ?? 0, top: below === undefined ? 0 : below.bottom + 200 }, newShapeId)
    putRecords(doc, records.has(page.id) ? laid : [page, ...laid])
    copied = laid.filter((r) => r.type !== 'frame').length
  })
  return copied
}

/** One room of a "top-voted concepts" breakout: named after its card, whose copy starts its board. */
export interface TopVotedSeed {
  readonly title: string
  readonly shape: ShapeRecord
  readonly from: { readonly boardId: string }
  readonly source: BoardSource
}

/**
 * The rooms a `topVoted` breakout opens: the top cards (or notes) of the vote
 * that the earlier vote phase opened and closed, in ranking order. `not_ready`
 * when that vote has not closed, or nobody voted for anything that still exists.
 * A vote still open counts as closed when its phase is `ending` (the one
 * running as this breakout starts, which ends it and closes its vote).
 */
export async function topVotedSeeds(
  store: WorkshopStore,
  read: ReadDocument,
  workshopId: string,
  source: Extract<BreakoutSource, { kind: 'topVoted' }>,
  ending: string | null = null,
): Promise<TopVotedSeed[] | 'not_ready'> {
  const closing = (s: { readonly status: string; readonly phaseId?: string | undefined }): boolean => s.status === 'closed' || (s.status === 'open' && s.phaseId === ending)
  const session = store.votes
    .sessions(workshopId)
    .filter((s) => s.phaseId === source.phaseId && closing(s) && s.target === 'notes')
    .at(-1)
  if (session === undefined) return 'not_ready'
  const rows = (await resultRows(store, read, workshopId, session, false)).filter((r) => splitItem(r.item).shapeId !== undefined)
  const seeds: TopVotedSeed[] = []
  for (const row of topItems(rows, source.count, BreakoutLimits.MAX_ROOMS)) {
    const { boardId, shapeId } = splitItem(row.item)
    const found = await read(workshopBoardDocName(workshopId, boardId), (doc) => {
      const records = currentRecords(doc)
      const shape = records.get(shapeId!)
      if (shape === undefined || !isShape(shape)) return undefined
      const pageId = pageOf(records, shape)
      const meta = boardMeta(doc)
      return {
        shape,
        source: { shapes: [], page: pageId === undefined ? undefined : records.get(pageId), schema: meta.get(MetaKey.tldrawSchema), layoutVersion: meta.get(MetaKey.layoutVersion) },
      }
    })
    // A card deleted since the vote closed has nothing left to copy.
    if (found === undefined || found.source.page === undefined) continue
    const title = row.text.trim().split('\n')[0]!.slice(0, WorkshopLimits.MAX_TITLE_CHARS) || `#${seeds.length + 1}`
    seeds.push({ title, shape: found.shape, from: { boardId }, source: found.source })
  }
  return seeds.length === 0 ? 'not_ready' : seeds
}

/**
 * Puts each seed's card on its room's new board (with the page and schema it
 * came with), once: a board that holds a copy of it already is left alone.
 * One board that cannot be written does not keep the others from their card;
 * returns how many rooms are left without theirs.
 */
export async function plantSeeds(write: WriteDocument, workshopId: string, boards: readonly string[], seeds: readonly TopVotedSeed[]): Promise<number> {
  let failed = 0
  for (const [i, seed] of seeds.entries()) {
    const boardId = boards[i]
    const page = seed.source.page
    if (boardId === undefined || page === undefined) continue
    try {
      await write(workshopBoardDocName(workshopId, boardId), (doc) => {
        const records = currentRecords(doc)
        if ([...records.values()].some((r) => isCopyOf(r, seed))) return
        // Opened by someone already (a fast participant): their page is the one to use.
        const existing = firstPage(records)
        adoptSchema(doc, seed.source)
        const copy = seedCopy(seed.shape, (existing ?? page).id, seed.from, newShapeId)
        putRecords(doc, existing === undefined ? [page, copy] : [copy])
      })
    } catch {
      failed++
    }
  }
  return failed
}

function isCopyOf(record: BoardRecord, seed: TopVotedSeed): boolean {
  const from = (record.meta as { werkraumCopiedFrom?: { boardId?: unknown; shapeId?: unknown } } | undefined)?.werkraumCopiedFrom
  return from?.boardId === seed.from.boardId && from.shapeId === seed.shape.id
}
