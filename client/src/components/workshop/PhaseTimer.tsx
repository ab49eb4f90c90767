import { crossedThreshold, remainingMs, type TimerState } from '@werkraum/shared'
import { useEffect, useRef, useState } from 'react'
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
export function PhaseTimer({ timer, now, phase }: PhaseTimerProps) {
  const { t } = useTranslation()
  const [left, setLeft] = useState(() => remainingMs(timer, now()))
  const [announcement, setAnnouncement] = useState('')
  const [sound, setSound] = useSoundPreference()
  const previous = useRef<number | undefined>(left)
  const soundRef = useRef(sound)
  soundRef.current = sound

  useEffect(() => {
    const tick = (): void => {
      const current = remainingMs(timer, now())
      const before = previous.current
      previous.current = current
      setLeft(current)
      if (before === undefined || current === undefined || timer.status !== 'running') return
      const crossed = crossedThreshold(before, current)
      if (crossed === undefined) return
      setAnnouncement(crossed === 0 ? t('timer.timeUp') : t('timer.minutesLeft', { count: crossed / 60_000 }))
      if (crossed === 0 && soundRef.current) playEndSound()
    }
    tick()
    const interval = setInterval(tick, TICK_MS)
    return () => clearInterval(interval)
  }, [timer, now, t])

  // A phase that starts or ends (by the facilitator, or when the server ran its time out) is announced once.
  const shownPhase = useRef(phase)
  useEffect(() => {
    const before = shownPhase.current
    shownPhase.current = phase
    if (before?.id === phase?.id) return
    const parts = [before ? t('timer.phaseEnded', { title: before.title }) : '', phase ? t('timer.phaseStarted', { title: phase.title }) : '']
    setAnnouncement(parts.filter((p) => p !== '').join(' '))
  }, [phase, t])

  // The live region stays in the page even without a timer, so that the end is heard.
  const liveRegion = (
    <p className="visually-hidden" role="status" data-testid="timer-announcement">
      {announcement}
    </p>
  )
  if (left === undefined) return liveRegion
  const lastMinute = timer.status === 'running' && left <= 60_000
  return (
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
      {liveRegion}
    </div>
  )
}
