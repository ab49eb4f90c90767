/** Helpers for the binding tests: tldraw stores and linked Yjs documents in one Node process. */
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  toRichText,
  type TLGeoShape,
  type TLPageId,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import { boardShapeUtils } from '../board/shapeUtils.ts'

export const REMOTE = { name: 'test-remote' } as const

export function newStore(): TLStore {
  return createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils })
}

/** Passes every update of `a` to `b` and back, like a server would. Returns a function that cuts the link. */
export function link(a: Y.Doc, b: Y.Doc): () => void {
  const ab = (update: Uint8Array, origin: unknown): void => {
    if (origin !== REMOTE) Y.applyUpdate(b, update, REMOTE)
  }
  const ba = (update: Uint8Array, origin: unknown): void => {
    if (origin !== REMOTE) Y.applyUpdate(a, update, REMOTE)
  }
  a.on('update', ab)
  b.on('update', ba)
  return () => {
    a.off('update', ab)
    b.off('update', ba)
  }
}

/** Brings two unlinked documents to the same state (what a reconnect's sync steps do). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE)
}

export function geoShape(key: string, text: string, x = 0): TLGeoShape {
  return {
    id: createShapeId(key),
    typeName: 'shape',
    type: 'geo',
    parentId: 'page:page' as TLPageId,
    index: 'a1' as TLGeoShape['index'],
    x,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      fill: 'none',
      color: 'black',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      w: 100,
      h: 100,
      growY: 0,
      scale: 1,
      richText: toRichText(text),
    },
  }
}

/** The document records of a store, comparable across stores. */
export function documentRecords(store: TLStore): unknown[] {
  return store
    .allRecords()
    .filter((r) => (store.scopedTypes.document as ReadonlySet<string>).has(r.typeName))
    .sort((a, b) => a.id.localeCompare(b.id))
}
