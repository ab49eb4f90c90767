/**
 * Signed tokens (issue #3): who the caller is, never what they may do. What a
 * token's holder may do is looked up in the workshop's current state at every
 * connection, so a changed role or a removal takes effect without reissuing.
 *
 * Format: base64url(JSON claims) "." base64url(HMAC-SHA256(secret, first part)).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface TokenClaims {
  /** Workshop id. */
  readonly workshop: string
  /** Participant id (facilitators, moderators and observers are participants too). */
  readonly subject: string
  /** Seconds since the epoch. */
  readonly issuedAt: number
}

/** Longest token accepted; anything longer is refused before any work is done. */
export const MAX_TOKEN_CHARS = 512
const SECRET_FILE = 'token-secret'
const MIN_SECRET_BYTES = 32

export function signToken(secret: Uint8Array, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify({ w: claims.workshop, s: claims.subject, i: claims.issuedAt })).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

/** The claims of a valid token, or undefined for anything else (never throws: the input is untrusted). */
export function verifyToken(secret: Uint8Array, token: string): TokenClaims | undefined {
  if (token.length > MAX_TOKEN_CHARS) return undefined
  const dot = token.indexOf('.')
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return undefined
  const body = token.slice(0, dot)
  // Compared as text: base64url decoding is lenient (padding, whitespace), and one
  // token must have exactly one spelling.
  const given = Buffer.from(token.slice(dot + 1))
  const expected = Buffer.from(mac(secret, body))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { w?: unknown; s?: unknown; i?: unknown }
    if (typeof raw.w !== 'string' || typeof raw.s !== 'string' || typeof raw.i !== 'number') return undefined
    return { workshop: raw.w, subject: raw.s, issuedAt: raw.i }
  } catch {
    return undefined
  }
}

function mac(secret: Uint8Array, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

/**
 * The signing secret: the operator's, if configured (at least 32 characters),
 * otherwise the one kept in the data folder, created with owner-only
 * permissions on first start. Losing it invalidates every link.
 */
export function loadOrCreateSecret(dataDir: string, configured?: string): Buffer {
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_BYTES) throw new Error(`the token secret must be at least ${MIN_SECRET_BYTES} characters`)
    return Buffer.from(configured, 'utf8')
  }
  const file = path.join(dataDir, SECRET_FILE)
  if (existsSync(file)) {
    const stored = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url')
    if (stored.length >= MIN_SECRET_BYTES) return stored
    throw new Error(`${file} holds no usable secret; remove it to create a new one (this invalidates every link)`)
  }
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(MIN_SECRET_BYTES)
  writeFileSync(file, secret.toString('base64url') + '\n', { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
  return secret
}
