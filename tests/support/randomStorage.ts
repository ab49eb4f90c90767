/**
 * The real SQLite storage behind random latency, as a database across a
 * network would answer. With SQLite on a local disk a document loads before
 * the first message of a connection can arrive, so the paths that only run
 * while a document is still loading (messages held back until it is loaded,
 * a room emptied and unloaded while loading, a newcomer arriving while the
 * previous copy is still being written) never run. Here they do.
 */
import { SqliteStorage } from '@werkraum/server'
import type { DocStorage, StoredDocument } from '@werkraum/server'
import type { Random } from './random.ts'
import { startTestServer } from './server.ts'
import type { TestServer } from './server.ts'

export class RandomLatencyStorage implements DocStorage {
  readonly kind: string

  constructor(
    private readonly inner: DocStorage,
    /** Its own generator: delays are drawn at moments that depend on timing, and must not shift the test's other choices. */
    private readonly rng: Random,
    private readonly maxDelayMs: number,
  ) {
    this.kind = `${inner.kind}+latency`
  }

  private delay(): Promise<void> {
    const ms = this.rng.int(this.maxDelayMs + 1)
    return ms === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))
  }

  async load(doc: string): Promise<StoredDocument> {
    // Latency on the way there and back: the answer is what storage held when the read ran.
    await this.delay()
    const stored = await this.inner.load(doc)
    await this.delay()
    return stored
  }

  async appendBatch(batch: ReadonlyMap<string, readonly Uint8Array[]>): Promise<void> {
    await this.delay()
    await this.inner.appendBatch(batch)
    await this.delay()
  }

  async replace(doc: string, snapshot: Uint8Array): Promise<void> {
    await this.delay()
    await this.inner.replace(doc, snapshot)
    await this.delay()
  }

  delete(doc: string): Promise<void> {
    return this.inner.delete(doc)
  }

  list(): Promise<string[]> {
    return this.inner.list()
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}

/** Like `startTestServer`, with SQLite in `dataDir` behind random latency of up to `maxDelayMs` per call and direction. */
export function startLatencyServer(env: Record<string, string>, dataDir: string, rng: Random, maxDelayMs: number): Promise<TestServer> {
  return startTestServer(env, dataDir, new RandomLatencyStorage(new SqliteStorage({ dataDir }), rng, maxDelayMs))
}
