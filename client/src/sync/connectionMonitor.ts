/**
 * Watches the provider, the browser's online state and the document, and
 * condenses them into what the connection indicator shows.
 */
import { closeCodeName, type CloseCodeName } from '@werkraum/shared'
import type * as Y from 'yjs'
import { UnsentTracker, connectionPhase, type ConnectionPhase } from './connectionState.ts'
import type { WerkraumProvider } from './werkraumProvider.ts'

/**
 * Quiet time after the last edit before asking the server to acknowledge: a drag
 * makes many edits, and one request after it covers all of them. (Each answer
 * carries the document's delete set, which can be tens of KB on a big board.)
 */
const ACK_REQUEST_DELAY_MS = 300

/** Why the server closed the connection, when it said so with a code. */
export interface CloseInfo {
  readonly code: number
  readonly name: CloseCodeName | undefined
}

export interface ConnectionView {
  readonly phase: ConnectionPhase
  readonly unsent: boolean
  readonly everSynced: boolean
  /** The server's last close while we are trying again (cleared once synced). */
  readonly lastClose: CloseInfo | undefined
  /** The close that stopped reconnecting for good. */
  readonly fatalClose: CloseInfo | undefined
}

export interface ConnectionMonitor {
  view(): ConnectionView
  dispose(): void
}

/**
 * `remoteOrigins` are transaction origins whose updates did not start here
 * (the provider, the IndexedDB persistence); every other update is a local edit.
 */
export function monitorConnection(
  provider: WerkraumProvider,
  doc: Y.Doc,
  remoteOrigins: ReadonlySet<unknown>,
  onChange: (view: ConnectionView) => void,
): ConnectionMonitor {
  const unsent = new UnsentTracker()
  let everSynced = false
  let browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine
  let lastClose: CloseInfo | undefined
  let fatalClose: CloseInfo | undefined
  let current = compute()
  let requestTimer: ReturnType<typeof setTimeout> | undefined

  function compute(): ConnectionView {
    return {
      phase: connectionPhase({
        socketOpen: provider.wsconnected,
        synced: provider.synced,
        failedAttempts: provider.wsUnsuccessfulReconnects,
        everSynced,
        browserOnline,
        stopped: fatalClose !== undefined,
      }),
      unsent: unsent.unsent,
      everSynced,
      lastClose,
      fatalClose,
    }
  }

  function update(): void {
    const next = compute()
    if (
      next.phase !== current.phase ||
      next.unsent !== current.unsent ||
      next.everSynced !== current.everSynced ||
      next.lastClose !== current.lastClose ||
      next.fatalClose !== current.fatalClose
    ) {
      current = next
      onChange(current)
    }
  }

  /** Asks the server to acknowledge our edits, once the edits pause and the connection is synced. */
  function scheduleAckRequest(): void {
    if (!unsent.wantsRequest()) return
    if (requestTimer !== undefined) clearTimeout(requestTimer)
    requestTimer = setTimeout(() => {
      requestTimer = undefined
      if (!provider.synced || !unsent.wantsRequest()) return
      if (provider.requestSyncReply()) unsent.requestSent()
    }, ACK_REQUEST_DELAY_MS)
  }

  const onStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') unsent.connected()
    update()
  }
  const stopListeningForReplies = provider.onSyncReply(() => {
    unsent.replyReceived()
    scheduleAckRequest()
    update()
  })
  const onSync = (synced: boolean): void => {
    if (synced) {
      everSynced = true
      lastClose = undefined
      scheduleAckRequest()
    }
    update()
  }
  const onConnectionClose = (event: CloseEvent | null): void => {
    // `null` means we closed it ourselves (disconnect, or y-websocket's 30 s silence watchdog).
    // A named reason ("server restarting") stays until the next sync, rather than being
    // replaced by the anonymous 1006 of the failed attempts that follow it.
    if (event !== null) {
      const name = closeCodeName(event.code)
      if (name !== undefined || lastClose?.name === undefined) lastClose = { code: event.code, name }
    }
    update()
  }
  const onClosed = (event: { code: number }): void => {
    fatalClose = { code: event.code, name: closeCodeName(event.code) }
    update()
  }
  const onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (remoteOrigins.has(origin)) return
    unsent.markLocalChange()
    scheduleAckRequest()
    update()
  }
  const onOnline = (): void => {
    browserOnline = navigator.onLine
    update()
  }

  provider.on('status', onStatus)
  provider.on('sync', onSync)
  provider.on('connection-close', onConnectionClose)
  provider.on('closed', onClosed)
  // Registered after the provider's own update handler, so a local edit has
  // already been written to the socket when we look at its buffer.
  doc.on('update', onDocUpdate)
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOnline)
  }

  return {
    view: () => current,
    dispose() {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('connection-close', onConnectionClose)
      provider.off('closed', onClosed)
      doc.off('update', onDocUpdate)
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline)
        window.removeEventListener('offline', onOnline)
      }
      stopListeningForReplies()
      if (requestTimer !== undefined) clearTimeout(requestTimer)
    },
  }
}
