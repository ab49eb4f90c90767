/**
 * Runs one measurement: one server, one room, N clients spread over a few
 * generator processes, a warm-up, then the measured window.
 */
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { monoMs } from './clock.ts'
import { mergeHistograms, quantile } from './histogram.ts'
import type { HistogramData } from './histogram.ts'
import { sampleMachine, sampleProcess } from './procstat.ts'
import type { MachineSample, ProcSample } from './procstat.ts'
import type { Command, GeneratorResult, PresenceMode, Reply } from './protocol.ts'
import { liveChildren, startServer } from './servers.ts'
import type { ServerKind } from './servers.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

export interface Scenario {
  server: ServerKind
  clients: number
  writers: number
  hz: number
  mode: PresenceMode
  seconds: number
  warmupSeconds: number
  generators: number
}

export interface StreamFigures {
  p50Ms: number
  p99Ms: number
  meanMs: number
  maxMs: number
  /** Deliveries counted at receiving clients, per second of the window. */
  deliveriesPerSecond: number
  /** Messages the clients sent per second of the window (the offered load). */
  sentPerSecond: number
  /** Of everything sent in the window, the share that reached every other client (by the end of the drain). */
  deliveredShare: number
}

export interface RunResult {
  scenario: Scenario
  updates: StreamFigures
  cursors: StreamFigures
  server: {
    cpuSeconds: number
    peakMemoryMiB: number
    idleMemoryMiB: number
    endMemoryMiB: number
    /** Bytes the server wrote (to its sockets, and for Werkraum also its database), MB per second. */
    writtenMBPerSecond: number
    writeCallsPerSecond: number
    readCallsPerSecond: number
    /** Lines the server wrote after it was ready (warnings and errors at the levels used here). */
    logLines: number
    logTail: string
    /** Resident memory once per second through warm-up and window, to tell steady growth from a plateau. */
    rssTimelineMiB: number[]
    /** Werkraum's own /metrics counters at the end, for the record. */
    metrics?: Record<string, number>
  }
  generator: {
    /** All generator processes plus the orchestrator. */
    cpuSeconds: number
    processes: number
    peakMemoryMiB: number
    connectSeconds: number
    /** WebSocket messages each client received per second, on average: the work a browser in the room would do. */
    messagesPerClientPerSecond: number
    disconnects: number
    skippedTicks: number
  }
  machine: {
    /** CPU seconds used during the window by processes other than the server and the generator (other work on the machine). */
    otherCpuSeconds: number
    stealSeconds: number
  }
}

const MiB = 1024 * 1024
const DRAIN_MS = 1500
const CONNECT_TIMEOUT_MS = 60_000

class Generator {
  readonly child: ChildProcess
  private readonly waiters: Array<{ type: Reply['type']; resolve: (r: Reply) => void; reject: (e: Error) => void }> = []
  private stderr: string[] = []

  constructor(deadlineMs: number) {
    this.child = fork(path.join(here, 'generator.ts'), [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, BENCH_GENERATOR_DEADLINE_MS: String(deadlineMs) },
    })
    liveChildren.add(this.child)
    this.child.stderr!.setEncoding('utf8')
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderr.push(chunk)
      if (this.stderr.length > 20) this.stderr.shift()
    })
    this.child.on('message', (message: Reply) => {
      if (message.type === 'error') {
        for (const w of this.waiters.splice(0)) w.reject(new Error(`generator: ${message.message}`))
        return
      }
      const index = this.waiters.findIndex((w) => w.type === message.type)
      if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve(message)
    })
    this.child.once('exit', (code, signal) => {
      liveChildren.delete(this.child)
      for (const w of this.waiters.splice(0)) w.reject(new Error(`generator exited (${code ?? signal}): ${this.stderr.join('').slice(-2000)}`))
    })
  }

  get pid(): number {
    return this.child.pid!
  }

  send(command: Command): void {
    this.child.send(command)
  }

  wait<T extends Reply['type']>(type: T, timeoutMs: number): Promise<Extract<Reply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`generator: no '${type}' within ${timeoutMs} ms`)), timeoutMs)
      this.waiters.push({
        type,
        resolve: (r) => {
          clearTimeout(timer)
          resolve(r as Extract<Reply, { type: T }>)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      })
    })
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    if (this.child.connected) this.send({ type: 'close' })
    const killTimer = setTimeout(() => this.child.kill('SIGKILL'), 3000)
    await exited
    clearTimeout(killTimer)
  }
}

function sleepUntil(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - monoMs())))
}

async function readMetrics(httpBase: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  try {
    const text = await (await fetch(`${httpBase}/metrics`, { signal: AbortSignal.timeout(2000) })).text()
    for (const line of text.split('\n')) {
      const match = /^(werkraum_[a-z_]+(?:_total|_count|_sum)?)\s+([0-9.e+-]+)$/.exec(line)
      if (match) out[match[1]!] = Number(match[2])
    }
  } catch {
    // figures for the record only
  }
  return out
}

function figures(
  parts: Array<GeneratorResult['updates']>,
  seconds: number,
  receiversPerMessage: number,
): StreamFigures {
  const latency: HistogramData = mergeHistograms(parts.map((p) => p.latency))
  const sent = parts.reduce((n, p) => n + p.sentInWindow, 0)
  const received = parts.reduce((n, p) => n + p.receivedInWindow, 0)
  const delivered = parts.reduce((n, p) => n + p.deliveredOfSentInWindow, 0)
  return {
    p50Ms: quantile(latency, 0.5),
    p99Ms: quantile(latency, 0.99),
    meanMs: latency.count > 0 ? latency.sumMs / latency.count : Number.NaN,
    maxMs: latency.maxMs,
    deliveriesPerSecond: received / seconds,
    sentPerSecond: sent / seconds,
    deliveredShare: sent > 0 ? delivered / (sent * receiversPerMessage) : Number.NaN,
  }
}

