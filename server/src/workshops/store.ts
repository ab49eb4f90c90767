/**
 * Workshops, their people and their boards (issue #3), in SQLite next to the
 * documents. This is who-is-who and what-exists; the boards' content lives in
 * their Yjs documents.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { EMPTY_FACILITATION, dueAt, generateJoinCode, parseFacilitation } from '@werkraum/shared'
import type { BoardTemplate, Facilitation, Role } from '@werkraum/shared'
import Database from 'better-sqlite3'
import { VoteStore } from './votes.ts'

export interface Workshop {
  readonly id: string
  readonly title: string
  readonly locale: 'de' | 'en'
  readonly joinCode: string
  readonly createdAt: number
  /** The workshop this one follows up on (it may have been deleted since). */
  readonly followUpOf?: string
}

export interface Participant {
  readonly id: string
  readonly workshopId: string
  readonly name: string
  readonly role: Role
  readonly removed: boolean
}

export interface Board {
  readonly id: string
  readonly workshopId: string
  readonly title: string
  readonly position: number
  readonly locked: boolean
  readonly archived: boolean
  readonly template: BoardTemplate
  /** A breakout room's board: listed with its breakout, not in the board list. */
  readonly room: boolean
}

/** Largest stored agenda (phases, breakouts with their rooms and assignments) of one workshop, as JSON. */
export const MAX_FACILITATION_BYTES = 512 * 1024

class RolledBack extends Error {}

/** How stale the last-used time may get before it is written again; days of retention make an hour irrelevant. */
const TOUCH_EVERY_MS = 60 * 60 * 1000

/** Ids are random, URL- and document-name-safe, and start with a letter or digit. */
function newId(): string {
  return 'x' + randomBytes(12).toString('base64url').replace(/[-_]/g, 'a')
}

export class WorkshopStore {
  private readonly db: Database.Database
  private readonly ownsDatabase: boolean
  private readonly facilitationCache = new Map<string, Facilitation>()
  /** Voting sessions and ballots (issue #5), in the same database. */
  readonly votes: VoteStore

