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
 * Whether local edits may not have reached the server yet, acknowledged by the
 * server itself rather than guessed from the socket buffer.
 *
 * A WebSocket delivers in order, and the server applies each message before it
 * reads the next. So when the server answers a sync step 1 that we sent after an
 * edit, it has applied that edit. Rule: every local change counts; once connected
 * and synced, the monitor sends a sync step 1 (a "request") after changes, and the
 * server's step 2 reply acknowledges every change made before that request.
 *
 * - y-websocket sends its own step 1 on every (re)connect; its reply was not
 *   asked for by us and acknowledges nothing (it is skipped).
 * - Edits made while disconnected go out in our step 2 answering the server's
 *   greeting, after y-websocket's own step 1; the request sent once synced
 *   comes after them, so its reply covers them.
 * - Requests still open when a connection drops are forgotten; their edits are
 *   requested again after the next sync. Meanwhile IndexedDB keeps them.
 * "Acknowledged" means applied in the server's memory; the server writes it to
 * storage within its commit window (at most 50 ms).
 */
export class UnsentTracker {
  private editSeq = 0
  private ackedSeq = 0
  /** The edit count at each open request, oldest first. */
  private requests: number[] = []
  private unaskedReplies = 0

  get unsent(): boolean {
    return this.editSeq > this.ackedSeq
  }

  /** A local change was made to the document. */
  markLocalChange(): void {
    this.editSeq++
  }

  /** A new connection opened: open requests died with the old one; y-websocket's own step 1 will get a reply. */
  connected(): void {
    this.requests = []
    this.unaskedReplies = 1
  }

  /** True when a request should go out: something is unacknowledged and no open request covers the latest change. */
  wantsRequest(): boolean {
    return this.unsent && (this.requests.at(-1) ?? this.ackedSeq) < this.editSeq
  }

  /** We sent a request (a sync step 1). */
  requestSent(): void {
    this.requests.push(this.editSeq)
  }

  /** The server sent a sync step 2 (a reply); returns true when `unsent` changed. */
  replyReceived(): boolean {
    if (this.unaskedReplies > 0) {
      this.unaskedReplies--
      return false
    }
    const seq = this.requests.shift()
    if (seq === undefined) return false
    const before = this.unsent
    this.ackedSeq = Math.max(this.ackedSeq, seq)
    return before !== this.unsent
  }
}
