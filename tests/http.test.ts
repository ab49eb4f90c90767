import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiErrorSchema, HealthSchema } from '@werkraum/shared/schemas'
import { removeDir, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'

let server: TestServer | undefined
const dirs: string[] = []
afterEach(async () => {
  await server?.close()
  if (server) removeDir(server.dataDir)
  server = undefined
  for (const d of dirs.splice(0)) removeDir(d)
})

/** A client build in `<tmp>/dist`, with a secret file beside it that must never be served. */
function fakeClientBuild(): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'werkraum-client-'))
  dirs.push(parent)
  writeFileSync(path.join(parent, 'secret.txt'), 'SECRET')
  const dir = path.join(parent, 'dist')
  mkdirSync(path.join(dir, 'assets'), { recursive: true })
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Werkraum</title>')
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)')
  return dir
}

describe('HTTP endpoints', () => {
  it('GET /healthz answers 200 with a small JSON status', async () => {
    server = await startTestServer()
    const res = await fetch(server.url + '/healthz')
    expect(res.status).toBe(200)
    const body = HealthSchema.parse(await res.json())
    expect(body.status).toBe('ok')
    expect(body.connections).toBe(0)
  })

  it('GET /metrics speaks Prometheus text with the numbers an operator needs', async () => {
    server = await startTestServer()
    const res = await fetch(server.url + '/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    for (const name of [
      'werkraum_connections',
      'werkraum_documents_loaded',
      'werkraum_updates_total',
      'werkraum_updates_per_second',
      'werkraum_bytes_received_total',
      'werkraum_bytes_sent_total',
      'werkraum_persist_seconds_bucket',
    ]) {
      expect(text).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? [0-9.e+-]+$`, 'm'))
    }
  })

  it('serves the built client, falls back to index.html for app routes, and never leaves its folder', async () => {
    server = await startTestServer({ CLIENT_DIR: fakeClientBuild() })
    const index = await fetch(server.url + '/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await index.text()).toContain('<title>Werkraum</title>')
    for (const route of ['/b/ideen', '/b/release-v1.2', '/b/a.b.c']) {
      const res = await fetch(server.url + route)
      expect(res.status, route).toBe(200)
      expect(await res.text()).toContain('<title>Werkraum</title>')
    }
    const asset = await fetch(server.url + '/assets/app-abc123.js')
    expect(asset.headers.get('content-type')).toContain('javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(server.url + '/assets/missing.js')).status).toBe(404)
    for (const attempt of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await fetch(server.url + attempt)
      expect(await res.text(), attempt).not.toContain('SECRET')
    }
  })

  it('says clearly when the client is not built', async () => {
    server = await startTestServer({ CLIENT_DIR: path.join(tmpdir(), 'werkraum-does-not-exist') })
    const res = await fetch(server.url + '/')
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('pnpm build')
  })

  it('answers wrong methods and plain requests to /sync with a JSON error', async () => {
    server = await startTestServer()
    const post = await fetch(server.url + '/healthz', { method: 'POST', body: '{}' })
    expect(post.status).toBe(405)
    expect(ApiErrorSchema.parse(await post.json()).error.code).toBe('method_not_allowed')
    const plain = await fetch(server.url + '/sync/board.x')
    expect(plain.status).toBe(426)
    expect(ApiErrorSchema.parse(await plain.json()).error.code).toBe('upgrade_required')
    expect((await fetch(server.url + '/syncing-is-a-route')).status).not.toBe(426)
    const german = await fetch(server.url + '/healthz', { method: 'DELETE', headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } })
    expect(ApiErrorSchema.parse(await german.json()).error.message).toBe('Diese Methode wird hier nicht unterstützt.')
  })
})
