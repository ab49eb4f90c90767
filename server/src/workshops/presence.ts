/**
 * Who of a workshop is connected, as the server counts it: the `present` flag
 * of the control document's participants. Unlike awareness (../presence.ts),
 * which every browser announces for itself, this comes from the server's own
 * open connections, so nobody can appear present or absent by sending something.
 */
import type { Subject } from '../peer.ts'

/**
 * How long someone still counts as present after their last connection closed.
 * A reload closes the old connections and opens new ones well within it, so the
 * facilitator's screen does not flicker; coming online is shown at once.
 */
export const OFFLINE_GRACE_MS = 2000

/** Open connections per participant, to any document of their workshop. */
export class WorkshopPresence {
  /** workshopId → participantId → open connections (never 0: such entries are deleted). */
  private readonly counts = new Map<string, Map<string, number>>()

  /** Counts a new connection; true if the participant was absent until now. */
  connected(subject: Subject): boolean {
    let ofWorkshop = this.counts.get(subject.workshopId)
    if (!ofWorkshop) {
      ofWorkshop = new Map()
      this.counts.set(subject.workshopId, ofWorkshop)
    }
    const before = ofWorkshop.get(subject.participantId) ?? 0
    ofWorkshop.set(subject.participantId, before + 1)
    return before === 0
  }

  /** Counts a closed connection; true if it was the participant's last one. */
  disconnected(subject: Subject): boolean {
    const ofWorkshop = this.counts.get(subject.workshopId)
    const before = ofWorkshop?.get(subject.participantId)
    // Not counted: a disconnect without its connect is a bug elsewhere, and must not go negative.
    if (!ofWorkshop || before === undefined) return false
    if (before > 1) {
      ofWorkshop.set(subject.participantId, before - 1)
      return false
    }
    ofWorkshop.delete(subject.participantId)
    if (ofWorkshop.size === 0) this.counts.delete(subject.workshopId)
    return true
  }

  isPresent(workshopId: string, participantId: string): boolean {
    return this.counts.get(workshopId)?.has(participantId) ?? false
  }

  /** The ids of everyone in the workshop with at least one open connection. */
  presentIn(workshopId: string): ReadonlySet<string> {
    return new Set(this.counts.get(workshopId)?.keys())
  }
}
