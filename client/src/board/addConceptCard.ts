import { CONCEPT_CARD_TYPE } from '@werkraum/shared'
import { Box, createShapeId, type Editor } from 'tldraw'
import { CONCEPT_CARD_MIN_HEIGHT, CONCEPT_CARD_WIDTH, type ConceptCardShape } from './ConceptCardShape.tsx'

/** Space kept between a new card and what is already there. */
const GAP = 24
/** Places tried to the right and below before the card goes where it would have gone. */
const MAX_TRIES = 40

/**
 * Where a new card of `size` goes: the middle of the view, unless a card or a
 * note is there already (two people in one room who both add a card would put
 * them exactly on top of each other, the second hiding the first); then the
 * nearest free place to the right, row by row downwards.
 */
export function freePlace(start: { x: number; y: number }, size: { w: number; h: number }, taken: readonly Box[]): { x: number; y: number } {
  for (let i = 0; i < MAX_TRIES; i++) {
    const column = i % 4
    const row = Math.floor(i / 4)
    const at = { x: start.x + column * (size.w + GAP), y: start.y + row * (size.h + GAP) }
    const box = new Box(at.x, at.y, size.w, size.h)
    if (!taken.some((t) => t.collides(box))) return at
  }
  return start
}

/**
 * A new, empty concept card in the middle of what this person sees (or the
 * nearest free place), opened for writing: the keyboard's way to one (the
 * canvas has no tool for it). Undo removes it again.
 */
export function addConceptCard(editor: Editor): void {
  const center = editor.getViewportPageBounds().center
  const size = { w: CONCEPT_CARD_WIDTH, h: CONCEPT_CARD_MIN_HEIGHT }
  const taken = editor
    .getCurrentPageShapes()
    .filter((s) => s.type === CONCEPT_CARD_TYPE || s.type === 'note')
    .map((s) => editor.getShapePageBounds(s.id))
    .filter((b): b is Box => b !== undefined)
  const at = freePlace({ x: center.x - size.w / 2, y: center.y - size.h / 2 }, size, taken)
  const id = createShapeId()
  editor.markHistoryStoppingPoint('add concept card')
  editor.createShape<ConceptCardShape>({ id, type: CONCEPT_CARD_TYPE, x: at.x, y: at.y })
  editor.select(id)
  editor.setEditingShape(id)
  // Placed beside the view's middle: bring it into view to write in.
  if (at.x !== center.x - size.w / 2 || at.y !== center.y - size.h / 2) {
    const bounds = editor.getShapePageBounds(id)
    if (bounds !== undefined && !editor.getViewportPageBounds().contains(bounds)) editor.zoomToBounds(bounds, { targetZoom: editor.getZoomLevel(), immediate: true })
  }
}
