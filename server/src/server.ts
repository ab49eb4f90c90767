import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { RawData, WebSocket } from 'ws'
import { CloseCode, PROTOCOL_VERSION, SITE_INFO_PATH, SYNC_PATH, docNameFromSyncPath, parseWorkshopDocName } from '@werkraum/shared'
import type { Health } from '@werkraum/shared'
import type { Config } from './config.ts'
import { sendApiError, sendApiJson } from './api/errors.ts'
import { createLogger } from './log.ts'
import type { Logger } from './log.ts'
import { Metrics } from './metrics.ts'
import { loadOrCreateSecret } from './auth/tokens.ts'
import type { Access, Subject } from './peer.ts'
import { Persistence } from './persistence.ts'
import { RoomManager } from './rooms.ts'
import { siteInfo } from './site.ts'
import { securityHeaders, serveStatic } from './static.ts'
import { PostgresStorage } from './storage/postgres.ts'
import { SqliteStorage } from './storage/sqlite.ts'
import type { DocStorage } from './storage/types.ts'
import { decideAccess } from './workshops/access.ts'
import type { AccessDecision, UpgradeDecision } from './workshops/access.ts'
import { freezeClosedVotes } from './workshops/voteResults.ts'
import { publishControlState } from './workshops/control.ts'
import { OFFLINE_GRACE_MS, WorkshopPresence } from './workshops/presence.ts'
import { placeLateComer } from './workshops/breakout.ts'
import { recheckWorkshop } from './workshops/recheck.ts'
import { TimerScheduler } from './workshops/scheduler.ts'
import { WorkshopStore } from './workshops/store.ts'

export interface StartOptions {
  readonly config: Config
  readonly logger?: Logger
  /** Defaults to SQLite in `config.DATA_DIR`. */
  readonly storage?: DocStorage
  /**
   * Decides, before the WebSocket upgrade, whether and how a request may open a
   * document, or refuses it with 401/403. By default workshop documents need a
   * token for their workshop and get what the holder's role allows; documents
   * outside workshops are open.
   */
  readonly authorize?: (req: IncomingMessage, docName: string, url: URL) => AccessDecision | UpgradeDecision
}

