/**
 * Werkraum's own provider against the real server: presence comes back at once
 * after a dropped connection, and only the own state is ever sent.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WerkraumProvider } from '../client/src/sync/werkraumProvider.ts'
import { connectClient } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { removeDir, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

let server: TestServer | undefined
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server?.close()
  if (server) removeDir(server.dataDir)
  server = undefined
})

function werkraumClient(wsUrl: string, name: string): WerkraumProvider {
  const provider = new WerkraumProvider(wsUrl, name, new Y.Doc(), { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket })
  cleanups.push(() => provider.destroy())
  return provider
}
function stock(wsUrl: string, name: string): TestClient {
  const c = connectClient(wsUrl, name)
  cleanups.push(() => c.destroy())
  return c
}

describe('Werkraum provider presence', () => {
  it('reappears for the others right after its connection dropped, without moving', async () => {
    server = await startTestServer()
    const anna = werkraumClient(server.wsUrl, 'board.back')
    const ben = stock(server.wsUrl, 'board.back')
    anna.awareness.setLocalStateField('user', { name: 'Anna' })
    const annaId = anna.awareness.clientID
    const seesAnna = (): boolean => ben.provider.awareness.getStates().get(annaId)?.user?.name === 'Anna'
    await waitFor(seesAnna, 'ben sees anna')
    // The network drops Anna's connection; the server announces that she left.
    anna.ws?.close()
    await waitFor(() => !seesAnna(), 'ben sees anna leave')
    // y-websocket reconnects by itself; Anna has not touched anything since.
    // Without the re-announcement this takes two 15-second renewals.
    await waitFor(seesAnna, 'ben sees anna again', 10_000)
  })

  it('never relays other people’s presence', async () => {
    server = await startTestServer()
    const anna = werkraumClient(server.wsUrl, 'board.own')
    const others = [stock(server.wsUrl, 'board.own'), stock(server.wsUrl, 'board.own')]
    await waitFor(() => anna.synced && others.every((o) => o.provider.synced), 'all synced')
    const sent: number[] = []
    const ws = anna.ws!
    const send = ws.send.bind(ws)
    ws.send = (data: Parameters<typeof send>[0]) => {
      const bytes = data as Uint8Array
      if (bytes[0] === 1) sent.push(bytes.length)
      send(data)
    }
    others.forEach((o, i) => {
      for (let n = 0; n < 10; n++) o.provider.awareness.setLocalStateField('cursor', { x: n, i })
    })
    await waitFor(() => others.every((o) => anna.awareness.getStates().get(o.doc.clientID)?.cursor?.x === 9), 'anna sees both cursors')
    expect(sent).toEqual([])
    anna.awareness.setLocalStateField('cursor', { x: 1 })
    await waitFor(() => sent.length === 1, 'anna sends her own move')
  })
})
