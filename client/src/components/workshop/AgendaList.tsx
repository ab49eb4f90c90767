import type { Facilitation } from '@werkraum/shared'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isCompactLayout, usePanelOpen } from '../../settings/panelFolds.ts'
import { phaseProgress, progressText } from './phaseProgress.ts'

/** Planned against actual: what everyone sees of the agenda. */
export function AgendaList({ workshopId, facilitation, now }: { readonly workshopId: string; readonly facilitation: Facilitation; readonly now: () => number }) {
  const { t } = useTranslation()
  const headingId = useId()
  // Folded stays folded after a reload; open at first on a desktop, folded on a phone (where it sits in the menu).
  const [open, setOpen] = usePanelOpen(workshopId, 'agenda', () => !isCompactLayout())
  // The running phase's minutes (left or gone) move on; a render every ten seconds keeps them close to the timer's.
  const [, setTick] = useState(0)
  const running = facilitation.currentPhaseId !== null
  useEffect(() => {
    if (!running) return
    const interval = setInterval(() => setTick((n) => n + 1), 10_000)
    return () => clearInterval(interval)
  }, [running])
  if (facilitation.phases.length === 0) return null
  return (
    <details
      className="agenda"
      open={open}
      // Also fired for the open state React sets at first: only a change is the person's choice.
      onToggle={(event) => {
        if (event.currentTarget.open !== open) setOpen(event.currentTarget.open)
      }}
      data-testid="agenda"
    >
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
              {t(`phaseKinds.${phase.kind}`)} · {progressText(phaseProgress(phase, facilitation, now()), t)}
            </span>
          </li>
        ))}
      </ol>
    </details>
  )
}
