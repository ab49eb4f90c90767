/**
 * Starting the real Werkraum server for tests: in this process on port 0 with a
 * temporary data folder, or as a child process (for restarts and kill -9).
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, silentLogger, startServer } from '@werkraum/server'
import type { Config, DocStorage, RunningServer } from '@werkraum/server'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The production bundle `pnpm build` writes and `pnpm start` runs. */
export const SERVER_BUNDLE = path.join(repoRoot, 'server', 'dist', 'main.js')

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'werkraum-test-'))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export interface TestServer extends RunningServer {
  readonly dataDir: string
  readonly wsUrl: string
}

/**
 * Starts the server in this process. `env` overrides settings the way an
 * operator would; `storage` replaces the configured backend.
 */
export async function startTestServer(env: Record<string, string> = {}, dataDir = tempDataDir(), storage?: DocStorage): Promise<TestServer> {
  const config: Config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env })
  const server = await startServer({ config, logger: silentLogger, storage })
  return { ...server, close: server.close, dataDir, wsUrl: server.url.replace(/^http/, 'ws') + '/sync' }
}

export interface ChildServer {
  readonly url: string
  readonly wsUrl: string
  readonly port: number
  readonly process: ChildProcess
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>
  /** Everything the process wrote to stdout so far. */
  output(): string
}

/**
 * Starts the server as a child process, from its TypeScript source (as `pnpm dev`
 * does) or from the production bundle (as `pnpm start` does), and waits until it
 * listens. It learns the port from the `server.listening`
 * log line, so `LOG_LEVEL` is always `info` here.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, port = 0, entry: 'source' | 'bundle' = 'source'): Promise<ChildServer> {
  const args = entry === 'bundle' ? [SERVER_BUNDLE] : ['--import', 'tsx', path.join(repoRoot, 'server/src/main.ts')]
  const child = spawn(process.execPath, args, {
    cwd: path.join(repoRoot, 'server'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env, LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20 s:\n${stdout}\n${stderr}`)), 20_000)
    const onData = (): void => {
      const match = /"event":"server.listening","url":"([^"]+)"/.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        child.stdout.off('data', onData)
        resolve(match[1])
      }
    }
    child.stdout.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}) before listening:\n${stdout}\n${stderr}`))
    })
  })
  return { url, wsUrl: url.replace(/^http/, 'ws') + '/sync', port: Number(new URL(url).port), process: child, exited, output: () => stdout }
}
