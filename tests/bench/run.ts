/**
 * `pnpm bench`: Werkraum against the stock y-websocket server, one room with
 * N clients (default 50 and 100) of which 10 write at 10 Hz and all move their
 * cursors at 10 Hz. Prints a table per room size and writes every figure to
 * tests/bench/results/latest.json.
 *
 * Settings (environment):
 *   BENCH_SECONDS        measured seconds per run (default 20)
 *   BENCH_WARMUP_SECONDS load before measuring starts (default 3)
 *   BENCH_CLIENTS        room sizes, comma-separated (default "50,100")
 *   BENCH_GENERATORS     load-generator processes (default 2)
 *   BENCH_ECHO_CLIENTS   room sizes for the extra run with stock, echoing clients (default "50"; "" to skip)
 *   BENCH_ECHO_SECONDS   measured seconds of that run (default 10)
 *   BENCH_WERKRAUM_DIR   the Werkraum checkout to measure (default: this one), e.g. a `git worktree`
 *                        of another commit with its dependencies installed
 *   BENCH_LOADER         "tsx" runs Werkraum's TypeScript source (and the reference) under tsx instead of
 *                        Werkraum's production bundle on plain Node (default)
 *   BENCH_ATTEMPTS       runs per server and scenario when other processes disturbed a run (default 1):
 *                        a run during which other processes used more than a tenth of the machine is
 *                        repeated, and the least disturbed attempt is reported
 *   BENCH_CPU_PROF       folder for V8 CPU profiles of the servers (diagnosis only; slows them down)
 *   BENCH_SERVER_NODE_OPTIONS  NODE_OPTIONS for the servers (diagnosis only, e.g. "--trace-gc")
 *
 * Everything listens and connects on 127.0.0.1 only. Every child process is
 * killed when the run ends, fails or is interrupted, and a hard deadline ends
 * the whole run if something hangs.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runScenario } from './load.ts'
import type { RunResult, Scenario } from './load.ts'
import type { PresenceMode } from './protocol.ts'
import { comparisonTable, disturbed } from './report.ts'
import { emergencyCleanup, loader, werkraumRoot } from './servers.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`)
  return value
}

function listFromEnv(name: string, fallback: string): number[] {
  const raw = process.env[name] ?? fallback
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const n = Number(s)
      if (!Number.isInteger(n) || n < 2 || n > 500) throw new Error(`${name}: room sizes must be integers from 2 to 500, got "${s}"`)
      return n
    })
}

function readSettings() {
  return {
    seconds: intFromEnv('BENCH_SECONDS', 20, 1, 600),
    warmupSeconds: intFromEnv('BENCH_WARMUP_SECONDS', 3, 0, 60),
    generators: intFromEnv('BENCH_GENERATORS', 2, 1, 8),
    echoSeconds: intFromEnv('BENCH_ECHO_SECONDS', Math.min(10, intFromEnv('BENCH_SECONDS', 20, 1, 600)), 1, 600),
    roomSizes: listFromEnv('BENCH_CLIENTS', '50,100'),
    echoSizes: listFromEnv('BENCH_ECHO_CLIENTS', '50'),
    attempts: intFromEnv('BENCH_ATTEMPTS', 1, 1, 10),
  }
}

let settings: ReturnType<typeof readSettings>
try {
  settings = readSettings()
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`)
  process.exit(2)
}
const { seconds, warmupSeconds, generators, echoSeconds, roomSizes, echoSizes, attempts } = settings
const WRITERS = 10
const HZ = 10

process.on('exit', emergencyCleanup)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping\n`)
    emergencyCleanup()
    process.exit(130)
  })
}
const perRunBudgetSeconds = (s: number): number => s + warmupSeconds + 90
const hardDeadline = setTimeout(
  () => {
    process.stderr.write('bench: hard deadline reached, killing everything\n')
    emergencyCleanup()
    process.exit(2)
  },
  1000 * attempts * (2 * roomSizes.length * perRunBudgetSeconds(seconds) + 2 * echoSizes.length * perRunBudgetSeconds(echoSeconds)),
)
hardDeadline.unref()

const log = (line: string): void => {
  process.stdout.write(`${line}\n`)
}

interface Pair {
  clients: number
  mode: PresenceMode
  seconds: number
  reference: RunResult
  werkraum: RunResult
}

async function pair(clients: number, mode: PresenceMode, runSeconds: number): Promise<Pair> {
  const results: Partial<Record<'reference' | 'werkraum', RunResult>> = {}
  for (const server of ['reference', 'werkraum'] as const) {
    const scenario: Scenario = { server, clients, writers: Math.min(WRITERS, clients), hz: HZ, mode, seconds: runSeconds, warmupSeconds, generators }
    log(`${server}: ${clients} clients, ${mode === 'own' ? 'own presence only' : 'stock echoing clients'}`)
    let best: RunResult | undefined
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const result = await runScenario(scenario, log)
      if (!best || result.machine.otherCpuSeconds < best.machine.otherCpuSeconds) best = result
      if (!disturbed(result)) break
      const other = result.machine.otherCpuSeconds.toFixed(1)
      log(`  other processes used ${other} CPU-s during the window${attempt < attempts ? '; running it again' : ''}`)
    }
    results[server] = best
  }
  return { clients, mode, seconds: runSeconds, reference: results.reference!, werkraum: results.werkraum! }
}

function title(p: Pair): string {
  const presence = p.mode === 'own' ? 'clients send only their own presence' : 'STOCK ECHOING clients (re-send every presence change they receive)'
  const writers = Math.min(WRITERS, p.clients)
  return `${p.clients} clients in one room, ${writers} writing at ${HZ} Hz, all moving cursors at ${HZ} Hz; ${presence}; ${p.seconds} s measured`
}

/** Which Werkraum was measured: the commit, and whether server/ or shared/ differed from it. */
function codeVersion(): string {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: werkraumRoot, encoding: 'utf8', timeout: 5000 }).trim()
  try {
    const commit = git('rev-parse', '--short', 'HEAD')
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'server', 'shared') !== ''
    return dirty ? `${commit} with uncommitted changes in server/ or shared/` : commit
  } catch {
    return 'unknown (not a git checkout)'
  }
}

