/**
 * The concept catalogue's data (issue #6), built from the workshop's rows and
 * its board documents: the agenda as it ran, one section per board (plenary
 * boards in their order, then each breakout's rooms under their phase) with
 * its concept cards and its sticky notes grouped by frame, every closed vote
 * and a ranking. Pictures of the boards are not here: drawing a board needs
 * tldraw, which runs in the browser (the console's export adds them).
 *
 * Names appear only when the export asks for them (`names`).
 */
import {
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  CONCEPT_CARD_TYPE,
  RECORDS_KEY,
  conceptCardText,
  copiedFromItem,
  groupCopies,
  isEmptyConceptCard,
  isMadeShape,
  itemKey,
  votableText,
  workshopBoardDocName,
  type CopyNode,
  type Phase,
  type VoteSession,
} from '@werkraum/shared'
import type { Catalogue, CatalogueConcept, CatalogueNote, CatalogueSection } from '@werkraum/shared/schemas'
import type * as Y from 'yjs'
import type { Board, WorkshopStore } from './store.ts'
import { resultRows, splitItem, type ReadDocument } from './voteResults.ts'

export interface CatalogueOptions {
  /** Include people's names (room members, named votes, pledges). */
  readonly names: boolean
  /** Server ms; the export's date. */
  readonly now: number
  /** False beside a running server (the command line): read only, never write to its database. */
  readonly keepTexts?: boolean
}

interface ShapeRecord {
  readonly id: string
  readonly type: string
  readonly parentId: string
  readonly x: number
  readonly y: number
  readonly props: unknown
  /** The item this shape was copied from (`meta.werkraumCopiedFrom`), or null. */
  readonly from: string | null
}

/** The board's shapes as they are now: the last entry per key wins, as in the clients' YKeyValue. */
function shapesOf(doc: Y.Doc): ShapeRecord[] {
  const current = new Map<string, unknown>()
  for (const entry of doc.getArray<unknown>(RECORDS_KEY).toArray()) {
    const e = entry as { key?: unknown; val?: unknown } | undefined
    if (typeof e?.key === 'string') current.set(e.key, e.val)
  }
  const shapes: ShapeRecord[] = []
  for (const value of current.values()) {
    const r = value as { typeName?: unknown; id?: unknown; type?: unknown; parentId?: unknown; x?: unknown; y?: unknown; props?: unknown; meta?: unknown } | null
    if (r?.typeName !== 'shape' || typeof r.id !== 'string' || typeof r.type !== 'string') continue
    shapes.push({
      id: r.id,
      type: r.type,
      parentId: typeof r.parentId === 'string' ? r.parentId : '',
      // Yjs carries NaN and Infinity; a sort on them would be inconsistent.
      x: typeof r.x === 'number' && Number.isFinite(r.x) ? r.x : 0,
      y: typeof r.y === 'number' && Number.isFinite(r.y) ? r.y : 0,
      props: r.props,
      from: copiedFromItem(r.meta),
    })
  }
  return onPage(shapes)
}

/**
 * The shapes with their positions on the page rather than in their parent:
 * cards brought into the plenary sit in frames, and are read in the order
 * they stand on the page (a parent chain a client made circular ends where it repeats).
 */
function onPage(shapes: readonly ShapeRecord[]): ShapeRecord[] {
  const byId = new Map(shapes.map((s) => [s.id, s]))
  return shapes.map((shape) => {
    let { x, y } = shape
    const seen = new Set([shape.id])
    for (let parent = byId.get(shape.parentId); parent && !seen.has(parent.id); parent = byId.get(parent.parentId)) {
      seen.add(parent.id)
      x += parent.x
      y += parent.y
    }
    return { ...shape, x, y }
  })
}

/** Top to bottom, then left to right: the order people read a board in. */
const readingOrder = (a: ShapeRecord, b: ShapeRecord): number => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id)

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString())

/** What the closed votes say about each item: dots per dot session, and pledges. */
interface Tally {
  readonly votes: Map<string, Array<{ sessionId: string; count: number }>>
  readonly pledges: Map<string, { count: number; names: string[] }>
}

