import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_TOKEN_CHARS, loadOrCreateSecret, signToken, verifyToken } from './tokens.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'werkraum-secret-'))
  dirs.push(d)
  return d
}

describe('tokens', () => {
  const secret = Buffer.alloc(32, 7)
  const claims = { workshop: 'w1', subject: 'p1', issuedAt: 1_700_000_000 }

  it('round-trip', () => {
    expect(verifyToken(secret, signToken(secret, claims))).toEqual(claims)
  })

  it('refuse a changed body, another secret, and malformed input without throwing', () => {
    const token = signToken(secret, claims)
    const [body, sig] = token.split('.') as [string, string]
    const forged = Buffer.from(JSON.stringify({ w: 'w2', s: 'p1', i: 1 })).toString('base64url')
    expect(verifyToken(secret, `${forged}.${sig}`)).toBeUndefined()
    expect(verifyToken(Buffer.alloc(32, 8), token)).toBeUndefined()
    for (const bad of ['', '.', 'abc', `${body}.`, `.${sig}`, `${body}.${sig}.x`, 'x'.repeat(MAX_TOKEN_CHARS + 1), `${body}.%%%`]) {
      expect(verifyToken(secret, bad), bad.slice(0, 20)).toBeUndefined()
    }
    // A validly signed body that is not our JSON.
    const junk = Buffer.from('not json').toString('base64url')
    const signedJunk = signToken(secret, claims).replace(body, junk)
    expect(verifyToken(secret, signedJunk)).toBeUndefined()
  })
})

describe('loadOrCreateSecret', () => {
  it('creates a secret readable by the owner only and returns the same one later', () => {
    const dir = dataDir()
    const first = loadOrCreateSecret(dir)
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(statSync(path.join(dir, 'token-secret')).mode & 0o777).toBe(0o600)
    expect(loadOrCreateSecret(dir).equals(first)).toBe(true)
  })

  it('uses the operator’s secret when given, and refuses a short one', () => {
    expect(loadOrCreateSecret(dataDir(), 'x'.repeat(40)).toString()).toBe('x'.repeat(40))
    expect(() => loadOrCreateSecret(dataDir(), 'short')).toThrow(/at least 32/)
  })
})

describe('token spelling', () => {
  it('has exactly one valid spelling per token', () => {
    const secret = Buffer.alloc(32, 3)
    const token = signToken(secret, { workshop: 'w', subject: 's', issuedAt: 1 })
    expect(verifyToken(secret, token)).toBeDefined()
    for (const variant of [token + '=', token + '\n', token.slice(0, -5) + ' ' + token.slice(-5)]) {
      expect(verifyToken(secret, variant), JSON.stringify(variant.slice(-8))).toBeUndefined()
    }
  })
})
