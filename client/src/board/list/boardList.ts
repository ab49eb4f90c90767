/**
 * The list view of a board (issue #14): what is on the canvas, as text, for
 * people who cannot read or reach the canvas (screen readers, keyboards,
 * small phones). Pure functions here, so the order and grouping are tested
 * without a browser; `useBoardList.ts` reads them from the editor.
 */
import { readingOrder, type ConceptCardText } from '@werkraum/shared'

/** The shape types listed as items: what people write on a board. Frames are the areas they are grouped by. */
export const LISTED_TYPES: readonly string[] = ['note', 'text', 'concept-card']

/** One thing written on the board, as the list shows it. */
export interface ListItem {
  readonly id: string
  readonly type: string
  /** The frame it sits in (the nearest one, for frames in frames), or null when it sits on the page. */
  readonly areaId: string | null
  /** Its top left on the page. */
  readonly x: number
  readonly y: number
  /** Plain text ('' for an empty note). */
  readonly text: string
  /** Names of the people who wrote it. */
  readonly authors: readonly string[]
  /** A concept card's fields (its `text` is its title). */
  readonly card?: ConceptCardText
}

/** A frame of the board. */
export interface ListFrame {
  readonly id: string
  readonly name: string
  readonly x: number
  readonly y: number
}

/** A group of the list: a frame with what is in it, or (id null) what lies outside every frame. */
export interface ListArea {
  readonly id: string | null
  readonly name: string
  readonly items: readonly ListItem[]
}

/**
 * The list's groups in reading order (top to bottom, then left to right),
 * each group's items in reading order too. Every frame is a group, also an
 * empty one (a person can add a note into it from the list). What lies
 * outside every frame forms one group where its first item is; an item whose
 * frame is not among `frames` counts as outside.
 */
export function groupIntoAreas(frames: readonly ListFrame[], items: readonly ListItem[]): ListArea[] {
  const known = new Set(frames.map((f) => f.id))
  const inArea = new Map<string | null, ListItem[]>()
  for (const item of items) {
    const key = item.areaId !== null && known.has(item.areaId) ? item.areaId : null
    const list = inArea.get(key) ?? []
    list.push(item)
    inArea.set(key, list)
  }
  const groups: Array<ListArea & { x: number; y: number }> = frames.map((f) => ({ id: f.id, name: f.name, x: f.x, y: f.y, items: readingOrder(inArea.get(f.id) ?? []) }))
  const loose = readingOrder(inArea.get(null) ?? [])
  const first = loose[0]
  if (first !== undefined) groups.push({ id: null, name: '', x: first.x, y: first.y, items: loose })
  return readingOrder(groups).map(({ id, name, items }) => ({ id, name, items }))
}

interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** Space between notes, and between a note and its frame's edge. */
export const PLACE_GAP = 24

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/**
 * Where a note of `size` goes in `area` (page coordinates): the first free
 * place in rows from the top left, so notes added from the list read in the
 * order they were added. When the area is full, below everything in it, and
 * `growTo` says how tall the area must become to hold it.
 */
export function placeInArea(area: Rect, size: { w: number; h: number }, taken: readonly Rect[]): { x: number; y: number; growTo?: number } {
  const columns = Math.max(1, Math.floor((area.w - PLACE_GAP) / (size.w + PLACE_GAP)))
  const rows = Math.max(0, Math.floor((area.h - PLACE_GAP) / (size.h + PLACE_GAP)))
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const at = { x: area.x + PLACE_GAP + column * (size.w + PLACE_GAP), y: area.y + PLACE_GAP + row * (size.h + PLACE_GAP) }
      if (!taken.some((t) => overlaps(t, { ...at, ...size }))) return at
    }
  }
  const inside = taken.filter((t) => overlaps(t, area))
  const bottom = Math.max(area.y, ...inside.map((t) => t.y + t.h))
  const y = bottom + PLACE_GAP
  return { x: area.x + PLACE_GAP, y, growTo: y + size.h + PLACE_GAP - area.y }
}

/**
 * Where a note goes that belongs to no area: below everything on the board,
 * at its left edge (or at the origin on an empty board).
 */
export function placeOutside(taken: readonly Rect[]): { x: number; y: number } {
  if (taken.length === 0) return { x: 0, y: 0 }
  let minX = Infinity
  let maxY = -Infinity
  for (const t of taken) {
    minX = Math.min(minX, t.x)
    maxY = Math.max(maxY, t.y + t.h)
  }
  return { x: minX, y: maxY + PLACE_GAP * 2 }
}

/** How long new notes by others are gathered before one announcement says them all. */
export const ARRIVAL_BATCH_MS = 4000

/** New notes by others, gathered for one announcement. */
export interface Arrivals {
  readonly count: number
  /** Their writers, each once, in the order first met. */
  readonly names: readonly string[]
}

export const NO_ARRIVALS: Arrivals = { count: 0, names: [] }

/** `arrivals` with `added` more things written by `names`. */
export function addArrivals(arrivals: Arrivals, added: number, names: readonly string[]): Arrivals {
  const all = [...arrivals.names]
  for (const name of names) if (name !== '' && !all.includes(name)) all.push(name)
  return { count: arrivals.count + added, names: all }
}
