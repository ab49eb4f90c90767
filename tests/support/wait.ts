/**
 * Waits until `check` returns (or resolves to) true, checking again every few
 * milliseconds; fails with `what` after `timeoutMs`. The one bounded wait every
 * test uses for conditions that have no event of their own (state in another
 * process, a metric).
 */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Resolves with the first value `emitter` emits for `event`, or rejects after `timeoutMs`. */
export function nextEvent<T = unknown>(
  emitter: { once(event: string, listener: (value: T) => void): unknown },
  event: string,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for event ${event}`)), timeoutMs)
    emitter.once(event, (value: T) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}
