import { crossedThreshold, remainingMs, type TimerState } from '@werkraum/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../Announcer.tsx'
import { playEndSound, useSoundPreference } from './endSound.ts'

/** How often the display is recomputed; it changes once a second, this keeps it within a quarter second of everyone else. */
const TICK_MS = 250
/** Ticks further apart than this are a sleeping device waking up, not time lived through. */
const MAX_TICK_GAP_MS = 5_000
/** A timer that stops this close to its end (or after it) ran out: the server ended it on time. */
const TIME_UP_SLACK_MS = 1_500

export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

interface PhaseTimerProps {
  readonly timer: TimerState
  /** Server time now (see serverClock.ts). */
  readonly now: () => number
  /** The running phase, if any: its start and end are announced too. */
  readonly phase: { readonly id: string; readonly title: string } | undefined
}

/**
 * The countdown everyone sees. Screen readers hear it at five minutes, one
 * minute and when time is up (a polite live region), never every second; the
 * last minute is highlighted; a gentle sound at the end is off unless chosen.
 */
export function PhaseTimer({ timer, now, phase }: PhaseTimerProps) {
  const { t } = useTranslation()
  const [left, setLeft] = useState(() => remainingMs(timer, now()))
  // Each announcement is a line of its own in the page's announcer (Announcer.tsx): "Die Zeit ist um." and
  // "… ist beendet." 60 ms later are both read, and "1 minute left" again after +1 min is read again.
  const announce = useAnnounce()
  const [sound, setSound] = useSoundPreference()
  const previous = useRef<number | undefined>(left)
  const soundRef = useRef(sound)
  soundRef.current = sound

  // The running timer before this one, and the end whose "time is up" was said (said once per end).
  const lastRunning = useRef<number | undefined>(undefined)
  const timeUpSaid = useRef<number | undefined>(undefined)
  useEffect(() => {
    const timeUp = (endsAt: number): void => {
      if (timeUpSaid.current === endsAt) return
      timeUpSaid.current = endsAt
      announce(t('timer.timeUp'))
      if (soundRef.current) void playEndSound()
    }
    // The server ends a phase when its time runs out; that news can arrive a moment before this
    // page's own tick reaches 0. A timer that ran out (not one stopped early) still had its "time is up".
    const endedAt = lastRunning.current
    lastRunning.current = timer.status === 'running' ? timer.endsAt : undefined
    if (endedAt !== undefined && timer.status !== 'running' && endedAt - now() <= TIME_UP_SLACK_MS) timeUp(endedAt)
    // A new or changed timer (extended, shortened) starts a fresh reading: a jump is no crossing.
    previous.current = undefined
    let beforeAt = performance.now()
    const tick = (): void => {
      const current = remainingMs(timer, now())
      const before = previous.current
      const at = performance.now()
      const elapsed = at - beforeAt
      previous.current = current
      beforeAt = at
      setLeft(current)
      if (before === undefined || current === undefined || timer.status !== 'running') return
      // Only time running down is announced: a jump (the clock estimate arriving, a sleeping
      // laptop waking up) is no moment anybody lived through. A late tick is no jump: while the
      // page is busy (a room's board loading) ticks come late, and the minute was lived through.
      if (Math.abs(before - current - elapsed) > 2 * TICK_MS + 100 || elapsed > MAX_TICK_GAP_MS) return
      const crossed = crossedThreshold(before, current)
      if (crossed === undefined) return
      if (crossed === 0) timeUp(timer.endsAt)
      else announce(t('timer.minutesLeft', { count: crossed / 60_000 }))
    }
    tick()
    const interval = setInterval(tick, TICK_MS)
    return () => clearInterval(interval)
  }, [timer, now, t, announce])

  // A phase that starts or ends (by the facilitator, or when the server ran its time out) is announced once.
  const shownPhase = useRef(phase)
  useEffect(() => {
    const before = shownPhase.current
    shownPhase.current = phase
    if (before?.id === phase?.id) return
    const parts = [before ? t('timer.phaseEnded', { title: before.title }) : '', phase ? t('timer.phaseStarted', { title: phase.title }) : '']
    announce(parts.filter((p) => p !== '').join(' '))
  }, [phase, t, announce])

  const lastMinute = timer.status === 'running' && left !== undefined && left <= 60_000
  return (
    <div className="phase-timer-slot">
      {left !== undefined ? (
        <div className={`phase-timer ${lastMinute ? 'phase-timer--last-minute' : ''}`} data-testid="phase-timer" data-status={timer.status}>
      <span className="phase-timer-label">{phase?.title ?? t('timer.label')}</span>
      <span className="phase-timer-time" role="timer" aria-label={t('timer.aria', { time: formatRemaining(left) })} data-testid="phase-timer-time">
        {formatRemaining(left)}
      </span>
      {timer.status === 'paused' ? <span className="phase-timer-paused">{t('timer.paused')}</span> : null}
      <button
        type="button"
        className="button button--small"
        aria-pressed={sound}
        onClick={() => setSound(!sound)}
        title={t('timer.soundHint')}
      >
        {t('timer.sound')}
      </button>
        </div>
      ) : null}
    </div>
  )
}
