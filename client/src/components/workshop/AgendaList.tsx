import type { Facilitation, Phase } from '@werkraum/shared'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

function minutes(ms: number): number {
  return Math.round(ms / 60_000)
}

/** Planned against actual: what everyone sees of the agenda. */
export function AgendaList({ facilitation, now }: { readonly facilitation: Facilitation; readonly now: () => number }) {
  const { t } = useTranslation()
  const headingId = useId()
  // The running phase's actual minutes move on; a render every half minute keeps them true.
  const [, setTick] = useState(0)
  const running = facilitation.currentPhaseId !== null
  useEffect(() => {
    if (!running) return
    const interval = setInterval(() => setTick((n) => n + 1), 30_000)
    return () => clearInterval(interval)
  }, [running])
  if (facilitation.phases.length === 0) return null
  return (
    <details className="agenda" open data-testid="agenda">
      <summary id={headingId}>{t('agenda.heading')}</summary>
      <ol className="agenda-list" aria-labelledby={headingId}>
        {facilitation.phases.map((phase) => (
          <li
            key={phase.id}
            className={`agenda-item agenda-item--${phase.status}`}
            aria-current={phase.id === facilitation.currentPhaseId ? 'step' : undefined}
            data-testid="agenda-item"
            data-status={phase.status}
          >
            <span className="agenda-title">{phase.title}</span>
            <span className="agenda-meta">
              {t(`phaseKinds.${phase.kind}`)} · {actualText(phase, now(), t)}
            </span>
          </li>
        ))}
      </ol>
    </details>
  )
}

function actualText(phase: Phase, now: number, t: ReturnType<typeof useTranslation>['t']): string {
  const planned = minutes(phase.plannedMs)
  switch (phase.status) {
    case 'planned':
      return t('agenda.planned', { planned: String(planned) })
    case 'skipped':
      return t('agenda.skipped')
    case 'running':
    case 'done': {
      const actual = minutes((phase.endedAt ?? now) - (phase.startedAt ?? now))
      return t(phase.status === 'running' ? 'agenda.running' : 'agenda.done', { planned: String(planned), actual: String(actual) })
    }
    default: {
      const unreachable: never = phase.status
      return unreachable
    }
  }
}
