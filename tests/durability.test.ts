import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteStorage } from '@werkraum/server'
import { CloseCode } from '@werkraum/shared'
import { connectClient, waitSynced } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { SERVER_BUNDLE, removeDir, repoRoot, spawnServer, startTestServer, tempDataDir } from './support/server.ts'
import type { ChildServer, TestServer } from './support/server.ts'
import { nextEvent, waitFor } from './support/wait.ts'

/** The bundle exists after `pnpm build` (the test command builds first); CI must have it. */
function bundleAvailable(): boolean {
  const reason = !existsSync(SERVER_BUNDLE)
    ? `${SERVER_BUNDLE} is missing`
    : statSync(SERVER_BUNDLE).mtimeMs < newestSourceMs()
      ? `${SERVER_BUNDLE} is older than the server's source`
      : undefined
  if (reason === undefined) return true
  if (process.env.CI === 'true') throw new Error(`${reason} in CI: the test command must build first`)
  console.warn(`[skipped] production-bundle shutdown test — ${reason} (pnpm build)`)
  return false
}

function newestSourceMs(): number {
  let newest = 0
  for (const dir of ['server/src', 'shared/src']) {
    for (const file of readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })) {
      if (file.isFile() && file.name.endsWith('.ts') && !file.name.endsWith('.test.ts')) {
        newest = Math.max(newest, statSync(path.join(file.parentPath, file.name)).mtimeMs)
      }
    }
  }
  return newest
}

const clients: TestClient[] = []
const servers: TestServer[] = []
const children: ChildServer[] = []
const dirs: string[] = []

function client(wsUrl: string, name: string, doc?: Y.Doc): TestClient {
  const c = connectClient(wsUrl, name, { doc })
  clients.push(c)
  return c
}
async function server(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const s = await startTestServer(env, dataDir)
  servers.push(s)
  if (!dirs.includes(s.dataDir)) dirs.push(s.dataDir)
  return s
}
async function child(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const c = await spawnServer(dataDir, env)
  children.push(c)
  return c
}
/** Reads what storage holds for a document, the way a restarted server would. */
async function stored(dataDir: string, doc: string): Promise<{ doc: Y.Doc; updates: number; snapshot: boolean }> {
  const storage = new SqliteStorage({ dataDir })
  try {
    const s = await storage.load(doc)
    const ydoc = new Y.Doc()
    if (s.snapshot) Y.applyUpdate(ydoc, s.snapshot)
    for (const u of s.updates) Y.applyUpdate(ydoc, u)
    return { doc: ydoc, updates: s.updates.length, snapshot: s.snapshot !== null }
  } finally {
    await storage.close()
  }
}
async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url + '/metrics')).text()
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)
  if (!match) throw new Error(`metric ${name} missing`)
  return Number(match[1])
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of servers.splice(0)) await s.close()
  for (const c of children.splice(0)) {
    c.process.kill('SIGKILL')
    await c.exited
  }
  for (const d of dirs.splice(0)) removeDir(d)
})

