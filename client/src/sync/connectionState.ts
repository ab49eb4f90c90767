/**
 * What the connection indicator says, derived from facts the provider knows.
 *
 * - connected:    socket open and the first sync exchange finished.
 * - connecting:   the first attempt on this page, nothing failed yet.
 * - reconnecting: we were connected before, or an attempt failed; retrying.
 * - offline:      the browser says it is offline, the server ended the
 *                 connection for good (a 'fatal' close code), or
 *                 `OFFLINE_AFTER_FAILED_ATTEMPTS` attempts in a row failed
 *                 (about 5 s with y-websocket's backoff). Retrying continues
 *                 except after a fatal close.
 */
export type ConnectionPhase = 'connected' | 'connecting' | 'reconnecting' | 'offline'

export const OFFLINE_AFTER_FAILED_ATTEMPTS = 5

export interface ConnectionFacts {
  readonly socketOpen: boolean
  readonly synced: boolean
  /** Closed connections since the last successful sync (y-websocket's `wsUnsuccessfulReconnects`). */
  readonly failedAttempts: number
  readonly everSynced: boolean
  readonly browserOnline: boolean
  readonly stopped: boolean
}

export function connectionPhase(facts: ConnectionFacts): ConnectionPhase {
  if (facts.stopped || !facts.browserOnline) return 'offline'
  if (facts.socketOpen && facts.synced) return 'connected'
  if (facts.failedAttempts >= OFFLINE_AFTER_FAILED_ATTEMPTS) return 'offline'
  if (facts.everSynced || facts.failedAttempts > 0) return 'reconnecting'
  return 'connecting'
}

/**
 * Whether local edits may not have reached the server yet.
 *
 * Rule: any local change to the document marks "unsent". The mark is cleared
 * only when the provider is synced (socket open, sync step 2 received) AND the
 * socket's `bufferedAmount` is 0, i.e. everything we wrote has been handed to
 * the network. That covers both paths an edit takes:
 * - made while connected: it was written to the socket at once; cleared when
 *   the socket buffer drains;
 * - made while disconnected: it goes out in our sync step 2, which we write in
 *   answer to the server's sync step 1. The server sends step 1 as soon as we
 *   connect, before it answers our step 1, so by the time its step 2 makes us
 *   "synced" our step 2 is already in the socket; cleared when that drains.
 * "Handed to the network" is not "stored by the server" (y-websocket has no
 * acknowledgements); edits are kept in IndexedDB meanwhile, so a reload or a
 * dropped connection sends them again through the next sync.
 */
export class UnsentTracker {
  private unsentFlag = false

  get unsent(): boolean {
    return this.unsentFlag
  }

  /** A local change was made to the document. */
  markLocalChange(): void {
    this.unsentFlag = true
  }

  /** Re-checks the rule above; returns true when the flag changed. */
  check(synced: boolean, bufferedAmount: number | undefined): boolean {
    if (this.unsentFlag && synced && bufferedAmount === 0) {
      this.unsentFlag = false
      return true
    }
    return false
  }
}
