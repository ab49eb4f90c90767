import {
  AFTER_BREAKOUT,
  ASSIGNMENT_MODES,
  BOARD_TEMPLATES,
  BREAKOUT_SOURCE_KINDS,
  BreakoutLimits,
  afterOf,
  sourceOf,
  type AfterBreakout,
  type AssignmentMode,
  type BoardTemplate,
  type BreakoutPlan,
  type BreakoutSource,
  type Phase,
} from '@werkraum/shared'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useModal } from '../useModal.ts'

interface BreakoutPlanDialogProps {
  readonly phase: Phase
  /** The whole agenda: a plan can build on the breakouts and votes that come before `phase`. */
  readonly phases: readonly Phase[]
  readonly defaultRoomTitle: (n: number) => string
  readonly onSave: (plan: BreakoutPlan) => void
  readonly onClose: () => void
}

type SourceKind = BreakoutSource['kind']

/** Rooms for the top-voted concepts when the facilitator has not said how many. */
const DEFAULT_TOP_COUNT = 2

/**
 * Plans a breakout phase: where its rooms come from (new rooms, the rooms of
 * an earlier breakout, or one room per top-voted concept of an earlier vote),
 * who goes where, and where people land when it ends.
 */
export function BreakoutPlanDialog({ phase, phases, defaultRoomTitle, onSave, onClose }: BreakoutPlanDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const ids = {
    heading: useId(),
    source: useId(),
    count: useId(),
    template: useId(),
    mode: useId(),
    modeHint: useId(),
    capacity: useId(),
    continueOf: useId(),
    voteOf: useId(),
    topCount: useId(),
    topHint: useId(),
    topChallenge: useId(),
    after: useId(),
  }
  const initial = phase.breakout
  const initialSource = sourceOf(initial)
  const earlier = phases.slice(0, Math.max(0, phases.findIndex((p) => p.id === phase.id)))
  const earlierOf: Record<SourceKind, readonly Phase[]> = {
    fresh: [],
    continue: earlier.filter((p) => p.kind === 'breakout'),
    topVoted: earlier.filter((p) => p.kind === 'vote'),
  }
  // A saved source whose phase is no longer earlier (the agenda was reordered) falls back to the first one that is.
  const initialOf = (kind: Exclude<SourceKind, 'fresh'>): string => {
    const saved = initialSource.kind === kind ? initialSource.phaseId : undefined
    return earlierOf[kind].find((p) => p.id === saved)?.id ?? earlierOf[kind][0]?.id ?? ''
  }
  const [sourceKind, setSourceKind] = useState<SourceKind>(initialSource.kind === 'fresh' || initialOf(initialSource.kind) !== '' ? initialSource.kind : 'fresh')
  const [continueOf, setContinueOf] = useState(initialOf('continue'))
  const [voteOf, setVoteOf] = useState(initialOf('topVoted'))
  const [topCount, setTopCount] = useState(String(initialSource.kind === 'topVoted' ? initialSource.count : DEFAULT_TOP_COUNT))
  const [topChallenge, setTopChallenge] = useState(initialSource.kind === 'topVoted' ? initialSource.challenge : '')
  const [rooms, setRooms] = useState(initial?.rooms.length ? initial.rooms.map((r) => ({ ...r })) : [1, 2, 3].map((n) => ({ title: defaultRoomTitle(n), challenge: '' })))
  const [template, setTemplate] = useState<BoardTemplate>(initial?.template ?? 'concept')
  const [mode, setMode] = useState<AssignmentMode>(initial?.mode ?? (initialSource.kind === 'topVoted' ? 'self' : 'random'))
  const [modeChosen, setModeChosen] = useState(initial !== undefined)
  const [capacity, setCapacity] = useState(initial?.capacity !== undefined ? String(initial.capacity) : '')
  const [after, setAfter] = useState<AfterBreakout>(afterOf(initial))

  const chooseSource = (kind: SourceKind): void => {
    setSourceKind(kind)
    // People choose the concept they want to work on, unless the facilitator already said otherwise.
    if (!modeChosen) setMode(kind === 'topVoted' ? 'self' : 'random')
  }
  const setCount = (value: string): void => {
    const n = clampRooms(value)
    setRooms((current) => Array.from({ length: n }, (_, i) => current[i] ?? { title: defaultRoomTitle(i + 1), challenge: '' }))
  }
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const cap = Number(capacity)
    const chosenMode = sourceKind === 'continue' ? 'same' : mode
    const capacityPart = chosenMode === 'self' && capacity !== '' && Number.isInteger(cap) && cap > 0 ? { capacity: cap } : {}
    switch (sourceKind) {
      case 'fresh':
        onSave({
          rooms: rooms.map((r, i) => ({ title: r.title.trim() || defaultRoomTitle(i + 1), challenge: r.challenge.trim() })),
          template,
          mode,
          ...capacityPart,
          after,
        })
        break
      case 'continue':
        // The rooms, boards and groups are the earlier breakout's; template and mode are placeholders the server ignores.
        onSave({ rooms: [], template, mode: 'same', source: { kind: 'continue', phaseId: continueOf }, after })
        break
      case 'topVoted':
        // Each room's board starts with its concept card, so no template is laid out on it.
        onSave({
          rooms: [],
          template: 'blank',
          mode,
          ...capacityPart,
          source: { kind: 'topVoted', phaseId: voteOf, count: clampRooms(topCount), challenge: topChallenge.trim() },
          after,
        })
        break
      default: {
        const unreachable: never = sourceKind
        throw new Error(`unknown source ${String(unreachable)}`)
      }
    }
    close()
  }

  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={ids.heading} onClose={onCloseEvent} data-testid="breakout-plan">
      <h2 id={ids.heading}>{t('rooms.planHeading', { title: phase.title })}</h2>
      <form onSubmit={submit}>
        <fieldset className="plan-choice" data-testid="plan-source">
          <legend>{t('plan.source')}</legend>
          {BREAKOUT_SOURCE_KINDS.map((kind) => {
            // An option whose earlier phase does not exist says why it cannot be chosen.
            const why = kind === 'fresh' || earlierOf[kind].length > 0 ? undefined : t(`plan.missing.${kind}`)
            const missing = why !== undefined
            return (
              <div key={kind} className="plan-option">
                <div className="checkbox-row">
                  <input
                    id={`${ids.source}-${kind}`}
                    type="radio"
                    name={ids.source}
                    value={kind}
                    checked={sourceKind === kind}
                    disabled={missing}
                    onChange={() => chooseSource(kind)}
                    aria-describedby={missing ? `${ids.source}-${kind}-why` : undefined}
                    data-testid={`plan-source-${kind}`}
                  />
                  <label htmlFor={`${ids.source}-${kind}`}>{t(`plan.sources.${kind}`)}</label>
                </div>
                {missing ? (
                  <p id={`${ids.source}-${kind}-why`} className="hint plan-option-why">
                    {why}
                  </p>
                ) : null}
              </div>
            )
          })}
        </fieldset>

        {sourceKind === 'fresh' ? (
          <>
            <label htmlFor={ids.count}>{t('rooms.countLabel')}</label>
            <input id={ids.count} type="number" min={1} max={BreakoutLimits.MAX_ROOMS} value={rooms.length} onChange={(e) => setCount(e.target.value)} className="minutes-input" data-testid="plan-room-count" />
            <ol className="plan-rooms">
              {rooms.map((room, i) => (
                <li key={i} className="plan-room">
                  <label>
                    {t('rooms.roomName', { n: String(i + 1) })}
                    <input type="text" value={room.title} maxLength={120} onChange={(e) => setRooms((rs) => rs.map((r, j) => (j === i ? { ...r, title: e.target.value } : r)))} />
                  </label>
                  <label>
                    {t('rooms.challengeOf', { n: String(i + 1) })}
                    <textarea value={room.challenge} maxLength={BreakoutLimits.MAX_CHALLENGE_CHARS} rows={2} onChange={(e) => setRooms((rs) => rs.map((r, j) => (j === i ? { ...r, challenge: e.target.value } : r)))} />
                  </label>
                </li>
              ))}
            </ol>
            <label htmlFor={ids.template}>{t('console.template')}</label>
            <select id={ids.template} value={template} onChange={(e) => setTemplate(e.target.value as BoardTemplate)}>
              {BOARD_TEMPLATES.map((name) => (
                <option key={name} value={name}>
                  {t(`templates.${name}`)}
                </option>
              ))}
            </select>
          </>
        ) : null}

        {sourceKind === 'continue' ? (
          <>
            <label htmlFor={ids.continueOf}>{t('plan.continueOf')}</label>
            <PhaseSelect id={ids.continueOf} phases={earlierOf.continue} value={continueOf} onChange={setContinueOf} testId="plan-continue-of" />
            <p className="hint">{t('plan.continueHint')}</p>
          </>
        ) : null}

        {sourceKind === 'topVoted' ? (
          <>
            <label htmlFor={ids.voteOf}>{t('plan.voteOf')}</label>
            <PhaseSelect id={ids.voteOf} phases={earlierOf.topVoted} value={voteOf} onChange={setVoteOf} testId="plan-vote-of" />
            <label htmlFor={ids.topCount}>{t('plan.topCount')}</label>
            <input
              id={ids.topCount}
              type="number"
              min={1}
              max={BreakoutLimits.MAX_ROOMS}
              value={topCount}
              onChange={(e) => setTopCount(e.target.value)}
              aria-describedby={ids.topHint}
              className="minutes-input"
              data-testid="plan-top-count"
            />
            <p id={ids.topHint} className="hint">
              {t('plan.topHint')}
            </p>
            <label htmlFor={ids.topChallenge}>{t('plan.topChallenge')}</label>
            <textarea id={ids.topChallenge} value={topChallenge} maxLength={BreakoutLimits.MAX_CHALLENGE_CHARS} rows={2} onChange={(e) => setTopChallenge(e.target.value)} data-testid="plan-top-challenge" />
          </>
        ) : null}

        <label htmlFor={ids.mode}>{t('rooms.mode')}</label>
        <select
          id={ids.mode}
          value={sourceKind === 'continue' ? 'same' : mode}
          disabled={sourceKind === 'continue'}
          aria-describedby={sourceKind === 'continue' ? ids.modeHint : undefined}
          onChange={(e) => {
            setMode(e.target.value as AssignmentMode)
            setModeChosen(true)
          }}
          data-testid="plan-mode"
        >
          {ASSIGNMENT_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`rooms.modes.${m}`)}
            </option>
          ))}
        </select>
        {sourceKind === 'continue' ? (
          <p id={ids.modeHint} className="hint">
            {t('plan.sameGroupsHint')}
          </p>
        ) : null}
        {sourceKind !== 'continue' && mode === 'self' ? (
          <>
            <label htmlFor={ids.capacity}>{t('rooms.capacity')}</label>
            <input id={ids.capacity} type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} className="minutes-input" />
          </>
        ) : null}

        <fieldset className="plan-choice" data-testid="plan-after">
          <legend>{t('plan.after')}</legend>
          {AFTER_BREAKOUT.map((where) => (
            <div key={where} className="checkbox-row">
              <input id={`${ids.after}-${where}`} type="radio" name={ids.after} value={where} checked={after === where} onChange={() => setAfter(where)} data-testid={`plan-after-${where}`} />
              <label htmlFor={`${ids.after}-${where}`}>{t(`plan.afters.${where}`)}</label>
            </div>
          ))}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button--primary" data-testid="plan-save">
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

function PhaseSelect({ id, phases, value, onChange, testId }: { readonly id: string; readonly phases: readonly Phase[]; readonly value: string; readonly onChange: (id: string) => void; readonly testId: string }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {phases.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title}
        </option>
      ))}
    </select>
  )
}

/** A room count from what was typed: a whole number from 1 to the most rooms a breakout may have. */
function clampRooms(value: string): number {
  return Math.max(1, Math.min(BreakoutLimits.MAX_ROOMS, Math.round(Number(value)) || 1))
}
