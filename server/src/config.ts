import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Limits, SiteLimits } from '@werkraum/shared'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Every setting an operator can change, read from the environment. The README lists them all. */
export interface Config {
  readonly PORT: number
  readonly HOST: string
  readonly DATA_DIR: string
  readonly CLIENT_DIR: string
  readonly LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  readonly LOG_FORMAT: 'json' | 'pretty' | undefined
  readonly DOC_UNLOAD_MS: number
  readonly COMMIT_WINDOW_MS: number
  readonly COMPACT_AFTER_UPDATES: number
  readonly MAX_MESSAGE_BYTES: number
  readonly MAX_BUFFERED_BYTES: number
  readonly STORAGE: 'sqlite' | 'postgres'
  readonly DATABASE_URL: string | undefined
  readonly DATABASE_SCHEMA: string
  readonly SQLITE_SYNCHRONOUS: 'NORMAL' | 'FULL'
  readonly HEARTBEAT_MS: number
  readonly SHUTDOWN_TIMEOUT_MS: number
  readonly TOKEN_SECRET: string | undefined
  readonly WORKSHOP_CREATION_PASSWORD: string | undefined
  readonly WORKSHOP_RETENTION_DAYS: number
  readonly MAX_CONNECTIONS_PER_ADDRESS: number
  readonly OPERATOR_NAME: string | undefined
  readonly CONTACT_EMAIL: string | undefined
  readonly CONTACT_URL: string | undefined
}

// Parsed by hand rather than with zod: the sync server otherwise needs no schema
// library, and zod alone would add about 8 MiB to its resident memory.
type Parser<T> = (raw: string) => T

function whole(min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> {
  return (raw) => {
    const n = Number(raw)
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new Error(`expected a whole number from ${min} to ${max}, got "${raw}"`)
    return n
  }
}
function oneOf<T extends string>(...values: T[]): Parser<T> {
  return (raw) => {
    if (!(values as string[]).includes(raw)) throw new Error(`expected one of ${values.join(', ')}, got "${raw}"`)
    return raw as T
  }
}
const text: Parser<string> = (raw) => raw
const url: Parser<string> = (raw) => {
  try {
    new URL(raw)
  } catch {
    throw new Error('expected a URL such as postgres://user@host:5432/database')
  }
  return raw
}
function shortText(maxChars: number): Parser<string> {
  return (raw) => {
    if (raw.length > maxChars) throw new Error(`expected at most ${maxChars} characters`)
    return raw
  }
}
// Shown as a mailto: link, so no spaces, one @, and no characters that would add mail headers.
const email: Parser<string> = (raw) => {
  if (raw.length > SiteLimits.MAX_CONTACT_CHARS || !/^[^\s@?&]+@[^\s@?&]+\.[^\s@?&]+$/.test(raw)) throw new Error(`expected an e-mail address such as barrierefreiheit@example.org, got "${raw}"`)
  return raw
}
// Shown as a link's href: only web addresses, never javascript: or data:.
const webAddress: Parser<string> = (raw) => {
  let parsed: URL | undefined
  try {
    parsed = new URL(raw)
  } catch {
    parsed = undefined
  }
  if (raw.length > SiteLimits.MAX_CONTACT_CHARS || (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:')) {
    throw new Error(`expected a web address starting with https://, got "${raw}"`)
  }
  return raw
}
const identifier: Parser<string> = (raw) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(raw)) throw new Error(`expected lower-case letters, digits and _, got "${raw}"`)
  return raw
}

const SETTINGS: { [K in keyof Config]: { parse: Parser<NonNullable<Config[K]>>; fallback: Config[K] } } = {
  PORT: { parse: whole(0, 65535), fallback: 8787 },
  HOST: { parse: text, fallback: '0.0.0.0' },
  DATA_DIR: { parse: text, fallback: path.join(repoRoot, 'data') },
  CLIENT_DIR: { parse: text, fallback: path.join(repoRoot, 'client', 'dist') },
  LOG_LEVEL: { parse: oneOf('debug', 'info', 'warn', 'error', 'silent'), fallback: 'info' },
  LOG_FORMAT: { parse: oneOf('json', 'pretty'), fallback: undefined },
  DOC_UNLOAD_MS: { parse: whole(0, 30_000), fallback: 15_000 },
  COMMIT_WINDOW_MS: { parse: whole(1, 50), fallback: 20 },
  COMPACT_AFTER_UPDATES: { parse: whole(2), fallback: 500 },
  MAX_MESSAGE_BYTES: { parse: whole(1024), fallback: Limits.MAX_MESSAGE_BYTES },
  MAX_BUFFERED_BYTES: { parse: whole(64 * 1024), fallback: 24 * 1024 * 1024 },
  STORAGE: { parse: oneOf('sqlite', 'postgres'), fallback: 'sqlite' },
  DATABASE_URL: { parse: url, fallback: undefined },
  DATABASE_SCHEMA: { parse: identifier, fallback: 'werkraum' },
  SQLITE_SYNCHRONOUS: { parse: oneOf('NORMAL', 'FULL'), fallback: 'NORMAL' },
  // Node fires timers over 2^31-1 ms after 1 ms; keep durations to sensible bounds.
  HEARTBEAT_MS: { parse: whole(100, 600_000), fallback: 15_000 },
  SHUTDOWN_TIMEOUT_MS: { parse: whole(100, 600_000), fallback: 10_000 },
  TOKEN_SECRET: { parse: text, fallback: undefined },
  WORKSHOP_CREATION_PASSWORD: { parse: text, fallback: undefined },
  WORKSHOP_RETENTION_DAYS: { parse: whole(0, 3650), fallback: 180 },
  // Generous: a town hall's whole workshop may sit behind one address.
  MAX_CONNECTIONS_PER_ADDRESS: { parse: whole(1, 100_000), fallback: 500 },
  // Shown on the accessibility statement, the privacy page and the feedback link (issue 14).
  OPERATOR_NAME: { parse: shortText(SiteLimits.MAX_OPERATOR_CHARS), fallback: undefined },
  CONTACT_EMAIL: { parse: email, fallback: undefined },
  CONTACT_URL: { parse: webAddress, fallback: undefined },
}

/** The names of all settings, in the order the README lists them. */
export const SETTING_NAMES = Object.keys(SETTINGS) as (keyof Config)[]

/**
 * Reads the configuration; throws one error naming every bad setting. Empty
 * values count as unset. Relative paths are taken relative to the folder the
 * command was started in (pnpm runs scripts inside the package folder and says
 * where it was called from in INIT_CWD).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values: Record<string, unknown> = {}
  const problems: string[] = []
  for (const name of SETTING_NAMES) {
    const raw = env[name]
    const setting = SETTINGS[name]
    if (raw === undefined || raw.trim() === '') {
      values[name] = setting.fallback
      continue
    }
    try {
      values[name] = setting.parse(raw.trim())
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`)
    }
  }
  if (values.STORAGE === 'postgres' && values.DATABASE_URL === undefined) problems.push('DATABASE_URL: required when STORAGE=postgres')
  if (problems.length > 0) throw new Error(`invalid configuration: ${problems.join('; ')}`)
  const config = values as unknown as Config
  const base = env.INIT_CWD ?? process.cwd()
  return { ...config, DATA_DIR: path.resolve(base, config.DATA_DIR), CLIENT_DIR: path.resolve(base, config.CLIENT_DIR) }
}