export interface RunningServer {
  /** `http://host:port`, with the port actually bound (useful with PORT=0). */
  readonly url: string
  readonly port: number
  readonly rooms: RoomManager
  readonly metrics: Metrics
  /** Workshops, people and boards (issue #3). */
  readonly workshops: WorkshopStore
  /** Stops accepting, closes sockets with SERVER_RESTARTING, writes every document, closes storage. */
  close(): Promise<void>
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options
  const log =
    options.logger ??
    createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT ?? (process.env.NODE_ENV === 'production' ? 'json' : 'pretty') })
  const storage = options.storage ?? (await openStorage(config))
  const metrics = new Metrics()
  const persistence = new Persistence(
    storage,
    { commitWindowMs: config.COMMIT_WINDOW_MS, compactAfterUpdates: config.COMPACT_AFTER_UPDATES },
    metrics,
    log,
    // Only called after a commit, by which time roomManager exists.
    (doc) => roomManager.compact(doc),
  )
  const roomManager = new RoomManager(persistence, metrics, log, {
    unloadAfterMs: config.DOC_UNLOAD_MS,
    maxBufferedBytes: config.MAX_BUFFERED_BYTES,
    maxBacklogBytes: 2 * config.MAX_MESSAGE_BYTES,
    // A live connection answers every ping, so it is never silent much longer than one heartbeat.
    presenceTakeoverAfterMs: Math.round(1.5 * config.HEARTBEAT_MS),
  })
  const workshops = new WorkshopStore(config.DATA_DIR, storage instanceof SqliteStorage ? storage.database : undefined)
  const secret = loadOrCreateSecret(config.DATA_DIR, config.TOKEN_SECRET)
  const authorize =
    options.authorize ?? ((_req: IncomingMessage, docName: string, url: URL) => decideAccess(workshops, secret, docName, url.searchParams.get('token')))
  const site = siteInfo(config)
  let api: ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>) | undefined

  /** Deletes a workshop and everything of it: people, boards, and every stored document. */
  // Timers run out on the server: a phase ends on time with nobody's browser open,
  // and one that fell due while the server was down ends as soon as it is back
  // (started below, once the control document can be published).
  const scheduler = new TimerScheduler(workshops, (workshopId) => {
    log.info('timer.due', { workshop: workshopId })
    // A phase that ends can end a breakout: room boards become read-only at once.
    recheckWorkshop(roomManager, workshops, workshopId)
    publishControl(workshopId)
  })

  const deleteWorkshop = async (workshopId: string): Promise<void> => {
    // Rows first: from now on every token of the workshop is refused.
    workshops.delete(workshopId)
    scheduler.forget(workshopId)
    const ofWorkshop = (name: string): boolean => parseWorkshopDocName(name)?.workshopId === workshopId
    // Loaded documents, documents with writes still queued, and stored ones.
    const names = new Set([...roomManager.all()].map((room) => room.name).filter(ofWorkshop))
    for (const name of names) roomManager.discard(name)
    for (const name of persistence.pendingDocuments()) if (ofWorkshop(name)) names.add(name)
    for (const name of await storage.list()) if (ofWorkshop(name)) names.add(name)
    for (const name of names) await persistence.delete(name)
    if (storage instanceof SqliteStorage) storage.purge()
    log.info('workshop.deleted', { workshop: workshopId })
  }

  // Workshops nobody touched for WORKSHOP_RETENTION_DAYS are deleted (0 keeps them forever).
  const sweepRetention = async (): Promise<void> => {
    if (config.WORKSHOP_RETENTION_DAYS === 0) return
    const cutoff = Date.now() - config.WORKSHOP_RETENTION_DAYS * 24 * 60 * 60 * 1000
    for (const id of workshops.untouchedSince(cutoff)) await deleteWorkshop(id)
  }
  const retentionTimer = setInterval(() => void sweepRetention().catch((error: unknown) => log.error('retention.failed', { error })), 60 * 60 * 1000)
  retentionTimer.unref()
  await sweepRetention()
  const startedAt = Date.now()
  let closing = false

  const presence = new WorkshopPresence()
  const publishControl = (workshopId: string): void => {
    // Shutdown has written and dropped every document; a change now would load one again.
    if (closing) return
    publishControlState(roomManager, workshops, presence, workshopId).catch((error: unknown) =>
      log.error('control.publish_failed', { workshop: workshopId, error }),
    )
    // A vote closed by any path (command, phase end, timer) keeps its item texts as they are now.
    freezeClosedVotes(workshops, (name, look) => roomManager.read(name, look), workshopId).catch((error: unknown) =>
      log.error('votes.freeze_failed', { workshop: workshopId, error }),
    )
  }
  scheduler.start()

  // A closed connection counts out only OFFLINE_GRACE_MS later: a reload opens
  // the new one first, so nobody flickers to absent on the facilitator's screen.
  const countOutTimers = new Set<NodeJS.Timeout>()
  const countOutLater = (subject: Subject): void => {
    if (closing) return
    const timer = setTimeout(() => {
      countOutTimers.delete(timer)
      if (presence.disconnected(subject)) publishControl(subject.workshopId)
    }, OFFLINE_GRACE_MS)
    timer.unref()
    countOutTimers.add(timer)
  }

  metrics.addGauge('werkraum_connections', 'Open WebSocket connections.', () => roomManager.connectionCount)
  metrics.addGauge('werkraum_documents_loaded', 'Documents currently held in memory.', () => roomManager.size)
  metrics.addGauge('werkraum_memory_rss_bytes', 'Resident memory of the server process.', () => process.memoryUsage.rss())

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES, perMessageDeflate: false })

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res)
    const url = parseRequestUrl(req)
    if (!url) {
      sendApiError(req, res, 400, 'bad_request')
      return
    }
    if (url.pathname === SITE_INFO_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendApiError(req, res, 405, 'method_not_allowed')
      return sendApiJson(res, 200, site)
    }
    if (url.pathname.startsWith('/api/')) {
      // Loaded on first use: a server that only syncs boards never loads the API's validation.
      api ??= (await import('./api/routes.ts')).createApi({
        store: workshops,
        secret,
        creationPassword: config.WORKSHOP_CREATION_PASSWORD,
        onWorkshopChanged: (workshopId) => {
          recheckWorkshop(roomManager, workshops, workshopId)
          scheduler.reschedule(workshopId)
          publishControl(workshopId)
        },
        deleteWorkshop,
        isPresent: (workshopId, participantId) => presence.isPresent(workshopId, participantId),
        readDocument: (name, look) => roomManager.read(name, look),
        writeDocument: (name, change) => roomManager.change(name, change),
        onVotesChanged: publishControl,
      })
      await api(req, res, url)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendApiError(req, res, 405, 'method_not_allowed')
      return
    }
    if (url.pathname === '/healthz') {
      if (closing || persistence.lastError !== undefined) {
        sendApiError(req, res, 503, closing ? 'shutting_down' : 'storage_failed')
        return
      }
      const body: Health = {
        status: 'ok',
        protocol: PROTOCOL_VERSION,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        documents: roomManager.size,
        connections: roomManager.connectionCount,
      }
      sendApiJson(res, 200, body)
      return
    }
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
      res.end(metrics.render())
      return
    }
    if (url.pathname === SYNC_PATH || url.pathname.startsWith(SYNC_PATH + '/')) {
      sendApiError(req, res, 426, 'upgrade_required')
      return
    }
    await serveStatic(config.CLIENT_DIR, req, res, url.pathname)
  }

  const connectionsByAddress = new Map<string, number>()
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (error) => log.debug('upgrade.socket_error', { error }))
    try {
      if (closing) return refuseUpgrade(socket, 503, 'Service Unavailable')
      const url = parseRequestUrl(req)
      if (!url) return refuseUpgrade(socket, 400, 'Bad Request')
      const docName = docNameFromSyncPath(url.pathname)
      if (!docName) return refuseUpgrade(socket, 404, 'Not Found')
      const address = req.socket.remoteAddress ?? 'unknown'
      if ((connectionsByAddress.get(address) ?? 0) >= config.MAX_CONNECTIONS_PER_ADDRESS) return refuseUpgrade(socket, 429, 'Too Many Requests')
      const decision = authorize(req, docName, url)
      if (decision === 401) return refuseUpgrade(socket, 401, 'Unauthorized')
      if (decision === 403) return refuseUpgrade(socket, 403, 'Forbidden')
      const { access, subject } = typeof decision === 'string' ? { access: decision, subject: undefined } : decision
      wss.handleUpgrade(req, socket, head, (ws) => {
        // Counted per address so that one machine cannot exhaust the server's sockets.
        connectionsByAddress.set(address, (connectionsByAddress.get(address) ?? 0) + 1)
        ws.once('close', () => {
          const left = (connectionsByAddress.get(address) ?? 1) - 1
          if (left <= 0) connectionsByAddress.delete(address)
          else connectionsByAddress.set(address, left)
        })
        onConnection(ws, docName, access, subject)
      })
    } catch (error) {
      // Nothing may escape an upgrade: the process serves everyone else.
      log.error('upgrade.failed', { url: pathOnly(req.url), error })
      refuseUpgrade(socket, 500, 'Internal Server Error')
    }
  }

  // Half-open connections (a closed laptop lid, lost Wi-Fi) never say goodbye. A
  // ping every HEARTBEAT_MS finds them: whoever missed the last pong is dropped,
  // which frees their presence and lets their document unload.
  const alive = new WeakSet<WebSocket>()
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, config.HEARTBEAT_MS)
  heartbeat.unref()

  const onConnection = (ws: WebSocket, docName: string, access: Access, subject: Subject | undefined): void => {
    metrics.connectionsOpened.inc()
    alive.add(ws)
    const room = roomManager.get(docName)
    const peer = room.join(ws, access, subject)
    // Republished only when someone comes or goes, not for each of a busy participant's connections.
    if (subject && presence.connected(subject)) {
      // Someone arriving during a breakout gets a room (balanced), at once.
      const placed = placeLateComer(workshops, subject.workshopId, subject.participantId)
      if (placed && workshops.saveFacilitation(subject.workshopId, placed)) recheckWorkshop(roomManager, workshops, subject.workshopId)
      publishControl(subject.workshopId)
    }
    ws.on('pong', () => {
      alive.add(ws)
      peer.lastHeardMs = Date.now()
    })
    log.debug('peer.joined', { doc: docName, peer: peer.id, access })
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary || !Buffer.isBuffer(data)) {
        // y-websocket sends binary frames only; anything else is not our protocol.
        room.kick(peer, 'MALFORMED_MESSAGE')
        return
      }
      room.receive(peer, data)
    })
    ws.on('close', () => {
      room.leave(peer)
      if (subject) countOutLater(subject)
      log.debug('peer.left', { doc: docName, peer: peer.id })
    })
    ws.on('error', (error) => {
      // ws closes the socket itself (e.g. 1009 for an oversized message); we only log it.
      log.info('peer.error', { doc: docName, peer: peer.id, reason: error.message })
    })
  }

  const http: Server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      log.error('http.failed', { url: pathOnly(req.url), error })
      if (!res.headersSent) sendApiError(req, res, 500, 'internal_error')
      else res.destroy()
    })
  })
  http.on('upgrade', onUpgrade)
  http.on('clientError', (_error, socket) => socket.destroy())

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(config.PORT, config.HOST, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const port = (http.address() as AddressInfo).port
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`
  log.info('server.listening', { url, dataDir: config.DATA_DIR, storage: storage.kind })

  let closed: Promise<void> | undefined
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true
      log.info('server.stopping')
      clearInterval(heartbeat)
      clearInterval(retentionTimer)
      scheduler.close()
      for (const timer of countOutTimers) clearTimeout(timer)
      countOutTimers.clear()
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()))
      let writeError: unknown
      await roomManager.shutdown().catch((error: unknown) => (writeError = error))
      for (const ws of wss.clients) ws.close(CloseCode.SERVER_RESTARTING.code, 'SERVER_RESTARTING')
      // Give clients a moment to answer the close frame, then drop whoever did not:
      // ws would otherwise wait 30 s per silent client.
      await waitUntilClosed(wss, CLOSE_GRACE_MS)
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      http.closeAllConnections()
      await httpClosed
      workshops.close()
      await storage.close()
      if (writeError !== undefined) {
        log.error('server.stopped_with_unsaved_changes', { error: writeError })
        throw writeError
      }
      log.info('server.stopped')
    })()
    return closed
  }

  return { url, port, rooms: roomManager, metrics, workshops, close }
}

/** The storage backend the configuration names. */
export async function openStorage(config: Config): Promise<DocStorage> {
  switch (config.STORAGE) {
    case 'sqlite':
      return new SqliteStorage({ dataDir: config.DATA_DIR, synchronous: config.SQLITE_SYNCHRONOUS })
    case 'postgres':
      return PostgresStorage.connect({ connectionString: config.DATABASE_URL!, schema: config.DATABASE_SCHEMA })
    default: {
      const never: never = config.STORAGE
      throw new Error(`unknown storage ${String(never)}`)
    }
  }
}

/** How long shutdown waits for clients to answer the close frame. */
const CLOSE_GRACE_MS = 1000

function waitUntilClosed(wss: WebSocketServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve) => {
    const check = (): void => {
      if (wss.clients.size === 0 || Date.now() >= deadline) resolve()
      else setTimeout(check, 20)
    }
    check()
  })
}

/** The request's URL, or undefined when it cannot be parsed (a client can send anything). */
function parseRequestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost')
  } catch {
    return undefined
  }
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** A request's path for logs: the query can hold a token (`?token=`), which must not end up in log files. */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? ''
}
