import { parseWorkshopDocName } from '@werkraum/shared'
import type { RoomManager } from '../rooms.ts'
import { accessOf } from './access.ts'
import type { WorkshopStore } from './store.ts'

/**
 * Applies the workshop's current state to every open connection of it: a
 * changed role or lock changes what the connection may do at once (a read
 * connection's updates are dropped from its next message on); someone removed
 * is disconnected with FORBIDDEN.
 *
 * Updates of a read-only connection are dropped whole, so a client that edited
 * anyway holds changes the server lacks, and its later updates depend on them.
 * When it may write again, the server asks it to sync (step 1), which brings
 * those changes in too. Werkraum's client must therefore not allow edits while
 * read-only (the workshop screens, still to come, have to make tldraw read-only).
 */
export function recheckWorkshop(rooms: RoomManager, store: WorkshopStore, workshopId: string): void {
  for (const room of rooms.all()) {
    const doc = parseWorkshopDocName(room.name)
    if (!doc || doc.workshopId !== workshopId) continue
    for (const peer of [...room.peers]) {
      if (!peer.subject) continue
      const access = accessOf(store, room.name, peer.subject)
      if (access === undefined) {
        room.kick(peer, 'FORBIDDEN')
        continue
      }
      const before = peer.access
      peer.access = access
      if (before === 'read' && access === 'write') room.resync(peer)
    }
  }
}
