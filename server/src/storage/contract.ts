/**
 * The contract every storage backend must pass. Each backend's test file calls
 * `describeStorageContract` with a factory; the suite only uses the public
 * `DocStorage` interface and real Yjs documents.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocStorage } from './types.ts'

export interface StorageHarness {
  /** A fresh, empty backend. */
  open(): Promise<DocStorage>
  /** The same backend again over the same data, as after a restart; undefined for backends that keep nothing. */
  reopen?: () => Promise<DocStorage>
  /** Removes whatever the harness created. */
  cleanup?: () => Promise<void>
}

function restore(stored: { snapshot: Uint8Array | null; updates: readonly Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

function editsOf(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  return updates
}

export function describeStorageContract(name: string, makeHarness: () => StorageHarness): void {
  describe(`storage contract: ${name}`, () => {
    let harness: StorageHarness
    const opened: DocStorage[] = []
    async function open(): Promise<DocStorage> {
      harness = makeHarness()
      const storage = await harness.open()
      opened.push(storage)
      return storage
    }

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined)
      await harness?.cleanup?.()
    })

    it('loads an unknown document as empty', async () => {
      const storage = await open()
      const stored = await storage.load('nothing-here')
      expect(stored.snapshot).toBeNull()
      expect(stored.updates).toHaveLength(0)
      expect(await storage.list()).toEqual([])
    })

    it('returns appended updates in order and restores the document exactly', async () => {
      const storage = await open()
      const source = new Y.Doc()
      const updates = editsOf(source)
      const text = source.getText('t')
      text.insert(0, 'Hallo')
      text.insert(5, ' Welt')
      text.delete(0, 1)
      text.insert(0, 'h')
      await storage.appendBatch(new Map([['a', updates.slice(0, 2)]]))
      await storage.appendBatch(new Map([['a', updates.slice(2)]]))
      const stored = await storage.load('a')
      expect(stored.updates).toHaveLength(4)
      expect(restore(stored).getText('t').toString()).toBe('hallo Welt')
    })

    it('keeps documents apart within one batch', async () => {
      const storage = await open()
      const a = new Y.Doc()
      const b = new Y.Doc()
      const ua = editsOf(a)
      const ub = editsOf(b)
      a.getMap('m').set('k', 'a')
      b.getMap('m').set('k', 'b')
      await storage.appendBatch(new Map([['doc-a', ua], ['doc-b', ub]]))
      expect(restore(await storage.load('doc-a')).getMap('m').get('k')).toBe('a')
      expect(restore(await storage.load('doc-b')).getMap('m').get('k')).toBe('b')
      expect(await storage.list()).toEqual(['doc-a', 'doc-b'])
    })

    it('replace() swaps the log for a snapshot and later appends follow it', async () => {
      const storage = await open()
      const source = new Y.Doc()
      const updates = editsOf(source)
      for (let i = 0; i < 20; i++) source.getArray('list').push([i])
      await storage.appendBatch(new Map([['c', updates.splice(0)]]))
      await storage.replace('c', Y.encodeStateAsUpdate(source))
      let stored = await storage.load('c')
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toHaveLength(0)
      source.getArray('list').push([20])
      await storage.appendBatch(new Map([['c', updates.splice(0)]]))
      stored = await storage.load('c')
      expect(stored.updates).toHaveLength(1)
      expect(restore(stored).getArray('list').toArray()).toEqual([...Array(21).keys()])
    })

    it('stores bytes unchanged, including empty and large updates', async () => {
      const storage = await open()
      const big = new Uint8Array(2 * 1024 * 1024)
      for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff
      const empty = new Uint8Array(0)
      await storage.appendBatch(new Map([['bytes', [big, empty]]]))
      const stored = await storage.load('bytes')
      expect(stored.updates).toHaveLength(2)
      expect(Buffer.from(stored.updates[0]!).equals(Buffer.from(big))).toBe(true)
      expect(stored.updates[1]!.byteLength).toBe(0)
    })

    it('is not affected when the caller reuses the buffers it passed in', async () => {
      const storage = await open()
      const bytes = new Uint8Array([1, 2, 3])
      await storage.appendBatch(new Map([['reuse', [bytes]]]))
      bytes[0] = 9
      const stored = await storage.load('reuse')
      expect([...stored.updates[0]!]).toEqual([1, 2, 3])
    })

    it('delete() removes the document and nothing else', async () => {
      const storage = await open()
      await storage.appendBatch(new Map([['keep', [new Uint8Array([1])]], ['drop', [new Uint8Array([2])]]]))
      await storage.replace('drop', new Uint8Array([3]))
      await storage.delete('drop')
      expect(await storage.list()).toEqual(['keep'])
      const dropped = await storage.load('drop')
      expect(dropped.snapshot).toBeNull()
      expect(dropped.updates).toHaveLength(0)
      expect((await storage.load('keep')).updates).toHaveLength(1)
    })

    it('survives a reopen with everything in place', async () => {
      const storage = await open()
      if (!harness.reopen) return
      const source = new Y.Doc()
      const updates = editsOf(source)
      source.getText('t').insert(0, 'Maßnahmenkatalog')
      await storage.replace('persist', Y.encodeStateAsUpdate(source))
      source.getText('t').insert(0, '» ')
      await storage.appendBatch(new Map([['persist', updates.slice(-1)]]))
      await storage.close()
      const again = await harness.reopen()
      opened.push(again)
      expect(restore(await again.load('persist')).getText('t').toString()).toBe('» Maßnahmenkatalog')
    })
  })
}
