/**
 * Binds a tldraw store to a board's Yjs document, both ways:
 *
 * - local user edits (store `listen`, source 'user', scope 'document') are
 *   written into the records `YKeyValue` in one `doc.transact` per flush;
 * - changes that arrive in the document from elsewhere (server, IndexedDB)
 *   are applied with `store.mergeRemoteChanges`, so they are marked remote and
 *   never enter the local undo stack.
 *
 * Call `bindStoreToDoc` only once the document holds the board's state (after
 * the first sync), otherwise an empty board would be seeded on top of one that
 * is still on its way.
 */
import type { SerializedSchema } from '@werkraum/shared'
import { boardMeta } from '@werkraum/shared'
import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { boardSchemaRelation, migrateRecords, storedSchema, writeBoardSchema } from './boardSchema.ts'
import { candidateRecord, candidateRecords, isDocumentRecordType, recordsOf, validRecord } from './records.ts'

/** Transaction origin of everything this binding writes, so its own changes are not applied twice. */
export const STORE_BINDING_ORIGIN = { name: 'werkraum-store-binding' } as const

export interface StoreBinding {
  dispose(): void
}

export type BindOutcome =
  | { readonly kind: 'bound'; readonly binding: StoreBinding }
  | { readonly kind: 'stored-newer' }
  | { readonly kind: 'migration-failed'; readonly reason: string }

export interface BindOptions {
  /** Called (once) when a newer client takes over the board while we are bound; the binding has already stopped. */
  readonly onStoredNewer?: () => void
}

type KV = ReturnType<typeof recordsOf>

export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindOptions = {}): BindOutcome {
  const mine = store.schema.serialize() as SerializedSchema
  const kv = recordsOf(doc)
  const relation = boardSchemaRelation(doc, mine)
  let records = candidateRecords(store, kv)

  switch (relation) {
    case 'stored-newer':
      return { kind: 'stored-newer' }
    case 'stored-older': {
      const from = storedSchema(doc)
      if (from === undefined) return { kind: 'migration-failed', reason: 'stored schema unreadable' }
      const migrated = migrateRecords(store, records, from)
      if (!migrated.ok) return { kind: 'migration-failed', reason: migrated.reason }
      records = migrated.records
      doc.transact(() => {
        for (const record of records) kv.set(record.id, record)
        writeBoardSchema(doc, mine)
      }, STORE_BINDING_ORIGIN)
      break
    }
    case 'unknown':
    case 'same':
      break
    default: {
      const unreachable: never = relation
      throw new Error(`unexpected schema relation ${String(unreachable)}`)
    }
  }

  const valid = records.flatMap((record) => validRecord(store, record) ?? [])
  store.mergeRemoteChanges(() => {
    const keep = new Set(valid.map((record) => record.id))
    const stale = store.allRecords().filter((r) => isDocumentRecordType(store, r.typeName) && !keep.has(r.id))
    if (stale.length > 0) store.remove(stale.map((r) => r.id))
    if (valid.length > 0) store.put(valid)
  })
  // mergeRemoteChanges has run tldraw's integrity check: an empty board now has
  // tldraw's default document and page. Their ids are fixed ('document:document',
  // 'page:page'), so two people opening a new board at once write the same records.
  seedMissing(store, doc, kv, mine)

  return { kind: 'bound', binding: listen(store, doc, kv, mine, options) }
}

/** Writes every document record the store has and the board lacks, plus our schema if none is stored. */
function seedMissing(store: TLStore, doc: Y.Doc, kv: KV, mine: SerializedSchema): void {
  const missing = store.allRecords().filter((r) => isDocumentRecordType(store, r.typeName) && !kv.has(r.id))
  const needsSchema = boardSchemaRelation(doc, mine) !== 'same'
  if (missing.length === 0 && !needsSchema) return
  doc.transact(() => {
    for (const record of missing) kv.set(record.id, record)
    if (needsSchema) writeBoardSchema(doc, mine)
  }, STORE_BINDING_ORIGIN)
}

function listen(store: TLStore, doc: Y.Doc, kv: KV, mine: SerializedSchema, options: BindOptions): StoreBinding {
  let disposed = false

  const stopStoreListener = store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const record of Object.values(changes.added)) kv.set(record.id, record)
        for (const [, record] of Object.values(changes.updated)) kv.set(record.id, record)
        for (const record of Object.values(changes.removed)) kv.delete(record.id)
      }, STORE_BINDING_ORIGIN)
    },
    { source: 'user', scope: 'document' },
  )

  const onRecordsChange = (changes: Map<string, { action: string; newValue?: unknown }>, tr: Y.Transaction): void => {
    if (tr.origin === STORE_BINDING_ORIGIN) return
    const toPut: TLRecord[] = []
    const toRemove: TLRecord['id'][] = []
    for (const [key, change] of changes) {
      if (change.action === 'delete') {
        const existing = store.get(key as TLRecord['id'])
        if (existing !== undefined && isDocumentRecordType(store, existing.typeName)) toRemove.push(existing.id)
        continue
      }
      const candidate = candidateRecord(store, key, change.newValue)
      const record = candidate === undefined ? undefined : validRecord(store, candidate)
      if (record !== undefined) toPut.push(record)
    }
    if (toPut.length === 0 && toRemove.length === 0) return
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove)
      if (toPut.length > 0) store.put(toPut)
    })
  }
  kv.on('change', onRecordsChange)

  // Another client may write its schema while we are bound: a newer one means
  // it may write records we cannot validate, so we stop; an older one (two
  // versions seeding a new board at once) is overwritten with ours, because the
  // records in the board are already in our format.
  const meta = boardMeta(doc)
  const onMetaChange = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.origin === STORE_BINDING_ORIGIN) return
    const relation = boardSchemaRelation(doc, mine)
    if (relation === 'stored-newer') {
      dispose()
      options.onStoredNewer?.()
    } else if (relation === 'stored-older' || relation === 'unknown') {
      doc.transact(() => writeBoardSchema(doc, mine), STORE_BINDING_ORIGIN)
    }
  }
  meta.observe(onMetaChange)

  function dispose(): void {
    if (disposed) return
    disposed = true
    stopStoreListener()
    kv.off('change', onRecordsChange)
    meta.unobserve(onMetaChange)
  }
  return { dispose }
}
