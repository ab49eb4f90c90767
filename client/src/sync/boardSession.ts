/**
 * Everything one open board needs in the browser: the Yjs document, its
 * IndexedDB copy, the connection to the server, the tldraw store and the two
 * bindings between them. React components only read `getSnapshot()`.
 */
import { SYNC_PATH } from '@werkraum/shared'
import { atom, createTLStore, defaultBindingUtils, type TLAssetStore, type TLStore } from 'tldraw'
import { boardShapeUtils } from '../board/shapeUtils.ts'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import type { Identity } from '../user/identity.ts'
import { monitorConnection, type ConnectionMonitor, type ConnectionView } from './connectionMonitor.ts'
import { readPeople, samePeople, type Person, type PresenceUser } from './people.ts'
import { bindPresence, publishUser, type PresenceBinding } from './presenceBinding.ts'
import { recordsOf } from './records.ts'
import { bindStoreToDoc, type StoreBinding } from './storeBinding.ts'
import { WerkraumProvider } from './werkraumProvider.ts'

/** After this long without an answer from IndexedDB we go on without it (private windows can block it). */
const INDEXEDDB_TIMEOUT_MS = 3000

export type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'stored-newer' }
  | { readonly kind: 'failed'; readonly reason: string }

export interface SessionSnapshot {
  readonly load: LoadState
  readonly connection: ConnectionView
  readonly people: readonly Person[]
}

export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${SYNC_PATH}`
}

/** The part of y-indexeddb's persistence the session uses (replaceable in Node tests, which have no IndexedDB). */
export interface LocalPersistence {
  /** Resolves once the stored copy is in the document, or IndexedDB turned out to be unusable. */
  readonly whenSynced: Promise<unknown>
  /** Transaction origin of the updates it loads (they are not local edits). */
  readonly origin: unknown
  destroy(): unknown
}

export interface BoardSessionOptions {
  /** Default: the page's own origin, `ws(s)://<host>/sync`. */
  readonly serverUrl?: string
  readonly persistence?: (docName: string, doc: Y.Doc) => LocalPersistence
  readonly WebSocketPolyfill?: typeof WebSocket
  /** Query parameters of the connection; workshop documents need `token`. */
  readonly params?: Record<string, string>
  /** Where pasted images go; by default tldraw keeps them inside the document. */
  readonly assets?: TLAssetStore
}

function indexeddbPersistence(docName: string, doc: Y.Doc): LocalPersistence {
  const persistence = new IndexeddbPersistence(docName, doc)
  // Private windows can refuse IndexedDB; y-indexeddb then never reports "synced".
  const unusable = persistence._db.then(
    () => new Promise<never>(() => undefined),
    (error: unknown) => console.warn('werkraum: IndexedDB unavailable; edits are not kept on this device', error),
  )
  return {
    whenSynced: Promise.race([persistence.whenSynced, unusable]),
    origin: persistence,
    destroy: () => persistence.destroy(),
  }
}

export class BoardSession {
  readonly doc = new Y.Doc()
  readonly store: TLStore
  readonly provider: WerkraumProvider
  private readonly persistence: LocalPersistence
  private readonly $user
  private readonly $pointerHidden = atom('werkraum pointer hidden', false)
  private readonly monitor: ConnectionMonitor
  private storeBinding: StoreBinding | undefined
  private presenceBinding: PresenceBinding | undefined
  private indexeddbReady = false
  private bindAttempted = false
  private destroyed = false
  private readonly listeners = new Set<() => void>()
  private snapshot: SessionSnapshot
  private readonly indexeddbTimer: ReturnType<typeof setTimeout>
  private readonly stopPublishingUser: () => void

