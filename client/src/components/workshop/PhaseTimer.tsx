import { crossedThreshold, remainingMs, type TimerState } from '@werkraum/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { playEndSound, useSoundPreference } from './endSound.ts'

/** How often the display is recomputed; it changes once a second, this keeps it within a quarter second of everyone else. */
const TICK_MS = 250

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
/** Announcements kept in the live region at once, and how long each stays. */
const MAX_ANNOUNCEMENTS = 3
const ANNOUNCEMENT_KEPT_MS = 15_000

export function PhaseTimer({ timer, now, phase }: PhaseTimerProps) {
  const { t } = useTranslation()
  const [left, setLeft] = useState(() => remainingMs(timer, now()))
  // Each announcement is a line of its own, added to the live region: "Die Zeit ist um." and
  // "… ist beendet." 60 ms later are both read (one replacing the other was heard as the second only),
  // and the same words a second time ("1 minute left" after +1 min) are a new line, read again.
  const [announcements, setAnnouncements] = useState<ReadonlyArray<{ readonly id: number; readonly text: string }>>([])
  const lastId = useRef(0)
  const announce = useCallback((text: string) => {
    if (text === '') return
    const id = ++lastId.current
    setAnnouncements((list) => [...list.slice(-(MAX_ANNOUNCEMENTS - 1)), { id, text }])
  }, [])
  // Lines leave again once read, so that the region does not grow (nothing is read when a line goes).
  useEffect(() => {
    if (announcements.length === 0) return
    const timeout = setTimeout(() => setAnnouncements((list) => list.slice(1)), ANNOUNCEMENT_KEPT_MS)
    return () => clearTimeout(timeout)
  }, [announcements])
  const [sound, setSound] = useSoundPreference()
  const previous = useRef<number | undefined>(left)
  const soundRef = useRef(sound)
  soundRef.current = sound

  useEffect(() => {
    // A new or changed timer (extended, shortened) starts a fresh reading: a jump is no crossing.
    previous.current = undefined
    const tick = (): void => {
      const current = remainingMs(timer, now())
      const before = previous.current
      previous.current = current
      setLeft(current)
      if (before === undefined || current === undefined || timer.status !== 'running') return
      // Only time running down is announced: a jump (the clock estimate arriving, a sleeping
      // laptop waking up) is no moment anybody lived through.
      if (before - current > 2 * TICK_MS + 100) return
      const crossed = crossedThreshold(before, current)
      if (crossed === undefined) return
      announce(crossed === 0 ? t('timer.timeUp') : t('timer.minutesLeft', { count: crossed / 60_000 }))
      if (crossed === 0 && soundRef.current) void playEndSound()
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
  // The live region keeps its place in the page whether a timer shows or not: a region
  // inserted together with its text is often not read out.
  return (
    <div className="phase-timer-slot">
      <div className="visually-hidden" role="status" data-testid="timer-announcement">
        {announcements.map((a) => (
          <p key={a.id}>{a.text}</p>
        ))}
      </div>
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
