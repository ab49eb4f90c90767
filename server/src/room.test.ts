/**
 * The room through an in-memory socket: rooms do not know the transport, so the
 * protocol logic can be driven directly, without a network.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageKind, encodeAwarenessUpdate } from '@werkraum/shared'
import { silentLogger } from './log.ts'
import { Metrics } from './metrics.ts'
import type { PeerSocket } from './peer.ts'
import { Persistence } from './persistence.ts'
import { KEEPALIVE_ECHO_AFTER_MS, Room } from './room.ts'
import { MemoryStorage } from './storage/memory.ts'

class MemorySocket implements PeerSocket {
  sent: Uint8Array[] = []
  closedWith: number | undefined
  bufferedAmount = 0
  send(data: Uint8Array): void {
    this.sent.push(data)
  }
  close(code: number): void {
    this.closedWith = code
  }
  terminate(): void {
    this.closedWith = 1006
  }
}

async function makeRoom(): Promise<{ room: Room; storage: MemoryStorage; persistence: Persistence }> {
  const storage = new MemoryStorage()
  const persistence = new Persistence(storage, { commitWindowMs: 5, compactAfterUpdates: 1000 }, new Metrics(), silentLogger, () => undefined)
  const room = new Room('board.t', persistence, new Metrics(), silentLogger, { maxBufferedBytes: 1024, maxBacklogBytes: 1 << 20, presenceTakeoverAfterMs: 30_000 }, { onEmpty: () => undefined, onLoadFailed: () => undefined })
  await room.ready
  return { room, storage, persistence }
}

function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageKind.sync)
  syncProtocol.writeUpdate(e, update)
  return encoding.toUint8Array(e)
}

function editOf(fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  let update: Uint8Array = new Uint8Array()
  doc.on('update', (u: Uint8Array) => (update = u))
  fn(doc)
  return update
}

describe('Room', () => {
  it('compacts a log that was already past its bound when the document loads', async () => {
    const storage = new MemoryStorage()
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 10; i++) source.getArray('a').push([i])
    await storage.appendBatch(new Map([['board.long', updates]]))
    const persistence = new Persistence(storage, { commitWindowMs: 5, compactAfterUpdates: 5 }, new Metrics(), silentLogger, () => undefined)
    const room = new Room('board.long', persistence, new Metrics(), silentLogger, { maxBufferedBytes: 1024, maxBacklogBytes: 1024, presenceTakeoverAfterMs: 30_000 }, { onEmpty: () => undefined, onLoadFailed: () => undefined })
    await room.ready
    await persistence.drain()
    const stored = await storage.load('board.long')
    expect(stored.updates).toHaveLength(0)
    expect(stored.snapshot).not.toBeNull()
    expect(room.doc.getArray('a').length).toBe(10)
  })

  it('greets a newcomer with sync step 1', async () => {
    const { room } = await makeRoom()
    const socket = new MemorySocket()
    room.join(socket, 'write')
    const d = decoding.createDecoder(socket.sent[0]!)
    expect(decoding.readVarUint(d)).toBe(MessageKind.sync)
    expect(decoding.readVarUint(d)).toBe(syncProtocol.messageYjsSyncStep1)
  })

  it('encodes an update once and sends the same bytes to every other peer, not back to the sender', async () => {
    const { room } = await makeRoom()
    const [a, b, c] = [new MemorySocket(), new MemorySocket(), new MemorySocket()]
    const pa = room.join(a, 'write')
    room.join(b, 'write')
    room.join(c, 'write')
    for (const s of [a, b, c]) s.sent = []
    room.receive(pa, updateMessage(editOf((d) => d.getText('t').insert(0, 'hi'))))
    expect(a.sent).toHaveLength(0)
    expect(b.sent).toHaveLength(1)
    expect(c.sent[0]).toBe(b.sent[0])
    expect(room.doc.getText('t').toString()).toBe('hi')
  })

  it('hands accepted updates to storage within the commit window', async () => {
    const { room, storage, persistence } = await makeRoom()
    const p = room.join(new MemorySocket(), 'write')
    room.receive(p, updateMessage(editOf((d) => d.getMap('m').set('k', 1))))
    room.receive(p, updateMessage(editOf((d) => d.getMap('m').set('j', 2))))
    await persistence.drain()
    const stored = await storage.load('board.t')
    // One group commit: both updates merged into one row.
    expect(stored.updates).toHaveLength(1)
  })

  it('merges presence from one event-loop turn into one message per peer', async () => {
    const { room } = await makeRoom()
    const watcher = new MemorySocket()
    room.join(watcher, 'read')
    const senders = [1, 2, 3].map(() => room.join(new MemorySocket(), 'write'))
    watcher.sent = []
    senders.forEach((p, i) => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MessageKind.awareness)
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate([{ clientId: 100 + i, clock: 1, state: `{"i":${i}}` }]))
      room.receive(p, encoding.toUint8Array(e))
    })
    expect(watcher.sent).toHaveLength(0)
    await new Promise((resolve) => setImmediate(resolve))
    expect(watcher.sent).toHaveLength(1)
  })

  it('echoes presence back to its sender only when that connection has heard nothing for a while (keep-alive)', async () => {
    const { room } = await makeRoom()
    const lone = new MemorySocket()
    const peer = room.join(lone, 'write')
    const presence = (clock: number): Uint8Array => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MessageKind.awareness)
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate([{ clientId: 7, clock, state: '{}' }]))
      return encoding.toUint8Array(e)
    }
    lone.sent = []
    room.receive(peer, presence(1))
    await new Promise((resolve) => setImmediate(resolve))
    expect(lone.sent).toHaveLength(0)
    peer.lastSentMs = Date.now() - KEEPALIVE_ECHO_AFTER_MS - 1
    room.receive(peer, presence(2))
    await new Promise((resolve) => setImmediate(resolve))
    expect(lone.sent).toHaveLength(1)
  })

  it('drops updates from read-only peers', async () => {
    const { room } = await makeRoom()
    const p = room.join(new MemorySocket(), 'read')
    room.receive(p, updateMessage(editOf((d) => d.getMap('m').set('k', 1))))
    expect(room.doc.getMap('m').size).toBe(0)
  })

  it('closes a peer whose send buffer is full with SLOW_CONSUMER', async () => {
    const { room } = await makeRoom()
    const slow = new MemorySocket()
    room.join(slow, 'write')
    const writer = room.join(new MemorySocket(), 'write')
    slow.bufferedAmount = 4096
    room.receive(writer, updateMessage(editOf((d) => d.getMap('m').set('k', 1))))
    // Dropped at once (1006), not with a close frame that would queue behind the backlog.
    expect(slow.closedWith).toBe(1006)
    expect(room.peers.size).toBe(1)
  })
})
