/**
 * A load-generator child process: runs some of the room's clients, driven by
 * the orchestrator over IPC (see protocol.ts). Splitting the clients over
 * processes lets the generator use both cores; its CPU is read from /proc by
 * the orchestrator like the servers'.
 *
 * Stops by itself: when the orchestrator goes away (IPC disconnect) or after
 * a hard deadline.
 */
import { BenchClient, MessageCounter, Stream } from './client.ts'
import { monoMs } from './clock.ts'
import type { Command, ConnectCommand, GeneratorResult, Reply, RunCommand } from './protocol.ts'

const HARD_DEADLINE_MS = Number(process.env.BENCH_GENERATOR_DEADLINE_MS ?? 600_000)
const POLL_MS = 20

const updates = new Stream()
const cursors = new Stream()
const messages = new MessageCounter()
const clients: BenchClient[] = []
const timers = new Set<NodeJS.Timeout>()
let connect: ConnectCommand | undefined
let disconnects = 0
let skippedTicks = 0
let measuring = false

const deadline = setTimeout(() => {
  process.stderr.write('bench generator: hard deadline reached, exiting\n')
  process.exit(3)
}, HARD_DEADLINE_MS)
deadline.unref()

function reply(message: Reply): void {
  process.send?.(message)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function onConnect(command: ConnectCommand): Promise<void> {
  connect = command
  const started = monoMs()
  for (const index of command.clientIndices) {
    clients.push(
      new BenchClient({
        serverUrl: command.serverUrl,
        room: command.room,
        index,
        mode: command.mode,
        updates,
        cursors,
        messages,
        onDisconnect: () => {
          if (measuring) disconnects++
        },
      }),
    )
  }
  // Ready when every client has synced and sees everyone's presence.
  const until = started + command.timeoutMs
  while (!clients.every((c) => c.synced && c.presentCount >= command.totalClients)) {
    if (monoMs() > until) {
      const synced = clients.filter((c) => c.synced).length
      const minPresent = Math.min(...clients.map((c) => c.presentCount))
      throw new Error(`clients not ready after ${command.timeoutMs} ms: ${synced}/${clients.length} synced, fewest present ${minPresent}/${command.totalClients}`)
    }
    await sleep(POLL_MS)
  }
  reply({ type: 'connected', ms: monoMs() - started })
}

/**
 * Calls `tick` every `periodMs` from `firstMs` until `endMs`, on an absolute
 * schedule (no drift). When the process falls more than a period behind, the
 * missed ticks are skipped and counted instead of being sent in a burst.
 */
function schedule(firstMs: number, periodMs: number, endMs: number, tick: () => void): void {
  let due = firstMs
  const step = (): void => {
    const now = monoMs()
    if (now >= endMs) return
    if (now - due > periodMs) {
      const missed = Math.floor((now - due) / periodMs)
      skippedTicks += missed
      due += missed * periodMs
    }
    tick()
    due += periodMs
    arm()
  }
  const arm = (): void => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      step()
    }, Math.max(0, due - monoMs()))
    timers.add(timer)
  }
  arm()
}

async function onRun(command: RunCommand): Promise<void> {
  if (!connect) throw new Error('run before connect')
  const window = { startMs: command.measureStartMs, endMs: command.measureEndMs }
  updates.window = window
  cursors.window = window
  messages.window = window
  const periodMs = 1000 / connect.hz
  const total = connect.totalClients
  for (const [i, client] of clients.entries()) {
    const roomIndex = connect.clientIndices[i]!
    // Spread everyone's ticks evenly over the period, as independent people would be.
    const phase = (roomIndex / total) * periodMs
    schedule(command.loadStartMs + phase, periodMs, command.measureEndMs, () => client.moveCursor())
    if (roomIndex < connect.writers) {
      const writePhase = ((roomIndex + 0.5) / connect.writers) * periodMs
      schedule(command.loadStartMs + writePhase, periodMs, command.measureEndMs, () => client.write())
    }
  }
  await sleep(Math.max(0, command.measureStartMs - monoMs()))
  measuring = true
  await sleep(Math.max(0, command.measureEndMs - monoMs()))
  measuring = false
  await sleep(command.drainMs)
  const result: GeneratorResult = {
    type: 'result',
    updates: updates.result(),
    cursors: cursors.result(),
    messagesReceived: messages.received,
    disconnects,
    skippedTicks,
  }
  reply(result)
}

function close(code: number): never {
  for (const timer of timers) clearTimeout(timer)
  for (const client of clients) client.destroy()
  process.exit(code)
}

process.on('message', (message: Command) => {
  const handle = (): Promise<void> => {
    switch (message.type) {
      case 'connect':
        return onConnect(message)
      case 'run':
        return onRun(message)
      case 'close':
        return close(0)
      default: {
        const unknown: never = message
        throw new Error(`unknown command ${JSON.stringify(unknown)}`)
      }
    }
  }
  handle().catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
})
process.on('disconnect', () => close(0))
