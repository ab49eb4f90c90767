/**
 * Starts the two servers under test as child processes on 127.0.0.1 and stops
 * them again.
 *
 * By default both run on plain Node as they are deployed: Werkraum from its
 * production bundle (server/dist/main.js, what `pnpm start` runs; rebuilt with
 * the project's own server/build.mjs when older than the source), the
 * reference from a plain JavaScript launcher. BENCH_LOADER=tsx runs Werkraum's
 * TypeScript source through tsx instead, and the reference under tsx too, so
 * both carry the same loader.
 */
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sampleProcess } from './procstat.ts'

export type ServerKind = 'werkraum' | 'reference'
export type Loader = 'none' | 'tsx'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '..', '..')
/** The Werkraum checkout to measure; another one (e.g. a worktree of an older commit) can be compared. */
export const werkraumRoot = path.resolve(process.env.BENCH_WERKRAUM_DIR ?? repoRoot)

export interface ServerHandle {
  readonly kind: ServerKind
  readonly pid: number
  /** ws://127.0.0.1:PORT/sync: the base URL a WebsocketProvider is given. */
  readonly wsBase: string
  readonly httpBase: string
  /** Resident memory right after the server became ready, before any client connected. */
  readonly idleMemoryBytes: number
  /** The last lines the process wrote (stdout and stderr: Werkraum logs JSON lines to stdout). */
  outputTail(): string
  /** Lines written since the server became ready: with LOG_LEVEL=warn, warnings and errors. */
  linesSinceReady(): number
  stop(): Promise<void>
}

/** Every child process the benchmark started and has not seen exit. */
export const liveChildren = new Set<ChildProcess>()
const liveDataDirs = new Set<string>()

/** Synchronous last resort (exit, signal, deadline): kill every child, remove every data folder. */
export function emergencyCleanup(): void {
  for (const child of liveChildren) child.kill('SIGKILL')
  for (const dir of liveDataDirs) rmSync(dir, { recursive: true, force: true })
  liveDataDirs.clear()
}

export const loader: Loader = process.env.BENCH_LOADER === 'tsx' ? 'tsx' : 'none'

function newestMtimeMs(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Werkraum's production bundle, built first if it is missing or older than the source it comes from. */
function werkraumBundle(): string {
  const bundle = path.join(werkraumRoot, 'server', 'dist', 'main.js')
  let builtMs = 0
  try {
    builtMs = statSync(bundle).mtimeMs
  } catch {
    // not built yet
  }
  const sourceMs = Math.max(newestMtimeMs(path.join(werkraumRoot, 'server', 'src')), newestMtimeMs(path.join(werkraumRoot, 'shared', 'src')))
  if (builtMs < sourceMs) {
    execFileSync(process.execPath, ['build.mjs'], { cwd: path.join(werkraumRoot, 'server'), stdio: 'inherit', timeout: 60_000 })
  }
  return bundle
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early (${child.exitCode ?? child.signalCode})`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`server not healthy after ${timeoutMs} ms: ${url}`)
}

export async function startServer(kind: ServerKind): Promise<ServerHandle> {
  const port = await freePort()
  const dataDir = kind === 'werkraum' ? mkdtempSync(path.join(tmpdir(), 'werkraum-bench-')) : undefined
  if (dataDir) liveDataDirs.add(dataDir)
  const script =
    kind === 'reference'
      ? path.join(here, 'reference-server.mjs')
      : loader === 'tsx'
        ? path.join(werkraumRoot, 'server', 'src', 'main.ts')
        : werkraumBundle()
  const loaderArgs = loader === 'tsx' ? ['--import', 'tsx'] : []
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
  }
  // For diagnosis, e.g. BENCH_SERVER_NODE_OPTIONS="--trace-gc"; not set in normal runs.
  if (process.env.BENCH_SERVER_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS
  if (dataDir) Object.assign(env, { DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'warn' })
  // BENCH_CPU_PROF=<folder> writes a V8 CPU profile of each server run there (for diagnosis; it slows the server).
  const profileDir = process.env.BENCH_CPU_PROF
  // Node names each thread's profile by pid and thread (the tsx loader runs in its own thread), so each kind gets a folder.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir, kind)}`] : []
  const child = spawn(process.execPath, [...profile, ...loaderArgs, script], {
    cwd: kind === 'werkraum' ? path.join(werkraumRoot, 'server') : here,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  liveChildren.add(child)
  child.once('exit', () => liveChildren.delete(child))
  const output: string[] = []
  let lineCount = 0
  let linesAtReady = 0
  const collect = (chunk: string): void => {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue
      lineCount++
      output.push(line)
      if (output.length > 20) output.shift()
    }
  }
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8')
    stream.on('data', collect)
  }
  const httpBase = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(killTimer)
    }
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true })
      liveDataDirs.delete(dataDir)
    }
  }
  try {
    await waitHealthy(kind === 'werkraum' ? `${httpBase}/healthz` : `${httpBase}/`, child, 30_000)
  } catch (error) {
    await stop()
    throw new Error(`${kind}: ${(error as Error).message}\n${output.join('\n')}`)
  }
  linesAtReady = lineCount
  // Let start-up work (module loading, first GC) settle before reading the idle figure.
  await new Promise((resolve) => setTimeout(resolve, 500))
  return {
    kind,
    pid: child.pid!,
    idleMemoryBytes: sampleProcess(child.pid!).rssBytes,
    wsBase: `ws://127.0.0.1:${port}/sync`,
    httpBase,
    outputTail: () => output.join('\n'),
    linesSinceReady: () => lineCount - linesAtReady,
    stop,
  }
}
