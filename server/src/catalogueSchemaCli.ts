/**
 * `pnpm catalogue-schema`: writes `docs/catalogue-schema.json` from the zod
 * schema the server builds catalogues against. A test fails while the two differ.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { catalogueJsonSchema } from '@werkraum/shared/schemas'

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/catalogue-schema.json')
writeFileSync(target, JSON.stringify(catalogueJsonSchema(), null, 2) + '\n')
process.stdout.write(`wrote ${target}\n`)
