import { remainingMs, type Facilitation, type Phase } from '@werkraum/shared'
import type { TFunction } from 'i18next'

/** A translation key under `agenda.` and its values: what the agenda says about one phase. */
export interface ProgressText {
  readonly key: 'planned' | 'skipped' | 'done' | 'left' | 'pausedLeft' | 'since' | 'overtime'
  readonly values: Readonly<Record<string, number>>
  /** Said in brackets after it: the plan, and how the facilitator changed it. */
  readonly plan?: { readonly key: 'plan' | 'planExtended' | 'planShortened'; readonly values: Readonly<Record<string, number>> }
}

const MINUTE_MS = 60_000

const wholeMinutes = (ms: number): number => Math.round(ms / MINUTE_MS)

/**
 * Planned against actual for one phase at server time `now`. A running phase
 * with its own countdown tells the minutes left, as the timer does, and
 * whether the facilitator added or took time: "running, 4 min left (planned
 * 2, extended by 5)", never "4 of 2 min". Without a countdown (stopped, or
 * replaced by a timer of its own) it tells how long it has run, and by how
 * much that is over the plan.
 */
export function phaseProgress(phase: Phase, facilitation: Pick<Facilitation, 'timer' | 'timerPhaseId'>, now: number): ProgressText {
  const planned = wholeMinutes(phase.plannedMs)
  switch (phase.status) {
    case 'planned':
      return { key: 'planned', values: { planned } }
    case 'skipped':
      return { key: 'skipped', values: {} }
    case 'done':
      return { key: 'done', values: { planned, actual: wholeMinutes((phase.endedAt ?? now) - (phase.startedAt ?? now)) } }
    case 'running': {
      const { timer } = facilitation
      const left = facilitation.timerPhaseId === phase.id ? remainingMs(timer, now) : undefined
      if (left !== undefined && timer.status !== 'idle') {
        // Counted up like the countdown shows it: 3:10 left is "4 min left", and the last seconds still "1".
        const values = { left: Math.max(left > 0 ? 1 : 0, Math.ceil(left / MINUTE_MS)) }
        return { key: timer.status === 'paused' ? 'pausedLeft' : 'left', values, plan: planOf(planned, wholeMinutes(timer.durationMs)) }
      }
      const actual = wholeMinutes(now - (phase.startedAt ?? now))
      if (planned === 0) return { key: 'since', values: { actual } }
      if (actual > planned) return { key: 'overtime', values: { actual, over: actual - planned }, plan: planOf(planned, planned) }
      return { key: 'since', values: { actual }, plan: planOf(planned, planned) }
    }
    default: {
      const unreachable: never = phase.status
      throw new Error(`unknown phase status ${String(unreachable)}`)
    }
  }
}

function planOf(planned: number, now: number): NonNullable<ProgressText['plan']> {
  if (now > planned) return { key: 'planExtended', values: { planned, change: now - planned } }
  if (now < planned) return { key: 'planShortened', values: { planned, change: planned - now } }
  return { key: 'plan', values: { planned } }
}

/** The agenda's words for `progress`, in the language of `t`. */
export function progressText(progress: ProgressText, t: TFunction): string {
  // Keys chosen at run time: i18next's typing would want every key's placeholders at once.
  const say = t as unknown as (key: string, values: Record<string, string>) => string
  const strings = (values: Readonly<Record<string, number>>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([name, n]) => [name, String(n)]))
  const text = say(`agenda.${progress.key}`, strings(progress.values))
  if (progress.plan === undefined) return text
  return say('agenda.withPlan', { text, plan: say(`agenda.${progress.plan.key}`, strings(progress.plan.values)) })
}
