/**
 * The phase timer (issue #4), as pure functions over a state expressed in
 * server time. The server alone changes it; every client computes the same
 * remaining time from it once it knows its clock's offset to the server
 * (see clock.ts).
 */

export type TimerState =
  | { readonly status: 'idle' }
  /** Counting down: it ends at `endsAt` (server ms since the epoch). */
  | { readonly status: 'running'; readonly durationMs: number; readonly endsAt: number }
  /** Stopped with `remainingMs` left. */
  | { readonly status: 'paused'; readonly durationMs: number; readonly remainingMs: number }

export const IDLE_TIMER: TimerState = { status: 'idle' }

/** Longest timer and largest single adjustment: a four-hour workshop needs no more. */
export const MAX_TIMER_MS = 8 * 60 * 60 * 1000

function clamp(ms: number): number {
  return Math.max(0, Math.min(MAX_TIMER_MS, Math.round(ms)))
}

/** Remaining time at server time `now`, never below zero; undefined when idle. */
export function remainingMs(timer: TimerState, now: number): number | undefined {
  switch (timer.status) {
    case 'idle':
      return undefined
    case 'running':
      return Math.max(0, timer.endsAt - now)
    case 'paused':
      return timer.remainingMs
    default: {
      const unreachable: never = timer
      throw new Error(`unknown timer ${JSON.stringify(unreachable)}`)
    }
  }
}

export function startTimer(durationMs: number, now: number): TimerState {
  const duration = clamp(durationMs)
  return { status: 'running', durationMs: duration, endsAt: now + duration }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'running') return timer
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: Math.max(0, timer.endsAt - now) }
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'paused') return timer
  return { status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs }
}

/** Adds (or, negative, removes) time; a timer cannot go below zero left. */
export function adjustTimer(timer: TimerState, deltaMs: number, now: number): TimerState {
  switch (timer.status) {
    case 'idle':
      return timer
    case 'running': {
      const left = clamp(timer.endsAt - now + deltaMs)
      return { status: 'running', durationMs: clamp(timer.durationMs + deltaMs), endsAt: now + left }
    }
    case 'paused':
      return { status: 'paused', durationMs: clamp(timer.durationMs + deltaMs), remainingMs: clamp(timer.remainingMs + deltaMs) }
    default: {
      const unreachable: never = timer
      throw new Error(`unknown timer ${JSON.stringify(unreachable)}`)
    }
  }
}

/** Whether a running timer has run out at `now`. */
export function isDue(timer: TimerState, now: number): boolean {
  return timer.status === 'running' && timer.endsAt <= now
}

/**
 * When to tell people how much time is left: at five minutes, at one minute
 * and when time is up, not every second. Returns the threshold crossed
 * between two readings (remaining `before` → `after`), if any.
 */
export const ANNOUNCE_AT_MS = [5 * 60_000, 60_000, 0] as const

export function crossedThreshold(beforeMs: number, afterMs: number): (typeof ANNOUNCE_AT_MS)[number] | undefined {
  return ANNOUNCE_AT_MS.find((t) => beforeMs > t && afterMs <= t)
}