  /**
   * Keeps its tables in `database` if given (the embedded default shares the
   * documents' SQLite file, which saves a second page cache), else in
   * `workshops.db` in the data folder.
   */
  constructor(dataDir: string, database?: Database.Database) {
    this.ownsDatabase = database === undefined
    if (database) {
      this.db = database
    } else {
      mkdirSync(dataDir, { recursive: true })
      this.db = new Database(path.join(dataDir, 'workshops.db'))
      this.db.pragma('journal_mode = WAL')
      this.db.pragma('foreign_keys = ON')
      this.db.pragma('secure_delete = ON')
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        locale TEXT NOT NULL,
        join_code TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        touched_at INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS participants (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS boards (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        position INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        template TEXT NOT NULL DEFAULT 'blank'
      );
      CREATE TABLE IF NOT EXISTS facilitation (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        due_at INTEGER
      );
      CREATE TABLE IF NOT EXISTS assets (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        mime TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
    `)
    // Workshops from before the retention period count as touched now, not as never touched.
    this.ensureColumn('workshops', 'touched_at', 'INTEGER NOT NULL DEFAULT 0', `UPDATE workshops SET touched_at = ${Date.now()}`)
    this.ensureColumn('boards', 'template', "TEXT NOT NULL DEFAULT 'blank'")
    this.ensureColumn('boards', 'room', 'INTEGER NOT NULL DEFAULT 0')
    // No foreign key: a follow-up outlives its predecessor, which may be deleted first.
    this.ensureColumn('workshops', 'follow_up_of', 'TEXT')
    this.votes = new VoteStore(this.db)
  }

  /** Adds a column a data folder from an earlier version lacks. */
  private ensureColumn(table: string, column: string, definition: string, fill?: string): void {
    const columns = this.db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all()
    if (columns.some((c) => c.name === column)) return
    this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`)
    if (fill) this.db.exec(fill)
  }

  /**
   * Records that the workshop is in use (for the retention period). Called on
   * every connection and API request, images included, so it writes at most
   * once an hour per workshop: an update that matches no row changes no page.
   */
  touch(workshopId: string, nowMs = Date.now()): void {
    this.db.prepare('UPDATE workshops SET touched_at = ? WHERE id = ? AND (touched_at < ? OR touched_at > ?)').run(nowMs, workshopId, nowMs - TOUCH_EVERY_MS, nowMs)
  }

  /** Ids of workshops nobody has touched since `cutoffMs`. */
  untouchedSince(cutoffMs: number): string[] {
    return this.db
      .prepare<[number], { id: string }>('SELECT id FROM workshops WHERE touched_at < ?')
      .all(cutoffMs)
      .map((r) => r.id)
  }

  /** Removes a workshop with its people and boards (their documents are deleted by the caller). */
  delete(workshopId: string): void {
    this.facilitationCache.delete(workshopId)
    this.db.prepare('DELETE FROM workshops WHERE id = ?').run(workshopId)
  }

  /** A new workshop with its plenary board and the facilitator who created it. */
  create(
    title: string,
    locale: 'de' | 'en',
    plenaryTitle: string,
    followUpOf?: string,
  ): { workshop: Workshop; facilitator: Participant; observer: Participant; plenary: Board } {
    return this.db.transaction(() => {
      const workshop: Workshop = { id: newId(), title, locale, joinCode: this.freeJoinCode(), createdAt: Date.now(), ...(followUpOf ? { followUpOf } : {}) }
      this.db
        .prepare('INSERT INTO workshops (id, title, locale, join_code, created_at, touched_at, follow_up_of) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(workshop.id, workshop.title, workshop.locale, workshop.joinCode, workshop.createdAt, workshop.createdAt, followUpOf ?? null)
      const facilitator = this.addParticipant(workshop.id, '', 'facilitator')
      // The observer link stands for one shared, read-only identity.
      const observer = this.addParticipant(workshop.id, '', 'observer')
      const plenary: Board = { id: newId(), workshopId: workshop.id, title: plenaryTitle, position: 0, locked: false, archived: false, template: 'blank', room: false }
      this.db.prepare('INSERT INTO boards (id, workshop_id, title, position) VALUES (?, ?, ?, ?)').run(plenary.id, workshop.id, plenaryTitle, 0)
      return { workshop, facilitator, observer, plenary }
    })()
  }

  addParticipant(workshopId: string, name: string, role: Role): Participant {
    const participant: Participant = { id: newId(), workshopId, name, role, removed: false }
    this.db.prepare('INSERT INTO participants (id, workshop_id, name, role) VALUES (?, ?, ?, ?)').run(participant.id, workshopId, name, role)
    return participant
  }

  byJoinCode(code: string): Workshop | undefined {
    const row = this.db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE join_code = ?').get(code)
    return row && toWorkshop(row)
  }

  workshop(id: string): Workshop | undefined {
    const row = this.db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?').get(id)
    return row && toWorkshop(row)
  }

  participant(workshopId: string, id: string): Participant | undefined {
    const row = this.db.prepare<[string, string], ParticipantRow>('SELECT * FROM participants WHERE workshop_id = ? AND id = ?').get(workshopId, id)
    return row && { id: row.id, workshopId: row.workshop_id, name: row.name, role: row.role as Role, removed: row.removed === 1 }
  }

  participants(workshopId: string): Participant[] {
    return this.db
      .prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE workshop_id = ? ORDER BY rowid')
      .all(workshopId)
      .map((row) => ({ id: row.id, workshopId: row.workshop_id, name: row.name, role: row.role as Role, removed: row.removed === 1 }))
  }

  board(workshopId: string, id: string): Board | undefined {
    const row = this.db.prepare<[string, string], BoardRow>('SELECT * FROM boards WHERE workshop_id = ? AND id = ?').get(workshopId, id)
    return row && toBoard(row)
  }

  boards(workshopId: string): Board[] {
    return this.db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE workshop_id = ? ORDER BY position').all(workshopId).map(toBoard)
  }

  setRole(workshopId: string, participantId: string, role: Role): void {
    this.db.prepare('UPDATE participants SET role = ? WHERE workshop_id = ? AND id = ?').run(role, workshopId, participantId)
  }

  rename(workshopId: string, participantId: string, name: string): void {
    this.db.prepare('UPDATE participants SET name = ? WHERE workshop_id = ? AND id = ?').run(name, workshopId, participantId)
  }

  /** Removed people keep their row (so their old token stays refused) but lose their name. */
  remove(workshopId: string, participantId: string): void {
    this.db.prepare("UPDATE participants SET removed = 1, name = '' WHERE workshop_id = ? AND id = ?").run(workshopId, participantId)
  }

  /** A new board at the end of the list; a breakout room's board (`room`) stays out of the board list. */
  addBoard(workshopId: string, title: string, template: BoardTemplate, room = false): Board {
    const position = this.boards(workshopId).length
    const board: Board = { id: newId(), workshopId, title, position, locked: false, archived: false, template, room }
    this.db
      .prepare('INSERT INTO boards (id, workshop_id, title, position, template, room) VALUES (?, ?, ?, ?, ?, ?)')
      .run(board.id, workshopId, title, position, template, room ? 1 : 0)
    return board
  }

  renameBoard(workshopId: string, boardId: string, title: string): void {
    this.db.prepare('UPDATE boards SET title = ? WHERE workshop_id = ? AND id = ?').run(title, workshopId, boardId)
  }

  setArchived(workshopId: string, boardId: string, archived: boolean): void {
    this.db.prepare('UPDATE boards SET archived = ? WHERE workshop_id = ? AND id = ?').run(archived ? 1 : 0, workshopId, boardId)
  }

  /** Moves a board to `position` (clamped) and renumbers the others, in one transaction. */
  moveBoard(workshopId: string, boardId: string, position: number): void {
    this.db.transaction(() => {
      const order = this.boards(workshopId).filter((b) => b.id !== boardId)
      const moving = this.board(workshopId, boardId)
      if (!moving) return
      order.splice(Math.min(position, order.length), 0, moving)
      const update = this.db.prepare('UPDATE boards SET position = ? WHERE workshop_id = ? AND id = ?')
      order.forEach((b, i) => update.run(i, workshopId, b.id))
    })()
  }

  /** Stores an uploaded image; it is deleted with its workshop. */
  addAsset(workshopId: string, mime: string, data: Uint8Array): string {
    const id = newId()
    this.db.prepare('INSERT INTO assets (id, workshop_id, mime, data, created_at) VALUES (?, ?, ?, ?, ?)').run(id, workshopId, mime, Buffer.from(data), Date.now())
    return id
  }

  /** How many images a workshop stores, and their bytes. */
  assetUsage(workshopId: string): { count: number; bytes: number } {
    const row = this.db
      .prepare<[string], { count: number; bytes: number | null }>('SELECT count(*) AS count, sum(length(data)) AS bytes FROM assets WHERE workshop_id = ?')
      .get(workshopId)
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 }
  }

  asset(workshopId: string, id: string): { mime: string; data: Buffer } | undefined {
    return this.db.prepare<[string, string], { mime: string; data: Buffer }>('SELECT mime, data FROM assets WHERE workshop_id = ? AND id = ?').get(workshopId, id)
  }

  setLocked(workshopId: string, boardId: string, locked: boolean): void {
    this.db.prepare('UPDATE boards SET locked = ? WHERE workshop_id = ? AND id = ?').run(locked ? 1 : 0, workshopId, boardId)
  }

  /**
   * The agenda and timer; a workshop that never had one gets the empty state.
   * Parsed once and kept until it changes: access checks read it for every
   * open connection after every command.
   */
  facilitation(workshopId: string): Facilitation {
    const cached = this.facilitationCache.get(workshopId)
    if (cached) return cached
    const row = this.db.prepare<[string], { state: string }>('SELECT state FROM facilitation WHERE workshop_id = ?').get(workshopId)
    let state = EMPTY_FACILITATION
    if (row) {
      try {
        state = parseFacilitation(JSON.parse(row.state))
      } catch {
        // An unreadable row counts as an empty agenda rather than breaking the workshop.
      }
    }
    this.facilitationCache.set(workshopId, state)
    return state
  }

  /**
   * Stores the agenda and timer, with when the timer falls due, so a restarted
   * server finds it. Refuses (returns false) a state over MAX_FACILITATION_BYTES.
   */
  saveFacilitation(workshopId: string, state: Facilitation): boolean {
    const json = JSON.stringify(state)
    if (json.length > MAX_FACILITATION_BYTES) return false
    this.db
      .prepare('INSERT INTO facilitation (workshop_id, state, due_at) VALUES (?, ?, ?) ON CONFLICT(workshop_id) DO UPDATE SET state = excluded.state, due_at = excluded.due_at')
      .run(workshopId, json, dueAt(state) ?? null)
    this.facilitationCache.set(workshopId, state)
    return true
  }

  /** Runs `fn` in one SQLite transaction: all of its writes happen, or none. */
  transaction<T>(fn: () => T): T {
    let result: T | undefined
    let failed = false
    try {
      this.db.transaction(() => {
        result = fn()
        // A refused save (false) undoes what came before it, e.g. a breakout's boards.
        if (result === false) {
          failed = true
          throw new RolledBack()
        }
      })()
    } catch (error) {
      if (!(error instanceof RolledBack)) {
        this.facilitationCache.clear()
        throw error
      }
    }
    if (failed) this.facilitationCache.clear()
    return result as T
  }

  /** Workshops whose timer runs, with when it falls due (server ms). */
  runningTimers(): Array<{ workshopId: string; dueAt: number }> {
    return this.db
      .prepare<[], { workshop_id: string; due_at: number }>('SELECT workshop_id, due_at FROM facilitation WHERE due_at IS NOT NULL')
      .all()
      .map((r) => ({ workshopId: r.workshop_id, dueAt: r.due_at }))
  }

  close(): void {
    if (this.ownsDatabase && this.db.open) this.db.close()
  }

  private freeJoinCode(): string {
    for (;;) {
      const code = generateJoinCode((n) => randomInt(n))
      if (!this.byJoinCode(code)) return code
    }
  }
}

interface WorkshopRow {
  id: string
  title: string
  locale: string
  join_code: string
  created_at: number
  follow_up_of: string | null
}
interface ParticipantRow {
  id: string
  workshop_id: string
  name: string
  role: string
  removed: number
}
interface BoardRow {
  id: string
  workshop_id: string
  title: string
  position: number
  locked: number
  archived: number
  template: string
  room: number
}

function toWorkshop(row: WorkshopRow): Workshop {
  return {
    id: row.id,
    title: row.title,
    locale: row.locale === 'en' ? 'en' : 'de',
    joinCode: row.join_code,
    createdAt: row.created_at,
    ...(row.follow_up_of ? { followUpOf: row.follow_up_of } : {}),
  }
}
function toBoard(row: BoardRow): Board {
  const template = (['blank', 'brainstorming', 'concept'] as const).find((t) => t === row.template) ?? 'blank'
  return {
    id: row.id,
    workshopId: row.workshop_id,
    title: row.title,
    position: row.position,
    locked: row.locked === 1,
    archived: row.archived === 1,
    template,
    room: row.room === 1,
  }
}