function tally(store: WorkshopStore, sessions: readonly VoteSession[], names: ReadonlyMap<string, string>): Tally {
  const votes = new Map<string, Array<{ sessionId: string; count: number }>>()
  const pledges = new Map<string, { count: number; names: string[] }>()
  for (const session of sessions) {
    const counts = store.votes.counts(session)
    if (session.kind === 'dots') {
      for (const [item, n] of counts) votes.set(item, [...(votes.get(item) ?? []), { sessionId: session.id, count: n }])
      continue
    }
    const voters = store.votes.voters(session)
    for (const [item, n] of counts) {
      const entry = pledges.get(item) ?? { count: 0, names: [] }
      entry.count += n
      for (const id of voters.get(item) ?? []) {
        const name = names.get(id)
        if (name && !entry.names.includes(name)) entry.names.push(name)
      }
      pledges.set(item, entry)
    }
  }
  return { votes, pledges }
}

/** One board's section: its concept cards, its notes by frame, and what the votes said. */
function section(board: Board, shapes: readonly ShapeRecord[], t: Tally, withNames: boolean, context: Pick<CatalogueSection, 'phase' | 'room'>): CatalogueSection {
  const byId = new Map(shapes.map((s) => [s.id, s]))
  const pledgesOf = (item: string) => {
    const p = t.pledges.get(item)
    return { count: p?.count ?? 0, ...(withNames ? { names: p?.names ?? [] } : {}) }
  }
  const concepts: CatalogueConcept[] = shapes
    // An untouched card (a template's, or one added and never written in) is not a concept.
    .filter((s) => s.type === CONCEPT_CARD_TYPE && !isEmptyConceptCard(s.props))
    .sort(readingOrder)
    .map((s) => {
      const item = itemKey(board.id, s.id)
      return { id: s.id, ...conceptCardText(s.props), votes: t.votes.get(item) ?? [], pledges: pledgesOf(item) }
    })
  // A note belongs to the nearest frame it sits in, however deeply grouped.
  const frameOf = (shape: ShapeRecord): ShapeRecord | undefined => {
    const seen = new Set<string>()
    let parent = byId.get(shape.parentId)
    while (parent && !seen.has(parent.id)) {
      if (parent.type === 'frame') return parent
      seen.add(parent.id)
      parent = byId.get(parent.parentId)
    }
    return undefined
  }
  const groups = new Map<string | null, { frame: ShapeRecord | undefined; notes: CatalogueNote[] }>()
  for (const note of shapes.filter((s) => s.type === 'note').sort(readingOrder)) {
    const text = votableText('note', note.props)
    if (text.trim() === '') continue
    const frame = frameOf(note)
    const key = frame?.id ?? null
    const group = groups.get(key) ?? { frame, notes: [] }
    const item = itemKey(board.id, note.id)
    group.notes.push({ id: note.id, text, votes: t.votes.get(item) ?? [], pledges: pledgesOf(item) })
    groups.set(key, group)
  }
  const frameName = (frame: ShapeRecord | undefined): string | null => {
    if (!frame) return null
    const name = (frame.props as { name?: unknown } | null)?.name
    return typeof name === 'string' ? name : ''
  }
  const noteGroups = [...groups.values()]
    // Frames in reading order, loose notes last.
    .sort((a, b) => (a.frame && b.frame ? readingOrder(a.frame, b.frame) : a.frame ? -1 : b.frame ? 1 : 0))
    .map((g) => ({ area: frameName(g.frame), notes: g.notes }))
  const boardItem = itemKey(board.id, null)
  const votes = t.votes.get(boardItem) ?? []
  const empty = !shapes.some(isMadeShape) && votes.length === 0 && (t.pledges.get(boardItem)?.count ?? 0) === 0
  return { boardId: board.id, title: board.title, ...context, empty, concepts, noteGroups, votes }
}

