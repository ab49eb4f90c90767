import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CloseCode, Limits, MessageKind, decodeAwarenessUpdate, encodeAwarenessUpdate } from '@werkraum/shared'
import type { AwarenessEntry, CloseCodeName } from '@werkraum/shared'
import type { Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import { Peer } from './peer.ts'
import type { Access, PeerSocket, Subject } from './peer.ts'
import type { Persistence } from './persistence.ts'
import { PresenceTable } from './presence.ts'

export interface RoomOptions {
  /** A connection whose unsent bytes exceed this is closed as too slow, instead of growing the server's memory. */
  readonly maxBufferedBytes: number
  /** Most bytes a connection may send while the document is still loading. */
  readonly maxBacklogBytes: number
  /** Silence after which a connection's presence ids may be taken over by a newer state from another connection. */
  readonly presenceTakeoverAfterMs: number
}

export interface RoomEvents {
  /** The last connection left. */
  onEmpty(room: Room): void
  /** Loading from storage failed; the room is useless and must be dropped so the next connection retries. */
  onLoadFailed(room: Room): void
}

class MalformedMessage extends Error {}

/** A connection that has been sent nothing for this long gets its own presence back, as a keep-alive. */
export const KEEPALIVE_ECHO_AFTER_MS = 10_000

let nextPeerId = 1

/**
 * One loaded document and the connections editing it.
 *
 * Speaks the standard y-websocket protocol. Document updates are encoded once
 * and sent to every other connection at once, then handed to persistence.
 * Presence (awareness) is the heaviest traffic in a busy room: entries are
 * checked against the presence table (echoes dropped), merged per event-loop
 * turn, and each merged batch is encoded once for everyone.
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly peers = new Set<Peer>()
  readonly ready: Promise<void>
  private loaded = false
  private failed = false
  /** Set when the manager has let go of this room; it must not write anything of its own any more. */
  retired = false
  /** Updates since load; an untouched document needs no compaction on unload. */
  private dirty = false
  private readonly presence: PresenceTable
  private outbox = new Map<number, { entry: AwarenessEntry; owner: Peer }>()
  private liveMessage: Uint8Array | undefined
  private flushScheduled = false

  constructor(
    readonly name: string,
    private readonly persistence: Persistence,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly options: RoomOptions,
    private readonly events: RoomEvents,
  ) {
    this.presence = new PresenceTable(options.presenceTakeoverAfterMs)
    this.doc.on('update', this.onDocUpdate)
    this.ready = this.persistence.load(name, this.doc).then(
      () => this.onLoaded(),
      (error: unknown) => this.onLoadFailed(error),
    )
  }

  /** Registers a connection; messages it sends before the document is loaded wait in a bounded backlog. */
  join(socket: PeerSocket, access: Access, subject?: Subject): Peer {
    const peer = new Peer(socket, access, nextPeerId++)
    peer.subject = subject
    this.peers.add(peer)
    if (this.failed) this.kick(peer, 'DOCUMENT_UNAVAILABLE')
    else if (this.loaded) this.greet(peer)
    return peer
  }

  /** Handles one message from a connection. Never throws: bad input closes that connection only. */
  receive(peer: Peer, data: Uint8Array): void {
    if (peer.closed) return
    this.metrics.bytesIn.inc(data.byteLength)
    peer.lastHeardMs = Date.now()
    if (!this.loaded) {
      peer.backlogBytes += data.byteLength
      if (peer.backlogBytes > this.options.maxBacklogBytes) this.kick(peer, 'SLOW_CONSUMER')
      else peer.backlog.push(data)
      return
    }
    this.dispatch(peer, data)
  }

  private dispatch(peer: Peer, data: Uint8Array): void {
    if (peer.closed) return
    try {
      this.handle(peer, data)
    } catch (error) {
      this.log.warn('message.rejected', { doc: this.name, peer: peer.id, bytes: data.byteLength, reason: String(error) })
      this.kick(peer, 'MALFORMED_MESSAGE')
    }
  }

  /** A connection went away (closed by either side). Idempotent. */
  leave(peer: Peer): void {
    peer.closed = true
    if (!this.peers.delete(peer)) return
    const removals = this.presence.removeOwner(peer, Date.now())
    for (const entry of removals) this.outbox.set(entry.clientId, { entry, owner: peer })
    if (removals.length > 0) {
      this.liveMessage = undefined
      this.scheduleFlush()
    }
    if (this.peers.size === 0) this.events.onEmpty(this)
  }

  /**
   * Closes a connection with one of the protocol's named close codes. A slow
   * consumer is dropped at once instead: its close frame would queue behind the
   * very data it cannot read, and hold that memory until the close times out.
   */
  kick(peer: Peer, reason: CloseCodeName): void {
    if (peer.closed) return
    this.metrics.closedByServer.inc()
    try {
      if (reason === 'SLOW_CONSUMER') peer.socket.terminate()
      else peer.socket.close(CloseCode[reason].code, reason)
    } catch (error) {
      this.log.warn('close.failed', { doc: this.name, peer: peer.id, error })
    }
    this.leave(peer)
  }

  /** Asks a connection to send whatever the server lacks (a sync step 1), e.g. after it may write again. */
  resync(peer: Peer): void {
    if (!this.loaded) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageKind.sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(peer, encoding.toUint8Array(encoder))
  }

  /** Closes every connection, e.g. on shutdown. */
  closeAll(reason: CloseCodeName): void {
    for (const peer of [...this.peers]) this.kick(peer, reason)
  }

  /** Writes the whole document as a snapshot if it changed since load; used on unload and shutdown. */
  persistNow(): Promise<void> {
    if (!this.loaded || !this.dirty) return Promise.resolve()
    this.dirty = false
    return this.persistence.compact(this.name, this.doc)
  }

  /** Compacts the stored log into a snapshot (called when it grew past its bound). */
  compact(): Promise<void> {
    if (!this.loaded) return Promise.resolve()
    return this.persistence.compact(this.name, this.doc)
  }

  isLoaded(): boolean {
    return this.loaded
  }

  /** Frees the document. The manager tells persistence to forget the name, since a newer room may hold it by now. */
  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.doc.destroy()
  }

  /** Drops presence tombstones that no echo can refer to any more. */
  sweepPresence(nowMs: number): void {
    this.presence.sweep(nowMs)
    this.liveMessage = undefined
  }

  private onLoaded(): void {
    this.loaded = true
    // A log that was already long when we loaded it is compacted now, not only after the next commit.
    if (!this.retired && this.persistence.logIsFull(this.name)) void this.compact()
    for (const peer of [...this.peers]) {
      if (peer.closed) continue
      this.greet(peer)
      const backlog = peer.backlog
      peer.backlog = []
      peer.backlogBytes = 0
      for (const data of backlog) this.dispatch(peer, data)
    }
  }

  private onLoadFailed(error: unknown): void {
    this.failed = true
    this.log.error('doc.load_failed', { doc: this.name, error })
    this.events.onLoadFailed(this)
    this.closeAll('DOCUMENT_UNAVAILABLE')
  }

  /** First words to a new connection: our state vector, and who is here. */
  private greet(peer: Peer): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageKind.sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(peer, encoding.toUint8Array(encoder))
    if (this.presence.liveEntries().length > 0) this.send(peer, this.livePresenceMessage())
  }

  /** Everyone present, encoded once and reused until presence changes (newcomers and queries are frequent). */
  private livePresenceMessage(): Uint8Array {
    this.liveMessage ??= awarenessMessage(this.presence.liveEntries())
    return this.liveMessage
  }

  private handle(peer: Peer, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const kind = decoding.readVarUint(decoder)
    switch (kind) {
      case MessageKind.sync:
        this.handleSync(peer, decoder)
        return
      case MessageKind.awareness:
        this.handleAwareness(peer, decoding.readVarUint8Array(decoder))
        return
      case MessageKind.queryAwareness:
        this.send(peer, this.livePresenceMessage())
        return
      case MessageKind.auth:
        // Permission messages flow from server to client only; a client's is ignored.
        return
      default:
        throw new MalformedMessage(`unknown message kind ${kind}`)
    }
  }

  private handleSync(peer: Peer, decoder: decoding.Decoder): void {
    const syncKind = decoding.readVarUint(decoder)
    switch (syncKind) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder)
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageKind.sync)
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector))
        this.send(peer, encoding.toUint8Array(encoder))
        return
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder)
        // Read-only connections may sync and show presence, but their updates are dropped whole.
        if (peer.access !== 'write') return
        Y.applyUpdate(this.doc, update, peer)
        return
      }
      default:
        throw new MalformedMessage(`unknown sync message ${syncKind}`)
    }
  }

  private handleAwareness(peer: Peer, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    this.metrics.awarenessIn.inc(entries.length)
    // Stock clients echo everyone's presence back: those entries are dropped here
    // for the price of a map lookup, before any validation, and never count
    // against the sender's limit of presence ids.
    const now = Date.now()
    const news = entries.filter((entry) => this.presence.isNews(entry, peer, now))
    this.metrics.awarenessDropped.inc(entries.length - news.length)
    if (news.length === 0) return
    // Checked whole before anything is accepted: every client parses what we relay,
    // and one bad state would break presence for the whole room.
    for (const entry of news) {
      if (Buffer.byteLength(entry.state) > Limits.MAX_AWARENESS_STATE_BYTES) throw new MalformedMessage('awareness state too large')
      try {
        JSON.parse(entry.state)
      } catch {
        throw new MalformedMessage('awareness state is not JSON')
      }
    }
    let newIds = 0
    for (const entry of news) if (!peer.clientIds.has(entry.clientId)) newIds++
    if (peer.clientIds.size + newIds > Limits.MAX_PRESENCES_PER_CONNECTION) {
      throw new MalformedMessage('too many presence ids on one connection')
    }
    for (const entry of news) {
      // A message may name one id twice; only what is recorded (the newest) goes out.
      if (this.presence.accept(entry, peer, now)) this.outbox.set(entry.clientId, { entry, owner: peer })
    }
    this.liveMessage = undefined
    if (this.outbox.size > 0) this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    // setImmediate runs after the current batch of socket reads: under load many
    // cursor moves merge into one message, when idle there is no added delay.
    setImmediate(this.flushPresence)
  }

  private readonly flushPresence = (): void => {
    this.flushScheduled = false
    if (this.outbox.size === 0) return
    const batch = this.outbox
    this.outbox = new Map()
    const owners = new Set<Peer>()
    for (const { owner } of batch.values()) owners.add(owner)
    // A batch from one connection need not go back to it, unless that connection has
    // heard nothing for a while: stock y-websocket clients reconnect after 30 s of
    // silence, and their own 15-second presence renewal is what keeps a lone client alive.
    const skip = owners.size === 1 ? [...owners][0] : undefined
    const message = awarenessMessage([...batch.values()].map((b) => b.entry))
    const now = Date.now()
    for (const peer of this.peers) {
      if (peer === skip && now - peer.lastSentMs < KEEPALIVE_ECHO_AFTER_MS) continue
      this.send(peer, message)
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.persistence) return // loading from storage
    this.dirty = true
    this.metrics.updates.inc()
    this.metrics.updateRate.mark()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageKind.sync)
    syncProtocol.writeUpdate(encoder, update)
    const message = encoding.toUint8Array(encoder)
    for (const peer of this.peers) if (peer !== origin) this.send(peer, message)
    this.persistence.enqueue(this.name, update)
  }

  private send(peer: Peer, message: Uint8Array): void {
    if (peer.closed) return
    if (peer.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.log.warn('peer.slow', { doc: this.name, peer: peer.id, buffered: peer.socket.bufferedAmount })
      this.kick(peer, 'SLOW_CONSUMER')
      return
    }
    try {
      peer.socket.send(message)
      peer.lastSentMs = Date.now()
      this.metrics.bytesOut.inc(message.byteLength)
    } catch (error) {
      this.log.warn('send.failed', { doc: this.name, peer: peer.id, error })
      this.kick(peer, 'INTERNAL_ERROR')
    }
  }
}

function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageKind.awareness)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(entries))
  return encoding.toUint8Array(encoder)
}