  /** `docName` is the document's full name: `board.<name>`, or `ws.<workshop>.board.<board>`. */
  constructor(docName: string, identity: Identity, options: BoardSessionOptions = {}) {
    this.store = createTLStore({
      shapeUtils: boardShapeUtils,
      bindingUtils: defaultBindingUtils,
      ...(options.assets ? { assets: options.assets } : {}),
    })
    this.$user = atom<PresenceUser>('werkraum user', toPresenceUser(identity))
    this.persistence = (options.persistence ?? indexeddbPersistence)(docName, this.doc)
    this.provider = new WerkraumProvider(options.serverUrl ?? syncServerUrl(window.location), docName, this.doc, {
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      ...(options.params ? { params: options.params } : {}),
    })
    this.monitor = monitorConnection(this.provider, this.doc, new Set<unknown>([this.provider, this.persistence.origin]), () => {
      this.update({ connection: this.monitor.view() })
      this.tryBind()
    })
    this.snapshot = { load: { kind: 'loading' }, connection: this.monitor.view(), people: [] }

    const indexeddbDone = (): void => {
      this.indexeddbReady = true
      this.tryBind()
    }
    this.persistence.whenSynced.then(indexeddbDone, indexeddbDone)
    this.indexeddbTimer = setTimeout(indexeddbDone, INDEXEDDB_TIMEOUT_MS)

    this.provider.awareness.on('change', this.onAwarenessChange)
    this.stopPublishingUser = publishUser(this.provider.awareness, this.$user)
  }

  get awareness() {
    return this.provider.awareness
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): SessionSnapshot => this.snapshot

  /** Keeps this person's cursor from others (an anonymous vote runs on this board), or shows it again. */
  setPointerHidden(hidden: boolean): void {
    this.$pointerHidden.set(hidden)
  }

  /** A new name (or colour) for this person; goes out with the next presence update. */
  setUser(identity: Identity): void {
    this.$user.set(toPresenceUser(identity))
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    clearTimeout(this.indexeddbTimer)
    this.provider.awareness.off('change', this.onAwarenessChange)
    this.presenceBinding?.dispose()
    this.stopPublishingUser()
    this.storeBinding?.dispose()
    this.store.dispose()
    this.monitor.dispose()
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  private readonly onAwarenessChange = (): void => {
    const people = readPeople(this.provider.awareness.getStates(), this.provider.awareness.clientID)
    if (!samePeople(people, this.snapshot.people)) this.update({ people })
  }

  /**
   * Binds the store once the document holds the board: after IndexedDB has
   * loaded and the server sync is done. When the server cannot be reached we
   * bind from IndexedDB alone, at the first failed attempt if this device has
   * a copy of the board, otherwise only once we count as offline: seeding an
   * empty board that the server actually has would overwrite its document
   * record (its name) with tldraw's default. A board the server refused for
   * good (a 'fatal' close) and that this device has no copy of is not shown.
   */
  private tryBind(): void {
    if (this.destroyed || this.bindAttempted || !this.indexeddbReady) return
    const { phase, fatalClose } = this.monitor.view()
    const hasLocalCopy = recordsOf(this.doc).map.size > 0
    const serverReady = this.provider.synced
    // After a final refusal (no access …) an empty board would only mislead.
    const offlineReady = hasLocalCopy ? phase !== 'connecting' && phase !== 'connected' : phase === 'offline' && fatalClose === undefined
    if (!serverReady && !offlineReady) return

    // Binding writes to the document (seeding, migration), which reports back
    // through the connection monitor and would call us again before we return.
    this.bindAttempted = true
    const outcome = bindStoreToDoc(this.store, this.doc, {
      onStoredNewer: () => {
        this.presenceBinding?.dispose()
        this.presenceBinding = undefined
        this.update({ load: { kind: 'stored-newer' } })
      },
    })
    switch (outcome.kind) {
      case 'bound':
        this.storeBinding = outcome.binding
        this.presenceBinding = bindPresence(this.store, this.provider.awareness, this.$user, undefined, this.$pointerHidden)
        this.update({ load: { kind: 'ready' } })
        return
      case 'stored-newer':
        this.update({ load: { kind: 'stored-newer' } })
        return
      case 'migration-failed':
        console.error('werkraum: board migration failed', outcome.reason)
        this.update({ load: { kind: 'failed', reason: outcome.reason } })
        return
      default: {
        const unreachable: never = outcome
        throw new Error(`unexpected outcome ${String(unreachable)}`)
      }
    }
  }

  private update(patch: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    for (const listener of this.listeners) listener()
  }
}

function toPresenceUser(identity: Identity): PresenceUser {
  return { id: identity.id, name: identity.name, color: identity.color }
}
