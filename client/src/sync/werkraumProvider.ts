/**
 * y-websocket's `WebsocketProvider`, changed in six places:
 *
 * 1. Awareness: it sends only this client's own state (see ownAwareness.ts),
 *    both on changes and when the server queries awareness.
 * 2. Close codes: a code Werkraum marks 'fatal' stops reconnecting; every
 *    other code keeps y-websocket's exponential backoff.
 * 3. Leaving: on `pagehide` the removal of our presence is sent, so others
 *    see us go at once instead of after the 30 s awareness timeout.
 * 4. Keep-alive: y-websocket drops a connection that received nothing for
 *    30 s. Werkraum's server does not send a client's own presence renewals
 *    back to it, so someone alone on a quiet board would be disconnected
 *    every 30 s. After `KEEPALIVE_IDLE_MS` of silence we send a
 *    query-awareness, which the server always answers. Busy rooms never
 *    reach that point, so this costs nothing there. (The server also echoes
 *    presence to a connection that heard nothing for 10 s; this covers
 *    servers that do not.)
 * 5. Coming back: when a connection drops, the server tells everyone we left
 *    by raising our presence clock by one. Re-sending our old state after a
 *    reconnect is then ignored everywhere, and so is a state one tick newer;
 *    we re-announce with a clock two ahead, so others see us again at once
 *    instead of after two 15-second renewals.
 * 6. Acknowledgements: `requestSyncReply()` and `onSyncReply()` let the
 *    connection monitor learn that the server has applied our edits.
 *
 * Cross-tab BroadcastChannel sync is off: the connection indicator describes
 * the server, and two tabs agreeing with each other while the server has
 * nothing must not look like "saved".
 */
import { CloseCode, MessageKind, closeCodeName } from '@werkraum/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as time from 'lib0/time'
import { removeAwarenessStates, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { ownAwarenessMessage, type AwarenessChanges } from './ownAwareness.ts'

/**
 * Whether to try again after the server closed the connection with `code`.
 * Unknown codes follow y-websocket's convention: 4400–4499 mean "retrying cannot help".
 */
export function shouldReconnectAfter(code: number): boolean {
  const name = closeCodeName(code)
  if (name !== undefined) return CloseCode[name].ui !== 'fatal'
  return !(code >= 4400 && code < 4500)
}

/** Silence after which we ask the server for presence, to keep the connection alive. */
export const KEEPALIVE_IDLE_MS = 15_000
const KEEPALIVE_CHECK_MS = 5_000

export interface WerkraumProviderOptions {
  readonly connect?: boolean
  /** For Node tests: the `ws` package's WebSocket. */
  readonly WebSocketPolyfill?: typeof WebSocket
  /** Query parameters of the connection URL; workshop documents need `token`. */
  readonly params?: Record<string, string>
}

export class WerkraumProvider extends WebsocketProvider {
  private stateBeforeLeave: Record<string, unknown> | null = null
  private readonly syncReplyListeners = new Set<() => void>()
  private readonly keepAlive: ReturnType<typeof setInterval>
  private readonly onPageHide = (): void => this.leave()
  // A page restored from the back/forward cache comes back without presence.
  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && this.stateBeforeLeave !== null && this.awareness.getLocalState() === null) {
      this.awareness.setLocalState(this.stateBeforeLeave)
    }
  }

  constructor(serverUrl: string, docName: string, doc: Y.Doc, options: WerkraumProviderOptions = {}) {
    super(serverUrl, docName, doc, {
      // Connect only after our handlers are in place.
      connect: false,
      disableBc: true,
      shouldReconnect: (event) => shouldReconnectAfter(event.code),
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      ...(options.params ? { params: options.params } : {}),
    })

    this.awareness.off('update', this._awarenessUpdateHandler)
    // Assigned to the field the base class removes again in destroy().
    this._awarenessUpdateHandler = (changes: AwarenessChanges) => {
      const message = ownAwarenessMessage(this.awareness, changes)
      if (message !== undefined) this.sendRaw(message)
    }
    this.awareness.on('update', this._awarenessUpdateHandler)

    // Sync step 2 from the server answers a step 1 of ours: the connection monitor
    // counts those replies as acknowledgements (see UnsentTracker).
    const handleSync = this.messageHandlers[MessageKind.sync]!
    this.messageHandlers[MessageKind.sync] = (encoder, decoder, provider, emitSynced, messageType) => {
      const syncKind = decoding.peekVarUint(decoder)
      handleSync(encoder, decoder, provider, emitSynced, messageType)
      if (syncKind === syncProtocol.messageYjsSyncStep2) for (const listener of this.syncReplyListeners) listener()
    }

    this.messageHandlers[MessageKind.queryAwareness] = (encoder) => {
      if (this.awareness.getLocalState() === null) return
      encoding.writeVarUint(encoder, MessageKind.awareness)
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]))
    }

    this.keepAlive = setInterval(() => {
      // Same clock as y-websocket's own `wsLastMessageReceived`.
      if (this.wsconnected && time.getUnixTime() - this.wsLastMessageReceived >= KEEPALIVE_IDLE_MS) {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageKind.queryAwareness)
        this.sendRaw(encoding.toUint8Array(encoder))
      }
    }, KEEPALIVE_CHECK_MS)

    let connectedBefore = false
    this.on('status', ({ status }) => {
      if (status !== 'connected') return
      if (connectedBefore) this.reannounce()
      connectedBefore = true
    })

    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.onPageHide)
      window.addEventListener('pageshow', this.onPageShow)
    }
    if (options.connect ?? true) this.connect()
  }

  /** Calls `listener` whenever the server answers a sync step 1 with a step 2; returns the unsubscribe function. */
  onSyncReply(listener: () => void): () => void {
    this.syncReplyListeners.add(listener)
    return () => this.syncReplyListeners.delete(listener)
  }

  /** Sends a sync step 1, which the server answers with a step 2 once it has applied everything sent before. */
  requestSyncReply(): boolean {
    if (!this.wsconnected) return false
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageKind.sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.sendRaw(encoding.toUint8Array(encoder))
    return true
  }

  /** Sends a complete y-websocket message if the socket is open; dropped otherwise (sync catches up on reconnect). */
  sendRaw(message: Uint8Array): void {
    const ws = this.ws
    if (this.wsconnected && ws !== null && ws.readyState === ws.OPEN) ws.send(message)
  }

  /** Bytes handed to the socket but not yet to the network; undefined without a socket. */
  get bufferedAmount(): number | undefined {
    return this.ws?.bufferedAmount
  }

  /** Sends our presence with a clock two ahead of the removal the server announced when we dropped. */
  private reannounce(): void {
    const state = this.awareness.getLocalState()
    if (state === null) return
    this.awareness.setLocalState({ ...state })
    this.awareness.setLocalState({ ...state })
  }

  /** Announces that we left (our awareness state becomes null). */
  leave(): void {
    const state = this.awareness.getLocalState()
    if (state !== null) {
      this.stateBeforeLeave = state
      removeAwarenessStates(this.awareness, [this.awareness.clientID], 'leave')
    }
  }

  override destroy(): void {
    clearInterval(this.keepAlive)
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.onPageHide)
      window.removeEventListener('pageshow', this.onPageShow)
    }
    this.leave()
    super.destroy()
  }
}
