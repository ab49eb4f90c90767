import { createShapeId, toRichText, type Box, type Editor, type TLNoteShape } from 'tldraw'
import { freePlace } from './addConceptCard.ts'

/** tldraw's note at scale 1. */
const NOTE_SIZE = { w: 200, h: 200 }

/**
 * A new, empty sticky note in the middle of what this person sees (or the
 * nearest free place), opened for typing: the keyboard's way to a first note
 * on an empty board (tldraw's note tool waits for a click on the canvas).
 * Undo removes it again.
 */
export function addNote(editor: Editor): void {
  const center = editor.getViewportPageBounds().center
  const taken = editor
    .getCurrentPageShapes()
    .filter((s) => s.type === 'note' || s.type === 'concept-card')
    .map((s) => editor.getShapePageBounds(s.id))
    .filter((b): b is Box => b !== undefined)
  const at = freePlace({ x: center.x - NOTE_SIZE.w / 2, y: center.y - NOTE_SIZE.h / 2 }, NOTE_SIZE, taken)
  const id = createShapeId()
  editor.markHistoryStoppingPoint('add note')
  editor.createShape<TLNoteShape>({ id, type: 'note', x: at.x, y: at.y, props: { richText: toRichText('') } })
  editor.select(id)
  editor.setEditingShape(id)
}
