/**
 * Which tldraw schema a board was written with, and bringing old boards up to
 * date. The meta map of the board document holds the writer's
 * `store.schema.serialize()` and Werkraum's layout version (shared/board.ts).
 */
import {
  BOARD_LAYOUT_VERSION,
  MetaKey,
  boardMeta,
  compareSchemas,
  isSerializedSchema,
  type SchemaRelation,
  type SerializedSchema,
} from '@werkraum/shared'
import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'

/** How the board in `doc` relates to this client. A newer Werkraum layout counts as a newer schema. */
export function boardSchemaRelation(doc: Y.Doc, mine: SerializedSchema): SchemaRelation {
  const meta = boardMeta(doc)
  const layout = meta.get(MetaKey.layoutVersion)
  if (typeof layout === 'number' && layout > BOARD_LAYOUT_VERSION) return 'stored-newer'
  return compareSchemas(meta.get(MetaKey.tldrawSchema), mine)
}

/** The stored schema, if the meta map holds a valid one. */
export function storedSchema(doc: Y.Doc): SerializedSchema | undefined {
  const stored = boardMeta(doc).get(MetaKey.tldrawSchema)
  return isSerializedSchema(stored) ? stored : undefined
}

/** Records the schema this client writes with. Call inside the transaction that writes the records. */
export function writeBoardSchema(doc: Y.Doc, mine: SerializedSchema): void {
  const meta = boardMeta(doc)
  meta.set(MetaKey.tldrawSchema, mine)
  if (meta.get(MetaKey.layoutVersion) !== BOARD_LAYOUT_VERSION) meta.set(MetaKey.layoutVersion, BOARD_LAYOUT_VERSION)
}

export type MigrationOutcome =
  | { readonly ok: true; readonly records: TLRecord[] }
  | { readonly ok: false; readonly reason: string }

/**
 * Runs tldraw's own migrations over every record of a board written with an
 * older schema (`migrateStoreSnapshot` applies each record type's sequence
 * from the stored version up to ours).
 */
export function migrateRecords(store: TLStore, records: readonly TLRecord[], from: SerializedSchema): MigrationOutcome {
  const snapshot = Object.fromEntries(records.map((record) => [record.id, record])) as Record<TLRecord['id'], TLRecord>
  const result = store.schema.migrateStoreSnapshot({ store: snapshot, schema: from })
  if (result.type === 'error') return { ok: false, reason: String(result.reason) }
  return { ok: true, records: Object.values(result.value) }
}
