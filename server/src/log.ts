/**
 * Structured logging: one line per event. JSON lines in production (or when
 * LOG_FORMAT=json) so a log shipper can parse them; short readable lines in a
 * terminal during development.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

export interface LoggerOptions {
  readonly level: LogLevel
  readonly format: 'json' | 'pretty'
  readonly write?: (line: string) => void
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = LEVELS[options.level]
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'))
  const emit = (level: Exclude<LogLevel, 'silent'>, event: string, fields?: LogFields): void => {
    if (LEVELS[level] < threshold) return
    const time = new Date().toISOString()
    if (options.format === 'json') {
      write(JSON.stringify({ time, level, event, ...normalise(fields) }))
    } else {
      const rest = fields ? ' ' + Object.entries(normalise(fields)).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ') : ''
      write(`${time.slice(11, 23)} ${level.padEnd(5)} ${event}${rest}`)
    }
  }
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  }
}

function normalise(fields: LogFields | undefined): LogFields {
  if (!fields) return {}
  const out: LogFields = {}
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { message: value.message, stack: value.stack } : value
  }
  return out
}

export const silentLogger: Logger = createLogger({ level: 'silent', format: 'json' })