export async function runScenario(scenario: Scenario, log: (line: string) => void): Promise<RunResult> {
  const server = await startServer(scenario.server)
  const generators: Generator[] = []
  try {
    const deadlineMs = (scenario.seconds + scenario.warmupSeconds) * 1000 + CONNECT_TIMEOUT_MS + 60_000
    for (let g = 0; g < scenario.generators; g++) generators.push(new Generator(deadlineMs))
    const connectStarted = monoMs()
    generators.forEach((generator, g) => {
      const clientIndices: number[] = []
      for (let i = g; i < scenario.clients; i += scenario.generators) clientIndices.push(i)
      generator.send({
        type: 'connect',
        serverUrl: server.wsBase,
        room: 'bench-room',
        clientIndices,
        totalClients: scenario.clients,
        writers: scenario.writers,
        hz: scenario.hz,
        mode: scenario.mode,
        timeoutMs: CONNECT_TIMEOUT_MS,
      })
    })
    await Promise.all(generators.map((g) => g.wait('connected', CONNECT_TIMEOUT_MS + 30_000)))
    const connectSeconds = (monoMs() - connectStarted) / 1000
    log(`  ${scenario.clients} clients connected in ${connectSeconds.toFixed(1)} s; warming up ${scenario.warmupSeconds} s, measuring ${scenario.seconds} s`)

    const loadStartMs = monoMs() + 200
    const measureStartMs = loadStartMs + scenario.warmupSeconds * 1000
    const measureEndMs = measureStartMs + scenario.seconds * 1000
    const results = generators.map((g) => g.wait('result', measureEndMs - monoMs() + DRAIN_MS + 30_000))
    // Awaited below; if something fails before that, their rejections must not go unhandled.
    for (const result of results) result.catch(() => undefined)
    for (const g of generators) g.send({ type: 'run', loadStartMs, measureStartMs, measureEndMs, drainMs: DRAIN_MS })

    const sampleAll = (): { server: ProcSample; generators: ProcSample[]; self: NodeJS.CpuUsage; machine: MachineSample; at: number } => ({
      machine: sampleMachine(),
      server: sampleProcess(server.pid),
      generators: generators.map((g) => sampleProcess(g.pid)),
      self: process.cpuUsage(),
      at: monoMs(),
    })
    const rssTimelineMiB: number[] = []
    const rssTimer = setInterval(() => {
      try {
        rssTimelineMiB.push(Math.round((sampleProcess(server.pid).rssBytes / MiB) * 10) / 10)
      } catch {
        // the server is gone; the run fails below with the reason
      }
    }, 1000)
    let before, after
    try {
      await sleepUntil(measureStartMs)
      before = sampleAll()
      await sleepUntil(measureEndMs)
      after = sampleAll()
    } finally {
      clearInterval(rssTimer)
    }
    const measuredSeconds = (after.at - before.at) / 1000
    const metrics = scenario.server === 'werkraum' ? await readMetrics(server.httpBase) : undefined
    const replies = await Promise.all(results)

    const selfCpu = (after.self.user + after.self.system - before.self.user - before.self.system) / 1e6
    const generatorCpu = after.generators.reduce((sum, s, i) => sum + s.cpuSeconds - before.generators[i]!.cpuSeconds, 0) + selfCpu
    const serverCpu = after.server.cpuSeconds - before.server.cpuSeconds
    const perSecond = (key: 'writtenBytes' | 'writeCalls' | 'readCalls'): number => (after.server[key] - before.server[key]) / measuredSeconds
    return {
      scenario,
      updates: figures(replies.map((r) => r.updates), scenario.seconds, scenario.clients - 1),
      cursors: figures(replies.map((r) => r.cursors), scenario.seconds, scenario.clients - 1),
      server: {
        cpuSeconds: serverCpu,
        peakMemoryMiB: after.server.peakRssBytes / MiB,
        idleMemoryMiB: server.idleMemoryBytes / MiB,
        endMemoryMiB: after.server.rssBytes / MiB,
        writtenMBPerSecond: perSecond('writtenBytes') / 1e6,
        writeCallsPerSecond: perSecond('writeCalls'),
        readCallsPerSecond: perSecond('readCalls'),
        logLines: server.linesSinceReady(),
        logTail: server.outputTail(),
        rssTimelineMiB,
        ...(metrics ? { metrics } : {}),
      },
      generator: {
        cpuSeconds: generatorCpu,
        processes: generators.length,
        peakMemoryMiB: Math.max(...after.generators.map((s) => s.peakRssBytes)) / MiB,
        connectSeconds,
        messagesPerClientPerSecond: replies.reduce((n, r) => n + r.messagesReceived, 0) / scenario.clients / scenario.seconds,
        disconnects: replies.reduce((n, r) => n + r.disconnects, 0),
        skippedTicks: replies.reduce((n, r) => n + r.skippedTicks, 0),
      },
      machine: {
        otherCpuSeconds: Math.max(0, after.machine.busySeconds - before.machine.busySeconds - serverCpu - generatorCpu),
        stealSeconds: after.machine.stealSeconds - before.machine.stealSeconds,
      },
    }
  } catch (error) {
    const tail = server.outputTail()
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(tail ? `${message}\n${scenario.server} server, last lines of its output:\n${tail.slice(-3000)}` : message)
  } finally {
    await Promise.all(generators.map((g) => g.close()))
    await server.stop()
  }
}
