/**
 * The shapes a Werkraum board knows: tldraw's own and Werkraum's. The store
 * (its schema validates every record that arrives) and the editor (which
 * draws them) must be given the same list. Werkraum's arrow replaces
 * tldraw's (same type; only its Tab stop differs), as `<Tldraw shapeUtils>` does.
 */
import { defaultShapeUtils } from 'tldraw'
import { WerkraumArrowShapeUtil } from './ArrowShape.ts'
import { ConceptCardShapeUtil } from './ConceptCardShape.tsx'

export const customShapeUtils = [ConceptCardShapeUtil, WerkraumArrowShapeUtil] as const
const replaced = new Set<string>(customShapeUtils.map((util) => util.type))
export const boardShapeUtils = [...defaultShapeUtils.filter((util) => !replaced.has(util.type)), ...customShapeUtils]
