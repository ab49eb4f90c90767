/** One seeded convergence run: replicas, random actions, restarts, and the final checks. */
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { SqliteStorage } from '@werkraum/server'
import { connectClient } from '../clients.ts'
import { Random } from '../random.ts'
import { randomEdit, randomTransaction } from '../randomEdits.ts'
import { removeDir, tempDataDir } from '../server.ts'
import type { TestServer } from '../server.ts'
import { expect } from 'vitest'
import { PROFILES } from './profiles.ts'
import { startChild, startInProcess } from './servers.ts'
import type { ServerHandle } from './servers.ts'
import type { Profile, ProfileName } from './profiles.ts'
import { covers, fingerprint, sameState, structure, turn, updateCovers } from './compare.ts'
import { waitFor } from '../wait.ts'

interface Replica {
  readonly name: string
  readonly doc: Y.Doc
  readonly undo: Y.UndoManager
  /** Replaced when the server comes back on another port. */
  provider: WebsocketProvider
}

export class ConvergenceRun {
  readonly rng: Random
  /** Storage delays are drawn when storage is called, which depends on timing: apart from the test's own choices. */
  private readonly latencyRng: Random
  readonly profile: Profile
  readonly docName: string
  readonly dataDir = tempDataDir()
  server: ServerHandle | undefined
  readonly replicas: Replica[] = []
  /** Full state of every client that left for good, for the oracle. */
  readonly departed: Uint8Array[] = []
  /** Everything the server confirmed it had (in memory in process, on disk for a child): it must never lose any of it. */
  private acknowledged: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc())
  readonly log: string[] = []
  readonly stats = { restarts: 0, unloads: 0, departures: 0, compactions: 0, logCompactions: 0, disconnects: 0, reconnects: 0, observers: 0 }
  /** Reads the data folder directly, to wait until something is durable (child servers only). */
  private storage: SqliteStorage | undefined
  /** Last look at an in-process server: which room object was loaded and how many compactions had run. */
  private seen: { server: TestServer; room: object | undefined; compactions: number } | undefined
  private readonly usedClientIds = new Set<number>()
  private nextName = 0
  private readonly extraDocs: Y.Doc[] = []

  constructor(
    readonly seed: number,
    readonly profileName: ProfileName,
  ) {
    this.rng = new Random(seed)
    this.latencyRng = new Random(seed ^ 0x5eed5eed)
    this.profile = PROFILES[profileName]
    this.docName = `board.convergence-${profileName}-${seed}`
  }

  private start(port?: number): Promise<ServerHandle> {
    const env = port === undefined ? this.profile.env : { ...this.profile.env, PORT: String(port) }
    if (this.profile.server === 'child') return startChild(env, this.dataDir)
    const maxMs = this.profile.storageLatencyMs
    return startInProcess(env, this.dataDir, maxMs === undefined ? undefined : { rng: this.latencyRng, maxMs })
  }

  async run(): Promise<void> {
    this.server = await this.start()
    if (this.profile.server === 'child') this.storage = new SqliteStorage({ dataDir: this.dataDir })
    for (let i = 0; i < this.profile.clients; i++) this.addReplica(this.rng.chance(0.8))
    for (let step = 0; step < this.profile.steps; step++) {
      await this.step(step)
      this.observeCompactions()
      // Sometimes let the sockets deliver, sometimes pile edits up: this interleaving,
      // and edits made offline, are what give deliveries a random order.
      const turns = this.rng.pick([0, 0, 0, 1, 1, 2, 5])
      for (let i = 0; i < turns; i++) await turn()
    }
    await this.converge()
  }

  /**
   * Counts compactions of a loaded document (its log grew past the bound), as
   * opposed to those written on unload or shutdown: if the same room object was
   * loaded at two looks in a row, it was not unloaded in between, so every
   * compaction between them came from the log's length.
   */
  private observeCompactions(): void {
    const server = this.server!.inProcess
    if (!server) return
    const room = server.rooms.peek(this.docName)
    const compactions = server.metrics.compactions.value
    const seen = this.seen
    if (seen && seen.server === server && room !== undefined && seen.room === room) this.stats.logCompactions += compactions - seen.compactions
    this.seen = { server, room, compactions }
  }

  private addReplica(connect: boolean): Replica {
    const doc = new Y.Doc()
    // Yjs orders concurrent inserts by client id: take it from the seed, not from Math.random.
    let id = 0
    while (id === 0 || this.usedClientIds.has(id)) id = this.rng.uint32()
    this.usedClientIds.add(id)
    doc.clientID = id
    const replica: Replica = {
      name: `c${this.nextName++}`,
      doc,
      // captureTimeout 0: what one undo step covers must not depend on how fast the test runs.
      undo: new Y.UndoManager([doc.getText('text'), doc.getMap('map'), doc.getArray('list')], { captureTimeout: 0 }),
      provider: connectClient(this.server!.wsUrl, this.docName, { doc, connect }).provider,
    }
    this.replicas.push(replica)
    this.log.push(`${replica.name} joins (clientID ${id})${connect ? '' : ' offline'}`)
    return replica
  }

  private async step(step: number): Promise<void> {
    const rng = this.rng
    const online = this.replicas.filter((r) => r.provider.shouldConnect)
    const offline = this.replicas.filter((r) => !r.provider.shouldConnect)
    const action = rng.weighted({
      edit: 45,
      transact: 12,
      undo: 5,
      disconnect: online.length > 0 ? 6 : 0,
      reconnect: offline.length > 0 ? 8 : 0,
      waitSynced: online.length > 0 ? 3 : 0,
      waitSaved: online.length > 0 ? 8 : 0,
      observe: 2,
      depart: 1.5,
      restart: this.stats.restarts < this.profile.maxRestarts ? 0.7 : 0,
      emptyRoom: this.profile.unloads ? 1 : 0,
    })
    const at = `#${step}`
    switch (action) {
      case 'edit': {
        const r = rng.pick(this.replicas)
        this.log.push(`${at} ${r.name} ${randomEdit(rng, r.doc)}`)
        return
      }
      case 'transact': {
        const r = rng.pick(this.replicas)
        this.log.push(`${at} ${r.name} ${randomTransaction(rng, r.doc)}`)
        return
      }
      case 'undo': {
        const r = rng.pick(this.replicas)
        const redo = rng.chance(0.3)
        if (redo) r.undo.redo()
        else r.undo.undo()
        this.log.push(`${at} ${r.name} ${redo ? 'redo' : 'undo'}`)
        return
      }
      case 'disconnect': {
        const r = rng.pick(online)
        r.provider.disconnect()
        this.stats.disconnects++
        this.log.push(`${at} ${r.name} disconnect`)
        return
      }
      case 'reconnect': {
        const r = rng.pick(offline)
        r.provider.connect()
        this.stats.reconnects++
        this.log.push(`${at} ${r.name} reconnect`)
        return
      }
      case 'waitSynced': {
        const r = rng.pick(online)
        this.log.push(`${at} ${r.name} wait synced`)
        await waitFor(() => r.provider.synced, `${r.name} synced`, 10_000)
        return
      }
      case 'waitSaved': {
        const r = rng.pick(online)
        this.log.push(`${at} ${r.name} wait until the server has its edits`)
        await this.waitSaved(r)
        return
      }
      case 'observe':
        this.log.push(`${at} a fresh client checks what the server has`)
        return this.observe()
      case 'depart':
        return this.depart(at, rng.pick(this.replicas))
      case 'restart':
        return this.restart(at)
      case 'emptyRoom':
        return this.emptyRoom(at)
    }
  }

  /** What storage holds now, read from the data folder, as one update. */
  private async stored(): Promise<Uint8Array> {
    const storage = this.storage ?? new SqliteStorage({ dataDir: this.dataDir })
    try {
      const { snapshot, updates } = await storage.load(this.docName)
      const parts = snapshot ? [snapshot, ...updates] : [...updates]
      return parts.length > 0 ? Y.mergeUpdates(parts) : Y.encodeStateAsUpdate(new Y.Doc())
    } finally {
      if (storage !== this.storage) await storage.close()
    }
  }

  /** Whether storage holds every edit of `doc` (durable: survives kill -9). */
  private async storageCovers(doc: Y.Doc): Promise<boolean> {
    return updateCovers(await this.stored(), Y.encodeStateAsUpdate(doc))
  }

  /**
   * Waits (bounded) until the server has every edit of `r`, which must be
   * connected or connecting: in its memory for an in-process server, on disk
   * for a child that may be killed at any moment.
   */
  private async waitSaved(r: Replica): Promise<void> {
    await waitFor(() => r.provider.synced, `${r.name} synced`, 10_000)
    const memory = this.server!.inProcess
    if (memory) {
      await waitFor(
        () => {
          const room = memory.rooms.peek(this.docName)
          return room !== undefined && room.isLoaded() && covers(room.doc, r.doc)
        },
        `server holds all edits of ${r.name}`,
        10_000,
      )
    } else {
      await waitFor(() => this.storageCovers(r.doc), `storage holds all edits of ${r.name}`, 10_000)
    }
    this.acknowledged = Y.mergeUpdates([this.acknowledged, Y.encodeStateAsUpdate(r.doc)])
  }

  /**
   * A brand-new client connects, syncs and leaves: what it receives is all the
   * server has, and that must include everything the server ever confirmed.
   * When nobody else is connected this is the document as just loaded from
   * storage, with no client around to fill in what the server forgot.
   */
  private async observe(): Promise<void> {
    const observer = connectClient(this.server!.wsUrl, this.docName)
    try {
      await waitFor(() => observer.provider.synced, 'observer synced', 10_000)
      this.stats.observers++
      // The observer may hold more (others' edits, and deletions of its own formatting clean-up), never less.
      const seen = Y.encodeStateAsUpdate(observer.doc)
      if (!updateCovers(seen, this.acknowledged)) {
        expect(structure(seen), 'the server lost edits it had confirmed (observer ⊉ acknowledged)').toEqual(structure(this.acknowledged))
        throw new Error('the server lost edits it had confirmed')
      }
    } finally {
      observer.destroy()
    }
  }

  /**
   * A client leaves for good once the server has all its edits (as a person
   * closes the tab after seeing "saved"); a new one takes its place. From now
   * on only the server and the others can keep its edits.
   */
  private async depart(at: string, r: Replica): Promise<void> {
    this.log.push(`${at} ${r.name} leaves for good`)
    r.provider.connect()
    await this.waitSaved(r)
    this.departed.push(Y.encodeStateAsUpdate(r.doc))
    r.provider.destroy()
    r.undo.destroy()
    r.doc.destroy()
    this.replicas.splice(this.replicas.indexOf(r), 1)
    this.stats.departures++
    this.addReplica(this.rng.chance(0.7))
  }

  /**
   * Restart on the same data folder with clients connected: graceful in
   * process, kill -9 for a child. Half the time on the same port (the stock
   * providers reconnect by themselves), else on a new one (providers are
   * recreated on the same documents). Some clients edit while it is down.
   */
  private async restart(at: string): Promise<void> {
    const old = this.server!
    const samePort = this.rng.chance(0.5)
    this.log.push(`${at} server ${this.profile.server === 'child' ? 'kill -9' : 'restart'} (${samePort ? 'same port' : 'new port'})`)
    const compactionsBefore = this.profile.server === 'child' ? await old.compactions() : 0
    await old.stop()
    this.stats.compactions += this.profile.server === 'child' ? compactionsBefore : await old.compactions()
    const offlineEdits = this.rng.int(4)
    for (let i = 0; i < offlineEdits; i++) {
      const r = this.rng.pick(this.replicas)
      this.log.push(`${at} ${r.name} (server down) ${randomEdit(this.rng, r.doc)}`)
    }
    this.stats.restarts++
    if (samePort) {
      try {
        this.server = await this.start(old.port)
        return
      } catch (error) {
        // The port can be taken in between; that is not what this test is about.
        this.log.push(`${at} same port unavailable (${String(error).split('\n')[0]}), using a new one`)
      }
    }
    this.server = await this.start()
    for (const r of this.replicas) {
      const connect = r.provider.shouldConnect
      r.provider.destroy()
      r.provider = connectClient(this.server.wsUrl, this.docName, { doc: r.doc, connect }).provider
    }
  }

  /** Everyone disconnects; often the test then waits until the server has unloaded the document. */
  private async emptyRoom(at: string): Promise<void> {
    const waitUnload = this.rng.chance(0.6)
    this.log.push(`${at} everyone disconnects${waitUnload ? ', wait for unload' : ''}`)
    for (const r of this.replicas) r.provider.disconnect()
    this.stats.disconnects += this.replicas.length
    if (waitUnload) {
      const server = this.server!
      await waitFor(async () => (await server.documentsLoaded()) === 0, 'document unloaded', 10_000)
      this.stats.unloads++
    }
    if (this.rng.chance(0.5)) {
      this.log.push(`${at} a fresh client checks what the server has, alone`)
      await this.observe()
    }
  }

  /** Everyone reconnects; all replicas must agree with each other, the server, the oracle, and storage after a restart. */
  private async converge(): Promise<void> {
    this.log.push('final: everyone reconnects')
    for (const r of this.replicas) r.provider.connect()
    const memory = this.server!.inProcess
    const serverDoc = (): Y.Doc | undefined => {
      const room = memory?.rooms.peek(this.docName)
      return room?.isLoaded() ? room.doc : undefined
    }
    const first = this.replicas[0]!
    try {
      await waitFor(
        () => {
          if (!this.replicas.every((r) => r.provider.synced)) return false
          if (!this.replicas.every((r) => sameState(r.doc, first.doc))) return false
          if (!memory) return true
          const server = serverDoc()
          return server !== undefined && sameState(server, first.doc)
        },
        'all replicas and the server identical',
        15_000,
      )
    } catch (error) {
      // Show how they differ, not only that the wait timed out.
      const states = Object.fromEntries(this.replicas.map((r) => [`${r.name} synced=${r.provider.synced}`, fingerprint(r.doc)]))
      const server = serverDoc()
      if (server) states.server = fingerprint(server)
      const expected = Object.fromEntries(Object.keys(states).map((k) => [k, fingerprint(first.doc)]))
      expect(states, String(error)).toEqual(expected)
      throw error
    }

    // The oracle: nothing a departed client wrote, nothing the server confirmed, may be missing.
    const final = Y.encodeStateAsUpdate(first.doc)
    for (const [i, state] of this.departed.entries()) {
      if (!updateCovers(final, state)) expect(structure(final), `edits of departed client #${i + 1} are missing`).toEqual(structure(Y.mergeUpdates([final, state])))
    }
    if (!updateCovers(final, this.acknowledged)) expect(structure(final), 'edits the server confirmed are missing').toEqual(structure(Y.mergeUpdates([final, this.acknowledged])))
    const everything = Y.mergeUpdates([...this.departed, ...this.replicas.map((r) => Y.encodeStateAsUpdate(r.doc))])
    expect(structure(final).clocks, 'replicas against every replica that ever existed').toEqual(structure(everything).clocks)

    // What storage holds: no client may push state into the next server, so they all go first.
    this.log.push('final: stop, read storage, start again and read back')
    for (const r of this.replicas) r.provider.disconnect()
    if (this.profile.server === 'child') {
      // A crash keeps what was committed: wait until that is everything, then kill.
      await waitFor(() => this.storageCovers(first.doc), 'storage holds the final state', 10_000)
      this.stats.compactions += await this.server!.compactions()
      await this.server!.stop()
      // Storage holds every deletion (waited for above) and no insertion nobody made. It may hold more
      // deletions only if the server tidied formatting marks itself after the replicas' last look.
      expect(structure(await this.stored()).clocks, 'storage after kill -9 against the replicas').toEqual(structure(final).clocks)
    } else {
      await this.server!.stop()
      this.stats.compactions += await this.server!.compactions()
      expect(structure(await this.stored()), 'storage after shutdown against the replicas').toEqual(structure(final))
    }
    this.server = await this.start()
    const reader = connectClient(this.server.wsUrl, this.docName)
    this.extraDocs.push(reader.doc)
    await waitFor(() => reader.provider.synced, 'fresh reader synced', 10_000)
    // The server's sync step 2 holds everything it has: once synced, the reader is complete.
    // (The reader may add deletions of its own: Yjs tidies formatting marks in what it receives.)
    reader.provider.destroy()
    expect(fingerprint(reader.doc).content, 'fresh client after restart against the replicas').toEqual(fingerprint(first.doc).content)
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(first.doc))
    expect(covers(reader.doc, first.doc), 'fresh client holds every deletion').toBe(true)
  }

  async dispose(): Promise<void> {
    for (const r of this.replicas) {
      r.provider.destroy()
      r.undo.destroy()
      r.doc.destroy()
    }
    for (const doc of this.extraDocs) doc.destroy()
    await this.server?.stop()
    await this.storage?.close()
    removeDir(this.dataDir)
  }
}
