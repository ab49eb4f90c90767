import { BOARD_LAYOUT_VERSION, MetaKey, boardMeta } from '@werkraum/shared'
import { toRichText, type TLGeoShape, type TLRecord } from 'tldraw'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { recordsOf } from './records.ts'
import { bindStoreToDoc, type BindOutcome } from './storeBinding.ts'
import { REMOTE, documentRecords, exchange, geoShape, link, newStore } from './testStores.ts'

function bound(outcome: BindOutcome) {
  if (outcome.kind !== 'bound') throw new Error(`expected bound, got ${outcome.kind}`)
  return outcome.binding
}

function pair() {
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  const unlink = link(docA, docB)
  const storeA = newStore()
  const storeB = newStore()
  const bindingA = bound(bindStoreToDoc(storeA, docA))
  const bindingB = bound(bindStoreToDoc(storeB, docB))
  return { docA, docB, storeA, storeB, bindingA, bindingB, unlink }
}

describe('bindStoreToDoc on a new board', () => {
  it('seeds tldraw\'s default document and page, and records the schema', () => {
    const doc = new Y.Doc()
    const store = newStore()
    bound(bindStoreToDoc(store, doc))
    const kv = recordsOf(doc)
    expect([...kv.map.keys()].sort()).toEqual(['document:document', 'page:page'])
    expect(boardMeta(doc).get(MetaKey.tldrawSchema)).toEqual(store.schema.serialize())
    expect(boardMeta(doc).get(MetaKey.layoutVersion)).toBe(BOARD_LAYOUT_VERSION)
  })

  it('two people opening the same new board at once end up with one page', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const storeA = newStore()
    const storeB = newStore()
    bound(bindStoreToDoc(storeA, docA))
    bound(bindStoreToDoc(storeB, docB))
    exchange(docA, docB)
    expect(storeA.query.records('page').get()).toHaveLength(1)
    expect(storeB.query.records('page').get()).toHaveLength(1)
    expect(documentRecords(storeA)).toEqual(documentRecords(storeB))
  })
})

describe('two stores bound to linked documents', () => {
  it('carries a local edit to the other store', () => {
    const { storeA, storeB } = pair()
    storeA.put([geoShape('s1', 'Hallo')])
    expect(storeB.get(geoShape('s1', '').id)).toEqual(geoShape('s1', 'Hallo'))
  })

  it('carries updates and deletions', () => {
    const { storeA, storeB } = pair()
    const shape = geoShape('s1', 'Hallo')
    storeA.put([shape])
    storeB.put([{ ...shape, x: 250 }])
    expect((storeA.get(shape.id) as TLGeoShape).x).toBe(250)
    storeA.remove([shape.id])
    expect(storeB.get(shape.id)).toBeUndefined()
  })

  it('applies remote changes as remote: they do not reach the other store\'s user listeners (undo stack)', () => {
    const { storeA, storeB } = pair()
    const userChangesOnB = vi.fn()
    storeB.listen(userChangesOnB, { source: 'user', scope: 'document' })
    storeA.put([geoShape('s1', 'Hallo')])
    expect(storeB.get(geoShape('s1', '').id)).toBeDefined()
    expect(userChangesOnB).not.toHaveBeenCalled()
  })

  it('sends one Yjs update per store flush', () => {
    const { docA, storeA } = pair()
    const updates = vi.fn()
    docA.on('update', updates)
    storeA.put([geoShape('s1', 'a'), geoShape('s2', 'b'), geoShape('s3', 'c')])
    expect(updates).toHaveBeenCalledTimes(1)
  })

  it('does not write session state (camera, instance, pointer) into the board', () => {
    const { docA, storeA } = pair()
    const camera = storeA.query.records('camera').get()[0]!
    storeA.put([{ ...camera, x: 99 }])
    expect([...recordsOf(docA).map.keys()].some((k) => k.startsWith('camera:'))).toBe(false)
  })

  it('ignores records another browser wrote that tldraw\'s validators reject, or that do not belong in the board', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { docB, storeA, storeB } = pair()
    const kvB = recordsOf(docB)
    docB.transact(() => {
      kvB.set('shape:evil', { id: 'shape:evil', typeName: 'shape', type: 'geo', props: 'not props' })
      kvB.set('shape:mismatch', { ...geoShape('other', 'x') })
      kvB.set('instance:instance', { id: 'instance:instance', typeName: 'instance' })
    })
    storeB.put([geoShape('ok', 'fine')]) // the binding keeps working afterwards
    for (const store of [storeA, storeB]) {
      expect(store.get('shape:evil' as TLRecord['id'])).toBeUndefined()
      expect(store.get('shape:mismatch' as TLRecord['id'])).toBeUndefined()
      expect(store.get(geoShape('other', '').id)).toBeUndefined()
      expect(store.get(geoShape('ok', '').id)).toBeDefined()
    }
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })

  it('converges after both edited while disconnected', () => {
    const { docA, docB, storeA, storeB, unlink } = pair()
    unlink()
    storeA.put([geoShape('a1', 'A'), geoShape('both', 'from A', 10)])
    storeB.put([geoShape('b1', 'B'), geoShape('both', 'from B', 20)])
    storeB.remove([geoShape('a1', '').id]) // not there yet on B: a no-op
    expect(storeA.get(geoShape('b1', '').id)).toBeUndefined()
    exchange(docA, docB)
    expect(documentRecords(storeA)).toEqual(documentRecords(storeB))
    expect(storeA.get(geoShape('b1', '').id)).toBeDefined()
    expect(storeB.get(geoShape('a1', '').id)).toBeDefined()
  })

  it('stops writing after dispose', () => {
    const { docA, bindingA, storeA } = pair()
    bindingA.dispose()
    storeA.put([geoShape('late', 'x')])
    expect(recordsOf(docA).has(geoShape('late', '').id)).toBe(false)
  })
})

