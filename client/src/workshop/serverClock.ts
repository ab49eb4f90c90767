/**
 * This device's view of the server's clock: the timer is in server time, and
 * a laptop whose clock is minutes off must still show what everyone else
 * sees. The offset is measured at start and again every few minutes (clocks
 * drift, laptops sleep).
 */
import { measureOffset } from '@werkraum/shared'
import { ServerTimeSchema } from '@werkraum/shared/schemas'

const REMEASURE_MS = 5 * 60_000

async function askServer(): Promise<number> {
  const response = await fetch('/api/time', { cache: 'no-store' })
  const parsed = ServerTimeSchema.safeParse(await response.json())
  if (!response.ok || !parsed.success) throw new Error(`time ${response.status}`)
  return parsed.data.now
}

export class ServerClock {
  private offsetMs = 0
  private readonly interval: ReturnType<typeof setInterval>
  private stopped = false

  constructor() {
    // One round trip first, so that a countdown is right within a moment of opening the
    // page; then the best of several, which bounds the error more tightly.
    void this.measure(1).then(() => this.measure())
    this.interval = setInterval(() => void this.measure(), REMEASURE_MS)
  }

  /** Server time now (ms since the epoch), as well as this device can tell. */
  now = (): number => Date.now() + this.offsetMs

  stop(): void {
    this.stopped = true
    clearInterval(this.interval)
  }

  private async measure(samples = 5): Promise<void> {
    const offset = await measureOffset(askServer, Date.now, samples)
    // Without an answer the last estimate (or the device's own clock) stays.
    if (offset !== undefined && !this.stopped) this.offsetMs = offset.offsetMs
  }
}
