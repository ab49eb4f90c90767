/**
 * `pnpm start`: runs Werkraum with the configuration from the environment
 * until SIGTERM or SIGINT, then shuts down gracefully and exits 0.
 */
import { loadConfig } from './config.ts'
import { createLogger } from './log.ts'
import { startServer } from './server.ts'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    process.stderr.write(`Werkraum: ${(error as Error).message}\n`)
    process.exit(2)
  }
  const log = createLogger({
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT ?? (process.env.NODE_ENV === 'production' || !process.stdout.isTTY ? 'json' : 'pretty'),
  })

  const server = await startServer({ config, logger: log })
  process.stdout.write(`\nWerkraum läuft auf / is running at ${server.url}\n\n`)

  let stopping = false
  let exitCode = 0
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log.info('signal', { signal })
    const deadline = setTimeout(() => {
      log.error('shutdown.timeout', { ms: config.SHUTDOWN_TIMEOUT_MS })
      process.exit(1)
    }, config.SHUTDOWN_TIMEOUT_MS)
    deadline.unref()
    server.close().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        log.error('shutdown.failed', { error })
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  // After an error nobody caught, the process is in an unknown state: save what can
  // be saved and exit non-zero, so that a supervisor restarts it.
  const fail = (event: string, error: unknown): void => {
    log.error(event, { error })
    exitCode = 1
    stop(event)
  }
  process.on('uncaughtException', (error) => fail('process.uncaught_exception', error))
  process.on('unhandledRejection', (error) => fail('process.unhandled_rejection', error))
}

void main().catch((error: unknown) => {
  process.stderr.write(`Werkraum could not start: ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