describe('schema versions', () => {
  const mine = newStore().schema.serialize()

  function boardWith(schema: unknown, records: unknown[]): Y.Doc {
    const doc = new Y.Doc()
    const kv = recordsOf(doc)
    doc.transact(() => {
      for (const r of records) kv.set((r as { id: string }).id, r)
      boardMeta(doc).set(MetaKey.tldrawSchema, schema)
      boardMeta(doc).set(MetaKey.layoutVersion, BOARD_LAYOUT_VERSION)
    }, REMOTE)
    return doc
  }

  it('does not touch a board written with a newer schema', () => {
    const newer = { ...mine, sequences: { ...mine.sequences, 'com.tldraw.shape.geo': 99 } }
    const doc = boardWith(newer, [geoShape('s', 'x')])
    const before = Y.encodeStateVector(doc)
    const store = newStore()
    expect(bindStoreToDoc(store, doc).kind).toBe('stored-newer')
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(store.get(geoShape('s', '').id)).toBeUndefined()
  })

  it('treats an unknown migration sequence or a newer layout as newer', () => {
    const unknownSequence = { ...mine, sequences: { ...mine.sequences, 'com.example.future': 1 } }
    expect(bindStoreToDoc(newStore(), boardWith(unknownSequence, [])).kind).toBe('stored-newer')
    const doc = boardWith(mine, [])
    boardMeta(doc).set(MetaKey.layoutVersion, BOARD_LAYOUT_VERSION + 1)
    expect(bindStoreToDoc(newStore(), doc).kind).toBe('stored-newer')
  })

  it('migrates a board written with an older schema and writes the result back', () => {
    const older = { ...mine, sequences: { ...mine.sequences, 'com.tldraw.shape.geo': 9, 'com.tldraw.document': 1 } }
    const { richText: _richText, ...oldProps } = geoShape('s', '').props
    const oldShape = { ...geoShape('s', ''), props: { ...oldProps, text: 'Altbestand' } }
    const oldDocument = { id: 'document:document', typeName: 'document', gridSize: 10, name: 'Alt' } // before AddMeta
    const doc = boardWith(older, [oldShape, oldDocument])

    const store = newStore()
    bound(bindStoreToDoc(store, doc))

    const migrated = store.get(oldShape.id) as TLGeoShape
    expect(migrated.props.richText).toEqual(toRichText('Altbestand'))
    expect('text' in migrated.props).toBe(false)
    expect(store.get('document:document' as TLRecord['id'])).toMatchObject({ name: 'Alt', meta: {} })
    const stored = recordsOf(doc).get(oldShape.id) as TLGeoShape
    expect(stored.props.richText).toEqual(toRichText('Altbestand'))
    expect(boardMeta(doc).get(MetaKey.tldrawSchema)).toEqual(mine)
  })

  it('stops when a newer client takes over the board while bound', () => {
    const { docA, storeB } = pair()
    const onStoredNewer = vi.fn()
    const storeC = newStore()
    const docC = new Y.Doc()
    link(docC, docA)
    exchange(docC, docA)
    bound(bindStoreToDoc(storeC, docC, { onStoredNewer }))
    const newer = { ...mine, sequences: { ...mine.sequences, 'com.tldraw.shape.geo': 99 } }
    docA.transact(() => boardMeta(docA).set(MetaKey.tldrawSchema, newer))
    expect(onStoredNewer).toHaveBeenCalledTimes(1)
    storeC.put([geoShape('after', 'x')])
    expect(recordsOf(docC).has(geoShape('after', '').id)).toBe(false)
    expect(storeB.get(geoShape('after', '').id)).toBeUndefined()
  })
})
