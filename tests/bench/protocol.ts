/** Messages between the orchestrator (run.ts) and its load-generator child processes (generator.ts). */
import type { HistogramData } from './histogram.ts'

/**
 * `own`: each client sends only its own presence (as Werkraum's client does).
 * `echo`: the stock WebsocketProvider, which re-sends every awareness change it receives.
 */
export type PresenceMode = 'own' | 'echo'

export interface ConnectCommand {
  type: 'connect'
  /** e.g. ws://127.0.0.1:1234/sync */
  serverUrl: string
  room: string
  /** Indices (0-based, room-wide) of the clients this process runs. */
  clientIndices: number[]
  totalClients: number
  /** Clients with an index below this write to the document. */
  writers: number
  hz: number
  mode: PresenceMode
  timeoutMs: number
}

export interface RunCommand {
  type: 'run'
  /** Monotonic times (see clock.ts). */
  loadStartMs: number
  measureStartMs: number
  measureEndMs: number
  /** How long to keep listening after the load stopped, for late deliveries of messages sent in the window. */
  drainMs: number
}

export interface CloseCommand {
  type: 'close'
}

export type Command = ConnectCommand | RunCommand | CloseCommand

export interface StreamResult {
  /** Messages this process sent with a send time inside the window. */
  sentInWindow: number
  /** Deliveries received inside the window (whenever sent); their latencies are in `latency`. */
  receivedInWindow: number
  /** Deliveries (received up to the end of the drain) of messages sent inside the window. */
  deliveredOfSentInWindow: number
  latency: HistogramData
}

export interface GeneratorResult {
  type: 'result'
  updates: StreamResult
  cursors: StreamResult
  /** WebSocket messages this process's clients received inside the window. */
  messagesReceived: number
  /** Times a client's connection closed during the run (each one reconnects by itself). */
  disconnects: number
  /** Scheduled sends that were skipped because the process fell more than one period behind. */
  skippedTicks: number
}

export interface ConnectedReply {
  type: 'connected'
  ms: number
}

export interface ErrorReply {
  type: 'error'
  message: string
}

export type Reply = GeneratorResult | ConnectedReply | ErrorReply