describe('durability', () => {
  it('a restart with the same data folder restores the document', async () => {
    const first = await server()
    const a = client(first.wsUrl, 'board.restart')
    await waitSynced(a)
    a.doc.getText('text').insert(0, 'Bürgerbus für das Dorf')
    for (let i = 0; i < 50; i++) a.doc.getArray('list').push([i])
    a.doc.getMap('map').set('votes', 3)
    const b = client(first.wsUrl, 'board.restart')
    await waitFor(() => b.doc.getArray('list').length === 50, 'server has every edit')
    a.destroy()
    b.destroy()
    await first.close()

    const second = await server({}, first.dataDir)
    const fresh = client(second.wsUrl, 'board.restart')
    await waitSynced(fresh)
    await waitFor(() => fresh.doc.getArray('list').length === 50, 'restored list')
    expect(fresh.doc.getText('text').toString()).toBe('Bürgerbus für das Dorf')
    expect(fresh.doc.getMap('map').get('votes')).toBe(3)
  })

  it('kill -9 during a stream of edits loses nothing that was committed, and reconnecting clients restore the rest', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const first = await child(dataDir, { COMMIT_WINDOW_MS: '20' })
    const writer = client(first.wsUrl, 'board.crash')
    const observer = client(first.wsUrl, 'board.crash')
    await Promise.all([waitSynced(writer), waitSynced(observer)])
    const list = writer.doc.getArray<number>('list')
    let next = 0
    const stream = setInterval(() => list.push([next++]), 2)
    try {
      await waitFor(() => observer.doc.getArray('list').length >= 100, 'stream under way')
      // Everything the observer has seen was applied by the server. A commit that
      // completes after we asked for the count started after that, so it covers them.
      const seen = observer.doc.getArray<number>('list').toArray()
      const commitsBefore = await metric(first.url, 'werkraum_persist_seconds_count')
      await waitFor(async () => (await metric(first.url, 'werkraum_persist_seconds_count')) >= commitsBefore + 1, 'a commit after the edits were seen', 10_000)
      first.process.kill('SIGKILL')
      expect(await first.exited).toBe('SIGKILL')
      // The writer keeps editing while the server is gone.
      await waitFor(() => next >= seen.length + 100, 'edits while the server is down')

      const second = await child(dataDir)
      const fresh = client(second.wsUrl, 'board.crash')
      await waitSynced(fresh)
      const restored = new Set(fresh.doc.getArray<number>('list').toArray())
      const lost = seen.filter((n) => !restored.has(n))
      expect(lost, 'committed edits lost by kill -9').toEqual([])

      // The writer reconnects to the new server: the sync protocol brings whatever the server missed.
      clearInterval(stream)
      writer.provider.destroy()
      const back = client(second.wsUrl, 'board.crash', writer.doc)
      await waitSynced(back)
      const total = next
      await waitFor(() => fresh.doc.getArray('list').length === total, `all ${total} edits at the fresh client`, 10_000)
      expect([...fresh.doc.getArray<number>('list').toArray()].sort((x, y) => x - y)).toEqual([...Array(total).keys()])
    } finally {
      clearInterval(stream)
    }
  })

  it.skipIf(!bundleAvailable())('SIGTERM closes sockets with SERVER_RESTARTING, writes everything and exits 0 (production bundle)', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const running = await spawnServer(dataDir, { COMMIT_WINDOW_MS: '50' }, 0, 'bundle')
    children.push(running)
    const a = client(running.wsUrl, 'board.term')
    const b = client(running.wsUrl, 'board.term')
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.provider.shouldConnect = true
    const closed = nextEvent<CloseEvent | { code: number }>(a.provider, 'connection-close')
    a.doc.getText('text').insert(0, 'last words')
    await waitFor(() => b.doc.getText('text').toString() === 'last words', 'server applied the edit')
    running.process.kill('SIGTERM')
    const event = await closed
    expect(event.code).toBe(CloseCode.SERVER_RESTARTING.code)
    expect(await running.exited).toBe(0)
    a.provider.disconnect()
    b.provider.disconnect()
    const onDisk = await stored(dataDir, 'board.term')
    expect(onDisk.doc.getText('text').toString()).toBe('last words')
    expect(running.output()).toContain('"event":"server.stopped"')
  })

  it('unloads a document after its last client left, and reloads it correctly', async () => {
    const s = await server({ DOC_UNLOAD_MS: '50' })
    const a = client(s.wsUrl, 'board.unload')
    await waitSynced(a)
    for (let i = 0; i < 10; i++) a.doc.getArray('list').push([i])
    await waitFor(() => s.rooms.peek('board.unload')?.doc.getArray('list').length === 10, 'server has the edits')
    a.provider.disconnect()
    await waitFor(() => s.rooms.peek('board.unload') === undefined, 'document unloaded')
    const onDisk = await stored(s.dataDir, 'board.unload')
    expect(onDisk.snapshot).toBe(true)
    expect(onDisk.updates).toBe(0)
    expect(onDisk.doc.getArray('list').length).toBe(10)

    const again = client(s.wsUrl, 'board.unload')
    await waitSynced(again)
    await waitFor(() => again.doc.getArray('list').length === 10, 'reloaded state')
    again.doc.getArray('list').push([10])
    a.provider.connect()
    await waitFor(() => a.doc.getArray('list').length === 11, 'edits after reload reach others')
  })

  it('compacts the log into a snapshot once it grows past its bound', async () => {
    const s = await server({ COMPACT_AFTER_UPDATES: '10', COMMIT_WINDOW_MS: '1' })
    const a = client(s.wsUrl, 'board.compact')
    const b = client(s.wsUrl, 'board.compact')
    await Promise.all([waitSynced(a), waitSynced(b)])
    for (let i = 0; i < 60; i++) {
      // Let each edit be its own commit, so the log really grows.
      const commits = s.metrics.persistSeconds.count
      a.doc.getArray('list').push([i])
      await waitFor(() => b.doc.getArray('list').length === i + 1, `edit ${i} delivered`)
      await waitFor(() => s.metrics.persistSeconds.count > commits, `edit ${i} committed`)
    }
    expect(s.metrics.compactions.value).toBeGreaterThan(0)
    const onDisk = await stored(s.dataDir, 'board.compact')
    expect(onDisk.snapshot).toBe(true)
    expect(onDisk.updates).toBeLessThan(10)
    expect(onDisk.doc.getArray('list').toArray()).toEqual([...Array(60).keys()])
  })
})
