import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { silentLogger } from './log.ts'
import { Metrics } from './metrics.ts'
import { Persistence } from './persistence.ts'
import { MemoryStorage } from './storage/memory.ts'

function setup(compactAfterUpdates = 1000): { storage: MemoryStorage; persistence: Persistence; full: string[]; doc: Y.Doc; updates: Uint8Array[] } {
  const storage = new MemoryStorage()
  const full: string[] = []
  const persistence = new Persistence(storage, { commitWindowMs: 5, compactAfterUpdates }, new Metrics(), silentLogger, (d) => full.push(d))
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  return { storage, persistence, full, doc, updates }
}

describe('Persistence', () => {
  it('writes everything queued within a window as one row per document', async () => {
    const { storage, persistence, doc, updates } = setup()
    for (let i = 0; i < 50; i++) doc.getArray('a').push([i])
    for (const u of updates) persistence.enqueue('d', u)
    expect(persistence.hasPending('d')).toBe(true)
    await persistence.drain()
    const stored = await storage.load('d')
    expect(stored.updates).toHaveLength(1)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, stored.updates[0]!)
    expect(restored.getArray('a').length).toBe(50)
  })

  it('asks for compaction once the log reaches its bound, and a compaction covers queued updates', async () => {
    const { storage, persistence, full, doc, updates } = setup(3)
    await persistence.load('d', new Y.Doc())
    for (let i = 0; i < 3; i++) {
      doc.getArray('a').push([i])
      persistence.enqueue('d', updates.at(-1)!)
      await persistence.commit()
    }
    expect(full).toEqual(['d'])
    doc.getArray('a').push(['queued'])
    persistence.enqueue('d', updates.at(-1)!)
    await persistence.compact('d', doc)
    await persistence.drain()
    const stored = await storage.load('d')
    expect(stored.updates).toHaveLength(0)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, stored.snapshot!)
    expect(restored.getArray('a').toArray()).toEqual([0, 1, 2, 'queued'])
  })

  it('keeps updates whose write failed, retries them, and reports the failure until a write succeeds', async () => {
    const { storage, persistence, doc, updates } = setup()
    const append = storage.appendBatch.bind(storage)
    let failures = 1
    storage.appendBatch = async (batch) => {
      if (failures-- > 0) throw new Error('disk full')
      return append(batch)
    }
    doc.getArray('a').push([1])
    persistence.enqueue('d', updates[0]!)
    await expect(persistence.drain()).rejects.toThrow('disk full')
    expect(persistence.lastError).toBeInstanceOf(Error)
    doc.getArray('a').push([2])
    persistence.enqueue('d', updates[1]!)
    await persistence.drain()
    expect(persistence.lastError).toBeUndefined()
    const restored = new Y.Doc()
    for (const u of (await storage.load('d')).updates) Y.applyUpdate(restored, u)
    expect(restored.getArray('a').toArray()).toEqual([1, 2])
  })

  it('loses nothing when a document is reopened and compacted while its writes are failing', async () => {
    const { storage, persistence, doc, updates } = setup()
    const append = storage.appendBatch.bind(storage)
    let failing = true
    storage.appendBatch = async (batch) => {
      if (failing) throw new Error('disk full')
      return append(batch)
    }
    await persistence.load('d', new Y.Doc())
    doc.getArray('a').push(['A'])
    persistence.enqueue('d', updates[0]!)
    await persistence.commit()
    // Reopened during the outage: the failed edit must be there.
    const reopened = new Y.Doc()
    await persistence.load('d', reopened)
    expect(reopened.getArray('a').toArray()).toEqual(['A'])
    failing = false
    reopened.getArray('a').push(['B'])
    await persistence.compact('d', reopened)
    await persistence.drain()
    const restored = new Y.Doc()
    const stored = await storage.load('d')
    if (stored.snapshot) Y.applyUpdate(restored, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(restored, u)
    expect(restored.getArray('a').toArray()).toEqual(['A', 'B'])
  })

  it('appends the snapshot instead when a compaction fails, so the updates it covered are not lost', async () => {
    const { storage, persistence, doc, updates } = setup()
    await persistence.load('d', new Y.Doc())
    storage.replace = async () => {
      throw new Error('replace failed')
    }
    doc.getArray('a').push(['queued'])
    persistence.enqueue('d', updates[0]!)
    await persistence.compact('d', doc)
    await persistence.drain()
    const restored = new Y.Doc()
    for (const u of (await storage.load('d')).updates) Y.applyUpdate(restored, u)
    expect(restored.getArray('a').toArray()).toEqual(['queued'])
  })
})
