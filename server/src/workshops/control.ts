/**
 * The workshop's control document, written only by the server: who is in the
 * workshop, which boards it has, and the agenda with its timer (rooms and
 * votes join it in later issues). Every client reads it; nobody but the server can change it,
 * because every connection to it is read-only.
 *
 * Layout: Y.Map `workshop` {title, locale}; Y.Map `participants` id → {name,
 * role, present} for everyone who joined with a name (facilitator and observer
 * link holders without one are left out); Y.Map `boards` id → {title, position,
 * locked, archived, template}; Y.Map `facilitation` {phases, currentPhaseId,
 * timer} (shared/src/agenda.ts; the timer in server time); Y.Map `votes` id →
 * session with `counts` (when visible) and, for pledges, `pledges` (names).
 *
 * `present` is true while the participant has a connection open to any
 * document of the workshop, as the server counts them (./presence.ts), so the
 * facilitator's screen can trust it; it turns false OFFLINE_GRACE_MS after the
 * last connection closed.
 */
import { workshopControlDocName, type VoteSession } from '@werkraum/shared'
import type * as Y from 'yjs'
import type { RoomManager } from '../rooms.ts'
import type { WorkshopPresence } from './presence.ts'
import type { WorkshopStore } from './store.ts'

/** Writes the workshop's current state into its control document, changing only what differs. */
export async function publishControlState(rooms: RoomManager, store: WorkshopStore, presence: WorkshopPresence, workshopId: string): Promise<void> {
  const workshop = store.workshop(workshopId)
  if (!workshop) return
  const participants = store.participants(workshopId).filter((p) => !p.removed && p.name !== '')
  const boards = store.boards(workshopId)
  await rooms.change(workshopControlDocName(workshopId), (doc) => {
    const info = doc.getMap<unknown>('workshop')
    if (info.get('title') !== workshop.title) info.set('title', workshop.title)
    if (info.get('locale') !== workshop.locale) info.set('locale', workshop.locale)
    // Read as the change applies, not before the document loaded: a publication that waited shows who is present now.
    const present = presence.presentIn(workshopId)
    syncMap(
      doc.getMap<Record<string, unknown>>('participants'),
      new Map(participants.map((p) => [p.id, { name: p.name, role: p.role, present: present.has(p.id) }])),
    )
    const names = new Map(store.participants(workshopId).map((p) => [p.id, p.name]))
    syncMap(doc.getMap<Record<string, unknown>>('votes'), new Map(store.votes.sessions(workshopId).map((session) => [session.id, votePublished(store, session, names)])))
    const facilitation = doc.getMap<unknown>('facilitation')
    for (const [key, value] of Object.entries(store.facilitation(workshopId))) {
      if (JSON.stringify(facilitation.get(key)) !== JSON.stringify(value)) facilitation.set(key, value)
    }
    syncMap(
      doc.getMap<Record<string, unknown>>('boards'),
      new Map(boards.map((b) => [b.id, { title: b.title, position: b.position, locked: b.locked, archived: b.archived, template: b.template, room: b.room }])),
    )
  })
}

/**
 * A voting session as everyone may see it: counts only when the session
 * shows them live or is closed, and names only for "I'd work on this"
 * (whose point is to connect people); never who voted in an anonymous one.
 */
function votePublished(store: WorkshopStore, session: VoteSession, names: ReadonlyMap<string, string>): Record<string, unknown> {
  const visible = !session.hidden || session.status === 'closed'
  const published: Record<string, unknown> = { ...session }
  if (visible) published.counts = Object.fromEntries(store.votes.counts(session))
  if (visible && session.kind === 'pledge' && !session.anonymous) {
    published.pledges = Object.fromEntries([...store.votes.voters(session)].map(([item, ids]) => [item, ids.map((id) => names.get(id) ?? '').filter((n) => n !== '')]))
  }
  return published
}

function syncMap(target: Y.Map<Record<string, unknown>>, wanted: Map<string, Record<string, unknown>>): void {
  for (const key of [...target.keys()]) if (!wanted.has(key)) target.delete(key)
  for (const [key, value] of wanted) {
    if (JSON.stringify(target.get(key)) !== JSON.stringify(value)) target.set(key, value)
  }
}
