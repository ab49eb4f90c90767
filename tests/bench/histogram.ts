/**
 * Latency histogram with fixed 0.1 ms buckets up to 30 s. Fixed buckets make
 * histograms of several generator processes mergeable by adding counts, and
 * cost nothing per sample beyond one array increment (a cursor scenario
 * records about a hundred thousand samples per second).
 */
export const BUCKET_MS = 0.1
export const MAX_MS = 30_000
const BUCKETS = Math.round(MAX_MS / BUCKET_MS) + 1

export class Histogram {
  readonly counts = new Uint32Array(BUCKETS)
  count = 0
  sumMs = 0
  maxMs = 0

  record(ms: number): void {
    // Clocks are monotonic and shared, so negatives cannot happen; clamp anyway.
    const value = ms < 0 ? 0 : ms
    const index = Math.min(BUCKETS - 1, Math.floor(value / BUCKET_MS))
    this.counts[index]!++
    this.count++
    this.sumMs += value
    if (value > this.maxMs) this.maxMs = value
  }

  reset(): void {
    this.counts.fill(0)
    this.count = 0
    this.sumMs = 0
    this.maxMs = 0
  }
}

export interface HistogramData {
  counts: Uint32Array
  count: number
  sumMs: number
  maxMs: number
}

export function mergeHistograms(parts: readonly HistogramData[]): HistogramData {
  const counts = new Uint32Array(BUCKETS)
  let count = 0
  let sumMs = 0
  let maxMs = 0
  for (const part of parts) {
    for (let i = 0; i < BUCKETS; i++) counts[i]! += part.counts[i]!
    count += part.count
    sumMs += part.sumMs
    maxMs = Math.max(maxMs, part.maxMs)
  }
  return { counts, count, sumMs, maxMs }
}

/** The value below which `q` (0..1) of the samples fall, to the bucket's upper edge. NaN if empty. */
export function quantile(h: HistogramData, q: number): number {
  if (h.count === 0) return Number.NaN
  const rank = Math.ceil(q * h.count)
  let seen = 0
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i]!
    if (seen >= rank) return Math.min((i + 1) * BUCKET_MS, h.maxMs)
  }
  return h.maxMs
}
