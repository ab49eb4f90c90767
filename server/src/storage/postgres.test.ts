import { randomBytes } from 'node:crypto'
import { describe } from 'vitest'
import { describeStorageContract } from './contract.ts'
import { PostgresStorage } from './postgres.ts'
import { TEST_DATABASE_URL, postgresTestsShouldRun } from './postgresTarget.ts'

const run = await postgresTestsShouldRun('storage contract: postgres')

describe.runIf(run)('postgres backend', () => {
  describeStorageContract('postgres', () => {
    const schema = `werkraum_test_${randomBytes(4).toString('hex')}`
    let last: PostgresStorage | undefined
    const open = async (): Promise<PostgresStorage> => (last = await PostgresStorage.connect({ connectionString: TEST_DATABASE_URL, schema }))
    return {
      open,
      reopen: open,
      cleanup: async () => {
        const admin = await PostgresStorage.connect({ connectionString: TEST_DATABASE_URL, schema })
        await admin.dropSchema()
        await admin.close()
        await last?.close()
      },
    }
  })
})
