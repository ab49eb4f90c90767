import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardRecords, boardSlug, compareSchemas } from './board.ts'

/** A record shaped like a tldraw geo shape, so sizes are realistic. */
function shape(id: string, x: number, y: number): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 200, h: 120, geo: 'rectangle', color: 'black', fill: 'none', dash: 'draw', size: 'm', font: 'draw', text: 'Idee: Bürgerbus', align: 'middle', verticalAlign: 'middle', growY: 0, url: '', labelColor: 'black', scale: 1 },
  }
}

function contentBytes(doc: Y.Doc): number {
  return new TextEncoder().encode(JSON.stringify(doc.getArray('tl_records').toJSON())).byteLength
}

describe('board document growth', () => {
  it('stays within a small multiple of its content after 10,000 moves of one shape', () => {
    const doc = new Y.Doc()
    const records = boardRecords(doc)
    for (let i = 0; i < 20; i++) records.set(`shape:${i}`, shape(`shape:${i}`, i * 10, 0))
    for (let move = 0; move < 10_000; move++) records.set('shape:0', shape('shape:0', move, move * 2))
    const encoded = Y.encodeStateAsUpdate(doc).byteLength
    const content = contentBytes(doc)
    console.log(`board growth: ${encoded} bytes encoded for ${content} bytes of content after 10,000 moves (${(encoded / content).toFixed(2)}x)`)
    expect(records.get('shape:0')).toMatchObject({ x: 9999, y: 19998 })
    expect(encoded).toBeLessThan(3 * content)
  })

  it('stays small when several people take turns moving shapes', () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    docs.forEach((doc, i) =>
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== 'net') docs.forEach((other, j) => j !== i && Y.applyUpdate(other, u, 'net'))
      }),
    )
    const stores = docs.map((d) => boardRecords(d))
    for (let i = 0; i < 30; i++) stores[0]!.set(`shape:${i}`, shape(`shape:${i}`, 0, 0))
    // Each person drags their own shape for a while (one drag = a burst of moves), then the next.
    for (let move = 0; move < 10_000; move++) {
      const who = Math.floor(move / 50) % 3
      stores[who]!.set(`shape:${who}`, shape(`shape:${who}`, move, move))
    }
    expect(stores[2]!.get('shape:0')).toMatchObject({ x: 9_949 })
    expect(Y.encodeStateAsUpdate(docs[0]!).byteLength).toBeLessThan(3 * contentBytes(docs[0]!))
    expect(Y.encodeStateAsUpdate(docs[1]!)).toEqual(Y.encodeStateAsUpdate(docs[0]!))
  })

  it('stays small when one drag moves many shapes at once, unlike a plain Y.Map', () => {
    const doc = new Y.Doc()
    const records = boardRecords(doc)
    const map = new Y.Doc().getMap('records')
    for (let move = 0; move < 2_000; move++) {
      doc.transact(() => {
        for (let k = 0; k < 5; k++) records.set(`shape:${k}`, shape(`shape:${k}`, move, move))
      })
      map.doc!.transact(() => {
        for (let k = 0; k < 5; k++) map.set(`shape:${k}`, shape(`shape:${k}`, move, move))
      })
    }
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(3 * contentBytes(doc))
    // A Y.Map keeps one tombstone per overwritten value here, and they cannot merge.
    const mapContent = new TextEncoder().encode(JSON.stringify(map.toJSON())).byteLength
    expect(Y.encodeStateAsUpdate(map.doc!).byteLength).toBeGreaterThan(10 * mapContent)
  })
})

describe('compareSchemas', () => {
  const mine = { schemaVersion: 2 as const, sequences: { 'com.tldraw.shape': 4, 'com.tldraw.store': 4 } }
  it('tells same, older, newer and unknown apart', () => {
    expect(compareSchemas(mine, mine)).toBe('same')
    expect(compareSchemas({ schemaVersion: 2, sequences: { 'com.tldraw.shape': 3, 'com.tldraw.store': 4 } }, mine)).toBe('stored-older')
    expect(compareSchemas({ schemaVersion: 2, sequences: { 'com.tldraw.shape': 4 } }, mine)).toBe('stored-older')
    expect(compareSchemas({ schemaVersion: 2, sequences: { 'com.tldraw.shape': 5, 'com.tldraw.store': 4 } }, mine)).toBe('stored-newer')
    expect(compareSchemas({ schemaVersion: 2, sequences: { ...mine.sequences, 'com.example.new': 1 } }, mine)).toBe('stored-newer')
    expect(compareSchemas(undefined, mine)).toBe('unknown')
    expect(compareSchemas({ schemaVersion: 1, storeVersion: 4 }, mine)).toBe('unknown')
  })
})

describe('boardSlug', () => {
  it('turns typed names into safe board names', () => {
    expect(boardSlug('Ideen für den Marktplatz')).toBe('ideen-fuer-den-marktplatz')
    expect(boardSlug('  Straße 2030!  ')).toBe('strasse-2030')
    expect(boardSlug('Café Ökologie')).toBe('cafe-oekologie')
    expect(boardSlug('../../etc/passwd')).toBe('etc-passwd')
    expect(boardSlug('!!!')).toBe('')
    expect(boardSlug('Release v1.2_final')).toBe('release-v1-2-final')
    expect(boardSlug('x'.repeat(500)).length).toBeLessThanOrEqual(122)
  })
})
