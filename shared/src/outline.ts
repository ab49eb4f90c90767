/**
 * A room board's outline for the facilitator's overview and the gallery of
 * results: where its shapes are, as boxes, and the titles of its concept
 * cards, computed from the document's records without a tldraw editor (one
 * per room would be too heavy). Shared because the server sends the gallery
 * this summary and the console computes it from its live copy: both must draw
 * the same. Records come from other browsers, so everything is read
 * defensively; what does not look like a shape is skipped.
 */
import { CONCEPT_CARD_TYPE, CONCEPT_FIELDS, conceptCardText } from './concept.ts'

export interface OutlineBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly kind: 'frame' | 'note' | 'concept' | 'other'
}

interface ShapeLike {
  readonly id: string
  readonly type: string
  readonly x: number
  readonly y: number
  readonly parentId: string
  readonly props: Record<string, unknown>
}

function asShape(value: unknown): ShapeLike | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  if (v.typeName !== 'shape' || typeof v.id !== 'string' || typeof v.type !== 'string') return undefined
  if (typeof v.x !== 'number' || typeof v.y !== 'number' || !Number.isFinite(v.x) || !Number.isFinite(v.y)) return undefined
  const props = typeof v.props === 'object' && v.props !== null ? (v.props as Record<string, unknown>) : {}
  return { id: v.id, type: v.type, x: v.x, y: v.y, parentId: typeof v.parentId === 'string' ? v.parentId : '', props }
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback
}

/** A shape's size, roughly: tldraw's own geometry needs the editor. */
function sizeOf(shape: ShapeLike): { w: number; h: number; dx: number; dy: number } {
  const scale = num(shape.props.scale, 1)
  if (shape.type === 'note') return { w: 200 * scale, h: (200 + num(shape.props.growY, 0)) * scale, dx: 0, dy: 0 }
  if (shape.type === 'draw' || shape.type === 'highlight' || shape.type === 'line') {
    const points: Array<{ x: number; y: number }> = []
    const segments = Array.isArray(shape.props.segments) ? shape.props.segments : []
    for (const segment of segments) {
      const list = typeof segment === 'object' && segment !== null ? (segment as { points?: unknown }).points : undefined
      if (Array.isArray(list)) for (const p of list) if (typeof p === 'object' && p !== null && typeof (p as { x?: unknown }).x === 'number') points.push(p as { x: number; y: number })
    }
    if (points.length === 0) return { w: 10, h: 10, dx: 0, dy: 0 }
    // Loops, not Math.min(...points): a drawing with very many points must not overflow the call stack.
    const box = extent(points.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 })))
    return { w: Math.max(4, box.maxX - box.minX), h: Math.max(4, box.maxY - box.minY), dx: box.minX, dy: box.minY }
  }
  return { w: num(shape.props.w, 100) * (shape.type === 'text' ? scale : 1), h: num(shape.props.h, 40), dx: 0, dy: 0 }
}

/**
 * Most boxes an outline draws; a board with more is summarised by the first
 * ones. Bounds the gallery's summary too: every participant fetches it for
 * every room.
 */
export const MAX_OUTLINE_BOXES = 500

/** The smallest rectangle around all boxes. */
export function extent(boxes: ReadonlyArray<{ x: number; y: number; w: number; h: number }>): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const b of boxes) {
    if (b.x < minX) minX = b.x
    if (b.y < minY) minY = b.y
    if (b.x + b.w > maxX) maxX = b.x + b.w
    if (b.y + b.h > maxY) maxY = b.y + b.h
  }
  return { minX, minY, maxX, maxY }
}

/** The records that look like shapes, by id, and where each sits on the page (nested shapes moved by their parents). */
function pageShapes(records: Iterable<unknown>): { shapes: Map<string, ShapeLike>; origin: (shape: ShapeLike) => { x: number; y: number } } {
  const shapes = new Map<string, ShapeLike>()
  for (const record of records) {
    const shape = asShape(record)
    if (shape) shapes.set(shape.id, shape)
  }
  const origin = (shape: ShapeLike, depth = 0): { x: number; y: number } => {
    const parent = shapes.get(shape.parentId)
    // Rotation is left out; a cycle or absurd nesting stops here.
    if (parent === undefined || depth > 20) return { x: shape.x, y: shape.y }
    const p = origin(parent, depth + 1)
    return { x: p.x + shape.x, y: p.y + shape.y }
  }
  return { shapes, origin: (shape) => origin(shape) }
}

function kindOf(type: string): OutlineBox['kind'] {
  if (type === 'frame' || type === 'note') return type
  return type === CONCEPT_CARD_TYPE ? 'concept' : 'other'
}

/** Boxes of the shapes on the first page, in page coordinates. */
export function outline(records: Iterable<unknown>): OutlineBox[] {
  const { shapes, origin } = pageShapes(records)
  const boxes: OutlineBox[] = []
  for (const shape of shapes.values()) {
    if (boxes.length >= MAX_OUTLINE_BOXES) break
    if (shape.type === 'arrow') continue
    const at = origin(shape)
    const size = sizeOf(shape)
    boxes.push({ x: at.x + size.dx, y: at.y + size.dy, w: size.w, h: size.h, kind: kindOf(shape.type) })
  }
  return boxes
}

/** A concept card as the gallery lists it: its title ('' when only other fields were written). */
export interface ConceptSummary {
  readonly id: string
  readonly title: string
}

/**
 * The concept cards someone wrote on, in reading order (top to bottom, then
 * left to right). Cards with every field empty are the template's untouched
 * ones and are left out.
 */
export function conceptSummaries(records: Iterable<unknown>): ConceptSummary[] {
  const { shapes, origin } = pageShapes(records)
  const found: Array<ConceptSummary & { x: number; y: number }> = []
  for (const shape of shapes.values()) {
    if (shape.type !== CONCEPT_CARD_TYPE) continue
    const text = conceptCardText(shape.props)
    if (CONCEPT_FIELDS.every((field) => text[field].trim() === '')) continue
    found.push({ id: shape.id, title: text.title.trim(), ...origin(shape) })
  }
  found.sort((a, b) => a.y - b.y || a.x - b.x)
  return found.map(({ id, title }) => ({ id, title }))
}

/** One room of a breakout as the results gallery shows it (`GET /api/workshops/:id/results/:phaseId`). */
export interface GalleryRoom {
  readonly roomId: string
  readonly boardId: string
  /** At most MAX_OUTLINE_BOXES boxes, in page coordinates. */
  readonly outline: readonly OutlineBox[]
  /** Titles of the concept cards someone wrote on, in reading order ('' for a card with only other fields written). */
  readonly concepts: readonly string[]
  /** How many shapes are on the board, frames and arrows left out (all of them, also past the outline's limit). */
  readonly shapes: number
}

/** The answer of `GET /api/workshops/:id/results/:phaseId`. */
export interface GallerySummary {
  readonly phaseId: string
  readonly rooms: readonly GalleryRoom[]
}

/** What the gallery shows of one board, from its records. */
export function boardResults(records: Iterable<unknown>): Pick<GalleryRoom, 'outline' | 'concepts' | 'shapes'> {
  const list = [...records]
  let shapes = 0
  for (const record of list) {
    const shape = asShape(record)
    if (shape && shape.type !== 'frame' && shape.type !== 'arrow') shapes++
  }
  return { outline: outline(list), concepts: conceptSummaries(list).map((c) => c.title), shapes }
}
