/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC on Linux).
 * Unlike `performance.now()`, which counts from each process's own start, this
 * reads the same clock in every process, so a send time written by one
 * generator process can be compared with a receive time in another.
 */
export function monoMs(): number {
  const [seconds, nanos] = process.hrtime()
  return seconds * 1e3 + nanos / 1e6
}
