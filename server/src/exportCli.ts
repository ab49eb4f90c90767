/**
 * `pnpm export <workshop id> [--format json|md|csv] [--names] [--out FILE]`:
 * the concept catalogue for operators, read straight from the data folder (or
 * the configured PostgreSQL) with the same settings as `pnpm start`. It can
 * run beside a running server; it sees what that server has stored.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { loadConfig } from './config.ts'
import { openStorage } from './server.ts'
import { SqliteStorage } from './storage/sqlite.ts'
import { buildCatalogue } from './workshops/catalogue.ts'
import { isTextExportFormat, rendered } from './workshops/catalogueFiles.ts'
import { WorkshopStore } from './workshops/store.ts'

const USAGE = 'usage: pnpm export <workshop id> [--format json|md|csv] [--names] [--out FILE]'

async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, names: { type: 'boolean', default: false }, out: { type: 'string' } },
    })
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const [workshopId, ...extra] = args.positionals
  const format = args.values.format
  if (workshopId === undefined || extra.length > 0 || !isTextExportFormat(format)) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const config = loadConfig()
  const storage = await openStorage(config)
  const store = new WorkshopStore(config.DATA_DIR, storage instanceof SqliteStorage ? storage.database : undefined)
  try {
    // Each board as stored: its snapshot, then its log.
    const read = async <T>(name: string, look: (doc: Y.Doc) => T): Promise<T> => {
      const stored = await storage.load(name)
      const doc = new Y.Doc({ gc: false })
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      return look(doc)
    }
    const catalogue = await buildCatalogue(store, read, workshopId, { names: args.values.names, now: Date.now(), keepTexts: false })
    if (!catalogue) {
      process.stderr.write(`Werkraum: there is no workshop ${workshopId} in ${config.STORAGE === 'sqlite' ? config.DATA_DIR : 'this database'}\n`)
      return 1
    }
    const { body } = rendered(catalogue, format)
    if (args.values.out !== undefined) writeFileSync(args.values.out, body)
    else process.stdout.write(body)
    return 0
  } finally {
    store.close()
    await storage.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Werkraum: ${(error as Error).message}\n`)
    process.exit(1)
  },
)
