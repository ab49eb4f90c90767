/**
 * What the kernel says about a process: CPU time, peak and current memory,
 * and socket traffic. Read from /proc because the servers and generators are
 * separate processes (process.cpuUsage() sees only the calling process).
 */
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

let ticksPerSecond: number | undefined

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

export interface ProcSample {
  /** User + system CPU seconds since the process started. */
  cpuSeconds: number
  /** Peak resident memory (VmHWM), bytes. */
  peakRssBytes: number
  /** Current resident memory (VmRSS), bytes. */
  rssBytes: number
  /** Bytes passed to read/write-like system calls (sockets included), from /proc/<pid>/io. */
  readBytes: number
  writtenBytes: number
  readCalls: number
  writeCalls: number
}

export function sampleProcess(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may contain spaces; fields after it are counted from its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (key: string): number => {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)
    return match ? Number(match[1]) * 1024 : Number.NaN
  }
  const io = readIo(pid)
  return {
    cpuSeconds: (utime + stime) / clockTicks(),
    peakRssBytes: kib('VmHWM'),
    rssBytes: kib('VmRSS'),
    readBytes: io.rchar,
    writtenBytes: io.wchar,
    readCalls: io.syscr,
    writeCalls: io.syscw,
  }
}

function readIo(pid: number): Record<'rchar' | 'wchar' | 'syscr' | 'syscw', number> {
  const out = { rchar: Number.NaN, wchar: Number.NaN, syscr: Number.NaN, syscw: Number.NaN }
  try {
    for (const line of readFileSync(`/proc/${pid}/io`, 'utf8').split('\n')) {
      const [key, value] = line.split(':')
      if (key && key in out) out[key as keyof typeof out] = Number(value)
    }
  } catch {
    // /proc/<pid>/io may be unreadable in some containers; the figures are optional.
  }
  return out
}

export interface MachineSample {
  /** CPU seconds all cores spent busy (anything but idle and iowait) since boot. */
  busySeconds: number
  /** CPU seconds the hypervisor gave to someone else (steal) since boot. */
  stealSeconds: number
}

/** Machine-wide CPU time from /proc/stat, to tell how much else ran during a measurement. */
export function sampleMachine(): MachineSample {
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith('cpu ')) ?? ''
  // user nice system idle iowait irq softirq steal guest guest_nice
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number)
  const ticks = clockTicks()
  return { busySeconds: (user + nice + system + irq + softirq) / ticks, stealSeconds: steal / ticks }
}
