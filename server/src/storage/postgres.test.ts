import { randomBytes } from 'node:crypto'
import { Socket } from 'node:net'
import { describe, it } from 'vitest'
import { describeStorageContract } from './contract.ts'
import { PostgresStorage } from './postgres.ts'

/** The database the contract runs against; CI and the developers' machines have it on 127.0.0.1. */
const DATABASE_URL = process.env.WERKRAUM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function reachable(url: string): Promise<boolean> {
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

const available = await reachable(DATABASE_URL)

if (available) {
  describeStorageContract('postgres', () => {
    const schema = `werkraum_test_${randomBytes(4).toString('hex')}`
    let last: PostgresStorage | undefined
    const open = async (): Promise<PostgresStorage> => (last = await PostgresStorage.connect({ connectionString: DATABASE_URL, schema }))
    return {
      open,
      reopen: open,
      cleanup: async () => {
        const admin = await PostgresStorage.connect({ connectionString: DATABASE_URL, schema })
        await admin.dropSchema()
        await admin.close()
        await last?.close()
      },
    }
  })
} else if (process.env.CI === 'true') {
  describe('storage contract: postgres', () => {
    it('needs PostgreSQL, which CI provides', () => {
      throw new Error(`PostgreSQL is not reachable at ${DATABASE_URL}, but CI must run the postgres contract suite`)
    })
  })
} else {
  console.warn(`[skipped] storage contract: postgres — PostgreSQL is not reachable at ${DATABASE_URL} (set WERKRAUM_TEST_DATABASE_URL)`)
  describe.skip(`storage contract: postgres (PostgreSQL not reachable at ${DATABASE_URL})`, () => {
    it('runs when PostgreSQL is available', () => undefined)
  })
}
