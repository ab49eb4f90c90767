/**
 * Privacy and statements (a part of issue 14), on the server's side: every
 * page, the statement pages and the errors carry the Content-Security-Policy;
 * the operator's contact reaches the client from its settings; and nothing a
 * visitor does puts their network address into the logs.
 */
import { request } from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { SITE_INFO_PATH, workshopControlDocName, type CreatedWorkshop, type JoinedWorkshop, type WorkshopView } from '@werkraum/shared'
import { SiteInfoSchema } from '@werkraum/shared/schemas'
import { createLogger, loadConfig, startServer } from '@werkraum/server'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitSynced, type TestClient } from './support/clients.ts'
import { removeDir, startTestServer, tempDataDir } from './support/server.ts'
import type { TestServer } from './support/server.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function serve(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer(env)
  cleanups.push(async () => {
    await server.close()
    removeDir(server.dataDir)
  })
  return server
}

/** A client build with an index.html, so that app routes are answered as in production. */
function clientBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkraum-client-'))
  cleanups.push(() => removeDir(dir))
  mkdirSync(path.join(dir, 'assets'))
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Werkraum</title>')
  return dir
}

describe('Content-Security-Policy', () => {
  it("is on every page, the statement pages, the API and the 404s, with default-src 'self'", async () => {
    const server = await serve({ CLIENT_DIR: clientBuild() })
    const paths: Array<[string, number]> = [
      ['/', 200],
      ['/w/abc123', 200],
      ['/w/abc123/console', 200],
      ['/j/ABC-DEFG', 200],
      ['/b/ideen', 200],
      ['/barrierefreiheit', 200],
      ['/datenschutz', 200],
      ['/leichte-sprache', 200],
      ['/accessibility', 200],
      ['/privacy', 200],
      ['/easy-read', 200],
      ['/no-such-page', 200],
      ['/assets/missing.js', 404],
      ['/api/nothing-here', 404],
      [SITE_INFO_PATH, 200],
      ['/healthz', 200],
    ]
    for (const [pathname, status] of paths) {
      const res = await fetch(server.url + pathname)
      expect(res.status, pathname).toBe(status)
      const policy = res.headers.get('content-security-policy') ?? ''
      expect(policy, pathname).toMatch(/(^|; )default-src 'self'(;|$)/)
      // Nothing from another origin: no source list names a host or a wildcard.
      expect(policy, pathname).not.toMatch(/https?:|\*/)
      if (status === 200 && !pathname.startsWith('/api/') && pathname !== '/healthz') expect(await res.text(), pathname).toContain('<title>Werkraum</title>')
    }
  })
})

describe(`GET ${SITE_INFO_PATH}`, () => {
  it('says that no contact is set when the operator set none, and gives the retention period', async () => {
    const server = await serve()
    const res = await fetch(server.url + SITE_INFO_PATH)
    expect(res.status).toBe(200)
    expect(SiteInfoSchema.parse(await res.json())).toEqual({ operator: null, contactEmail: null, contactUrl: null, retentionDays: 180 })
  })

  it("gives the operator's name, e-mail address and web address from the settings", async () => {
    const server = await serve({
      OPERATOR_NAME: 'Stadt Musterstadt, Amt für Bürgerbeteiligung',
      CONTACT_EMAIL: 'beteiligung@musterstadt.example',
      CONTACT_URL: 'https://musterstadt.example/kontakt',
      WORKSHOP_RETENTION_DAYS: '30',
    })
    const info = SiteInfoSchema.parse(await (await fetch(server.url + SITE_INFO_PATH)).json())
    expect(info).toEqual({
      operator: 'Stadt Musterstadt, Amt für Bürgerbeteiligung',
      contactEmail: 'beteiligung@musterstadt.example',
      contactUrl: 'https://musterstadt.example/kontakt',
      retentionDays: 30,
    })
  })

  it('refuses contact settings that would make a harmful link', () => {
    expect(() => loadConfig({ CONTACT_URL: 'javascript:alert(1)' })).toThrow(/CONTACT_URL/)
    expect(() => loadConfig({ CONTACT_URL: 'data:text/html,<b>x</b>' })).toThrow(/CONTACT_URL/)
    expect(() => loadConfig({ CONTACT_EMAIL: 'a@b.example?bcc=c@d.example' })).toThrow(/CONTACT_EMAIL/)
    expect(() => loadConfig({ CONTACT_EMAIL: 'keine adresse' })).toThrow(/CONTACT_EMAIL/)
    expect(() => loadConfig({ OPERATOR_NAME: 'x'.repeat(201) })).toThrow(/OPERATOR_NAME/)
  })
})

