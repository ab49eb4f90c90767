import type { AwarenessEntry } from '@werkraum/shared'
import type { Peer } from './peer.ts'

interface PresenceRecord {
  clock: number
  state: string
  owner: Peer
  updatedAtMs: number
}

/** How long a departed client's last clock is remembered, so late echoes of its state are recognised. */
export const PRESENCE_TOMBSTONE_MS = 60_000

/**
 * The server's view of a room's presence, kept as raw wire entries.
 *
 * Stock y-websocket clients re-send every awareness change they receive. The
 * server recognises those echoes by clock (an entry not newer than what it
 * holds is dropped) and by owner (only the connection that speaks for a client
 * id may announce its removal), so echoes cost a map lookup and never reach anyone.
 */
export class PresenceTable {
  private readonly records = new Map<number, PresenceRecord>()

  constructor(
    /** How long an owner must have been silent before another connection may take its client id over. */
    private readonly takeoverAfterMs: number,
  ) {}

  /** True if `accept` would record the entry; false for an echo, a stale entry, or one not the sender's to give. A map lookup, no change. */
  isNews(entry: AwarenessEntry, from: Peer, nowMs: number): boolean {
    const known = this.records.get(entry.clientId)
    if (!known) return true
    const removal = entry.state === 'null'
    const newer = entry.clock > known.clock || (entry.clock === known.clock && removal && known.state !== 'null')
    if (!newer) return false
    if (known.owner === from) return true
    // Someone else's id. Stock clients announce other people's removal after their
    // own 30 s timeout: only the owner's word counts for that. A live state is
    // accepted only once the owner is gone (left, or silent past the heartbeat: a
    // person who reconnected before their dead connection was noticed); otherwise
    // anyone could rename or silence others.
    if (removal) return false
    return known.state === 'null' || known.owner.closed || nowMs - known.owner.lastHeardMs > this.takeoverAfterMs
  }

  /** Returns true if the entry is news and was recorded; false if it is an echo, stale, or not the sender's to give. */
  accept(entry: AwarenessEntry, from: Peer, nowMs: number): boolean {
    if (!this.isNews(entry, from, nowMs)) return false
    const known = this.records.get(entry.clientId)
    if (known && known.owner !== from) known.owner.clientIds.delete(entry.clientId)
    this.records.set(entry.clientId, { clock: entry.clock, state: entry.state, owner: from, updatedAtMs: nowMs })
    from.clientIds.add(entry.clientId)
    return true
  }

  /** Marks every client of a departing connection as gone; returns the removal entries to broadcast. */
  removeOwner(peer: Peer, nowMs: number): AwarenessEntry[] {
    const removals: AwarenessEntry[] = []
    for (const clientId of peer.clientIds) {
      const known = this.records.get(clientId)
      if (!known || known.owner !== peer || known.state === 'null') continue
      const removal = { clientId, clock: known.clock + 1, state: 'null' }
      this.records.set(clientId, { ...removal, owner: peer, updatedAtMs: nowMs })
      removals.push(removal)
    }
    peer.clientIds.clear()
    return removals
  }

  /** Everyone currently present, for a newcomer or a query. */
  liveEntries(): AwarenessEntry[] {
    const out: AwarenessEntry[] = []
    for (const [clientId, r] of this.records) if (r.state !== 'null') out.push({ clientId, clock: r.clock, state: r.state })
    return out
  }

  /** Forgets tombstones older than {@link PRESENCE_TOMBSTONE_MS}. */
  sweep(nowMs: number): void {
    for (const [clientId, r] of this.records) {
      if (r.state === 'null' && nowMs - r.updatedAtMs > PRESENCE_TOMBSTONE_MS) this.records.delete(clientId)
    }
  }

  ownerOf(clientId: number): Peer | undefined {
    return this.records.get(clientId)?.owner
  }

  get size(): number {
    return this.records.size
  }
}
