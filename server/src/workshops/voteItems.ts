/**
 * What a ballot points at, read from the board document: a sticky note or a
 * concept card that exists on the board (for `notes` sessions), and its text
 * for the results.
 */
import { RECORDS_KEY, VOTABLE_SHAPE_TYPES, votableText } from '@werkraum/shared'
import type * as Y from 'yjs'

/**
 * The record stored under `key`, read straight from the array: a YKeyValue
 * would start tidying the server's copy of the document, which only clients
 * write. The last entry for a key is the current one.
 */
function recordAt(doc: Y.Doc, key: string): unknown {
  const entries = doc.getArray<unknown>(RECORDS_KEY).toArray()
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as { key?: unknown; val?: unknown } | undefined
    if (entry?.key === key) return entry.val
  }
  return undefined
}

export interface VoteItem {
  readonly shapeId: string
  readonly text: string
}

/** The note or concept card `shapeId` on this board, or undefined if there is none (deleted, never existed, something else). */
export function itemOnBoard(doc: Y.Doc, shapeId: string): VoteItem | undefined {
  const record = recordAt(doc, shapeId)
  if (typeof record !== 'object' || record === null) return undefined
  const r = record as { typeName?: unknown; type?: unknown; props?: unknown }
  if (r.typeName !== 'shape' || typeof r.type !== 'string' || !VOTABLE_SHAPE_TYPES.includes(r.type)) return undefined
  return { shapeId, text: votableText(r.type, r.props) }
}
