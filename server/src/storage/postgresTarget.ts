/**
 * Where tests find PostgreSQL, and whether it is there. CI and the developers'
 * machines run it on 127.0.0.1:5432; a newcomer's machine may not, and then the
 * PostgreSQL tests are skipped with a printed reason (never in CI).
 */
import { Socket } from 'node:net'

export const TEST_DATABASE_URL = process.env.WERKRAUM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise<boolean>((resolve) => {
    const socket = new Socket()
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000)
    socket.once('connect', () => done(true)).once('error', () => done(false)).once('timeout', () => done(false))
    socket.connect(Number(port || 5432), hostname)
  })
}

/**
 * Resolves true when PostgreSQL tests should run. When it is not reachable, prints
 * why they are skipped and resolves false, except in CI (`CI=true`), where it
 * resolves true so that the tests run and fail loudly.
 */
export async function postgresTestsShouldRun(what: string): Promise<boolean> {
  if (await reachable(TEST_DATABASE_URL)) return true
  if (process.env.CI === 'true') return true
  console.warn(`[skipped] ${what} — PostgreSQL is not reachable at ${TEST_DATABASE_URL} (set WERKRAUM_TEST_DATABASE_URL)`)
  return false
}
