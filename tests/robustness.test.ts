import { afterEach, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { CloseCode, MessageKind, encodeAwarenessUpdate } from '@werkraum/shared'
import type { AwarenessEntry } from '@werkraum/shared'
import { SqliteStorage, loadConfig, silentLogger, startServer } from '@werkraum/server'
import type { RunningServer } from '@werkraum/server'
import { connectClient, waitSynced } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { removeDir, startTestServer, tempDataDir } from './support/server.ts'
import type { TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

let server: TestServer | undefined
const clients: TestClient[] = []
const raws: WebSocket[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const r of raws.splice(0)) r.terminate()
  await server?.close()
  if (server) removeDir(server.dataDir)
  server = undefined
})

/** A raw WebSocket, for sending what no well-behaved client would. */
async function raw(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url)
  raws.push(ws)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return ws
}
function closeCodeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code: number) => resolve(code)))
}

/** Two stock clients that keep syncing while someone else misbehaves. */
async function bystanders(name: string): Promise<[TestClient, TestClient]> {
  const a = connectClient(server!.wsUrl, name)
  const b = connectClient(server!.wsUrl, name)
  clients.push(a, b)
  await Promise.all([waitSynced(a), waitSynced(b)])
  return [a, b]
}
async function stillSyncing([a, b]: [TestClient, TestClient], marker: string): Promise<void> {
  a.doc.getText('text').insert(0, marker)
  await waitFor(() => b.doc.getText('text').toString().includes(marker), `bystanders still sync (${marker})`)
}

function awareness(entries: AwarenessEntry[]): Uint8Array {
  return message((e) => encoding.writeVarUint(e, MessageKind.awareness), (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(entries)))
}

function message(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) part(encoder)
  return encoding.toUint8Array(encoder)
}

