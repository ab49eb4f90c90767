import { CONCEPT_CARD_TYPE } from '@werkraum/shared'
import { createShapeId, type Editor } from 'tldraw'
import { CONCEPT_CARD_MIN_HEIGHT, CONCEPT_CARD_WIDTH, type ConceptCardShape } from './ConceptCardShape.tsx'

/**
 * A new, empty concept card in the middle of what this person sees, opened
 * for writing: the keyboard's way to one (the canvas has no tool for it).
 * Undo removes it again.
 */
export function addConceptCard(editor: Editor): void {
  const center = editor.getViewportPageBounds().center
  const id = createShapeId()
  editor.markHistoryStoppingPoint('add concept card')
  editor.createShape<ConceptCardShape>({
    id,
    type: CONCEPT_CARD_TYPE,
    x: center.x - CONCEPT_CARD_WIDTH / 2,
    y: center.y - CONCEPT_CARD_MIN_HEIGHT / 2,
  })
  editor.select(id)
  editor.setEditingShape(id)
}