interface Failure {
  clients: number
  mode: PresenceMode
  error: string
}

async function main(): Promise<number> {
  const cpu = os.cpus()
  const version = codeVersion()
  log(`Werkraum benchmark: Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${os.platform()} ${os.release()}`)
  log(`Werkraum from ${werkraumRoot}: ${version}`)
  log(
    loader === 'tsx'
      ? 'Both servers run under node --import tsx (Werkraum from its TypeScript source).'
      : 'Both servers run on plain Node: Werkraum from its production bundle server/dist/main.js, the reference from bench/reference-server.mjs.',
  )
  log(`${seconds} s measured after ${warmupSeconds} s warm-up; room sizes ${roomSizes.join(', ') || 'none'}; ${generators} generator processes\n`)
  const plan = [
    ...roomSizes.map((clients) => ({ clients, mode: 'own' as const, seconds })),
    ...echoSizes.map((clients) => ({ clients, mode: 'echo' as const, seconds: echoSeconds })),
  ]
  const pairs: Pair[] = []
  const failures: Failure[] = []
  // Each table is printed as soon as its pair is done; a failing scenario is reported and the rest still run.
  for (const step of plan) {
    try {
      const p = await pair(step.clients, step.mode, step.seconds)
      pairs.push(p)
      log(`\n${comparisonTable(title(p), p.reference, p.werkraum)}\n`)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      failures.push({ ...step, error: message })
      log(`\nFAILED: ${step.clients} clients, ${step.mode === 'own' ? 'own presence only' : 'stock echoing clients'}: ${message}\n`)
    }
  }
  log("Latency is from the sender's send call to the receiving client's event (observe / awareness change), over")
  log('every receiving client. Deliveries are counted at the receivers. CPU is user+system time of each process in')
  log("the measured window; memory is the server's peak resident set (VmHWM). Generator CPU includes all generator")
  log('processes: if it approaches the window length × cores, the generator, not the server, set the pace.')

  const out = path.join(here, 'results', 'latest.json')
  mkdirSync(path.dirname(out), { recursive: true })
  const machine = { node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model, platform: `${os.platform()} ${os.release()}`, totalMemoryMiB: Math.round(os.totalmem() / 2 ** 20) }
  const settingsOut = { seconds, warmupSeconds, generators, roomSizes, echoSizes, echoSeconds, attempts, loader }
  writeFileSync(out, `${JSON.stringify({ finishedAt: new Date().toISOString(), werkraum: version, machine, settings: settingsOut, pairs, failures }, null, 2)}\n`)
  log(`\nAll figures: ${out}`)
  if (failures.length > 0) log(`${failures.length} scenario(s) FAILED, see above.`)
  return failures.length > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