describe('bad input closes only the offending connection', () => {
  const malformed: Array<[string, Uint8Array | string]> = [
    ['garbage bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
    ['an unknown message kind', message((e) => encoding.writeVarUint(e, 99))],
    ['an unknown sync message', message((e) => encoding.writeVarUint(e, MessageKind.sync), (e) => encoding.writeVarUint(e, 7))],
    ['a truncated update', message((e) => encoding.writeVarUint(e, MessageKind.sync), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint(e, 500))],
    [
      'an update that is not Yjs',
      message((e) => encoding.writeVarUint(e, MessageKind.sync), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 250, 250, 250, 250, 1, 2, 3]))),
    ],
    ['a broken awareness update', message((e) => encoding.writeVarUint(e, MessageKind.awareness), (e) => encoding.writeVarUint8Array(e, new Uint8Array([3, 1])))],
    ['a presence state that is not JSON', awareness([{ clientId: 1, clock: 1, state: '{not json' }])],
    ['a presence state over 16 KiB', awareness([{ clientId: 1, clock: 1, state: JSON.stringify({ name: 'x'.repeat(17 * 1024) }) }])],
    ['presence for too many client ids', awareness(Array.from({ length: 50 }, (_, i) => ({ clientId: i + 1, clock: 1, state: '{}' })))],
    ['a text frame', 'hello'],
  ]
  for (const [what, payload] of malformed) {
    it(`${what} → MALFORMED_MESSAGE`, async () => {
      server = await startTestServer()
      const pair = await bystanders('board.bad')
      const ws = await raw(`${server.wsUrl}/board.bad`)
      const code = closeCodeOf(ws)
      ws.send(payload)
      expect(await code).toBe(CloseCode.MALFORMED_MESSAGE.code)
      await stillSyncing(pair, 'after ' + what)
      expect(server.rooms.peek('board.bad')?.peers.size).toBe(2)
      // Presence still works for everyone, newcomers included.
      pair[0].provider.awareness.setLocalStateField('user', { name: 'Anna' })
      const newcomer = connectClient(server.wsUrl, 'board.bad')
      clients.push(newcomer)
      await waitFor(() => newcomer.provider.awareness.getStates().get(pair[0].doc.clientID)?.user?.name === 'Anna', 'newcomer sees presence')
      // Nothing the rejected connection sent was relayed.
      expect([...newcomer.provider.awareness.getStates().keys()].filter((id) => id <= 50)).toEqual([])
    })
  }

  it('an oversized message → MESSAGE_TOO_BIG', async () => {
    server = await startTestServer({ MAX_MESSAGE_BYTES: String(64 * 1024) })
    const pair = await bystanders('board.big')
    const ws = await raw(`${server.wsUrl}/board.big`)
    const code = closeCodeOf(ws)
    ws.send(new Uint8Array(100 * 1024))
    expect(await code).toBe(CloseCode.MESSAGE_TOO_BIG.code)
    await stillSyncing(pair, 'after a big message')
  })

  it('refuses invalid document names before the upgrade', async () => {
    server = await startTestServer()
    for (const path of ['/sync/', '/sync/..%2Fx', '/sync/a b', '/elsewhere/board']) {
      const ws = new WebSocket(server.url.replace('http', 'ws') + path)
      const status = await new Promise<number>((resolve) => {
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        ws.once('open', () => resolve(101))
        ws.once('error', () => undefined)
      })
      ws.terminate()
      expect(status, path).toBe(404)
    }
  })

  it('disconnects a client that cannot keep up instead of buffering without bound', async () => {
    server = await startTestServer({ MAX_BUFFERED_BYTES: String(64 * 1024), MAX_MESSAGE_BYTES: String(1024 * 1024) })
    const pair = await bystanders('board.slow')
    const slow = await raw(`${server.wsUrl}/board.slow`)
    // Stop reading: the server's send buffer for this socket can only grow.
    ;(slow as unknown as { _socket: { pause(): void } })._socket.pause()
    await waitFor(() => server!.rooms.peek('board.slow')?.peers.size === 3, 'slow client joined')
    const closedBefore = server.metrics.closedByServer.value
    const chunk = 'x'.repeat(200 * 1024)
    // Loopback kernel buffers absorb a few MB first; keep writing until the server gives up on the reader.
    for (let i = 0; i < 300 && server.rooms.peek('board.slow')!.peers.size === 3; i++) {
      pair[0].doc.getArray('list').push([chunk + i])
      await waitFor(() => pair[1].doc.getArray('list').length === i + 1, `bystander got chunk ${i}`)
    }
    expect(server.rooms.peek('board.slow')?.peers.size).toBe(2)
    expect(server.metrics.closedByServer.value).toBe(closedBefore + 1)
    await stillSyncing(pair, 'after the slow client was dropped')
  })
})

