/**
 * Copying what groups made from one board to another (issue #13): the rooms'
 * concept cards (and notes) onto the plenary board, one frame per room, and a
 * top-voted card into the board of the room that works on it next. The
 * server writes the records this module lays out; they are tldraw records,
 * copied from boards that a client wrote, so they keep that client's schema.
 * Only frames are made here, with the fields tldraw 3.15's frame has (a test
 * in client/ validates them against tldraw's own schema).
 */
import type * as Y from 'yjs'
import { RECORDS_KEY } from './board.ts'
import { isMadeShape } from './catalogue.ts'
import { CONCEPT_CARD_TYPE } from './concept.ts'

/** A tldraw record as it sits in a board document; read defensively, since any client in the board wrote it. */
export interface BoardRecord {
  readonly id: string
  readonly typeName: string
  readonly [key: string]: unknown
}

/** A shape with the fields the layout reads. */
export interface ShapeRecord extends BoardRecord {
  readonly typeName: 'shape'
  readonly type: string
  readonly parentId: string
  readonly index: string
  readonly x: number
  readonly y: number
  readonly props: Record<string, unknown>
}

/** The board's records as they are now: the last entry per key wins, as in the clients' YKeyValue. */
export function currentRecords(doc: Y.Doc): Map<string, BoardRecord> {
  const current = new Map<string, BoardRecord>()
  for (const entry of doc.getArray<unknown>(RECORDS_KEY).toArray()) {
    const e = entry as { key?: unknown; val?: unknown } | undefined
    const val = e?.val as { id?: unknown; typeName?: unknown } | undefined
    if (typeof e?.key === 'string' && typeof val?.id === 'string' && typeof val.typeName === 'string') current.set(e.key, val as BoardRecord)
  }
  return current
}

/** Adds (or replaces) records in a board document, in the layout the clients' YKeyValue reads. */
export function putRecords(doc: Y.Doc, records: readonly BoardRecord[]): void {
  const array = doc.getArray<{ key: string; val: unknown }>(RECORDS_KEY)
  const keys = new Set(records.map((r) => r.id))
  // A replaced record's old entry goes, as YKeyValue would remove it.
  const entries = array.toArray()
  for (let i = entries.length - 1; i >= 0; i--) if (keys.has(entries[i]!.key)) array.delete(i, 1)
  array.push(records.map((r) => ({ key: r.id, val: r })))
}

export function isShape(record: BoardRecord): record is ShapeRecord {
  const r = record as Partial<ShapeRecord>
  return (
    record.typeName === 'shape' &&
    typeof r.type === 'string' &&
    typeof r.parentId === 'string' &&
    typeof r.index === 'string' &&
    typeof r.x === 'number' &&
    typeof r.y === 'number' &&
    typeof r.props === 'object' &&
    r.props !== null
  )
}

/** A shape's size on the page, for the kinds that are copied (cards and notes). */
export function shapeSize(shape: ShapeRecord): { w: number; h: number } {
  const p = shape.props
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback)
  if (shape.type === 'note') {
    // tldraw's note: 200 × 200 at scale 1, grown downwards by `growY`.
    const scale = num(p.scale, 1)
    return { w: 200 * scale, h: (200 + (typeof p.growY === 'number' ? Math.max(0, p.growY) : 0)) * scale }
  }
  return { w: num(p.w, 300), h: num(p.h, 200) }
}

/** The id of the page a shape is on, following its parents (frames, groups). */
export function pageOf(records: ReadonlyMap<string, BoardRecord>, shape: ShapeRecord): string | undefined {
  let parent = shape.parentId
  for (let depth = 0; depth < 100; depth++) {
    if (parent.startsWith('page:')) return parent
    const next = records.get(parent)
    if (next === undefined || !isShape(next)) return undefined
    parent = next.parentId
  }
  return undefined
}

/**
 * What is worth copying from a board, in reading order (top to bottom, left
 * to right): concept cards with content and, if asked, notes with text.
 * Positions are compared on the page, so cards inside frames sort too.
 */
