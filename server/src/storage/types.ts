/**
 * The one interface every storage backend implements. The embedded default is
 * SQLite; PostgreSQL (or anything else) must pass the same contract suite
 * (`contract.ts`).
 *
 * A document is stored as an optional snapshot (a full Yjs update) followed by
 * an append-only log of Yjs updates. Applying the snapshot and then the log in
 * order restores the document exactly. Callers serialise writes per document
 * (see `Persistence`), so a backend needs no locking of its own beyond making
 * each call atomic.
 */
export interface StoredDocument {
  /** Full state written by the last compaction, or null if never compacted. */
  readonly snapshot: Uint8Array | null
  /** Updates appended since the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[]
}

export interface DocStorage {
  /** Short name for logs and metrics, e.g. "sqlite". */
  readonly kind: string
  /** Everything stored for a document; an unknown document loads as empty. */
  load(doc: string): Promise<StoredDocument>
  /** Appends updates to several documents' logs in one atomic write (one group commit). */
  appendBatch(batch: ReadonlyMap<string, readonly Uint8Array[]>): Promise<void>
  /** Atomically replaces a document's snapshot and empties its log (compaction). */
  replace(doc: string, snapshot: Uint8Array): Promise<void>
  /** Removes a document and everything stored for it. */
  delete(doc: string): Promise<void>
  /** Names of all stored documents, sorted. */
  list(): Promise<string[]>
  /** Releases the backend; no call may follow. */
  close(): Promise<void>
}
