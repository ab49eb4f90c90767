/**
 * One simulated participant: a real y-websocket `WebsocketProvider` that moves
 * its cursor (awareness) and, if it is a writer, changes the document, each at
 * a fixed rate, and times every remote change it receives.
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { monoMs } from './clock.ts'
import { Histogram } from './histogram.ts'
import type { PresenceMode, StreamResult } from './protocol.ts'

const MESSAGE_AWARENESS = 1

/** A measured window, in monotonic ms; receipts outside it are not timed. */
export interface Window {
  startMs: number
  endMs: number
}

/** Counters and latencies of one kind of traffic (document updates or cursors), shared by all clients of a process. */
export class Stream {
  readonly latency = new Histogram()
  sentInWindow = 0
  receivedInWindow = 0
  deliveredOfSentInWindow = 0
  window: Window = { startMs: Infinity, endMs: Infinity }

  sent(sentMs: number): void {
    if (sentMs >= this.window.startMs && sentMs < this.window.endMs) this.sentInWindow++
  }

  received(sentMs: number): void {
    const now = monoMs()
    const { startMs, endMs } = this.window
    if (sentMs >= startMs && sentMs < endMs) this.deliveredOfSentInWindow++
    if (now >= startMs && now < endMs) {
      this.receivedInWindow++
      this.latency.record(now - sentMs)
    }
  }

  result(): StreamResult {
    const { counts, count, sumMs, maxMs } = this.latency
    return {
      sentInWindow: this.sentInWindow,
      receivedInWindow: this.receivedInWindow,
      deliveredOfSentInWindow: this.deliveredOfSentInWindow,
      latency: { counts, count, sumMs, maxMs },
    }
  }
}

/** WebSocket messages the clients of a process received inside the window: what a browser would have to process. */
export class MessageCounter {
  received = 0
  window: Window = { startMs: Infinity, endMs: Infinity }

  count(): void {
    const now = monoMs()
    if (now >= this.window.startMs && now < this.window.endMs) this.received++
  }
}

interface CursorState {
  cursor?: { x: number; y: number; t: number }
}

interface Write {
  t: number
  seq: number
}

export interface BenchClientOptions {
  serverUrl: string
  room: string
  index: number
  mode: PresenceMode
  updates: Stream
  cursors: Stream
  messages: MessageCounter
  onDisconnect(): void
}

export class BenchClient {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private readonly board: Y.Map<Write>
  private seq = 0
  private x: number
  private y: number

  constructor(private readonly options: BenchClientOptions) {
    this.provider = new WebsocketProvider(options.serverUrl, options.room, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // Otherwise providers of one room in one process sync around the server.
      disableBc: true,
      maxBackoffTime: 1000,
    })
    if (options.mode === 'own') sendOwnPresenceOnly(this.provider)
    countMessages(this.provider, options.messages)
    this.board = this.doc.getMap<Write>('bench')
    this.x = (options.index * 37) % 1000
    this.y = (options.index * 53) % 1000
    // A state must be set before connecting: y-protocols ignores a client it
    // does not know yet whose clock is still 0, i.e. the empty initial state.
    this.provider.awareness.setLocalStateField('cursor', { x: this.x, y: this.y, t: monoMs() })

    this.board.observe((event, transaction) => {
      if (transaction.local) return
      for (const key of event.keysChanged) {
        const value = this.board.get(key)
        if (value) options.updates.received(value.t)
      }
    })
    const awareness = this.provider.awareness
    awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin === 'local') return
      const states = awareness.getStates() as Map<number, CursorState>
      for (const list of [added, updated]) {
        for (const clientId of list) {
          if (clientId === this.doc.clientID) continue
          const t = states.get(clientId)?.cursor?.t
          if (typeof t === 'number') options.cursors.received(t)
        }
      }
    })
    this.provider.on('status', ({ status }) => {
      if (status === 'disconnected') options.onDisconnect()
    })
  }

  get synced(): boolean {
    return this.provider.synced
  }

  get presentCount(): number {
    return this.provider.awareness.getStates().size
  }

  moveCursor(): void {
    // A small random walk: the state changes every time, as a moving pointer does.
    this.x = (this.x + 1 + Math.floor(Math.random() * 7)) % 1000
    this.y = (this.y + 1 + Math.floor(Math.random() * 5)) % 1000
    const t = monoMs()
    this.provider.awareness.setLocalStateField('cursor', { x: this.x, y: this.y, t })
    this.options.cursors.sent(t)
  }

  write(): void {
    const t = monoMs()
    this.board.set(`w${this.options.index}`, { t, seq: this.seq++ })
    this.options.updates.sent(t)
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}

/** Wraps the provider's own (per-instance) message handlers to count every message it receives. */
function countMessages(provider: WebsocketProvider, counter: MessageCounter): void {
  provider.messageHandlers = provider.messageHandlers.map((handler) => (...args: Parameters<typeof handler>) => {
    counter.count()
    handler(...args)
  })
}

/**
 * The stock provider re-sends every awareness change it receives, remote ones
 * included, so a room's inbound presence traffic grows with the square of its
 * size. Werkraum's own client sends only its own state; this replaces the
 * provider's listener with one that does the same, so the main comparison
 * measures the servers rather than that client behaviour.
 */
function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const awareness = provider.awareness
  const own = provider.doc.clientID
  awareness.off('update', provider._awarenessUpdateHandler)
  provider._awarenessUpdateHandler = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    const ws = provider.ws
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]))
    ws.send(encoding.toUint8Array(encoder))
  }
  // destroy() removes `provider._awarenessUpdateHandler`, i.e. this one.
  awareness.on('update', provider._awarenessUpdateHandler)
}
