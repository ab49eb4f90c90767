/**
 * tldraw's arrow, except that a board template's decorative arrows (between
 * its areas) are no Tab stops: tldraw's reading order, Tab on the canvas
 * (canvasKeys.ts) and its "n of m" announcement all ask `canTabTo`.
 * Same type, props and migrations as tldraw's, so boards and the schema are unchanged.
 */
import { ArrowShapeUtil, type TLArrowShape } from 'tldraw'
import { isTemplateDecoration } from '../workshop/templates.ts'

export class WerkraumArrowShapeUtil extends ArrowShapeUtil {
  override canTabTo(shape: TLArrowShape): boolean {
    return !isTemplateDecoration(shape.id)
  }
}
