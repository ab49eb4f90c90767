/**
 * Runs out timers on the server (issue #4): when a phase's time is up, the
 * server ends it, whether or not a facilitator's browser is open. Due times
 * are stored, so a restarted server picks them up again and performs a phase
 * end that fell due while it was down as soon as it is back.
 */
import { applyDueTimer, dueAt } from '@werkraum/shared'
import type { WorkshopStore } from './store.ts'
import { closeVoteWithPhase } from './votes.ts'

/** setTimeout's longest delay; longer waits are taken in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1

export class TimerScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  private closed = false

  constructor(
    private readonly store: WorkshopStore,
    /** Called after the server changed a workshop's state by itself. */
    private readonly onChanged: (workshopId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Picks up every running timer from storage (at start). */
  start(): void {
    for (const { workshopId } of this.store.runningTimers()) this.reschedule(workshopId)
  }

  /** Follows the workshop's current timer: after every command that may have changed it. */
  reschedule(workshopId: string): void {
    const existing = this.timers.get(workshopId)
    if (existing !== undefined) clearTimeout(existing)
    this.timers.delete(workshopId)
    if (this.closed) return
    const due = dueAt(this.store.facilitation(workshopId))
    if (due === undefined) return
    const timer = setTimeout(() => this.fire(workshopId), Math.min(MAX_DELAY_MS, Math.max(0, due - this.now())))
    timer.unref()
    this.timers.set(workshopId, timer)
  }

  /** Workshops deleted or the server closing: nothing more fires. */
  forget(workshopId: string): void {
    const existing = this.timers.get(workshopId)
    if (existing !== undefined) clearTimeout(existing)
    this.timers.delete(workshopId)
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private fire(workshopId: string): void {
    this.timers.delete(workshopId)
    if (this.closed || this.store.workshop(workshopId) === undefined) return
    const next = applyDueTimer(this.store.facilitation(workshopId), this.now())
    if (next === undefined) {
      // Woken early (a delay beyond setTimeout's limit) or already handled: look again.
      this.reschedule(workshopId)
      return
    }
    const before = this.store.facilitation(workshopId)
    // The phase's end and its vote's close happen together, or not at all.
    this.store.transaction(() => {
      this.store.saveFacilitation(workshopId, next)
      closeVoteWithPhase(this.store.votes, workshopId, before, next, this.now())
    })
    this.onChanged(workshopId)
    this.reschedule(workshopId)
  }
}
