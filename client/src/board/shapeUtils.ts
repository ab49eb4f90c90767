/**
 * The shapes a Werkraum board knows: tldraw's own and Werkraum's. The store
 * (its schema validates every record that arrives) and the editor (which
 * draws them) must be given the same list.
 */
import { defaultShapeUtils } from 'tldraw'
import { ConceptCardShapeUtil } from './ConceptCardShape.tsx'

export const customShapeUtils = [ConceptCardShapeUtil] as const
export const boardShapeUtils = [...defaultShapeUtils, ...customShapeUtils]
