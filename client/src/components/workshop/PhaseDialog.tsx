import { AgendaLimits, PHASE_KINDS, type Phase, type PhaseKind } from '@werkraum/shared'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useModal } from '../useModal.ts'

/** What the dialog changes; the board to show and watch-only are sent only when they change, so editing a title keeps them. */
export interface PhaseChange {
  readonly title: string
  readonly kind: PhaseKind
  readonly plannedMinutes: number
  readonly showBoardId?: string | null
  readonly watchOnly?: boolean
}

interface PhaseDialogProps {
  readonly phase: Phase
  /** Boards the phase can show everyone at its start. */
  readonly boards: ReadonlyArray<{ readonly id: string; readonly title: string }>
  readonly onSave: (change: PhaseChange) => void
  readonly onClose: () => void
}

/** Edits a phase's title, kind and planned minutes, also while the workshop runs. */
export function PhaseDialog({ phase, boards, onSave, onClose }: PhaseDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const ids = { heading: useId(), title: useId(), kind: useId(), minutes: useId(), board: useId(), watch: useId(), watchHint: useId(), error: useId() }
  const [showBoardId, setShowBoardId] = useState(phase.showBoardId ?? '')
  const [watchOnly, setWatchOnly] = useState(phase.watchOnly === true)
  const [watchChosen, setWatchChosen] = useState(false)
  const [title, setTitle] = useState(phase.title)
  const [kind, setKind] = useState<PhaseKind>(phase.kind)
  const [minutes, setMinutes] = useState(String(Math.round((phase.plannedMs / 60_000) * 100) / 100))
  const [problem, setProblem] = useState<string>()
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const planned = Number(minutes)
    if (title.trim() === '') return setProblem(t('console.emptyText'))
    if (minutes.trim() === '' || !Number.isFinite(planned) || planned < 0 || planned > AgendaLimits.MAX_MINUTES) {
      return setProblem(t('agenda.badMinutes', { max: String(AgendaLimits.MAX_MINUTES) }))
    }
    // A breakout takes people to their rooms: no board to show, nothing watch-only.
    const board = kind === 'breakout' ? null : showBoardId === '' ? null : showBoardId
    const watch = kind === 'breakout' ? false : watchOnly
    onSave({
      title: title.trim(),
      kind,
      plannedMinutes: planned,
      ...(board !== (phase.showBoardId ?? null) ? { showBoardId: board } : {}),
      ...(watch !== (phase.watchOnly === true) ? { watchOnly: watch } : {}),
    })
    close()
  }
  const chooseKind = (next: PhaseKind): void => {
    setKind(next)
    // An input talk is watched, unless the facilitator said otherwise here.
    if (!watchChosen) setWatchOnly(next === 'input' ? true : phase.watchOnly === true)
  }
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={ids.heading} onClose={onCloseEvent} data-testid="phase-dialog">
      <h2 id={ids.heading}>{t('agenda.editOf', { title: phase.title })}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor={ids.title}>{t('agenda.title')}</label>
        <input id={ids.title} type="text" value={title} maxLength={AgendaLimits.MAX_TITLE_CHARS} onChange={(e) => setTitle(e.target.value)} autoFocus aria-describedby={problem ? ids.error : undefined} />
        <label htmlFor={ids.kind}>{t('agenda.kind')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => chooseKind(e.target.value as PhaseKind)} disabled={phase.status !== 'planned'} data-testid="phase-dialog-kind">
          {PHASE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`phaseKinds.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.minutes}>{t('agenda.minutes')}</label>
        <input id={ids.minutes} type="number" min={0} max={AgendaLimits.MAX_MINUTES} value={minutes} onChange={(e) => setMinutes(e.target.value)} className="minutes-input" />
        {kind !== 'breakout' ? (
          <>
            <label htmlFor={ids.board}>{t('agenda.showBoard')}</label>
            <select id={ids.board} value={showBoardId} onChange={(e) => setShowBoardId(e.target.value)} data-testid="phase-show-board">
              <option value="">{t('agenda.showNoBoard')}</option>
              {boards.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title}
                </option>
              ))}
            </select>
            <div className="checkbox-row">
              <input
                id={ids.watch}
                type="checkbox"
                checked={watchOnly}
                onChange={(e) => {
                  setWatchOnly(e.target.checked)
                  setWatchChosen(true)
                }}
                aria-describedby={ids.watchHint}
                data-testid="phase-watch-only"
              />
              <label htmlFor={ids.watch}>{t('agenda.watchOnly')}</label>
            </div>
            <p id={ids.watchHint} className="hint">
              {t('agenda.watchOnlyHint')}
            </p>
          </>
        ) : null}
        {problem !== undefined ? (
          <p id={ids.error} className="form-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" data-testid="phase-dialog-save">
            {t('name.save')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('name.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
