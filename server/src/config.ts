import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { Limits } from '@werkraum/shared'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Every setting an operator can change, read from the environment. The README lists them all. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  CLIENT_DIR: z.string().min(1).default(path.join(repoRoot, 'client', 'dist')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  DOC_UNLOAD_MS: z.coerce.number().int().min(0).max(30_000).default(15_000),
  COMMIT_WINDOW_MS: z.coerce.number().int().min(1).max(50).default(20),
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(2).default(500),
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(Limits.MAX_MESSAGE_BYTES),
  MAX_BUFFERED_BYTES: z.coerce.number().int().min(64 * 1024).default(24 * 1024 * 1024),
  STORAGE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('werkraum'),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
})
export type Config = z.infer<typeof ConfigSchema>

/**
 * Reads the configuration. Relative paths are taken relative to the folder the
 * command was started in (pnpm runs scripts inside the package folder and says
 * where it was called from in INIT_CWD).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== '')),
  )
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid configuration: ${problems}`)
  }
  if (parsed.data.STORAGE === 'postgres' && !parsed.data.DATABASE_URL) {
    throw new Error('invalid configuration: DATABASE_URL: required when STORAGE=postgres')
  }
  const base = env.INIT_CWD ?? process.cwd()
  return {
    ...parsed.data,
    DATA_DIR: path.resolve(base, parsed.data.DATA_DIR),
    CLIENT_DIR: path.resolve(base, parsed.data.CLIENT_DIR),
  }
}
