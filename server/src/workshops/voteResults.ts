/**
 * A voting session's results: one row per item with its board, its text and
 * its count (issue #5). While a session is open the texts are read from the
 * boards as they are now; once it is closed they are kept as they were at
 * the close, so the results (and the concept catalogue built from them) do
 * not change when a note is edited or deleted afterwards.
 */
import { workshopBoardDocName, type ResultRow, type VoteSession } from '@werkraum/shared'
import type * as Y from 'yjs'
import type { WorkshopStore } from './store.ts'
import { itemOnBoard } from './voteItems.ts'

/** Reads a document without changing it. */
export type ReadDocument = <T>(name: string, look: (doc: Y.Doc) => T) => Promise<T>

/** The board and the note an item key points at; a shape id is the client's and may itself contain a "/". */
export function splitItem(item: string): { boardId: string; shapeId: string | undefined } {
  const slash = item.indexOf('/')
  return slash < 0 ? { boardId: item, shapeId: undefined } : { boardId: item.slice(0, slash), shapeId: item.slice(slash + 1) }
}

/** Each counted item's board title and text, read from the boards now. */
async function liveTexts(store: WorkshopStore, read: ReadDocument, workshopId: string, items: Iterable<string>): Promise<Map<string, { board: string; text: string }>> {
  const texts = new Map<string, { board: string; text: string }>()
  for (const item of items) {
    const { boardId, shapeId } = splitItem(item)
    const board = store.board(workshopId, boardId)?.title ?? ''
    const text =
      shapeId === undefined ? board : ((await read(workshopBoardDocName(workshopId, boardId), (doc) => itemOnBoard(doc, shapeId)))?.text ?? '')
    texts.set(item, { board, text })
  }
  return texts
}

/**
 * The rows of a session, most votes first. `withNames` adds who voted for
 * each item; the caller decides whether this reader may see them (never for
 * an anonymous session, whose store keeps no names after the close anyway).
 */
export async function resultRows(
  store: WorkshopStore,
  read: ReadDocument,
  workshopId: string,
  session: VoteSession,
  withNames: boolean,
  /** False for readers beside a running server (the command line): they must not write to its database. */
  keep = true,
): Promise<ResultRow[]> {
  const counts = store.votes.counts(session)
  let texts = session.status === 'closed' ? store.votes.frozenTexts(session.id) : undefined
  if (texts === undefined) {
    texts = await liveTexts(store, read, workshopId, counts.keys())
    // Asked before the close was followed up (or after a restart that came between): keep them now.
    if (keep && session.status === 'closed' && store.votes.session(workshopId, session.id) !== undefined) store.votes.freeze(session.id, texts)
  }
  const voters = withNames && !session.anonymous ? store.votes.voters(session) : undefined
  const names = new Map(store.participants(workshopId).map((p) => [p.id, p.name]))
  const rows: ResultRow[] = []
  for (const [item, count] of counts) {
    const kept = texts.get(item)
    rows.push({
      item,
      board: kept?.board ?? '',
      text: kept?.text ?? '',
      count,
      ...(voters ? { names: (voters.get(item) ?? []).map((id) => names.get(id) ?? '').filter((n) => n !== '') } : {}),
    })
  }
  // Equal counts in reading order (board, then text), not in the order of random ids.
  return rows.sort((a, b) => b.count - a.count || a.board.localeCompare(b.board) || a.text.localeCompare(b.text) || a.item.localeCompare(b.item))
}

/** Keeps the texts of every session closed since the last look. Safe to run twice at once: only the first keeping is stored. */
export async function freezeClosedVotes(store: WorkshopStore, read: ReadDocument, workshopId: string): Promise<void> {
  for (const session of store.votes.unfrozen(workshopId)) {
    const texts = await liveTexts(store, read, workshopId, store.votes.counts(session).keys())
    // Deleted meanwhile (the workshop with it): nothing to keep.
    if (store.votes.session(workshopId, session.id) === undefined) return
    store.votes.freeze(session.id, texts)
  }
}