/** Builds the catalogue of one workshop, or undefined if there is no such workshop. */
export async function buildCatalogue(store: WorkshopStore, read: ReadDocument, workshopId: string, options: CatalogueOptions): Promise<Catalogue | undefined> {
  const workshop = store.workshop(workshopId)
  if (!workshop) return undefined
  const facilitation = store.facilitation(workshopId)
  const people = store.participants(workshopId)
  const names = new Map(people.map((p) => [p.id, p.name]))
  const boards = store.boards(workshopId).filter((b) => !b.archived)
  // Open votes are still being decided (and a hidden one must not show): closed ones only.
  const closed = store.votes.sessions(workshopId).filter((s) => s.status === 'closed')
  const t = tally(store, closed, names)

  const shapesByBoard = new Map<string, ShapeRecord[]>()
  for (const board of boards) {
    // One board that cannot be read leaves its section empty; the rest of the catalogue still comes.
    shapesByBoard.set(board.id, await read(workshopBoardDocName(workshopId, board.id), shapesOf).catch(() => []))
  }

  const sections: CatalogueSection[] = boards
    .filter((b) => !b.room)
    .sort((a, b) => a.position - b.position)
    .map((b) => section(b, shapesByBoard.get(b.id) ?? [], t, options.names, { phase: null, room: null }))
  const phaseTitle = new Map(facilitation.phases.map((p) => [p.id, p.title]))
  const boardById = new Map(boards.map((b) => [b.id, b]))
  for (const breakout of facilitation.breakouts) {
    for (const room of breakout.rooms) {
      const board = boardById.get(room.boardId)
      if (!board) continue
      const members = (breakout.assignment[room.id] ?? []).map((id) => names.get(id) ?? '').filter((n) => n !== '')
      sections.push(
        section(board, shapesByBoard.get(board.id) ?? [], t, options.names, {
          phase: { id: breakout.phaseId, title: phaseTitle.get(breakout.phaseId) ?? '' },
          room: { title: room.title, challenge: room.challenge, ...(options.names ? { members } : {}) },
        }),
      )
    }
  }

  const copiedFrom = new Map<string, string | null>()
  for (const [boardId, shapes] of shapesByBoard) for (const s of shapes) copiedFrom.set(itemKey(boardId, s.id), s.from)
  const { marked, ranked } = mergeCopies(sections, t, copiedFrom)

  const votes: Catalogue['votes'] = []
  for (const session of closed) {
    const rows = await resultRows(store, read, workshopId, session, options.names, options.keepTexts ?? true)
    votes.push({
      id: session.id,
      title: session.title,
      kind: session.kind,
      target: session.target,
      anonymous: session.anonymous,
      votesPerPerson: session.votesPerPerson,
      maxPerItem: session.maxPerItem,
      openedAt: new Date(session.openedAt).toISOString(),
      closedAt: new Date(session.closedAt ?? session.openedAt).toISOString(),
      ballots: rows.reduce((sum, r) => sum + r.count, 0),
      results: rows.map((r) => ({
        item: r.item,
        boardId: splitItem(r.item).boardId,
        board: r.board,
        text: r.text,
        count: r.count,
        ...(options.names && r.names !== undefined ? { names: [...r.names] } : {}),
      })),
    })
  }

  return {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    workshop: {
      id: workshop.id,
      title: workshop.title,
      locale: workshop.locale,
      createdAt: new Date(workshop.createdAt).toISOString(),
      exportedAt: new Date(options.now).toISOString(),
      names: options.names,
    },
    agenda: facilitation.phases.map(agendaEntry),
    sections: marked,
    votes,
    ranking: ranked,
  }
}

function agendaEntry(phase: Phase): Catalogue['agenda'][number] {
  const ran = phase.startedAt !== undefined && phase.endedAt !== undefined ? Math.round(((phase.endedAt - phase.startedAt) / 60_000) * 10) / 10 : null
  return {
    id: phase.id,
    title: phase.title,
    kind: phase.kind,
    status: phase.status,
    plannedMinutes: Math.round((phase.plannedMs / 60_000) * 10) / 10,
    startedAt: iso(phase.startedAt),
    endedAt: iso(phase.endedAt),
    actualMinutes: ran,
  }
}

