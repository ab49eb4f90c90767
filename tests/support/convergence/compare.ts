/** Comparing replicas of a document exactly, as encoded updates, and waiting without sleeping. */
import * as Y from 'yjs'
import { snapshotOf } from '../clients.ts'
import { canonical } from '../randomEdits.ts'

/** Everything about a document that must be equal on every replica once they have converged. */
export function fingerprint(doc: Y.Doc): { content: string; snapshot: string; pending: boolean } {
  return {
    // Y.Map iterates in local insertion order: canonical() sorts keys at every level.
    content: JSON.stringify(canonical({ ...(snapshotOf(doc) as object), textDelta: doc.getText('text').toDelta() })),
    // State vector and delete set, both encoded in a canonical order by Yjs.
    snapshot: Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64'),
    // Updates waiting for a missing dependency: a replica that still has some has not got everything.
    pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
  }
}

export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const fa = fingerprint(a)
  const fb = fingerprint(b)
  return fa.content === fb.content && fa.snapshot === fb.snapshot && !fa.pending && !fb.pending
}

/**
 * Deleted ranges per client, [start, end) sorted and merged, read from an
 * encoded update. Deletion is spelled two ways in an update: the delete set,
 * and the structs themselves (GC and ContentDeleted count as deleted; the
 * server's merge of one commit window keeps an insert-then-delete only as GC).
 */
export function deletedRanges(update: Uint8Array): Map<number, [number, number][]> {
  const { structs, ds } = Y.decodeUpdate(update)
  const raw = new Map<number, [number, number][]>()
  const add = (client: number, start: number, end: number): void => {
    let list = raw.get(client)
    if (!list) raw.set(client, (list = []))
    list.push([start, end])
  }
  for (const [client, items] of (ds as unknown as { clients: Map<number, { clock: number; len: number }[]> }).clients) {
    for (const item of items) add(client, item.clock, item.clock + item.len)
  }
  for (const struct of structs) {
    if (struct instanceof Y.GC || (struct instanceof Y.Item && struct.content instanceof Y.ContentDeleted)) {
      add(struct.id.client, struct.id.clock, struct.id.clock + struct.length)
    }
  }
  const ranges = new Map<number, [number, number][]>()
  for (const [client, list] of raw) {
    const merged: [number, number][] = []
    for (const [start, end] of list.sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1]
      if (last && start <= last[1]) last[1] = Math.max(last[1], end)
      else merged.push([start, end])
    }
    ranges.set(client, merged)
  }
  return ranges
}

export function stateVectorOf(update: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))
}

/** True if the state `have` holds every insertion and deletion of the state `want` (both full-state updates). */
export function updateCovers(have: Uint8Array, want: Uint8Array): boolean {
  const haveClocks = stateVectorOf(have)
  for (const [client, clock] of stateVectorOf(want)) if ((haveClocks.get(client) ?? 0) < clock) return false
  const haveDeleted = deletedRanges(have)
  for (const [client, ranges] of deletedRanges(want)) {
    const held = haveDeleted.get(client) ?? []
    for (const [start, end] of ranges) if (!held.some(([s, e]) => s <= start && end <= e)) return false
  }
  return true
}

export function covers(have: Y.Doc, want: Y.Doc): boolean {
  return updateCovers(Y.encodeStateAsUpdate(have), Y.encodeStateAsUpdate(want))
}

/** State vector and delete set of an update, for exact comparison and readable diffs. */
export function structure(update: Uint8Array): { clocks: Record<number, number>; deleted: Record<number, string> } {
  return {
    clocks: Object.fromEntries([...stateVectorOf(update)].sort((a, b) => a[0] - b[0])),
    deleted: Object.fromEntries(
      [...deletedRanges(update)].sort((a, b) => a[0] - b[0]).map(([client, ranges]) => [client, ranges.map(([s, e]) => `${s}-${e}`).join(' ')]),
    ),
  }
}

/** One event-loop turn: lets sockets deliver what has arrived, without waiting for any time to pass. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

