import * as Y from 'yjs'
import type { Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { DocStorage } from './storage/types.ts'

/** Pause before a failed write is tried again. */
export const RETRY_AFTER_FAILURE_MS = 1000

export interface PersistenceOptions {
  /** Longest an accepted update waits before it is written. */
  readonly commitWindowMs: number
  /** Compact a document's log into a snapshot once it holds this many rows. */
  readonly compactAfterUpdates: number
}

/**
 * Sits between the rooms and a `DocStorage`: updates are fanned out by the room
 * first and handed here afterwards, so durability never adds latency to the
 * room. Everything handed in within one commit window is written in one
 * transaction (one row per document, the window's updates merged).
 *
 * All storage writes go through one queue, which keeps them ordered: a
 * compaction can never overtake an append of the same document, so the
 * snapshot it writes always covers every row it deletes.
 */
export class Persistence {
  private pending = new Map<string, Uint8Array[]>()
  private timer: NodeJS.Timeout | undefined
  private queue: Promise<void> = Promise.resolve()
  /** Rows in each loaded document's log, to decide when to compact. */
  private readonly logRows = new Map<string, number>()
  private failed: unknown
  private closed = false

  constructor(
    readonly storage: DocStorage,
    private readonly options: PersistenceOptions,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    /** Called after a commit when a document's log has grown past the bound. */
    private readonly onLogFull: (doc: string) => void,
  ) {}

  /** Loads a document's stored state into `doc`. */
  async load(name: string, doc: Y.Doc): Promise<void> {
    await this.queue // never read around a write that is already under way
    const stored = await this.storage.load(name)
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      // Updates whose write failed wait for a retry outside the queue; a document
      // reopened meanwhile must hold them too, or its next compaction would drop them.
      for (const update of this.pending.get(name) ?? []) Y.applyUpdate(doc, update)
    }, this)
    this.logRows.set(name, stored.updates.length)
  }

  /** True when a document's stored log has reached the bound and should be compacted. */
  logIsFull(doc: string): boolean {
    return (this.logRows.get(doc) ?? 0) >= this.options.compactAfterUpdates
  }

  /** Queues an update; it is written within the commit window. */
  enqueue(doc: string, update: Uint8Array): void {
    let list = this.pending.get(doc)
    if (!list) this.pending.set(doc, (list = []))
    list.push(update)
    this.timer ??= setTimeout(() => void this.commit(), this.options.commitWindowMs)
  }

  /** Documents with updates waiting to be written. */
  pendingDocuments(): string[] {
    return [...this.pending.keys()]
  }

  /** True while updates of this document wait for the next commit. */
  hasPending(doc: string): boolean {
    return this.pending.has(doc)
  }

  /** Writes everything queued now, and resolves when it (and every earlier write) is on disk. */
  commit(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.pending.size === 0) return this.queue
    const batch = new Map<string, readonly Uint8Array[]>()
    for (const [doc, updates] of this.pending) {
      // One row per document per window keeps the log short and reads fast.
      batch.set(doc, [updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)])
    }
    this.pending = new Map()
    return this.enqueueWrite(
      'commit',
      async () => {
        await this.storage.appendBatch(batch)
        for (const doc of batch.keys()) {
          // Only documents that are loaded are counted; an unloaded one was compacted and forgotten.
          const rows = this.logRows.get(doc)
          if (rows === undefined) continue
          this.logRows.set(doc, rows + 1)
          if (rows + 1 >= this.options.compactAfterUpdates) this.onLogFull(doc)
        }
      },
      () => {
        for (const [doc, updates] of batch) this.requeue(doc, updates)
      },
    )
  }

  /**
   * Replaces the document's log with a snapshot of `doc`. The snapshot is taken
   * now, so it contains every update queued so far; those are dropped from the
   * queue instead of being written separately.
   */
  compact(name: string, doc: Y.Doc): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(doc)
    this.pending.delete(name)
    this.metrics.compactions.inc()
    return this.enqueueWrite(
      'compact',
      async () => {
        await this.storage.replace(name, snapshot)
        // Counted as empty only once it is; a document unloaded meanwhile stays forgotten.
        if (this.logRows.has(name)) this.logRows.set(name, 0)
      },
      // The queued updates it swallowed must not be lost: a snapshot is a valid update, so append it instead.
      () => this.requeue(name, [snapshot]),
    )
  }

  /** Deletes a document from storage, after every write already queued; nothing queued for it is written any more. */
  delete(name: string): Promise<void> {
    this.pending.delete(name)
    this.logRows.delete(name)
    return this.enqueueWrite('delete', () => this.storage.delete(name), () => undefined)
  }

  /** Forgets bookkeeping for a document that was unloaded. */
  forget(name: string): void {
    this.logRows.delete(name)
  }

  /**
   * Commits what is queued and waits for every write. Rejects if the last write
   * failed, so that a shutdown can tell an operator that something is unsaved.
   */
  async drain(): Promise<void> {
    await this.commit()
    await this.queue
    if (this.failed !== undefined) throw this.failed
  }

  /** Stops retrying; called once the storage is about to close. */
  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  /** The error of the last write if it failed (reported by /healthz); cleared by the next write that succeeds. */
  get lastError(): unknown {
    return this.failed
  }

  /** Puts updates whose write failed back in front of the queue and retries after a pause. */
  private requeue(doc: string, updates: readonly Uint8Array[]): void {
    this.pending.set(doc, [...updates, ...(this.pending.get(doc) ?? [])])
    if (!this.closed) this.timer ??= setTimeout(() => void this.commit(), RETRY_AFTER_FAILURE_MS)
  }

  private enqueueWrite(what: string, write: () => Promise<void>, onFailure: () => void): Promise<void> {
    const run = async (): Promise<void> => {
      const started = performance.now()
      try {
        await write()
      } catch (error) {
        // A failed write is logged, reported and retried, never thrown into a socket callback.
        this.failed = error
        this.log.error('persist.failed', { what, error })
        onFailure()
        return
      }
      this.failed = undefined
      this.metrics.persistSeconds.observe((performance.now() - started) / 1000)
    }
    this.queue = this.queue.then(run)
    return this.queue
  }
}
