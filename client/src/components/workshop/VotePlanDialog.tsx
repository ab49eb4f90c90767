import type { Phase, VotePlan } from '@werkraum/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useModal } from '../useModal.ts'
import { VoteSettingsForm } from './VotesConsolePanel.tsx'

interface VotePlanDialogProps {
  readonly phase: Phase
  readonly boards: ReadonlyArray<{ readonly id: string; readonly title: string }>
  /** The agenda: the vote can be planned on the results of a breakout phase before this one. */
  readonly phases?: readonly Phase[]
  /** The server's refusal of the last save, if any. */
  readonly error?: string | undefined
  readonly onSave: (plan: VotePlan) => Promise<boolean>
  readonly onClose: () => void
}

/** Plans the vote a vote phase opens when it starts (its timer closes it). */
export function VotePlanDialog({ phase, boards, phases = [], error, onSave, onClose }: VotePlanDialogProps) {
  const { t } = useTranslation()
  // Breakouts that come earlier in the agenda (their boards may not exist yet: they are found when the vote opens).
  const here = phases.findIndex((p) => p.id === phase.id)
  const sources = phases.slice(0, Math.max(0, here)).filter((p) => p.kind === 'breakout').map((p) => ({ phaseId: p.id, title: p.title }))
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={headingId} onClose={onCloseEvent} data-testid="vote-plan">
      <h2 id={headingId}>{t('votes.planOf', { title: phase.title })}</h2>
      <VoteSettingsForm
        boards={boards}
        sources={sources}
        error={error}
        heading={t('votes.planHint')}
        headingLevel={3}
        submitLabel={t('name.save')}
        initial={phase.vote}
        onSubmit={async (plan) => {
          const ok = await onSave(plan)
          if (ok) close()
          return ok
        }}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={close}>
          {t('name.cancel')}
        </button>
      </div>
    </dialog>
  )
}
