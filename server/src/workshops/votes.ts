/**
 * Voting sessions and ballots in SQLite (issue #5). Every ballot is checked
 * and written in one transaction: budget, per-item maximum and the request id
 * that makes a retried request harmless. Many tabs or scripts of one person
 * sending at once are serialised by the transaction and cannot overspend.
 *
 * Anonymous sessions keep who placed which dot only while they are open (the
 * budget needs it); closing one replaces the ballots by counts.
 */
import { checkBallot, type BallotRefusal, type Facilitation, type VoteSession } from '@werkraum/shared'
import type Database from 'better-sqlite3'

export type BallotOutcome = { readonly ok: true; readonly used: number } | { readonly ok: false; readonly refusal: BallotRefusal }

export class VoteStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS vote_sessions (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        session TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ballots (
        session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        item TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ballots_by_person ON ballots (session_id, participant_id);
      CREATE TABLE IF NOT EXISTS ballot_requests (
        session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        item TEXT NOT NULL,
        PRIMARY KEY (session_id, participant_id, request_id)
      );
      -- What each item said when its session closed: the results (and the catalogue)
      -- stay as they were decided, whatever happens to the notes afterwards.
      CREATE TABLE IF NOT EXISTS vote_results_frozen (
        session_id TEXT PRIMARY KEY REFERENCES vote_sessions(id) ON DELETE CASCADE
      );
      CREATE TABLE IF NOT EXISTS vote_item_texts (
        session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        board TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (session_id, item)
      );
      CREATE TABLE IF NOT EXISTS vote_counts (
        session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (session_id, item)
      );
    `)
  }

  sessions(workshopId: string): VoteSession[] {
    return this.db
      .prepare<[string], { session: string }>('SELECT session FROM vote_sessions WHERE workshop_id = ? ORDER BY rowid')
      .all(workshopId)
      .map((row) => JSON.parse(row.session) as VoteSession)
  }

  session(workshopId: string, sessionId: string): VoteSession | undefined {
    return this.sessions(workshopId).find((s) => s.id === sessionId)
  }

  addSession(workshopId: string, session: VoteSession): void {
    this.db.prepare('INSERT INTO vote_sessions (id, workshop_id, session) VALUES (?, ?, ?)').run(session.id, workshopId, JSON.stringify(session))
  }

  /** Closes a session; an anonymous one keeps only its counts from now on. */
  close(workshopId: string, sessionId: string, now: number): VoteSession | undefined {
    const result = this.db.transaction(() => {
      const session = this.session(workshopId, sessionId)
      if (!session || session.status === 'closed') return undefined
      const closed: VoteSession = { ...session, status: 'closed', closedAt: now }
      this.db.prepare('UPDATE vote_sessions SET session = ? WHERE id = ?').run(JSON.stringify(closed), sessionId)
      if (session.anonymous) {
        this.db
          .prepare('INSERT INTO vote_counts (session_id, item, count) SELECT session_id, item, COUNT(*) FROM ballots WHERE session_id = ? GROUP BY item')
          .run(sessionId)
        this.db.prepare('DELETE FROM ballots WHERE session_id = ?').run(sessionId)
        this.db.prepare('DELETE FROM ballot_requests WHERE session_id = ?').run(sessionId)
      }
      return closed
    })()
    // The deleted rows are overwritten in the database (secure_delete), but their earlier
    // inserts are still in the write-ahead log until a checkpoint: empty it, once no
    // transaction is open (a phase's end may close the vote inside one).
    if (result?.anonymous) {
      setImmediate(() => {
        try {
          this.db.pragma('wal_checkpoint(TRUNCATE)')
        } catch {
          // Closed meanwhile (shutdown): SQLite checkpoints when it closes.
        }
      })
    }
    return result
  }

  /**
   * One more dot (or pledge) from `participantId` on `item`, unless the rules
   * say no. A `requestId` seen before from this person answers as it did then
   * without counting again.
   */
  cast(workshopId: string, sessionId: string, participantId: string, item: string, requestId: string, now: number): BallotOutcome {
    return this.db.transaction((): BallotOutcome => {
      // Read inside the transaction: a session closed a moment ago takes no more ballots.
      const session = this.session(workshopId, sessionId)
      if (!session || session.status !== 'open') return { ok: false, refusal: 'closed' }
      const used = this.used(session.id, participantId)
      const seen = this.seen(session.id, participantId, requestId)
      if (seen !== undefined) return seen.kind === 'cast' && seen.item === item ? { ok: true, used } : { ok: false, refusal: 'request_reused' }
      const onItem = this.db
        .prepare<[string, string, string], { n: number }>('SELECT COUNT(*) AS n FROM ballots WHERE session_id = ? AND participant_id = ? AND item = ?')
        .get(session.id, participantId, item)!.n
      const refusal = checkBallot(session, used, onItem)
      if (refusal) return { ok: false, refusal }
      this.db.prepare('INSERT INTO ballots (session_id, participant_id, item, created_at) VALUES (?, ?, ?, ?)').run(session.id, participantId, item, now)
      this.remember(session.id, participantId, requestId, 'cast', item)
      return { ok: true, used: used + 1 }
    })()
  }

  /** Takes one of this person's dots back from `item`. */
  retract(workshopId: string, sessionId: string, participantId: string, item: string, requestId: string): BallotOutcome {
    return this.db.transaction((): BallotOutcome => {
      const session = this.session(workshopId, sessionId)
      if (!session || session.status !== 'open') return { ok: false, refusal: 'closed' }
      const seen = this.seen(session.id, participantId, requestId)
      if (seen !== undefined) return seen.kind === 'retract' && seen.item === item ? { ok: true, used: this.used(session.id, participantId) } : { ok: false, refusal: 'request_reused' }
      const row = this.db
        .prepare<[string, string, string], { rowid: number }>('SELECT rowid FROM ballots WHERE session_id = ? AND participant_id = ? AND item = ? ORDER BY rowid DESC LIMIT 1')
        .get(session.id, participantId, item)
      if (!row) return { ok: false, refusal: 'nothing_to_take_back' }
      this.db.prepare('DELETE FROM ballots WHERE rowid = ?').run(row.rowid)
      this.remember(session.id, participantId, requestId, 'retract', item)
      return { ok: true, used: this.used(session.id, participantId) }
    })()
  }

  /** Dots per item. */
  counts(session: VoteSession): Map<string, number> {
    const rows =
      session.status === 'closed' && session.anonymous
        ? this.db.prepare<[string], { item: string; n: number }>('SELECT item, count AS n FROM vote_counts WHERE session_id = ?').all(session.id)
        : this.db.prepare<[string], { item: string; n: number }>('SELECT item, COUNT(*) AS n FROM ballots WHERE session_id = ? GROUP BY item').all(session.id)
    return new Map(rows.map((r) => [r.item, r.n]))
  }

  /** Who placed dots on each item (named sessions only; empty for anonymous ones). */
  voters(session: VoteSession): Map<string, string[]> {
    const result = new Map<string, string[]>()
    if (session.anonymous) return result
    const rows = this.db
      .prepare<[string], { item: string; participant_id: string }>('SELECT item, participant_id FROM ballots WHERE session_id = ? ORDER BY rowid')
      .all(session.id)
    for (const row of rows) {
      const list = result.get(row.item) ?? []
      if (!list.includes(row.participant_id)) list.push(row.participant_id)
      result.set(row.item, list)
    }
    return result
  }

  /** Closed sessions whose item texts have not been kept yet. */
  unfrozen(workshopId: string): VoteSession[] {
    const frozen = new Set(
      this.db
        .prepare<[string], { session_id: string }>(
          'SELECT f.session_id FROM vote_results_frozen f JOIN vote_sessions s ON s.id = f.session_id WHERE s.workshop_id = ?',
        )
        .all(workshopId)
        .map((r) => r.session_id),
    )
    return this.sessions(workshopId).filter((s) => s.status === 'closed' && !frozen.has(s.id))
  }

  /** Keeps each item's board title and text as they were when the session closed; only the first call counts. */
  freeze(sessionId: string, texts: ReadonlyMap<string, { readonly board: string; readonly text: string }>): void {
    this.db.transaction(() => {
      // The first keeping wins: a slower one may have read a note edited after the close.
      if (this.db.prepare('SELECT 1 FROM vote_results_frozen WHERE session_id = ?').get(sessionId)) return
      const insert = this.db.prepare('INSERT OR IGNORE INTO vote_item_texts (session_id, item, board, text) VALUES (?, ?, ?, ?)')
      for (const [item, { board, text }] of texts) insert.run(sessionId, item, board, text)
      this.db.prepare('INSERT OR IGNORE INTO vote_results_frozen (session_id) VALUES (?)').run(sessionId)
    })()
  }

  /** The texts kept at the close, or undefined while they are not (yet) kept. */
  frozenTexts(sessionId: string): Map<string, { board: string; text: string }> | undefined {
    if (!this.db.prepare('SELECT 1 FROM vote_results_frozen WHERE session_id = ?').get(sessionId)) return undefined
    const rows = this.db
      .prepare<[string], { item: string; board: string; text: string }>('SELECT item, board, text FROM vote_item_texts WHERE session_id = ?')
      .all(sessionId)
    return new Map(rows.map((r) => [r.item, { board: r.board, text: r.text }]))
  }

  /** This person's dots per item in an open session. */
  mine(session: VoteSession, participantId: string): Map<string, number> {
    const rows = this.db
      .prepare<[string, string], { item: string; n: number }>('SELECT item, COUNT(*) AS n FROM ballots WHERE session_id = ? AND participant_id = ? GROUP BY item')
      .all(session.id, participantId)
    return new Map(rows.map((r) => [r.item, r.n]))
  }

  private used(sessionId: string, participantId: string): number {
    return this.db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM ballots WHERE session_id = ? AND participant_id = ?').get(sessionId, participantId)!.n
  }

  /** What an earlier request with this id did, if there was one. */
  private seen(sessionId: string, participantId: string, requestId: string): { kind: string; item: string } | undefined {
    return this.db
      .prepare<[string, string, string], { kind: string; item: string }>('SELECT kind, item FROM ballot_requests WHERE session_id = ? AND participant_id = ? AND request_id = ?')
      .get(sessionId, participantId, requestId)
  }

  private remember(sessionId: string, participantId: string, requestId: string, kind: 'cast' | 'retract', item: string): void {
    this.db.prepare('INSERT INTO ballot_requests (session_id, participant_id, request_id, kind, item) VALUES (?, ?, ?, ?, ?)').run(sessionId, participantId, requestId, kind, item)
  }

  /** Rows that name a person in this session (for tests of anonymity). */
  identityRows(sessionId: string): number {
    const ballots = this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM ballots WHERE session_id = ?').get(sessionId)!.n
    const requests = this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM ballot_requests WHERE session_id = ?').get(sessionId)!.n
    return ballots + requests
  }
}

/**
 * A vote phase that ends (by the facilitator or its timer) closes the vote
 * that is open, so the phase timer is the vote's timer. Returns whether one closed.
 */
export function closeVoteWithPhase(votes: VoteStore, workshopId: string, before: Facilitation, after: Facilitation, now: number): boolean {
  if (before.currentPhaseId === null || before.currentPhaseId === after.currentPhaseId) return false
  const ended = before.phases.find((p) => p.id === before.currentPhaseId)
  if (ended?.kind !== 'vote') return false
  // Only a vote opened during this phase: one opened on the spot elsewhere stays open.
  const open = votes.sessions(workshopId).find((v) => v.status === 'open' && v.phaseId === ended.id)
  return open !== undefined && votes.close(workshopId, open.id, now) !== undefined
}
