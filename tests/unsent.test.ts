/**
 * The connection indicator's "unsent" against the real server: it clears only
 * once the server has applied the edit, also after the server was gone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { monitorConnection } from '../client/src/sync/connectionMonitor.ts'
import type { ConnectionMonitor, ConnectionView } from '../client/src/sync/connectionMonitor.ts'
import { WerkraumProvider } from '../client/src/sync/werkraumProvider.ts'
import { removeDir, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

const servers: TestServer[] = []
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  for (const s of servers.splice(0)) await s.close().catch(() => undefined)
})

describe('unsent changes', () => {
  it('are cleared only when the server holds them, also across a server restart', async () => {
    let server = await startTestServer()
    servers.push(server)
    const doc = new Y.Doc()
    const provider = new WerkraumProvider(server.wsUrl, 'board.ack', doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket })
    let view: ConnectionView | undefined
    /** Whether the server had the latest edit at the moment "unsent" went away. */
    const serverHadItWhenCleared: boolean[] = []
    let expected = 0
    const monitor: ConnectionMonitor = monitorConnection(provider, doc, new Set([provider]), (next) => {
      if (view?.unsent === true && !next.unsent) {
        serverHadItWhenCleared.push(server.rooms.peek('board.ack')?.doc.getMap('m').get('k') === expected)
      }
      view = next
    })
    cleanups.push(() => {
      monitor.dispose()
      provider.destroy()
    })
    await waitFor(() => view?.phase === 'connected', 'connected')

    expected = 1
    doc.getMap('m').set('k', 1)
    expect(view!.unsent).toBe(true)
    await waitFor(() => view!.unsent === false, 'acknowledged')
    expect(serverHadItWhenCleared).toEqual([true])

    // The server goes away; an edit made now stays unsent until the next server has it.
    const { port } = server
    await server.close()
    servers.splice(0)
    await waitFor(() => view!.phase !== 'connected', 'noticed the loss')
    expected = 2
    doc.getMap('m').set('k', 2)
    expect(view!.unsent).toBe(true)
    server = await startTestServer({ PORT: String(port) }, server.dataDir)
    servers.push(server)
    await waitFor(() => view!.phase === 'connected', 'reconnected', 10_000)
    await waitFor(() => view!.unsent === false, 'acknowledged after the restart', 10_000)
    expect(serverHadItWhenCleared).toEqual([true, true])
    removeDir(server.dataDir)
  })
})
