import type { Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { Persistence } from './persistence.ts'
import { Room } from './room.ts'
import type * as Y from 'yjs'

/** Transaction origin of changes the server makes itself. */
export const SERVER_ORIGIN = { name: 'werkraum-server' } as const
import type { RoomOptions } from './room.ts'

export interface RoomManagerOptions extends RoomOptions {
  /** How long a document stays loaded after its last connection left. */
  readonly unloadAfterMs: number
}

/**
 * Loads documents on first use and unloads them (after persisting) once
 * nobody has been connected for `unloadAfterMs`, so the server's memory
 * follows the documents in use, not every document ever opened.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly sweepTimer: NodeJS.Timeout

  constructor(
    private readonly persistence: Persistence,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly options: RoomManagerOptions,
  ) {
    this.sweepTimer = setInterval(() => {
      const now = Date.now()
      for (const room of this.rooms.values()) room.sweepPresence(now)
    }, 30_000)
    this.sweepTimer.unref()
  }

  /** The room for a document, loading it if needed. Cancels a pending unload. */
  get(name: string): Room {
    this.cancelUnload(name)
    let room = this.rooms.get(name)
    if (!room) {
      room = new Room(name, this.persistence, this.metrics, this.log, this.options, {
        onEmpty: (r) => this.scheduleUnload(r),
        onLoadFailed: (r) => this.drop(r),
      })
      this.rooms.set(name, room)
      this.log.debug('doc.load', { doc: name })
    }
    return room
  }

  /**
   * Changes a document on the server's own behalf (the workshop's control
   * document), loading it if needed: the change reaches every connection and
   * storage like any update; an unused document unloads again afterwards.
   */
  async change(name: string, apply: (doc: Y.Doc) => void): Promise<void> {
    const room = this.get(name)
    await room.ready
    if (!room.isLoaded()) throw new Error(`document ${name} could not be loaded`)
    room.doc.transact(() => apply(room.doc), SERVER_ORIGIN)
    if (room.peers.size === 0) this.scheduleUnload(room)
  }

  /**
   * Reads a document (loading it if needed) without changing it, e.g. to see
   * whether a shape someone votes on exists. An unused document unloads again.
   */
  async read<T>(name: string, look: (doc: Y.Doc) => T): Promise<T> {
    const room = this.get(name)
    await room.ready
    if (!room.isLoaded()) throw new Error(`document ${name} could not be loaded`)
    const result = look(room.doc)
    if (room.peers.size === 0) this.scheduleUnload(room)
    return result
  }

  /** Every room currently held, loaded or loading. */
  all(): IterableIterator<Room> {
    return this.rooms.values()
  }

  /** The room if it is loaded now. */
  peek(name: string): Room | undefined {
    return this.rooms.get(name)
  }

  get size(): number {
    return this.rooms.size
  }

  get connectionCount(): number {
    let n = 0
    for (const room of this.rooms.values()) n += room.peers.size
    return n
  }

  /** Forgets a room whose load failed, so that the next connection tries again. */
  private drop(room: Room): void {
    if (this.rooms.get(room.name) !== room) return
    this.cancelUnload(room.name)
    this.rooms.delete(room.name)
    room.retired = true
    room.destroy()
  }

  /** Called by persistence when a document's log grew past its bound. */
  compact(name: string): void {
    const room = this.rooms.get(name)
    if (room?.isLoaded()) void room.compact()
  }

  /**
   * Closes every connection to a document and drops it from memory without
   * writing it (its data is about to be deleted).
   */
  discard(name: string): void {
    const room = this.rooms.get(name)
    if (!room) return
    this.cancelUnload(name)
    this.rooms.delete(name)
    room.retired = true
    room.closeAll('FORBIDDEN')
    room.destroy()
  }

  /** Unloads a document now if nobody is connected. Returns when its state is written. */
  async unload(name: string): Promise<void> {
    const room = this.rooms.get(name)
    if (!room || room.peers.size > 0) return
    this.cancelUnload(name)
    this.rooms.delete(name)
    room.retired = true
    await this.retire(room)
    this.log.debug('doc.unloaded', { doc: name })
  }

  /** Closes every connection with `SERVER_RESTARTING` and writes every document. */
  async shutdown(): Promise<void> {
    clearInterval(this.sweepTimer)
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    const rooms = [...this.rooms.values()]
    this.rooms.clear()
    for (const room of rooms) room.retired = true
    for (const room of rooms) room.closeAll('SERVER_RESTARTING')
    try {
      await Promise.all(rooms.map((room) => this.retire(room)))
      await this.persistence.drain()
    } finally {
      this.persistence.close()
    }
  }

  /**
   * Writes a room that has left the map and frees it. For a loaded room the
   * snapshot is taken and queued synchronously, before any newcomer's fresh
   * room can start loading: that load waits behind it in the persistence
   * queue and so sees every update. A room still loading has applied nothing
   * yet, so there is nothing it could write.
   */
  private async retire(room: Room): Promise<void> {
    if (!room.isLoaded()) await room.ready
    // A room whose load failed holds nothing worth writing.
    const written = room.isLoaded() ? room.persistNow() : Promise.resolve()
    room.destroy()
    if (!this.rooms.has(room.name)) this.persistence.forget(room.name)
    await written
  }

  private scheduleUnload(room: Room): void {
    if (this.rooms.get(room.name) !== room) return
    this.cancelUnload(room.name)
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name)
      this.unload(room.name).catch((error: unknown) => this.log.error('doc.unload_failed', { doc: room.name, error }))
    }, this.options.unloadAfterMs)
    timer.unref()
    this.unloadTimers.set(room.name, timer)
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(name)
  }
}
