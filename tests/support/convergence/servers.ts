/** Starting the server under test for a convergence run: in this process (optionally with slow storage) or as a child for kill -9. */
import type { Random } from '../random.ts'
import { startLatencyServer } from '../randomStorage.ts'
import { spawnServer, startTestServer } from '../server.ts'
import type { ChildServer, TestServer } from '../server.ts'

/** The server under test, whichever way it runs. */
export interface ServerHandle {
  readonly wsUrl: string
  readonly port: number
  /** Set when the server runs in this process; the test may then look at its memory. */
  readonly inProcess: TestServer | undefined
  compactions(): Promise<number>
  documentsLoaded(): Promise<number>
  /** Graceful close in process; kill -9 for a child. */
  stop(): Promise<void>
}

export async function startInProcess(env: Record<string, string>, dataDir: string, latency?: { rng: Random; maxMs: number }): Promise<ServerHandle> {
  const server = latency ? await startLatencyServer(env, dataDir, latency.rng, latency.maxMs) : await startTestServer(env, dataDir)
  return {
    wsUrl: server.wsUrl,
    port: server.port,
    inProcess: server,
    compactions: async () => server.metrics.compactions.value,
    documentsLoaded: async () => server.rooms.size,
    stop: () => server.close(),
  }
}

export async function startChild(env: Record<string, string>, dataDir: string): Promise<ServerHandle> {
  const { PORT, ...rest } = env
  const child: ChildServer = await spawnServer(dataDir, rest, Number(PORT ?? 0))
  return {
    wsUrl: child.wsUrl,
    port: child.port,
    inProcess: undefined,
    compactions: async () => {
      const text = await (await fetch(`${child.url}/metrics`)).text()
      return Number(/^werkraum_compactions_total (\d+)$/m.exec(text)?.[1] ?? NaN)
    },
    documentsLoaded: async () => ((await (await fetch(`${child.url}/healthz`)).json()) as { documents: number }).documents,
    stop: async () => {
      child.process.kill('SIGKILL')
      await child.exited
    },
  }
}

