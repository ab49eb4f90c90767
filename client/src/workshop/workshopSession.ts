/**
 * One open workshop in the browser: what the server says we may see (the
 * `GET /api/workshops/:id` answer) and the live control document, which the
 * server alone writes. Screens read `getSnapshot()`.
 */
import type { Role, WorkshopView } from '@werkraum/shared'
import * as Y from 'yjs'
import { monitorConnection, type ConnectionMonitor, type ConnectionView } from '../sync/connectionMonitor.ts'
import { syncServerUrl } from '../sync/boardSession.ts'
import { WerkraumProvider } from '../sync/werkraumProvider.ts'
import { ApiCallError, fetchWorkshop } from './api.ts'
import { readControlState, type ControlBoard, type ControlState } from './controlState.ts'
import { ServerClock } from './serverClock.ts'

/** Failed reconnects of the control document after which we ask the API whether we still have access. */
const FAILED_RECONNECTS_BEFORE_CHECK = 2
const ACCESS_CHECK_INTERVAL_MS = 15_000

export type WorkshopLoad =
  | { readonly kind: 'loading' }
  /** The server refused our token: it is not valid (401) or no longer (403, e.g. removed or deleted). */
  | { readonly kind: 'refused'; readonly status: number; readonly message: string }
  /** The server could not be reached or answered oddly; trying again may help. */
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly view: WorkshopView }

export interface WorkshopSnapshot {
  readonly load: WorkshopLoad
  /** Undefined until the control document has synced once. */
  readonly control: ControlState | undefined
  readonly connection: ConnectionView | undefined
}

/** The caller's role now: the control document follows every change, the first answer covers the time before. */
export function currentRole(view: WorkshopView, control: ControlState | undefined): Role {
  return control?.participants.find((p) => p.id === view.participantId)?.role ?? view.role
}

/** Boards people see, in order: live from the control document once it is there. */
export function visibleBoards(view: WorkshopView, control: ControlState | undefined): readonly ControlBoard[] {
  if (control === undefined) {
    return view.boards.map((b, position) => ({ ...b, position, archived: false, room: false }))
  }
  return control.boards.filter((b) => !b.archived && !b.room)
}

export class WorkshopSession {
  private snapshot: WorkshopSnapshot = { load: { kind: 'loading' }, control: undefined, connection: undefined }
  private readonly listeners = new Set<() => void>()
  private readonly abort = new AbortController()
  private doc: Y.Doc | undefined
  private provider: WerkraumProvider | undefined
  private monitor: ConnectionMonitor | undefined
  private destroyed = false
  /** Server time for the timer; measured once the workshop is open. */
  clock: ServerClock | undefined
  private checking = false
  private lastCheckMs = 0

  constructor(
    readonly workshopId: string,
    readonly token: string,
  ) {
    void this.load()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): WorkshopSnapshot => this.snapshot

  /** Asks the server again, after a failure. */
  retry(): void {
    if (this.snapshot.load.kind !== 'failed') return
    this.update({ load: { kind: 'loading' } })
    void this.load()
  }

  destroy(): void {
    this.destroyed = true
    this.abort.abort()
    this.clock?.stop()
    this.monitor?.dispose()
    this.provider?.destroy()
    this.doc?.destroy()
    this.listeners.clear()
  }

  private async load(): Promise<void> {
    let view: WorkshopView
    try {
      view = await fetchWorkshop(this.workshopId, this.token, this.abort.signal)
    } catch (error) {
      if (this.destroyed) return
      if (error instanceof ApiCallError && (error.status === 401 || error.status === 403)) {
        this.update({ load: { kind: 'refused', status: error.status, message: error.message } })
      } else {
        this.update({ load: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } })
      }
      return
    }
    if (this.destroyed) return
    this.clock = new ServerClock()
    this.connectControl(view.controlDoc)
    this.update({ load: { kind: 'ready', view } })
  }

  private connectControl(docName: string): void {
    const doc = new Y.Doc()
    const provider = new WerkraumProvider(syncServerUrl(window.location), docName, doc, { params: { token: this.token } })
    // Nobody needs to see who looks at the control document.
    provider.awareness.setLocalState(null)
    this.doc = doc
    this.provider = provider
    this.monitor = monitorConnection(provider, doc, new Set<unknown>([provider]), (connection) => {
      this.update({ connection })
      if (connection.fatalClose?.name === 'FORBIDDEN' || connection.fatalClose?.name === 'UNAUTHORIZED') {
        // Removed from the workshop, or the workshop was deleted.
        this.refuse(connection.fatalClose.name === 'FORBIDDEN' ? 403 : 401)
      } else if (provider.wsUnsuccessfulReconnects >= FAILED_RECONNECTS_BEFORE_CHECK) {
        this.checkAccess()
      }
    })
    this.update({ connection: this.monitor.view() })
    doc.on('update', () => {
      if (provider.synced) this.update({ control: readControlState(doc) })
    })
    provider.on('sync', (synced: boolean) => {
      if (synced) this.update({ control: readControlState(doc) })
    })
  }

  /**
   * Someone removed (or a workshop deleted) while this browser was offline is
   * refused before the WebSocket upgrade, which a browser sees only as an
   * anonymous failed connection. After a few of those we ask the API, which
   * says 401/403 plainly.
   */
  private checkAccess(): void {
    const now = Date.now()
    if (this.checking || now - this.lastCheckMs < ACCESS_CHECK_INTERVAL_MS) return
    this.checking = true
    this.lastCheckMs = now
    fetchWorkshop(this.workshopId, this.token, this.abort.signal).then(
      () => (this.checking = false),
      (error: unknown) => {
        this.checking = false
        if (error instanceof ApiCallError && (error.status === 401 || error.status === 403)) this.refuse(error.status)
      },
    )
  }

  private refuse(status: number): void {
    if (this.snapshot.load.kind === 'refused') return
    // Nothing more to sync: stop the reconnect attempts.
    this.provider?.disconnect()
    this.update({ load: { kind: 'refused', status, message: '' } })
  }

  private update(patch: Partial<WorkshopSnapshot>): void {
    if (this.destroyed) return
    this.snapshot = { ...this.snapshot, ...patch }
    for (const listener of this.listeners) listener()
  }
}
