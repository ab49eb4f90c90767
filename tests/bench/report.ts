/** Formats results as plain-text tables: one per room size, reference next to Werkraum. */
import os from 'node:os'
import type { RunResult } from './load.ts'

interface Row {
  label: string
  value(r: RunResult): number
  digits: number
  /** Which direction is better; rows without one are context, not compared. */
  better?: 'lower' | 'higher'
}

export const MAIN_ROWS: Row[] = [
  { label: 'update latency p50 (ms)', value: (r) => r.updates.p50Ms, digits: 1, better: 'lower' },
  { label: 'update latency p99 (ms)', value: (r) => r.updates.p99Ms, digits: 1, better: 'lower' },
  { label: 'cursor latency p50 (ms)', value: (r) => r.cursors.p50Ms, digits: 1, better: 'lower' },
  { label: 'cursor latency p99 (ms)', value: (r) => r.cursors.p99Ms, digits: 1, better: 'lower' },
  { label: 'update deliveries/s', value: (r) => r.updates.deliveriesPerSecond, digits: 0, better: 'higher' },
  { label: 'cursor deliveries/s', value: (r) => r.cursors.deliveriesPerSecond, digits: 0, better: 'higher' },
  { label: 'server CPU (s)', value: (r) => r.server.cpuSeconds, digits: 2, better: 'lower' },
  { label: 'server peak memory (MiB)', value: (r) => r.server.peakMemoryMiB, digits: 1, better: 'lower' },
  { label: 'generator CPU (s)', value: (r) => r.generator.cpuSeconds, digits: 2, better: 'lower' },
]

export const CONTEXT_ROWS: Row[] = [
  { label: 'updates sent/s', value: (r) => r.updates.sentPerSecond, digits: 0 },
  { label: 'cursor moves sent/s', value: (r) => r.cursors.sentPerSecond, digits: 0 },
  { label: 'updates delivered (%)', value: (r) => r.updates.deliveredShare * 100, digits: 2 },
  { label: 'cursor moves delivered (%)', value: (r) => r.cursors.deliveredShare * 100, digits: 2 },
  { label: 'messages received per client per s', value: (r) => r.generator.messagesPerClientPerSecond, digits: 0 },
  { label: 'update latency max (ms)', value: (r) => r.updates.maxMs, digits: 1 },
  { label: 'cursor latency max (ms)', value: (r) => r.cursors.maxMs, digits: 1 },
  { label: 'server memory idle, before clients (MiB)', value: (r) => r.server.idleMemoryMiB, digits: 1 },
  { label: 'server memory at end of window (MiB)', value: (r) => r.server.endMemoryMiB, digits: 1 },
  { label: 'server writes (MB/s)', value: (r) => r.server.writtenMBPerSecond, digits: 2 },
  { label: 'server write calls/s', value: (r) => r.server.writeCallsPerSecond, digits: 0 },
  { label: 'server read calls/s', value: (r) => r.server.readCallsPerSecond, digits: 0 },
  { label: 'server log lines (warnings, errors)', value: (r) => r.server.logLines, digits: 0 },
  { label: 'client disconnects', value: (r) => r.generator.disconnects, digits: 0 },
  { label: 'skipped ticks (generator behind)', value: (r) => r.generator.skippedTicks, digits: 0 },
  { label: 'other CPU on the machine (s)', value: (r) => r.machine.otherCpuSeconds, digits: 2 },
]

const cpuCount = os.cpus().length

/** Other processes used more than a tenth of the machine during the window: the figures are disturbed. */
export function disturbed(r: RunResult): boolean {
  return r.machine.otherCpuSeconds > r.scenario.seconds * cpuCount * 0.1
}

function fmt(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

function verdict(row: Row, ratio: number): string {
  if (!row.better || !Number.isFinite(ratio)) return ''
  // Within 5 % counts as even: run-to-run noise on this machine is about that.
  if (Math.abs(ratio - 1) <= 0.05) return 'even'
  const werkraumBetter = row.better === 'lower' ? ratio < 1 : ratio > 1
  return werkraumBetter ? 'Werkraum better' : 'Werkraum WORSE'
}

/** A table comparing a reference run with a Werkraum run of the same scenario. */
export function comparisonTable(title: string, reference: RunResult, werkraum: RunResult): string {
  const header = ['figure', 'reference', 'Werkraum', 'Werkraum/ref', '']
  const lines: string[][] = [header]
  for (const row of MAIN_ROWS) {
    const a = row.value(reference)
    const b = row.value(werkraum)
    const ratio = b / a
    lines.push([row.label, fmt(a, row.digits), fmt(b, row.digits), fmt(ratio, 2), verdict(row, ratio)])
  }
  lines.push(['context:', '', '', '', ''])
  for (const row of CONTEXT_ROWS) lines.push([row.label, fmt(row.value(reference), row.digits), fmt(row.value(werkraum), row.digits), '', ''])
  const widths = header.map((_, col) => Math.max(...lines.map((l) => l[col]!.length)))
  const render = (l: string[]): string =>
    l.map((cell, col) => (col === 0 || col === 4 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ').trimEnd()
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2))
  const out = [title, rule, render(header), rule, ...lines.slice(1).map(render), rule]
  for (const r of [reference, werkraum]) {
    if (disturbed(r)) {
      out.push(`WARNING: during the ${r.scenario.server} run other processes used ${r.machine.otherCpuSeconds.toFixed(1)} CPU-s; run again on a quiet machine.`)
    }
  }
  return out.join('\n')
}
