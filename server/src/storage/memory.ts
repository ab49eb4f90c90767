import type { DocStorage, StoredDocument } from './types.ts'

/**
 * Keeps documents in process memory. For tests of the room logic and as the
 * reference the contract suite is written against; nothing survives a restart.
 */
export class MemoryStorage implements DocStorage {
  readonly kind = 'memory'
  private readonly docs = new Map<string, { snapshot: Uint8Array | null; updates: Uint8Array[] }>()
  private closed = false

  async load(doc: string): Promise<StoredDocument> {
    this.assertOpen()
    const entry = this.docs.get(doc)
    if (!entry) return { snapshot: null, updates: [] }
    return { snapshot: entry.snapshot && entry.snapshot.slice(), updates: entry.updates.map((u) => u.slice()) }
  }

  async appendBatch(batch: ReadonlyMap<string, readonly Uint8Array[]>): Promise<void> {
    this.assertOpen()
    for (const [doc, updates] of batch) {
      const entry = this.docs.get(doc) ?? { snapshot: null, updates: [] }
      for (const update of updates) entry.updates.push(update.slice())
      this.docs.set(doc, entry)
    }
  }

  async replace(doc: string, snapshot: Uint8Array): Promise<void> {
    this.assertOpen()
    this.docs.set(doc, { snapshot: snapshot.slice(), updates: [] })
  }

  async delete(doc: string): Promise<void> {
    this.assertOpen()
    this.docs.delete(doc)
  }

  async list(): Promise<string[]> {
    this.assertOpen()
    return [...this.docs.keys()].sort()
  }

  async close(): Promise<void> {
    this.closed = true
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('storage is closed')
  }
}