export function resultShapes(records: ReadonlyMap<string, BoardRecord>, notes: boolean): ShapeRecord[] {
  const shapes = [...records.values()].filter(isShape)
  const byId = new Map(shapes.map((s) => [s.id, s]))
  const pagePosition = (shape: ShapeRecord): { x: number; y: number } => {
    let x = shape.x
    let y = shape.y
    let parent = byId.get(shape.parentId)
    for (let depth = 0; parent !== undefined && depth < 100; depth++) {
      x += parent.x
      y += parent.y
      parent = byId.get(parent.parentId)
    }
    return { x, y }
  }
  return shapes
    // Untouched template cards and empty notes are not results (the catalogue's rule).
    .filter((s) => (s.type === CONCEPT_CARD_TYPE || (notes && s.type === 'note')) && isMadeShape(s))
    .map((s) => ({ shape: s, at: pagePosition(s) }))
    .sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x)
    .map((s) => s.shape)
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * `n` fractional index keys (tldraw's stacking order), ascending, all above
 * `below` (the highest key among the siblings), or from 'a0' up when there
 * is none. Each is `below` plus a two-digit fraction whose last digit is never
 * '0', which keeps them valid keys; enough for 3,782 siblings.
 */
export function indicesAbove(below: string | null, n: number): string[] {
  const base = below ?? 'a0'
  const keys: string[] = []
  for (let i = 0; i < n; i++) {
    const high = Math.floor(i / 61)
    if (high >= DIGITS.length) throw new Error('too many keys for one level')
    keys.push(`${base}V${DIGITS[high]}${DIGITS[(i % 61) + 1]}`)
  }
  return keys
}

/** The highest index among the shapes whose parent is `parentId`, or null when it has none. */
export function topIndex(records: ReadonlyMap<string, BoardRecord>, parentId: string): string | null {
  let top: string | null = null
  for (const r of records.values()) {
    // Index keys order by plain string comparison (not by locale).
    if (isShape(r) && r.parentId === parentId && (top === null || r.index > top)) top = r.index
  }
  return top
}

/** The lowest point of the shapes directly on `pageId`, or undefined for an empty page. */
export function contentBottom(records: ReadonlyMap<string, BoardRecord>, pageId: string): { left: number; bottom: number } | undefined {
  let left = Infinity
  let bottom = -Infinity
  for (const r of records.values()) {
    if (!isShape(r) || r.parentId !== pageId) continue
    const p = r.props
    const h = typeof p.h === 'number' ? p.h : shapeSize(r).h
    left = Math.min(left, r.x)
    bottom = Math.max(bottom, r.y + h)
  }
  return Number.isFinite(bottom) ? { left, bottom } : undefined
}

export const ResultsLayout = {
  /** Space around the shapes inside a frame, and between them. */
  PADDING: 40,
  GAP: 32,
  /** Shapes side by side in one frame before a new row starts. */
  COLUMNS: 3,
  /** Frames side by side before a new row of frames starts. */
  FRAMES_PER_ROW: 3,
  FRAME_GAP: 120,
  /** An empty room's frame still shows its name. */
  EMPTY_FRAME: { w: 400, h: 160 },
} as const

/** One room's part of the results: its title and what it made. */
export interface RoomResults {
  readonly title: string
  readonly boardId: string
  readonly shapes: readonly ShapeRecord[]
}

/**
 * The records that bring rooms' results onto a board: one frame per room,
 * named after it, with copies of its shapes (new ids, laid out in rows of
 * `COLUMNS`), placed below what the board already holds. `newId` makes
 * record ids (without the `shape:` prefix). The copies remember where they
 * came from in `meta.werkraumCopiedFrom`.
 */
export function layOutResults(
  rooms: readonly RoomResults[],
  target: { readonly pageId: string; readonly topIndex: string | null; readonly left: number; readonly top: number },
  newId: () => string,
): ShapeRecord[] {
  const { PADDING, GAP, COLUMNS, FRAMES_PER_ROW, FRAME_GAP, EMPTY_FRAME } = ResultsLayout
  const frameIndices = indicesAbove(target.topIndex, rooms.length)
  const records: ShapeRecord[] = []
  let x = target.left
  let y = target.top
  let rowHeight = 0
  rooms.forEach((room, i) => {
    if (i > 0 && i % FRAMES_PER_ROW === 0) {
      x = target.left
      y += rowHeight + FRAME_GAP
      rowHeight = 0
    }
    const frameId = `shape:${newId()}`
    const sizes = room.shapes.map(shapeSize)
    const columnWidth = Math.max(0, ...sizes.map((s) => s.w))
    const childIndices = indicesAbove(null, room.shapes.length)
    let cursorY = PADDING
    let widest = 0
    const children: ShapeRecord[] = []
    for (let start = 0; start < room.shapes.length; start += COLUMNS) {
      const row = room.shapes.slice(start, start + COLUMNS)
      const heights = sizes.slice(start, start + COLUMNS).map((s) => s.h)
      row.forEach((shape, col) => {
        const k = start + col
        children.push({
          ...shape,
          id: `shape:${newId()}`,
          parentId: frameId,
          index: childIndices[k]!,
          x: PADDING + col * (columnWidth + GAP),
          y: cursorY,
          isLocked: false,
          meta: copyMeta(shape.meta, { boardId: room.boardId, shapeId: shape.id }),
        })
      })
      widest = Math.max(widest, PADDING * 2 + row.length * columnWidth + (row.length - 1) * GAP)
      cursorY += Math.max(...heights) + GAP
    }
    const w = room.shapes.length === 0 ? EMPTY_FRAME.w : widest
    const h = room.shapes.length === 0 ? EMPTY_FRAME.h : cursorY - GAP + PADDING
    records.push(frameRecord(frameId, target.pageId, frameIndices[i]!, x, y, w, h, room.title), ...children)
    x += w + FRAME_GAP
    rowHeight = Math.max(rowHeight, h)
  })
  return records
}

/** A copy of one shape, alone at the top left of a new board's page (a top-voted card in its new room). */
export function seedCopy(shape: ShapeRecord, pageId: string, from: { readonly boardId: string }, newId: () => string): ShapeRecord {
  return {
    ...shape,
    id: `shape:${newId()}`,
    parentId: pageId,
    index: indicesAbove(null, 1)[0]!,
    x: 0,
    y: 0,
    isLocked: false,
    meta: copyMeta(shape.meta, { boardId: from.boardId, shapeId: shape.id }),
  }
}

/** A tldraw 3.15 frame. */
function frameRecord(id: string, parentId: string, index: string, x: number, y: number, w: number, h: number, name: string): ShapeRecord {
  return {
    id,
    typeName: 'shape',
    type: 'frame',
    parentId,
    index,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w, h, name, color: 'black' },
  }
}

/**
 * A copy's meta: the original's, less who wrote it (a copy is a new shape on
 * another board, whose banner names those who wrote there), plus where it came from.
 */
function copyMeta(meta: unknown, from: { readonly boardId: string; readonly shapeId: string }): Record<string, unknown> {
  const { werkraumAuthors: _authors, ...rest } = typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {}
  return { ...rest, werkraumCopiedFrom: from }
}
