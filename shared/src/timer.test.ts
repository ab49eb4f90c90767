import { describe, expect, it } from 'vitest'
import { estimateOffset } from './clock.ts'
import { IDLE_TIMER, MAX_TIMER_MS, adjustTimer, crossedThreshold, isDue, pauseTimer, remainingMs, resumeTimer, startTimer } from './timer.ts'

describe('timer', () => {
  it('counts down in server time, pauses, resumes and is due at its end', () => {
    const started = startTimer(10 * 60_000, 1_000_000)
    expect(remainingMs(started, 1_000_000 + 60_000)).toBe(9 * 60_000)
    const paused = pauseTimer(started, 1_000_000 + 120_000)
    expect(paused).toEqual({ status: 'paused', durationMs: 600_000, remainingMs: 480_000 })
    // Paused time does not run, however long the pause.
    expect(remainingMs(paused, 9_999_999)).toBe(480_000)
    const resumed = resumeTimer(paused, 2_000_000)
    expect(remainingMs(resumed, 2_000_000)).toBe(480_000)
    expect(isDue(resumed, 2_000_000 + 479_999)).toBe(false)
    expect(isDue(resumed, 2_000_000 + 480_000)).toBe(true)
    expect(remainingMs(resumed, 3_000_000)).toBe(0)
    expect(remainingMs(IDLE_TIMER, 0)).toBeUndefined()
  })

  it('adds and removes minutes, never below zero or above the maximum', () => {
    const t = startTimer(5 * 60_000, 0)
    expect(remainingMs(adjustTimer(t, 2 * 60_000, 60_000), 60_000)).toBe(6 * 60_000)
    expect(remainingMs(adjustTimer(t, -10 * 60_000, 60_000), 60_000)).toBe(0)
    expect(remainingMs(adjustTimer(pauseTimer(t, 0), 60_000, 0), 0)).toBe(6 * 60_000)
    expect(remainingMs(adjustTimer(t, 100 * MAX_TIMER_MS, 0), 0)).toBe(MAX_TIMER_MS)
    expect(adjustTimer(IDLE_TIMER, 60_000, 0)).toBe(IDLE_TIMER)
    expect(remainingMs(startTimer(-5, 0), 0)).toBe(0)
  })

  it('announces at five minutes, one minute and zero, each once', () => {
    expect(crossedThreshold(300_500, 299_900)).toBe(300_000)
    expect(crossedThreshold(299_900, 299_000)).toBeUndefined()
    expect(crossedThreshold(61_000, 59_000)).toBe(60_000)
    expect(crossedThreshold(400, 0)).toBe(0)
    expect(crossedThreshold(0, 0)).toBeUndefined()
  })
})

describe('estimateOffset', () => {
  it('keeps the sample with the shortest round trip', () => {
    // A clock 3 minutes behind the server; the second sample had a quick round trip.
    const skew = 180_000
    const offset = estimateOffset([
      { sentAt: 1000, receivedAt: 1400, serverTime: 1000 + skew + 300 },
      { sentAt: 2000, receivedAt: 2020, serverTime: 2000 + skew + 10 },
      { sentAt: 3000, receivedAt: 2990, serverTime: 0 },
    ])
    expect(offset).toEqual({ offsetMs: skew, uncertaintyMs: 10 })
    expect(estimateOffset([])).toBeUndefined()
  })
})
