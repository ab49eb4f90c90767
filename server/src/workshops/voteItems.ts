/**
 * What a ballot points at, read from the board document: a sticky note or a
 * concept card that exists on the board (for `notes` sessions), and its text
 * for the results.
 */
import { RECORDS_KEY, VOTABLE_SHAPE_TYPES, isVoteItem, readingOrder, votableText, type VoteSession } from '@werkraum/shared'
import type * as Y from 'yjs'

/**
 * The record stored under `key`, read straight from the array: a YKeyValue
 * would start tidying the server's copy of the document, which only clients
 * write. The last entry for a key is the current one.
 */
function recordAt(doc: Y.Doc, key: string): unknown {
  const entries = doc.getArray<unknown>(RECORDS_KEY).toArray()
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as { key?: unknown; val?: unknown } | undefined
    if (entry?.key === key) return entry.val
  }
  return undefined
}

export interface VoteItem {
  readonly shapeId: string
  readonly text: string
}

/** The note or concept card `shapeId` on this board, or undefined if there is none (deleted, never existed, something else). */
export function itemOnBoard(doc: Y.Doc, shapeId: string): VoteItem | undefined {
  const record = recordAt(doc, shapeId)
  if (typeof record !== 'object' || record === null) return undefined
  const r = record as { typeName?: unknown; type?: unknown; props?: unknown }
  if (r.typeName !== 'shape' || typeof r.type !== 'string' || !VOTABLE_SHAPE_TYPES.includes(r.type)) return undefined
  return { shapeId, text: votableText(r.type, r.props) }
}

/** Whether `shapeId` on this board is something to vote on in `session` now (see `isVoteItem`). */
export function isVoteItemOnBoard(doc: Y.Doc, session: Pick<VoteSession, 'onlyCopiesOn'>, boardId: string, shapeId: string): boolean {
  const record = recordAt(doc, shapeId)
  if (typeof record !== 'object' || record === null) return false
  const r = record as { typeName?: unknown; type?: unknown; props?: unknown; meta?: unknown }
  return r.typeName === 'shape' && typeof r.type === 'string' && isVoteItem(session, boardId, { type: r.type, props: r.props, meta: r.meta })
}

export interface BoardItem extends VoteItem {
  readonly type: string
}

/**
 * Every item that can be voted on on this board, in reading order: rows from
 * top to bottom, each from left to right, by their position on the page (a
 * note in a frame is where the frame puts it). Concept cards nobody wrote on
 * are left out: an untouched template card is nothing to vote on.
 */
export function itemsOnBoard(doc: Y.Doc, session: Pick<VoteSession, 'onlyCopiesOn'>, boardId: string): BoardItem[] {
  const records = new Map<string, { typeName?: unknown; type?: unknown; props?: unknown; meta?: unknown; x?: unknown; y?: unknown; parentId?: unknown }>()
  // Later entries for a key replace earlier ones (see `recordAt`).
  for (const entry of doc.getArray<unknown>(RECORDS_KEY).toArray()) {
    const e = entry as { key?: unknown; val?: unknown } | undefined
    if (typeof e?.key === 'string' && typeof e.val === 'object' && e.val !== null) records.set(e.key, e.val)
  }
  const pagePosition = (id: string): { x: number; y: number } => {
    let x = 0
    let y = 0
    // Bounded: a broken document could hold a cycle of parents.
    for (let at = records.get(id), depth = 0; at?.typeName === 'shape' && depth < 50; at = typeof at.parentId === 'string' ? records.get(at.parentId) : undefined, depth++) {
      x += typeof at.x === 'number' ? at.x : 0
      y += typeof at.y === 'number' ? at.y : 0
    }
    return { x, y }
  }
  const found: Array<BoardItem & { x: number; y: number }> = []
  for (const [shapeId, r] of records) {
    if (r.typeName !== 'shape' || typeof r.type !== 'string' || !isVoteItem(session, boardId, { type: r.type, props: r.props, meta: r.meta })) continue
    found.push({ shapeId, type: r.type, text: votableText(r.type, r.props), ...pagePosition(shapeId) })
  }
  return readingOrder(found).map(({ shapeId, type, text }) => ({ shapeId, type, text }))
}
