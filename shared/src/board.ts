/**
 * How a board lives in its Yjs document. Client (writes tldraw records) and
 * server (stores and exports) must agree on this layout.
 */
import type * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { Limits } from './protocol.ts'

/** Version of Werkraum's own layout of a board document (not tldraw's schema). */
export const BOARD_LAYOUT_VERSION = 1

/**
 * Name of the `Y.Array` that holds every tldraw record as `{ key: id, val: record }`.
 *
 * A `Y.Map` keeps every overwritten value until the document is rewritten, so a
 * shape moved 10,000 times would carry 10,000 old copies. `YKeyValue` deletes the
 * superseded entry on every write and Yjs garbage-collects deleted array content
 * down to a few bytes, so the encoded size follows the board's real content.
 */
export const RECORDS_KEY = 'tl_records'

/** Name of the `Y.Map` with the document's metadata. */
export const META_KEY = 'meta'

/** Keys inside the meta map. */
export const MetaKey = {
  layoutVersion: 'layoutVersion',
  tldrawSchema: 'tldrawSchema',
} as const

/** The board's records, keyed by tldraw record id. */
export function boardRecords<T = unknown>(doc: Y.Doc): YKeyValue<T> {
  return new YKeyValue<T>(doc.getArray(RECORDS_KEY))
}

/** The board's metadata map. */
export function boardMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY)
}

/** tldraw's serialised schema (`store.schema.serialize()`), version 2: one version number per migration sequence. */
export interface SerializedSchema {
  readonly schemaVersion: 2
  readonly sequences: Readonly<Record<string, number>>
}

/** True if `value` (read from a document anyone may have written) is a version-2 serialised schema. */
export function isSerializedSchema(value: unknown): value is SerializedSchema {
  if (typeof value !== 'object' || value === null) return false
  const { schemaVersion, sequences } = value as { schemaVersion?: unknown; sequences?: unknown }
  if (schemaVersion !== 2 || typeof sequences !== 'object' || sequences === null || Array.isArray(sequences)) return false
  return Object.values(sequences).every((v) => Number.isInteger(v))
}

/**
 * How a board's stored schema relates to the schema a client runs.
 * - `same`: nothing to do.
 * - `stored-older`: the board was written by an older client; this client can migrate it.
 * - `stored-newer`: the board was written by a newer client; this client must not touch it.
 * - `unknown`: nothing (valid) is stored yet.
 */
export type SchemaRelation = 'same' | 'stored-older' | 'stored-newer' | 'unknown'

/**
 * Compares a stored tldraw schema with the client's. A sequence the client does not
 * know, or a stored version above the client's, means the board is newer than the client.
 */
export function compareSchemas(stored: unknown, mine: SerializedSchema): SchemaRelation {
  if (!isSerializedSchema(stored)) return 'unknown'
  let older = false
  for (const [sequence, storedVersion] of Object.entries(stored.sequences)) {
    const myVersion = mine.sequences[sequence]
    if (myVersion === undefined || storedVersion > myVersion) return 'stored-newer'
    if (storedVersion < myVersion) older = true
  }
  for (const sequence of Object.keys(mine.sequences)) {
    if (!(sequence in stored.sequences)) older = true
  }
  return older ? 'stored-older' : 'same'
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' }

/**
 * Turns what a person typed ("Ideen für den Marktplatz") into a board name that
 * is safe in URLs and document names ("ideen-fuer-den-marktplatz").
 * Returns an empty string when nothing usable is left.
 */
export function boardSlug(input: string): string {
  const replaced = input.replace(/[äöüßÄÖÜ]/g, (c) => UMLAUTS[c] ?? c)
  return replaced
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Letters, digits and hyphens only: easy to read aloud, and never mistaken for a file name.
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, Limits.MAX_DOC_NAME_CHARS - 'board.'.length)
    .replace(/-+$/, '')
}
