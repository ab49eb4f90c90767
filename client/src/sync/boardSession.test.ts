import { BOARD_LAYOUT_VERSION, MessageKind, MetaKey, boardDocName, boardMeta } from '@werkraum/shared'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { BoardSession } from './boardSession.ts'
import { bindStoreToDoc } from './storeBinding.ts'
import { geoShape, newStore } from './testStores.ts'
import { FakeSocket, polyfill } from './testSocket.ts'

const identity = { id: 'aaaaaaaa-0000-0000-0000-000000000000', name: 'Ada', color: '#175cd3' }
const sessions: BoardSession[] = []
afterEach(() => {
  for (const session of sessions.splice(0)) session.destroy()
})

function open(persistence: Promise<unknown> = Promise.resolve()) {
  FakeSocket.last = undefined
  const session = new BoardSession(boardDocName('test'), identity, {
    serverUrl: 'ws://test/sync',
    WebSocketPolyfill: polyfill,
    persistence: () => ({ whenSynced: persistence, origin: 'idb', destroy: () => undefined }),
  })
  sessions.push(session)
  const socket = FakeSocket.last as FakeSocket | undefined
  if (socket === undefined) throw new Error('no socket')
  return { session, socket }
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageKind.sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** What Werkraum's server sends on connect: its step 1, then its answer (step 2) to ours. */
function serveFrom(socket: FakeSocket, serverDoc: Y.Doc): void {
  socket.open()
  socket.deliver(syncMessage((e) => syncProtocol.writeSyncStep1(e, serverDoc)))
  socket.deliver(syncMessage((e) => syncProtocol.writeSyncStep2(e, serverDoc)))
}

function boardOnServer(): Y.Doc {
  const doc = new Y.Doc()
  const store = newStore()
  bindStoreToDoc(store, doc)
  store.put([geoShape('from-server', 'Hallo')])
  return doc
}

describe('BoardSession', () => {
  it('waits for the server before showing the board, then shows what the server has', async () => {
    const { session, socket } = open()
    await Promise.resolve()
    expect(session.getSnapshot().load.kind).toBe('loading')
    serveFrom(socket, boardOnServer())
    await vi.waitFor(() => expect(session.getSnapshot().load.kind).toBe('ready'))
    expect(session.store.get(geoShape('from-server', '').id)).toBeDefined()
    expect(session.getSnapshot().connection.phase).toBe('connected')
  })

  it('binds the store exactly once (binding writes re-enter through the connection monitor)', async () => {
    const { session, socket } = open()
    // Like a real socket right after a send: the seeding below is "unsent" for a moment.
    socket.bufferedAmount = 100
    serveFrom(socket, new Y.Doc()) // empty board: binding seeds it, which is a local write
    await vi.waitFor(() => expect(session.getSnapshot().load.kind).toBe('ready'))
    const updates = vi.fn()
    session.doc.on('update', updates)
    session.store.put([geoShape('local', 'x')])
    expect(updates).toHaveBeenCalledTimes(1)
  })

  it('counts its own seeding as unsent until the server answers a request sent after it, but not what it loaded', async () => {
    const { session, socket } = open()
    const serverDoc = new Y.Doc()
    serveFrom(socket, serverDoc)
    await vi.waitFor(() => expect(session.getSnapshot().load.kind).toBe('ready'))
    expect(session.getSnapshot().connection.unsent).toBe(true)
    // The session asks: a sync step 1 sent after its seeding ...
    const isStep1 = (m: Uint8Array): boolean => m[0] === MessageKind.sync && m[1] === syncProtocol.messageYjsSyncStep1
    const stepOnesBefore = socket.sent.filter(isStep1).length
    await vi.waitFor(() => expect(socket.sent.filter(isStep1).length).toBeGreaterThan(stepOnesBefore))
    expect(session.getSnapshot().connection.unsent).toBe(true)
    // ... and the server's answer acknowledges it.
    socket.deliver(syncMessage((e) => syncProtocol.writeSyncStep2(e, serverDoc)))
    await vi.waitFor(() => expect(session.getSnapshot().connection.unsent).toBe(false))

    const second = open()
    serveFrom(second.socket, boardOnServer())
    await vi.waitFor(() => expect(second.session.getSnapshot().load.kind).toBe('ready'))
    expect(second.session.getSnapshot().connection.unsent).toBe(false)
  })

  it('does not bind a board written by a newer Werkraum', async () => {
    const serverDoc = boardOnServer()
    boardMeta(serverDoc).set(MetaKey.layoutVersion, BOARD_LAYOUT_VERSION + 1)
    const { session, socket } = open()
    serveFrom(socket, serverDoc)
    await vi.waitFor(() => expect(session.getSnapshot().load.kind).toBe('stored-newer'))
    expect(session.store.get(geoShape('from-server', '').id)).toBeUndefined()
  })

  it('lists the person on the board before the board has loaded', () => {
    const { session } = open(new Promise(() => undefined))
    expect(session.getSnapshot().people).toEqual([{ ...identity, isSelf: true }])
  })
})
