import { describe, expect, it } from 'vitest'
import { throttle, type Clock } from './throttle.ts'

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0
  let timers: { at: number; fn: () => void; id: number }[] = []
  let nextId = 1
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id)
    },
  }
  const advance = (ms: number): void => {
    const until = now + ms
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
      if (due === undefined) break
      timers = timers.filter((t) => t !== due)
      now = due.at
      due.fn()
    }
    now = until
  }
  return { clock, advance }
}

describe('throttle', () => {
  it('runs the first call at once', () => {
    const { clock } = manualClock()
    const calls: number[] = []
    throttle((v: number) => calls.push(v), 100, clock)(1)
    expect(calls).toEqual([1])
  })

  it('collapses a burst into one trailing call with the latest value', () => {
    const { clock, advance } = manualClock()
    const calls: number[] = []
    const send = throttle((v: number) => calls.push(v), 100, clock)
    send(1)
    for (let i = 2; i <= 20; i++) {
      advance(5)
      send(i)
    }
    expect(calls).toEqual([1])
    advance(100)
    expect(calls).toEqual([1, 20])
  })

  it('sends at most one call per interval under continuous input (~10 Hz at 100 ms)', () => {
    const { clock, advance } = manualClock()
    const times: number[] = []
    const send = throttle(() => times.push(clock.now()), 100, clock)
    for (let t = 0; t < 1000; t += 4) {
      send(t)
      advance(4)
    }
    advance(200)
    expect(times.length).toBeGreaterThanOrEqual(10)
    expect(times.length).toBeLessThanOrEqual(11)
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100)
  })

  it('flush runs the pending call now; cancel drops it', () => {
    const { clock, advance } = manualClock()
    const calls: string[] = []
    const send = throttle((v: string) => calls.push(v), 100, clock)
    send('a')
    send('b')
    send.flush()
    expect(calls).toEqual(['a', 'b'])
    advance(150)
    send('c')
    send('d')
    send.cancel()
    advance(500)
    expect(calls).toEqual(['a', 'b', 'c'])
  })
})
