import type pg from 'pg'
import type { DocStorage, StoredDocument } from './types.ts'

export interface PostgresStorageOptions {
  /** e.g. `postgres://user@127.0.0.1:5432/werkraum` */
  readonly connectionString: string
  /** Schema for Werkraum's tables; created if missing. Lets several instances (or tests) share one database. */
  readonly schema?: string
  /** Connections in the pool. */
  readonly poolSize?: number
}

/**
 * PostgreSQL backend, for deployments that outgrow one machine's SQLite file.
 * Same layout as SQLite: a documents table with the snapshot and an
 * append-only updates table; the same contract suite.
 */
export class PostgresStorage implements DocStorage {
  readonly kind = 'postgres'

  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  static async connect(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const schema = options.schema ?? 'werkraum'
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`)
    // Loaded here, not at the top: a server on the embedded default never pays for the driver.
    const { default: driver } = await import('pg')
    const pool = new driver.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      // A database that hangs must not stall every room's writes forever.
      connectionTimeoutMillis: 5000,
      query_timeout: 15_000,
    })
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined)
    try {
      await pool.query(`
        CREATE SCHEMA IF NOT EXISTS ${schema};
        CREATE TABLE IF NOT EXISTS ${schema}.documents (
          name TEXT PRIMARY KEY,
          snapshot BYTEA,
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS ${schema}.updates (
          seq BIGSERIAL PRIMARY KEY,
          doc TEXT NOT NULL REFERENCES ${schema}.documents(name) ON DELETE CASCADE,
          data BYTEA NOT NULL
        );
        CREATE INDEX IF NOT EXISTS updates_by_doc ON ${schema}.updates(doc, seq);
      `)
    } catch (error) {
      await pool.end()
      throw error
    }
    return new PostgresStorage(pool, schema)
  }

  async load(doc: string): Promise<StoredDocument> {
    const client = await this.pool.connect()
    try {
      // One snapshot of the database for both reads, so a concurrent compaction cannot fall between them.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const snap = await client.query<{ snapshot: Buffer | null }>(`SELECT snapshot FROM ${this.schema}.documents WHERE name = $1`, [doc])
      const rows = await client.query<{ data: Buffer }>(`SELECT data FROM ${this.schema}.updates WHERE doc = $1 ORDER BY seq`, [doc])
      await client.query('COMMIT')
      const snapshot = snap.rows[0]?.snapshot ?? null
      return { snapshot: snapshot ? toBytes(snapshot) : null, updates: rows.rows.map((r) => toBytes(r.data)) }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  async appendBatch(batch: ReadonlyMap<string, readonly Uint8Array[]>): Promise<void> {
    if (batch.size === 0) return
    await this.transaction(async (client) => {
      for (const [doc, updates] of batch) {
        await client.query(
          `INSERT INTO ${this.schema}.documents (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET updated_at = now()`,
          [doc],
        )
        if (updates.length === 0) continue
        await client.query(`INSERT INTO ${this.schema}.updates (doc, data) SELECT $1, unnest($2::bytea[])`, [
          doc,
          updates.map((u) => Buffer.from(u)),
        ])
      }
    })
  }

  async replace(doc: string, snapshot: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO ${this.schema}.documents (name, snapshot) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET snapshot = excluded.snapshot, updated_at = now()`,
        [doc, Buffer.from(snapshot)],
      )
      await client.query(`DELETE FROM ${this.schema}.updates WHERE doc = $1`, [doc])
    })
  }

  async delete(doc: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.schema}.documents WHERE name = $1`, [doc])
  }

  async list(): Promise<string[]> {
    const result = await this.pool.query<{ name: string }>(`SELECT name FROM ${this.schema}.documents ORDER BY name COLLATE "C"`)
    return result.rows.map((r) => r.name)
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end()
  }

  /** Drops the schema and everything in it (used by tests). */
  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`)
  }

  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      await work(client)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