/** The address the visitors of this test come from: another loopback address than the server's own. */
const VISITOR = '127.0.0.2'
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/
const IPV6 = /\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b|[0-9a-f]{0,4}::[0-9a-f:.]*[0-9a-f]/i

/** An HTTP request sent from the visitor's address (fetch cannot choose its source address). */
function visit(url: string, options: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        localAddress: VISITOR,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body !== undefined ? JSON.stringify(options.body) : undefined)
  })
}

/** y-websocket's client, connecting from the visitor's address. */
class VisitorSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols, { localAddress: VISITOR })
  }
}

describe('logs', () => {
  it('hold no network address of anyone who visits, joins or connects, at the most detailed level', async () => {
    const lines: string[] = []
    const dataDir = tempDataDir()
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: clientBuild(), MAX_CONNECTIONS_PER_ADDRESS: '3' })
    const server = await startServer({ config, logger: createLogger({ level: 'debug', format: 'json', write: (line) => lines.push(line) }) })
    const clients: TestClient[] = []
    cleanups.push(async () => {
      for (const c of clients) c.destroy()
      await server.close()
      removeDir(dataDir)
    })
    const wsUrl = server.url.replace(/^http/, 'ws') + '/sync'

    // Pages, the API, a workshop with a participant, wrong codes until the limit answers 429.
    expect((await visit(server.url + '/')).status).toBe(200)
    expect((await visit(server.url + '/datenschutz')).status).toBe(200)
    const created = JSON.parse((await visit(server.url + '/api/workshops', { method: 'POST', body: { title: 'Logs', locale: 'de' } })).body) as CreatedWorkshop
    const joined = JSON.parse((await visit(server.url + '/api/join', { method: 'POST', body: { code: created.joinCode, name: 'Paula' } })).body) as JoinedWorkshop
    const view = JSON.parse((await visit(`${server.url}/api/workshops/${created.id}`, { token: joined.token })).body) as WorkshopView
    const statuses = new Set<number>()
    for (let i = 0; i < 12; i++) statuses.add((await visit(server.url + '/api/join', { method: 'POST', body: { code: 'ZZZ-ZZZZ', name: 'Mallory' } })).status)
    expect(statuses).toContain(429)

    // Connections: allowed ones, a refused token, one too many for the address, and a message that is not the protocol.
    for (const [doc, token] of [
      [workshopControlDocName(created.id), joined.token],
      [view.boards[0]!.doc, joined.token],
    ] as const) {
      const doc_ = new Y.Doc()
      const provider = new WebsocketProvider(wsUrl, doc, doc_, {
        WebSocketPolyfill: VisitorSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token },
      })
      clients.push({ doc: doc_, provider, destroy: () => (provider.destroy(), doc_.destroy()) })
    }
    await Promise.all(clients.map((c) => waitSynced(c)))
    const refused = (url: string): Promise<number> =>
      new Promise((resolve) => {
        const ws = new VisitorSocket(url)
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        ws.on('error', () => undefined)
      })
    expect(await refused(`${wsUrl}/${view.boards[0]!.doc}?token=falsch`)).toBe(401)
    const third = new VisitorSocket(`${wsUrl}/board.offen`)
    await new Promise((resolve) => third.once('open', resolve))
    expect(await refused(`${wsUrl}/board.zu-viele`)).toBe(429)
    const closed = new Promise((resolve) => third.once('close', resolve))
    third.send('kein Yjs')
    await closed
    for (const c of clients.splice(0)) c.destroy()
    await server.close()

    // Where did our visitor come from? The server knew (it counted connections per address), the logs must not say.
    const log = lines.join('\n')
    expect(lines.some((l) => l.includes('"peer.joined"'))).toBe(true)
    expect(log).not.toContain(VISITOR)
    for (const line of lines) {
      const { time: _time, url: _ownAddress, ...rest } = JSON.parse(line) as Record<string, unknown>
      const text = JSON.stringify(rest)
      expect(text, line).not.toMatch(IPV4)
      expect(text, line).not.toMatch(IPV6)
    }
  })
})
