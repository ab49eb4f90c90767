/** Counts events per key in fixed one-minute windows; enough to stop guessing and floods. */
export class RateLimiter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>()

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an event; returns false when the key is over its limit in this window. */
  hit(key: string, nowMs = Date.now()): boolean {
    this.prune(nowMs)
    const entry = this.counts.get(key)
    if (!entry || nowMs - entry.windowStart >= this.windowMs) {
      this.counts.set(key, { windowStart: nowMs, count: 1 })
      return true
    }
    entry.count++
    return entry.count <= this.maxPerWindow
  }

  /** True if the key is over its limit, without recording anything. */
  blocked(key: string, nowMs = Date.now()): boolean {
    const entry = this.counts.get(key)
    return entry !== undefined && nowMs - entry.windowStart < this.windowMs && entry.count >= this.maxPerWindow
  }

  private prune(nowMs: number): void {
    // Bounded memory: forget finished windows once the map grows.
    if (this.counts.size < 10_000) return
    for (const [key, entry] of this.counts) if (nowMs - entry.windowStart >= this.windowMs) this.counts.delete(key)
  }
}
