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

  it('reports a failed write without throwing into its caller', async () => {
    const { storage, persistence, doc, updates } = setup()
    await storage.close()
    doc.getArray('a').push([1])
    persistence.enqueue('d', updates[0]!)
    await expect(persistence.drain()).resolves.toBeUndefined()
    expect(persistence.lastError).toBeInstanceOf(Error)
  })
})
