import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { CloseCode, MessageKind } from '@werkraum/shared'
import { loadConfig, silentLogger, startServer } from '@werkraum/server'
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
    for (let i = 0; i < 40 && server.rooms.peek('board.slow')!.peers.size === 3; i++) {
      pair[0].doc.getArray('list').push([chunk + i])
      await waitFor(() => pair[1].doc.getArray('list').length === i + 1, `bystander got chunk ${i}`)
    }
    expect(server.rooms.peek('board.slow')?.peers.size).toBe(2)
    expect(server.metrics.closedByServer.value).toBe(closedBefore + 1)
    await stillSyncing(pair, 'after the slow client was dropped')
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
