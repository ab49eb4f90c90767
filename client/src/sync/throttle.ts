/**
 * Leading-and-trailing throttle: the first call runs at once, calls within
 * `intervalMs` collapse into one run with the latest argument at the end of
 * the interval. Used for cursor presence (~10 Hz), where the last position
 * must always go out but intermediate ones may be skipped.
 */
export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Throttled<T> {
  (value: T): void
  /** Runs a pending trailing call now. */
  flush(): void
  /** Drops a pending trailing call. */
  cancel(): void
}

export function throttle<T>(fn: (value: T) => void, intervalMs: number, clock: Clock = realClock): Throttled<T> {
  let lastRun = -Infinity
  let pending: { value: T } | undefined
  let timer: unknown

  const run = (value: T): void => {
    lastRun = clock.now()
    pending = undefined
    fn(value)
  }
  const fire = (): void => {
    timer = undefined
    if (pending !== undefined) run(pending.value)
  }

  const throttled = ((value: T): void => {
    const wait = lastRun + intervalMs - clock.now()
    if (wait <= 0 && timer === undefined) {
      run(value)
      return
    }
    pending = { value }
    if (timer === undefined) timer = clock.setTimeout(fire, Math.max(0, wait))
  }) as Throttled<T>

  throttled.flush = () => {
    if (timer !== undefined) clock.clearTimeout(timer)
    fire()
  }
  throttled.cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer)
    timer = undefined
    pending = undefined
  }
  return throttled
}
