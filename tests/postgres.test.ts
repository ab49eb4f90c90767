/**
 * The whole server on the PostgreSQL backend: what an operator gets with
 * STORAGE=postgres. Skipped with a printed reason where PostgreSQL is not
 * running; CI has it and must run this.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { PostgresStorage } from '@werkraum/server'
import { TEST_DATABASE_URL, postgresTestsShouldRun } from '../server/src/storage/postgresTarget.ts'
import { connectClient, waitSynced } from './support/clients.ts'
import { removeDir, startTestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

const DATABASE_URL = TEST_DATABASE_URL
const schema = `werkraum_it_${randomBytes(4).toString('hex')}`
const mustRun = await postgresTestsShouldRun('server on PostgreSQL')

describe.runIf(mustRun)('the server on PostgreSQL', () => {
  afterAll(async () => {
    const admin = await PostgresStorage.connect({ connectionString: DATABASE_URL, schema })
    await admin.dropSchema()
    await admin.close()
  })

  it('keeps a board across a restart', async () => {
    const env = { STORAGE: 'postgres', DATABASE_URL, DATABASE_SCHEMA: schema }
    const first = await startTestServer(env)
    const a = connectClient(first.wsUrl, 'board.pg')
    await waitSynced(a)
    a.doc.getText('text').insert(0, 'Gespeichert in PostgreSQL')
    for (let i = 0; i < 30; i++) a.doc.getArray('list').push([i])
    await waitFor(() => first.rooms.peek('board.pg')?.doc.getArray('list').length === 30, 'server has the edits')
    a.destroy()
    await first.close()

    const second = await startTestServer(env, first.dataDir)
    const b = connectClient(second.wsUrl, 'board.pg')
    await waitSynced(b)
    await waitFor(() => b.doc.getArray('list').length === 30, 'restored from PostgreSQL')
    expect(b.doc.getText('text').toString()).toBe('Gespeichert in PostgreSQL')
    b.destroy()
    await second.close()
    removeDir(first.dataDir)
  })
})
