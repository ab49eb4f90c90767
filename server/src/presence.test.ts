import { describe, expect, it } from 'vitest'
import { Peer } from './peer.ts'
import { PRESENCE_TOMBSTONE_MS, PresenceTable } from './presence.ts'

const socket = { send: () => undefined, close: () => undefined, terminate: () => undefined, bufferedAmount: 0 }
const peer = (id: number): Peer => new Peer(socket, 'write', id)

describe('PresenceTable', () => {
  it('accepts news and drops echoes and stale states', () => {
    const table = new PresenceTable(30_000)
    const alice = peer(1)
    const bob = peer(2)
    expect(table.accept({ clientId: 10, clock: 1, state: '{"x":1}' }, alice, 0)).toBe(true)
    // Bob's stock client echoes Alice's state back: same clock, nothing new.
    expect(table.accept({ clientId: 10, clock: 1, state: '{"x":1}' }, bob, 1)).toBe(false)
    // ... and, after its own 30 s timeout, announces her removal: only Alice's connection may.
    expect(table.accept({ clientId: 10, clock: 2, state: 'null' }, bob, 1)).toBe(false)
    expect(table.accept({ clientId: 10, clock: 1, state: '{"x":1}' }, alice, 1)).toBe(false)
    expect(table.accept({ clientId: 10, clock: 2, state: '{"x":2}' }, alice, 1)).toBe(true)
    expect(table.liveEntries()).toEqual([{ clientId: 10, clock: 2, state: '{"x":2}' }])
  })

  it('never lets another connection rename or silence a live owner', () => {
    const table = new PresenceTable(30_000)
    const victim = peer(1)
    const mallory = peer(2)
    table.accept({ clientId: 10, clock: 5, state: '{"user":"Anna"}' }, victim, 0)
    victim.lastHeardMs = 1000
    expect(table.accept({ clientId: 10, clock: 6, state: '{"user":"Mallory"}' }, mallory, 2000)).toBe(false)
    expect(table.accept({ clientId: 10, clock: 2 ** 53, state: 'null' }, mallory, 2000)).toBe(false)
    expect(table.liveEntries()).toEqual([{ clientId: 10, clock: 5, state: '{"user":"Anna"}' }])
  })

  it('lets a newer live state from a new connection take a client id over once the owner fell silent (reconnect before the old one died)', () => {
    const table = new PresenceTable(30_000)
    const old = peer(1)
    const fresh = peer(2)
    table.accept({ clientId: 10, clock: 5, state: '{}' }, old, 0)
    old.lastHeardMs = 0
    expect(table.accept({ clientId: 10, clock: 7, state: '{"back":1}' }, fresh, 30_001)).toBe(true)
    expect(table.ownerOf(10)).toBe(fresh)
    expect(old.clientIds.has(10)).toBe(false)
    // The old connection finally closing does not remove the person.
    expect(table.removeOwner(old, 2)).toEqual([])
    expect(table.liveEntries()).toHaveLength(1)
  })

  it('announces the removal of everyone a departing connection spoke for', () => {
    const table = new PresenceTable(30_000)
    const alice = peer(1)
    table.accept({ clientId: 10, clock: 5, state: '{}' }, alice, 0)
    table.accept({ clientId: 11, clock: 1, state: '{}' }, alice, 0)
    const removals = table.removeOwner(alice, 0)
    expect(removals).toEqual([
      { clientId: 10, clock: 6, state: 'null' },
      { clientId: 11, clock: 2, state: 'null' },
    ])
    expect(table.liveEntries()).toEqual([])
    // A late echo of the old state does not bring Alice back.
    expect(table.accept({ clientId: 10, clock: 5, state: '{}' }, peer(3), 1)).toBe(false)
  })

  it('lets a reconnecting client take its id back with a newer clock, and forgets old tombstones', () => {
    const table = new PresenceTable(30_000)
    const first = peer(1)
    table.accept({ clientId: 10, clock: 5, state: '{}' }, first, 0)
    table.removeOwner(first, 0)
    const again = peer(2)
    expect(table.accept({ clientId: 10, clock: 7, state: '{"back":true}' }, again, 10)).toBe(true)
    expect(table.ownerOf(10)).toBe(again)
    table.removeOwner(again, 20)
    table.sweep(20 + PRESENCE_TOMBSTONE_MS + 1)
    expect(table.size).toBe(0)
  })
})
