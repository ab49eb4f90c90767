/**
 * A real server per test (port 0, temporary data folder) with the two things
 * integration tests of workshops do all the time: call the HTTP API, and open
 * y-websocket connections that are closed again after the test.
 */
import { afterEach, beforeEach } from 'vitest'
import { connectClient, waitSynced, type TestClient } from './clients.ts'
import { removeDir, startTestServer, type TestServer } from './server.ts'

export interface LiveServer {
  /** The server of the running test (a new one for each). */
  readonly server: TestServer
  /** POSTs JSON, with a Bearer token if given, and reads the JSON answer. */
  post<T>(path: string, body: unknown, token?: string): Promise<{ status: number; body: T }>
  /** A synced connection to a document with this token, closed after the test. */
  open(doc: string, token: string): Promise<TestClient>
}

export function useLiveServer(): LiveServer {
  let current: TestServer | undefined
  const clients: TestClient[] = []
  beforeEach(async () => {
    current = await startTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await current?.close()
    if (current) removeDir(current.dataDir)
  })
  const live: LiveServer = {
    get server(): TestServer {
      if (!current) throw new Error('the server starts in beforeEach')
      return current
    },
    async post<T>(path: string, body: unknown, token?: string) {
      const res = await fetch(live.server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json()) as T }
    },
    async open(doc, token) {
      const c = connectClient(live.server.wsUrl, doc, { params: { token } })
      clients.push(c)
      await waitSynced(c)
      return c
    },
  }
  return live
}
