/** Counts events per key in fixed one-minute windows; enough to stop guessing and floods. */
/** Most keys (addresses) a limiter remembers. */
const MAX_KEYS = 10_000

/**
 * The key a client's address counts under: IPv4 (also when written as an
 * IPv6-mapped address) as it is, IPv6 by its /64 prefix, since one household
 * or server gets a whole /64 and could otherwise rotate through it.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!address.includes(':')) return address
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left
  return groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':') + '::/64'
}

export class RateLimiter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>()
  private lastPruneMs = 0

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

  /** Takes back one recorded event (an attempt that turned out to be legitimate). */
  undo(key: string): void {
    const entry = this.counts.get(key)
    if (entry && entry.count > 0) entry.count--
  }

  /** True if the key is over its limit, without recording anything. */
  blocked(key: string, nowMs = Date.now()): boolean {
    const entry = this.counts.get(key)
    return entry !== undefined && nowMs - entry.windowStart < this.windowMs && entry.count >= this.maxPerWindow
  }

  private prune(nowMs: number): void {
    // Bounded memory: forget finished windows once the map grows, at most once a
    // window; past the hard cap, the oldest keys go first (Map keeps insertion order).
    if (this.counts.size < MAX_KEYS) return
    if (nowMs - this.lastPruneMs >= this.windowMs) {
      this.lastPruneMs = nowMs
      for (const [key, entry] of this.counts) if (nowMs - entry.windowStart >= this.windowMs) this.counts.delete(key)
    }
    for (const key of this.counts.keys()) {
      if (this.counts.size < MAX_KEYS) break
      this.counts.delete(key)
    }
  }
}
