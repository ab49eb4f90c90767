import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { DocStorage, StoredDocument } from './types.ts'

/** How hard SQLite syncs to disk. NORMAL survives a process crash (kill -9); FULL also survives power loss. */
export type SqliteSynchronous = 'NORMAL' | 'FULL'

export interface SqliteStorageOptions {
  /** Folder for `werkraum.db`; created if missing. */
  readonly dataDir: string
  readonly synchronous?: SqliteSynchronous
}

/**
 * The embedded default: one SQLite file in the data folder, WAL mode.
 *
 * better-sqlite3 is synchronous, so each call blocks the event loop for its
 * duration. That is why writes arrive here already grouped (one transaction per
 * commit window for all documents) and why the default is `synchronous=NORMAL`:
 * in WAL mode it fsyncs only at checkpoints, which keeps a commit well under a
 * millisecond while still surviving a crash of the process.
 */
export class SqliteStorage implements DocStorage {
  readonly kind = 'sqlite'
  private readonly db: Database.Database
  private readonly stmts

  constructor(options: SqliteStorageOptions) {
    mkdirSync(options.dataDir, { recursive: true })
    this.db = new Database(path.join(options.dataDir, 'werkraum.db'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
    this.db.pragma('foreign_keys = ON')
    // Deleted data (a deleted workshop's names and boards) is overwritten, not left in free pages.
    this.db.pragma('secure_delete = ON')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        name TEXT PRIMARY KEY,
        snapshot BLOB,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL REFERENCES documents(name) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(doc, seq);
    `)
    this.stmts = {
      snapshot: this.db.prepare<[string], { snapshot: Buffer | null }>('SELECT snapshot FROM documents WHERE name = ?'),
      updates: this.db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE doc = ? ORDER BY seq'),
      touch: this.db.prepare<[string, number]>(
        'INSERT INTO documents (name, snapshot, updated_at) VALUES (?, NULL, ?) ON CONFLICT(name) DO UPDATE SET updated_at = excluded.updated_at',
      ),
      append: this.db.prepare<[string, Buffer]>('INSERT INTO updates (doc, data) VALUES (?, ?)'),
      setSnapshot: this.db.prepare<[string, Buffer, number]>(
        'INSERT INTO documents (name, snapshot, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at',
      ),
      clearLog: this.db.prepare<[string]>('DELETE FROM updates WHERE doc = ?'),
      deleteDoc: this.db.prepare<[string]>('DELETE FROM documents WHERE name = ?'),
      list: this.db.prepare<[], { name: string }>('SELECT name FROM documents ORDER BY name'),
    }
  }

  /**
   * Moves everything from the write-ahead log into the database file and empties
   * the log, so that old versions of deleted data do not linger in it.
   */
  purge(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  /** The open database, for the workshop tables that live in the same file. */
  get database(): Database.Database {
    return this.db
  }

  async load(doc: string): Promise<StoredDocument> {
    const row = this.stmts.snapshot.get(doc)
    const updates = this.stmts.updates.all(doc).map((r) => toBytes(r.data))
    return { snapshot: row?.snapshot ? toBytes(row.snapshot) : null, updates }
  }

  private readonly appendTx = (batch: ReadonlyMap<string, readonly Uint8Array[]>): void => {
    const now = Date.now()
    for (const [doc, updates] of batch) {
      this.stmts.touch.run(doc, now)
      for (const update of updates) this.stmts.append.run(doc, toBuffer(update))
    }
  }

  async appendBatch(batch: ReadonlyMap<string, readonly Uint8Array[]>): Promise<void> {
    this.db.transaction(this.appendTx)(batch)
  }

  async replace(doc: string, snapshot: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.stmts.setSnapshot.run(doc, toBuffer(snapshot), Date.now())
      this.stmts.clearLog.run(doc)
    })()
  }

  async delete(doc: string): Promise<void> {
    this.db.transaction(() => {
      this.stmts.clearLog.run(doc)
      this.stmts.deleteDoc.run(doc)
    })()
  }

  async list(): Promise<string[]> {
    return this.stmts.list.all().map((r) => r.name)
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
