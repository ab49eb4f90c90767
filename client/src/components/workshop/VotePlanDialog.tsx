import type { Phase, VotePlan } from '@werkraum/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useModal } from '../useModal.ts'
import { VoteSettingsForm } from './VotesConsolePanel.tsx'

interface VotePlanDialogProps {
  readonly phase: Phase
  readonly boards: ReadonlyArray<{ readonly id: string; readonly title: string }>
  readonly onSave: (plan: VotePlan) => Promise<boolean>
  readonly onClose: () => void
}

/** Plans the vote a vote phase opens when it starts (its timer closes it). */
export function VotePlanDialog({ phase, boards, onSave, onClose }: VotePlanDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={headingId} onClose={onCloseEvent} data-testid="vote-plan">
      <h2 id={headingId}>{t('votes.planOf', { title: phase.title })}</h2>
      <VoteSettingsForm
        boards={boards}
        heading={t('votes.planHint')}
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
