import { AgendaLimits, PHASE_KINDS, isEarlierPhase, sourceOf, type BreakoutSource, type Facilitation, type Phase, type PhaseKind } from '@werkraum/shared'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { ActionButton } from './ActionButton.tsx'
import { BreakoutPlanDialog } from './BreakoutPlanDialog.tsx'
import { PhaseDialog } from './PhaseDialog.tsx'
import { VotePlanDialog } from './VotePlanDialog.tsx'

/** The facilitator's agenda: plan phases, start and end them, and steer the timer. */
interface AgendaPanelProps {
  readonly facilitation: Facilitation
  /** The workshop's boards (not rooms), for "show this board at the start". */
  readonly boards: ReadonlyArray<{ readonly id: string; readonly title: string }>
  readonly commands: CommandRunner
}

export function AgendaPanel({ facilitation, boards, commands }: AgendaPanelProps) {
  const { t } = useTranslation()
  // The button's words start its accessible name (WCAG 2.5.3), the phase's title follows.
  const roomsLabel = (plan: Phase['breakout']): string =>
    plan === undefined ? t('rooms.plan') : sourceOf(plan).kind === 'fresh' ? t('rooms.planCount', { count: plan.rooms.length }) : t('plan.planned')
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [editing, setEditing] = useState<Phase>()
  const [planning, setPlanning] = useState<Phase>()
  const [planningVote, setPlanningVote] = useState<Phase>()
  const { phases, currentPhaseId, timer } = facilitation

  return (
    <section className="card console-section" aria-labelledby={headingId} data-testid="agenda-panel">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('agenda.manageHeading')}
      </h3>
      {timer.status !== 'idle' ? (
        <div className="timer-controls" role="group" aria-label={t('timer.controls')}>
          {timer.status === 'running' ? (
            <ActionButton data-testid="timer-pause" onClick={() => void commands.run({ type: 'pauseTimer' })}>
              {t('timer.pause')}
            </ActionButton>
          ) : (
            <ActionButton data-testid="timer-resume" onClick={() => void commands.run({ type: 'resumeTimer' })}>
              {t('timer.resume')}
            </ActionButton>
          )}
          {[-1, 1, 5].map((delta) => (
            <ActionButton key={delta} data-testid={`timer-add-${delta}`} title={t(delta > 0 ? 'timer.addAria' : 'timer.removeAria', { count: Math.abs(delta) })} onClick={() => void commands.run({ type: 'adjustTimer', deltaMinutes: delta })}>
              {delta > 0 ? `+${delta}` : `−${-delta}`} {t('timer.min')}
            </ActionButton>
          ))}
          <ActionButton data-testid="timer-stop" onClick={() => void commands.run({ type: 'stopTimer' })}>
            {t('timer.stop')}
          </ActionButton>
        </div>
      ) : (
        <QuickTimerForm commands={commands} />
      )}
      <ol className="agenda-admin-list">
        {phases.map((phase, index) => (
          <li key={phase.id} className="board-admin" data-testid="phase-admin" data-status={phase.status}>
            <span className="board-admin-title">
              {phase.title}
              <span className="hint"> · {t(`phaseKinds.${phase.kind}`)} · {t('agenda.minutesShort', { count: Math.round(phase.plannedMs / 60_000) })}</span>
              {phase.status !== 'planned' ? <span className="board-flag"> ({t(`agenda.status.${phase.status}`)})</span> : null}
              <BuildsOn phase={phase} facilitation={facilitation} />
            </span>
            <span className="board-admin-actions">
              {phase.id === currentPhaseId ? (
                <ActionButton data-testid="phase-end" onClick={() => void commands.run({ type: 'endPhase' })}>
                  {t('agenda.end')}
                </ActionButton>
              ) : (
                <ActionButton data-testid="phase-start" aria-label={t('agenda.startOf', { title: phase.title })} onClick={() => void commands.run({ type: 'startPhase', phaseId: phase.id })}>
                  {t('agenda.start')}
                </ActionButton>
              )}
              <ActionButton unavailable={index === 0} aria-label={t('console.moveUpOf', { title: phase.title })} onClick={() => void commands.run({ type: 'movePhase', phaseId: phase.id, position: index - 1 })}>
                <span aria-hidden="true">↑</span>
              </ActionButton>
              <ActionButton unavailable={index === phases.length - 1} aria-label={t('console.moveDownOf', { title: phase.title })} onClick={() => void commands.run({ type: 'movePhase', phaseId: phase.id, position: index + 1 })}>
                <span aria-hidden="true">↓</span>
              </ActionButton>
              <ActionButton aria-label={t('agenda.editOf', { title: phase.title })} onClick={() => setEditing(phase)} data-testid="phase-edit">
                {t('agenda.edit')}
              </ActionButton>
              {phase.kind === 'vote' && phase.status === 'planned' ? (
                <ActionButton data-testid="phase-vote" aria-label={t('agenda.actionOf', { action: phase.vote ? t('votes.planned') : t('votes.plan'), title: phase.title })} onClick={() => setPlanningVote(phase)}>
                  {phase.vote ? t('votes.planned') : t('votes.plan')}
                </ActionButton>
              ) : null}
              {phase.kind === 'breakout' && phase.status === 'planned' ? (
                <ActionButton data-testid="phase-rooms" aria-label={t('agenda.actionOf', { action: roomsLabel(phase.breakout), title: phase.title })} onClick={() => setPlanning(phase)}>
                  {roomsLabel(phase.breakout)}
                </ActionButton>
              ) : null}
              {phase.status === 'planned' ? (
                <>
                  <ActionButton aria-label={t('agenda.skipOf', { title: phase.title })} onClick={() => void commands.run({ type: 'skipPhase', phaseId: phase.id })}>
                    {t('agenda.skip')}
                  </ActionButton>
                  <ActionButton
                    aria-label={t('agenda.removeOf', { title: phase.title })}
                    onClick={() => void commands.run({ type: 'removePhase', phaseId: phase.id }).then(() => headingRef.current?.focus())}
                  >
                    {t('console.remove')}
                  </ActionButton>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      <AddPhaseForm commands={commands} full={phases.length >= AgendaLimits.MAX_PHASES} />
      {planningVote !== undefined ? (
        <VotePlanDialog
          phase={planningVote}
          boards={boards}
          phases={phases}
          error={commands.error}
          onSave={(plan) => commands.run({ type: 'configureVote', phaseId: planningVote.id, plan: { ...plan, boardIds: [...plan.boardIds] } })}
          onClose={() => setPlanningVote(undefined)}
        />
      ) : null}
      {planning !== undefined ? (
        <BreakoutPlanDialog
          phase={planning}
          phases={phases}
          defaultRoomTitle={(n) => t('rooms.defaultTitle', { n: String(n) })}
          onSave={(plan) => void commands.run({ type: 'configureBreakout', phaseId: planning.id, plan: { ...plan, rooms: [...plan.rooms] } })}
          onClose={() => setPlanning(undefined)}
        />
      ) : null}
      {editing !== undefined ? (
        <PhaseDialog
          phase={editing}
          boards={boards}
          onSave={(change) => void commands.run({ type: 'updatePhase', phaseId: editing.id, ...change })}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </section>
  )
}

/**
 * What a planned phase builds on, in a few words ("builds on: Work phase 1"),
 * and a warning when that phase no longer comes before it (the agenda was
 * reordered or it was removed): starting it would be refused.
 */
function BuildsOn({ phase, facilitation }: { readonly phase: Phase; readonly facilitation: Facilitation }) {
  const { t } = useTranslation()
  const source = sourceOf(phase.breakout)
  // A vote on the results of a breakout needs an earlier breakout, as continuing on it does.
  const basis: Exclude<BreakoutSource, { kind: 'fresh' }> | undefined =
    phase.kind === 'breakout' && source.kind !== 'fresh'
      ? source
      : phase.kind === 'vote' && phase.vote?.resultsOf !== undefined
        ? { kind: 'continue', phaseId: phase.vote.resultsOf }
        : undefined
  if (basis === undefined) return null
  const title = facilitation.phases.find((p) => p.id === basis.phaseId)?.title ?? t('plan.removedPhase')
  const valid = isEarlierPhase(facilitation, basis, phase.id)
  const text = basis.kind === 'topVoted' ? t('plan.topOf', { count: basis.count, title }) : phase.kind === 'vote' ? t('plan.voteOn', { title }) : t('plan.buildsOn', { title })
  return (
    <span className="hint plan-basis" data-testid="phase-basis" data-valid={valid}>
      {' · '}
      {text}
      {valid ? null : <strong className="plan-basis-warning"> {t('plan.notEarlier')}</strong>}
    </span>
  )
}

function MinutesInput({ id, value, onChange, testId }: { readonly id: string; readonly value: string; readonly onChange: (v: string) => void; readonly testId: string }) {
  return <input id={id} type="number" inputMode="numeric" min={0} max={AgendaLimits.MAX_MINUTES} step={1} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} className="minutes-input" />
}

function parseMinutes(value: string): number | undefined {
  const n = Number(value)
  return Number.isFinite(n) && n >= 0 && n <= AgendaLimits.MAX_MINUTES ? n : undefined
}

function AddPhaseForm({ commands, full }: { readonly commands: CommandRunner; readonly full: boolean }) {
  const { t } = useTranslation()
  const ids = { heading: useId(), title: useId(), kind: useId(), minutes: useId(), error: useId() }
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<PhaseKind>('plenary')
  const [minutes, setMinutes] = useState('15')
  const [problem, setProblem] = useState<string>()
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const planned = parseMinutes(minutes)
    if (title.trim() === '') return setProblem(t('console.emptyText'))
    if (planned === undefined) return setProblem(t('agenda.badMinutes', { max: String(AgendaLimits.MAX_MINUTES) }))
    setProblem(undefined)
    if (await commands.run({ type: 'addPhase', title: title.trim(), kind, plannedMinutes: planned })) setTitle('')
  }
  return (
    <form className="add-board" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('agenda.add')}</h4>
      <div className="add-board-fields">
        <div>
          <label htmlFor={ids.title}>{t('agenda.title')}</label>
          <input id={ids.title} type="text" value={title} maxLength={AgendaLimits.MAX_TITLE_CHARS} onChange={(e) => setTitle(e.target.value)} data-testid="phase-title" aria-describedby={problem ? ids.error : undefined} />
        </div>
        <div>
          <label htmlFor={ids.kind}>{t('agenda.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as PhaseKind)} data-testid="phase-kind">
            {PHASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`phaseKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.minutes}>{t('agenda.minutes')}</label>
          <MinutesInput id={ids.minutes} value={minutes} onChange={setMinutes} testId="phase-minutes" />
        </div>
      </div>
      {problem !== undefined ? (
        <p id={ids.error} className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={full} data-testid="phase-add">
          {t('agenda.addButton')}
        </button>
      </div>
    </form>
  )
}

/** A countdown without a phase ("five minutes for this"). */
function QuickTimerForm({ commands }: { readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const id = useId()
  const [minutes, setMinutes] = useState('5')
  return (
    <form
      className="quick-timer"
      onSubmit={(event) => {
        event.preventDefault()
        const value = parseMinutes(minutes)
        if (value !== undefined && value > 0) void commands.run({ type: 'startTimer', minutes: value })
      }}
    >
      <label htmlFor={id}>{t('timer.quickLabel')}</label>
      <div className="copy-row">
        <MinutesInput id={id} value={minutes} onChange={setMinutes} testId="quick-timer-minutes" />
        <button type="submit" className="button" data-testid="quick-timer-start">
          {t('timer.start')}
        </button>
      </div>
    </form>
  )
}