type RankingEntry = Omit<Catalogue['ranking'][number], 'rank'>

/** A card or note in the ranking, with the item it was copied from. */
interface Rankable extends CopyNode {
  readonly entry: RankingEntry
}

/**
 * Cards and notes copied between boards (issue #13), counted as one concept:
 * the sections mark each copy with its original (`copyOf`), and the ranking
 * lists each concept once, with the votes and pledges of all its copies.
 */
function mergeCopies(
  sections: readonly CatalogueSection[],
  t: Tally,
  copiedFrom: ReadonlyMap<string, string | null>,
): { marked: CatalogueSection[]; ranked: Catalogue['ranking'] } {
  const sum = (v: ReadonlyArray<{ count: number }>): number => v.reduce((a, b) => a + b.count, 0)
  const concepts: Rankable[] = []
  const notes: Rankable[] = []
  const boards: RankingEntry[] = []
  for (const s of sections) {
    const base = { boardId: s.boardId, board: s.title }
    const rankable = (entry: RankingEntry): Rankable => ({ item: entry.item, from: copiedFrom.get(entry.item) ?? null, entry })
    for (const c of s.concepts) concepts.push(rankable({ ...base, kind: 'concept', item: itemKey(s.boardId, c.id), title: c.title, votes: sum(c.votes), pledges: c.pledges.count }))
    for (const n of s.noteGroups.flatMap((g) => g.notes)) notes.push(rankable({ ...base, kind: 'note', item: itemKey(s.boardId, n.id), title: n.text, votes: sum(n.votes), pledges: n.pledges.count }))
    const boardItem = itemKey(s.boardId, null)
    const boardPledges = t.pledges.get(boardItem)?.count ?? 0
    if (s.votes.length > 0 || boardPledges > 0) boards.push({ ...base, kind: 'board', item: boardItem, title: s.title, votes: sum(s.votes), pledges: boardPledges })
  }
  // Cards with cards and notes with notes: a copy is of its own kind.
  const groups = [...groupCopies(concepts), ...groupCopies(notes)]
  const copyOf = new Map<string, string>()
  const entries: RankingEntry[] = [...boards]
  for (const g of groups) {
    for (const m of g.members) if (m !== g.original) copyOf.set(m.item, g.original.item)
    const others = [g.original, ...g.members.filter((m) => m !== g.original)].filter((m) => m !== g.latest).map((m) => m.item)
    const entry: RankingEntry = {
      ...g.latest.entry,
      votes: g.members.reduce((a, m) => a + m.entry.votes, 0),
      pledges: g.members.reduce((a, m) => a + m.entry.pledges, 0),
      ...(others.length > 0 ? { copies: others } : {}),
    }
    // Notes are ranked only once someone voted for them.
    if (entry.kind === 'concept' || entry.votes > 0 || entry.pledges > 0) entries.push(entry)
  }
  const mark = <T extends { id: string }>(boardId: string, x: T): T => {
    const original = copyOf.get(itemKey(boardId, x.id))
    return original === undefined ? x : { ...x, copyOf: original }
  }
  const marked = sections.map((s) => ({
    ...s,
    concepts: s.concepts.map((c) => mark(s.boardId, c)),
    noteGroups: s.noteGroups.map((g) => ({ ...g, notes: g.notes.map((n) => mark(s.boardId, n)) })),
  }))
  return { marked, ranked: ranking(entries) }
}

/** Most votes first; equal votes and pledges share a rank. */
function ranking(entries: RankingEntry[]): Catalogue['ranking'] {
  entries.sort((a, b) => b.votes - a.votes || b.pledges - a.pledges || a.title.localeCompare(b.title) || a.board.localeCompare(b.board) || a.item.localeCompare(b.item))
  let rank = 0
  return entries.map((e, i) => {
    const before = entries[i - 1]
    if (!before || before.votes !== e.votes || before.pledges !== e.pledges) rank = i + 1
    return { rank, ...e }
  })
}
