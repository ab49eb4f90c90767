/**
 * Reading tldraw records out of the board document. What arrives through Yjs
 * was written by another browser and is untrusted: every record is checked
 * against tldraw's own validators before it reaches the store.
 */
import { boardRecords } from '@werkraum/shared'
import type { TLRecord, TLStore } from 'tldraw'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'

const recordsByDoc = new WeakMap<Y.Doc, YKeyValue<unknown>>()

/**
 * The one `YKeyValue` of a document. Each `YKeyValue` observes the array and
 * removes superseded entries; two of them on one document would both do that
 * cleanup, so every part of the client shares this instance.
 */
export function recordsOf(doc: Y.Doc): YKeyValue<unknown> {
  let kv = recordsByDoc.get(doc)
  if (kv === undefined) {
    kv = boardRecords<unknown>(doc)
    recordsByDoc.set(doc, kv)
  }
  return kv
}

/** True for record types that belong to the shared document (shapes, pages, assets, bindings, document). */
export function isDocumentRecordType(store: TLStore, typeName: string): boolean {
  return (store.scopedTypes.document as ReadonlySet<string>).has(typeName)
}

function looksLikeRecord(value: unknown): value is { id: string; typeName: string } {
  if (typeof value !== 'object' || value === null) return false
  const { id, typeName } = value as Record<string, unknown>
  return typeof id === 'string' && typeof typeName === 'string'
}

/** The record stored under `key`, if it has the right shape for that key and is a document record. Not yet validated. */
export function candidateRecord(store: TLStore, key: string, value: unknown): TLRecord | undefined {
  if (!looksLikeRecord(value) || value.id !== key) return undefined
  if (!isDocumentRecordType(store, value.typeName)) return undefined
  return value as TLRecord
}

/** Runs tldraw's validator; returns the record, or undefined (and a console warning) when it is invalid. */
export function validRecord(store: TLStore, record: TLRecord): TLRecord | undefined {
  try {
    return store.schema.validateRecord(store, record, 'initialize', null)
  } catch (error) {
    console.warn(`werkraum: ignoring invalid record ${record.id}`, error)
    return undefined
  }
}

/** Every candidate record in the document, unvalidated (they may still need migrating). */
export function candidateRecords(store: TLStore, kv: YKeyValue<unknown>): TLRecord[] {
  const out: TLRecord[] = []
  for (const [key, entry] of kv.map) {
    const record = candidateRecord(store, key, entry.val)
    if (record !== undefined) out.push(record)
  }
  return out
}
