/** tldraw records as a browser would write them into a board document, for tests without a browser. */
import { CONCEPT_CARD_TYPE, type ShapeRecord } from '@werkraum/shared'

/** The page tldraw makes for a new board. */
export const PAGE_RECORD = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }

export function shapeRecord(id: string, type: string, x: number, y: number, props: Record<string, unknown>, parentId = 'page:page'): ShapeRecord {
  return { id, typeName: 'shape', type, parentId, index: 'a1', x, y, rotation: 0, isLocked: false, opacity: 1, meta: {}, props }
}

/** A concept card with a title (and an idea, unless the title is empty: then the card is untouched). */
export function conceptCardRecord(id: string, title: string, x = 0, y = 0, parentId?: string): ShapeRecord {
  return shapeRecord(id, CONCEPT_CARD_TYPE, x, y, { w: 320, h: 400, title, challenge: '', idea: title === '' ? '' : `Idee zu ${title}`, audience: '', nextSteps: '', carriers: '' }, parentId)
}