describe('connections that go quiet or misbehave at the HTTP level', () => {
  it('drops a half-open connection that stops answering pings, and frees its presence', async () => {
    server = await startTestServer({ HEARTBEAT_MS: '100' })
    const pair = await bystanders('board.halfopen')
    const ghost = new WebSocket(`${server.wsUrl}/board.halfopen`, { autoPong: false })
    raws.push(ghost)
    await new Promise((resolve) => ghost.once('open', resolve))
    ghost.send(awareness([{ clientId: 4242, clock: 1, state: '{"user":{"name":"Geist"}}' }]))
    await waitFor(() => pair[0].provider.awareness.getStates().has(4242), 'ghost present')
    await waitFor(() => server!.rooms.peek('board.halfopen')?.peers.size === 2, 'ghost dropped by the heartbeat')
    await waitFor(() => !pair[0].provider.awareness.getStates().has(4242), 'ghost presence removed')
    await stillSyncing(pair, 'after the ghost')
  })

  it('refuses connections beyond the per-address limit with 429 before the upgrade, and frees the slot on close', async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '3' })
    const open = await Promise.all([1, 2, 3].map(() => raw(`${server!.wsUrl}/board.limit`)))
    const status = (): Promise<number> =>
      new Promise((resolve) => {
        const ws = new WebSocket(`${server!.wsUrl}/board.limit`)
        raws.push(ws)
        ws.once('open', () => resolve(101))
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        ws.once('error', () => undefined)
      })
    expect(await status()).toBe(429)
    const closed = closeCodeOf(open[0]!)
    open[0]!.close()
    await closed
    await waitFor(() => server!.rooms.peek('board.limit')?.peers.size === 2, 'server saw the close')
    expect(await status()).toBe(101)
  })

  it('answers an unreadable upgrade request with 400 and keeps serving', async () => {
    server = await startTestServer()
    const { port } = new URL(server.url)
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET http://[::1 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n')
      })
      let text = ''
      socket.on('data', (d) => (text += d.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(answer).toMatch(/^HTTP\/1.1 400/)
    expect((await fetch(server.url + '/healthz')).status).toBe(200)
  })

  it('shuts down promptly even when a client never answers the close frame', async () => {
    server = await startTestServer()
    const pair = await bystanders('board.mute')
    const mute = await raw(`${server.wsUrl}/board.mute`)
    ;(mute as unknown as { _socket: { pause(): void } })._socket.pause()
    pair[0].doc.getText('text').insert(0, 'saved before shutdown')
    await waitFor(() => pair[1].doc.getText('text').length > 0, 'edit applied')
    const closing = server.close()
    const bound = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref())
    expect(await Promise.race([closing.then(() => 'closed' as const), bound])).toBe('closed')
    server = undefined
  })
})

describe('storage that fails to load a document', () => {
  it('closes with DOCUMENT_UNAVAILABLE and tries again on the next connection', async () => {
    const dataDir = tempDataDir()
    const storage = new SqliteStorage({ dataDir })
    const load = storage.load.bind(storage)
    let loads = 0
    storage.load = async (doc: string) => {
      loads++
      if (loads === 1) throw new Error('database briefly unavailable')
      return load(doc)
    }
    server = await startTestServer({}, dataDir, storage)
    const ws = new WebSocket(`${server.wsUrl}/board.flaky`)
    raws.push(ws)
    expect(await closeCodeOf(ws)).toBe(CloseCode.DOCUMENT_UNAVAILABLE.code)
    const c = connectClient(server.wsUrl, 'board.flaky')
    clients.push(c)
    await waitSynced(c)
    expect(loads).toBe(2)
  })
})

describe('read-only connections', () => {
  let custom: RunningServer | undefined
  const dataDir = tempDataDir()
  afterEach(async () => {
    await custom?.close()
    custom = undefined
  })

  it('sync and show presence, but their document updates are dropped whole', async () => {
    custom = await startServer({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }),
      logger: silentLogger,
      authorize: (req) => (req.url?.includes('readonly=1') ? 'read' : 'write'),
    })
    const wsUrl = custom.url.replace('http', 'ws') + '/sync'
    const writer = connectClient(wsUrl, 'board.ro')
    const reader = connectClient(wsUrl, 'board.ro', { params: { readonly: '1' } })
    clients.push(writer, reader)
    await Promise.all([waitSynced(writer), waitSynced(reader)])
    writer.doc.getText('text').insert(0, 'from the writer')
    await waitFor(() => reader.doc.getText('text').toString() === 'from the writer', 'reader receives edits')
    reader.doc.getMap('map').set('sneaky', true)
    reader.provider.awareness.setLocalStateField('user', { name: 'Observer' })
    await waitFor(() => writer.provider.awareness.getStates().get(reader.doc.clientID)?.user?.name === 'Observer', 'presence of the reader')
    writer.doc.getMap('map').set('after', 1)
    await waitFor(() => reader.doc.getMap('map').get('after') === 1, 'later edit reached the reader')
    expect(writer.doc.getMap('map').has('sneaky')).toBe(false)
    expect(custom.rooms.peek('board.ro')?.doc.getMap('map').has('sneaky')).toBe(false)
    removeDir(dataDir)
  })
})
