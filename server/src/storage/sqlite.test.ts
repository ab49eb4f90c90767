import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describeStorageContract } from './contract.ts'
import { SqliteStorage } from './sqlite.ts'

describeStorageContract('sqlite', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'werkraum-sqlite-'))
  return {
    open: async () => new SqliteStorage({ dataDir }),
    reopen: async () => new SqliteStorage({ dataDir }),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  }
})
