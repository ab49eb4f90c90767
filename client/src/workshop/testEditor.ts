/**
 * A stand-in for tldraw's Editor in Node tests (its constructor needs a DOM):
 * what `Editor.createShapes` does with full partials, the shape util's
 * default props under the given ones, then `store.put`, which validates every
 * record against the board's schema.
 */
import { PageRecordType, type IndexKey, type TLEditorRunOptions, type TLShape, type TLShapePartial, type TLStore } from 'tldraw'
import { boardShapeUtils } from '../board/shapeUtils.ts'
import { newStore } from '../sync/testStores.ts'
import type { TemplateEditor } from './templates.ts'

export const utils = new Map<string, (typeof boardShapeUtils)[number]>(boardShapeUtils.map((util) => [util.type, util]))

function toRecord(store: TLStore, partial: TLShapePartial): TLShape {
  const Util = utils.get(partial.type)
  if (!Util) throw new Error(`no shape util for ${partial.type}`)
  // Default props of the default shape utils are constants and never read the editor.
  const defaults = new Util(undefined as never).getDefaultProps()
  return store.schema.types.shape.create({ ...partial, props: { ...defaults, ...partial.props } } as TLShape) as TLShape
}

export interface StoreEditor extends TemplateEditor {
  readonly store: TLStore
  readonly runs: Array<{ opts: TLEditorRunOptions | undefined; created: number }>
}

export function storeEditor(store: TLStore = newStore(), readonly = false): StoreEditor {
  // A bound store already has tldraw's default page; a bare one gets the same.
  if (store.query.records('page').get().length === 0) {
    store.put([PageRecordType.create({ id: PageRecordType.createId('page'), name: 'Page 1', index: 'a1' as IndexKey })])
  }
  let inRun = false
  const runs: StoreEditor['runs'] = []
  const shapeIds = () => new Set(store.allRecords().flatMap((r) => (r.typeName === 'shape' ? [r.id] : [])))
  return {
    store,
    runs,
    getIsReadonly: () => readonly,
    getCurrentPageId: () => store.query.records('page').get()[0]!.id,
    getCurrentPageShapeIds: shapeIds,
    createShapes: (shapes) => {
      if (!inRun) throw new Error('createShapes outside run')
      store.put(shapes.map((shape) => toRecord(store, shape)))
      runs[runs.length - 1]!.created += shapes.length
    },
    run: (fn, opts) => {
      runs.push({ opts, created: 0 })
      inRun = true
      try {
        fn()
      } finally {
        inRun = false
      }
    },
  }
}

