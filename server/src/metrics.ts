/**
 * The few numbers an operator watches, in Prometheus text format at /metrics.
 * Hand-written rather than a client library: a handful of counters, gauges and
 * one histogram do not justify a dependency.
 */
export class Counter {
  value = 0
  constructor(readonly name: string, readonly help: string) {}
  inc(by = 1): void {
    this.value += by
  }
}

export class Gauge {
  constructor(readonly name: string, readonly help: string, readonly read: () => number) {}
}

/** Cumulative histogram with fixed upper bounds in seconds. */
export class Histogram {
  readonly counts: number[]
  sum = 0
  count = 0
  constructor(readonly name: string, readonly help: string, readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0)
  }
  observe(seconds: number): void {
    this.sum += seconds
    this.count++
    for (let i = 0; i < this.bounds.length; i++) {
      if (seconds <= this.bounds[i]!) this.counts[i]!++
    }
  }
}

/** Events per second over a sliding window of whole seconds, for a human glancing at /metrics. */
export class RateMeter {
  private readonly buckets: number[]
  private lastSecond = 0
  constructor(private readonly windowSeconds = 10) {
    this.buckets = new Array<number>(windowSeconds).fill(0)
  }
  mark(now = Date.now(), by = 1): void {
    this.advance(now)
    this.buckets[Math.floor(now / 1000) % this.windowSeconds]! += by
  }
  perSecond(now = Date.now()): number {
    this.advance(now)
    const current = Math.floor(now / 1000) % this.windowSeconds
    let sum = 0
    // The current second is still filling; average over the completed ones.
    for (let i = 0; i < this.windowSeconds; i++) if (i !== current) sum += this.buckets[i]!
    return sum / (this.windowSeconds - 1)
  }
  private advance(now: number): void {
    const second = Math.floor(now / 1000)
    if (this.lastSecond === 0) this.lastSecond = second
    const gap = Math.min(second - this.lastSecond, this.windowSeconds)
    for (let i = 1; i <= gap; i++) this.buckets[(this.lastSecond + i) % this.windowSeconds] = 0
    this.lastSecond = Math.max(this.lastSecond, second)
  }
}

export class Metrics {
  readonly updates = new Counter('werkraum_updates_total', 'Document updates accepted from clients.')
  readonly updateRate = new RateMeter()
  readonly awarenessIn = new Counter('werkraum_awareness_entries_total', 'Presence entries received.')
  readonly awarenessDropped = new Counter('werkraum_awareness_dropped_total', 'Presence entries dropped as echoes or stale.')
  readonly bytesIn = new Counter('werkraum_bytes_received_total', 'WebSocket payload bytes received.')
  readonly bytesOut = new Counter('werkraum_bytes_sent_total', 'WebSocket payload bytes sent.')
  readonly connectionsOpened = new Counter('werkraum_connections_opened_total', 'WebSocket connections accepted.')
  readonly closedByServer = new Counter('werkraum_connections_closed_by_server_total', 'Connections the server closed (bad input, slow consumer, shutdown).')
  readonly persistSeconds = new Histogram('werkraum_persist_seconds', 'Time to write one group commit or compaction to storage.', [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
  ])
  readonly compactions = new Counter('werkraum_compactions_total', 'Update logs compacted into a snapshot.')
  private readonly gauges: Gauge[] = []

  addGauge(name: string, help: string, read: () => number): void {
    this.gauges.push(new Gauge(name, help, read))
  }

  render(): string {
    const lines: string[] = []
    const counters = [this.updates, this.awarenessIn, this.awarenessDropped, this.bytesIn, this.bytesOut, this.connectionsOpened, this.closedByServer, this.compactions]
    for (const c of counters) lines.push(`# HELP ${c.name} ${c.help}`, `# TYPE ${c.name} counter`, `${c.name} ${c.value}`)
    lines.push(
      '# HELP werkraum_updates_per_second Document updates per second over the last 10 s.',
      '# TYPE werkraum_updates_per_second gauge',
      `werkraum_updates_per_second ${this.updateRate.perSecond().toFixed(2)}`,
    )
    for (const g of this.gauges) lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`, `${g.name} ${g.read()}`)
    const h = this.persistSeconds
    lines.push(`# HELP ${h.name} ${h.help}`, `# TYPE ${h.name} histogram`)
    h.bounds.forEach((b, i) => lines.push(`${h.name}_bucket{le="${b}"} ${h.counts[i]}`))
    lines.push(`${h.name}_bucket{le="+Inf"} ${h.count}`, `${h.name}_sum ${h.sum}`, `${h.name}_count ${h.count}`)
    return lines.join('\n') + '\n'
  }
}
