import { VoteLimits, type Facilitation, type VoteKind, type VotePlan, type VoteTarget } from '@werkraum/shared'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlBoard, ControlVote } from '../../workshop/controlState.ts'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { ApiCallError, fetchFile, fetchVoteResults, type VoteResultRow } from '../../workshop/api.ts'
import { saveFile } from '../../workshop/export/saveFile.ts'
import { ActionButton } from './ActionButton.tsx'

interface VotesConsolePanelProps {
  readonly workshopId: string
  readonly token: string
  readonly boards: readonly ControlBoard[]
  readonly votes: readonly ControlVote[]
  readonly commands: CommandRunner
  /** The agenda: a vote can be opened on the results of a breakout that has run. */
  readonly facilitation?: Facilitation | undefined
}

/** Breakouts a vote can be about, named by their phase: those that have ended. */
function ranBreakouts(facilitation: Facilitation | undefined): readonly VoteSource[] {
  if (facilitation === undefined) return []
  return facilitation.breakouts
    .filter((b) => b.status === 'ended')
    .map((b) => ({ phaseId: b.phaseId, title: facilitation.phases.find((p) => p.id === b.phaseId)?.title ?? '' }))
    .filter((source) => source.title !== '')
}

/** Running votes: open a session, close it, and the ranking with downloads. */
export function VotesConsolePanel({ workshopId, token, boards, votes, commands, facilitation }: VotesConsolePanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const open = votes.find((v) => v.status === 'open')
  return (
    <section className="card console-section" aria-labelledby={headingId} data-testid="votes-console">
      <h3 id={headingId}>{t('votes.consoleHeading')}</h3>
      {open === undefined ? (
        <VoteSettingsForm
          boards={boards}
          sources={ranBreakouts(facilitation)}
          error={commands.error}
          heading={t('votes.openHeading')}
          submitLabel={t('votes.openButton')}
          onSubmit={(plan) => commands.run({ type: 'openVote', ...plan, boardIds: [...plan.boardIds] })}
        />
      ) : null}
      <ul className="vote-sessions">
        {[...votes].reverse().map((vote) => (
          <li key={vote.id} className="vote-session" data-testid="vote-session" data-status={vote.status}>
            <h4>
              {vote.title} <span className="board-flag">({vote.status === 'open' ? t('votes.open') : t('votes.closed')})</span>
            </h4>
            {vote.status === 'open' ? (
              <ActionButton data-testid="vote-close" onClick={() => void commands.run({ type: 'closeVote', sessionId: vote.id })}>
                {t('votes.close')}
              </ActionButton>
            ) : null}
            <Ranking workshopId={workshopId} token={token} vote={vote} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The ranking as a bar chart, and the results to download (the text of each note comes from the server). */
function Ranking({ workshopId, token, vote }: { readonly workshopId: string; readonly token: string; readonly vote: ControlVote }) {
  const { t } = useTranslation()
  const [rows, setRows] = useState<readonly VoteResultRow[]>([])
  const countsKey = JSON.stringify(vote.counts ?? {}) + vote.status
  useEffect(() => {
    const abort = new AbortController()
    fetchVoteResults(workshopId, token, vote.id, abort.signal)
      .then(setRows)
      .catch(() => undefined)
    return () => abort.abort()
  }, [workshopId, token, vote.id, countsKey])

  const [problem, setProblem] = useState<string>()
  const download = async (format: 'csv' | 'json'): Promise<void> => {
    setProblem(undefined)
    try {
      const file = await fetchFile(`/api/workshops/${encodeURIComponent(workshopId)}/votes/${encodeURIComponent(vote.id)}/results${format === 'csv' ? '?format=csv' : ''}`, token)
      saveFile(file, `votes-${vote.id}.${format}`)
    } catch (error) {
      setProblem(error instanceof ApiCallError ? error.message : t('api.network'))
    }
  }

  const max = Math.max(1, ...rows.map((r) => r.count))
  return (
    <>
      {rows.length > 0 ? (
        <ol className="ranking" data-testid="ranking">
          {rows.map((row) => (
            <li key={row.item} className="ranking-row">
              <span className="ranking-text">{row.text || row.board}</span>
              <span className="ranking-bar" style={{ width: `${(row.count / max) * 100}%` }} aria-hidden="true" />
              {/* Pledges are people who would work on it, not dots. */}
              <span className="ranking-count">{vote.kind === 'pledge' ? t('votes.pledgeCount', { count: row.count }) : t('votes.count', { count: row.count })}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{vote.status === 'closed' ? t('votes.noBallots') : t('votes.noResultsYet')}</p>
      )}
      {problem !== undefined ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form-actions">
        <ActionButton onClick={() => void download('csv')}>{t('votes.downloadCsv')}</ActionButton>
        <ActionButton onClick={() => void download('json')}>{t('votes.downloadJson')}</ActionButton>
      </div>
    </>
  )
}

/** "The results of <breakout phase>", as a vote can be planned on them. */
export interface VoteSource {
  readonly phaseId: string
  readonly title: string
}

interface VoteSettingsFormProps {
  readonly boards: ReadonlyArray<{ readonly id: string; readonly title: string }>
  /** Breakout phases whose results the vote can be about (resolved to their boards when it opens). */
  readonly sources?: readonly VoteSource[]
  /** The server's refusal of the last submit, if any (shown after this form's own submit only). */
  readonly error?: string | undefined
  readonly heading: string
  /** Where the form sits: under the console section's h3, or under a dialog's h2. */
  readonly headingLevel?: 3 | 4
  readonly submitLabel: string
  readonly initial?: VotePlan | undefined
  /** Resolves to whether the server accepted it (the form then empties its question). */
  readonly onSubmit: (plan: VotePlan) => Promise<boolean>
}

/** A vote's settings: to open one now, or to plan one with a vote phase. */
export function VoteSettingsForm({ boards, sources = NO_SOURCES, error, heading, headingLevel = 4, submitLabel, initial, onSubmit }: VoteSettingsFormProps) {
  const { t } = useTranslation()
  const ids = { heading: useId(), title: useId(), kind: useId(), target: useId(), budget: useId(), perItem: useId(), anonymous: useId(), hidden: useId(), boards: useId(), sources: useId(), sourcesHint: useId() }
  const [title, setTitle] = useState(initial?.title ?? '')
  const [kind, setKind] = useState<VoteKind>(initial?.kind ?? 'dots')
  const [target, setTarget] = useState<VoteTarget>(initial?.target ?? 'notes')
  const [budget, setBudget] = useState(String(initial?.votesPerPerson ?? 3))
  const [perItem, setPerItem] = useState(String(initial?.maxPerItem ?? 1))
  const [anonymous, setAnonymous] = useState(initial?.anonymous ?? true)
  const [hidden, setHidden] = useState(initial?.hidden ?? true)
  // A new plan after a breakout is most likely about its results: the latest one offered.
  const [resultsOf, setResultsOf] = useState<string | undefined>(() =>
    initial !== undefined ? sources.find((s) => s.phaseId === initial.resultsOf)?.phaseId : sources.at(-1)?.phaseId,
  )
  const [chosen, setChosen] = useState<readonly string[]>(() => initial?.boardIds ?? (sources.length > 0 ? [] : boards.slice(0, 1).map((b) => b.id)))
  const [problem, setProblem] = useState<string>()
  const [refused, setRefused] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const votesPerPerson = Number(budget)
    const maxPerItem = Number(perItem)
    if (title.trim() === '' || (chosen.length === 0 && resultsOf === undefined)) return setProblem(t('votes.formIncomplete'))
    if (![votesPerPerson, maxPerItem].every((n) => Number.isInteger(n) && n >= 1 && n <= VoteLimits.MAX_VOTES_PER_PERSON)) return setProblem(t('votes.badNumber', { max: String(VoteLimits.MAX_VOTES_PER_PERSON) }))
    setProblem(undefined)
    setRefused(false)
    const plan: VotePlan = { title: title.trim(), kind, target, boardIds: [...chosen], ...(resultsOf !== undefined ? { resultsOf } : {}), votesPerPerson, maxPerItem, anonymous, hidden }
    if (await onSubmit(plan)) setTitle('')
    else setRefused(true)
  }
  const shownProblem = problem ?? (refused ? error : undefined)
  return (
    <form className="add-board" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={ids.heading}>
      {headingLevel === 3 ? <h3 id={ids.heading}>{heading}</h3> : <h4 id={ids.heading}>{heading}</h4>}
      <label htmlFor={ids.title}>{t('votes.title')}</label>
      <input id={ids.title} type="text" value={title} maxLength={VoteLimits.MAX_TITLE_CHARS} onChange={(e) => setTitle(e.target.value)} data-testid="vote-title" />
      <div className="add-board-fields">
        <div>
          <label htmlFor={ids.kind}>{t('votes.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value === 'pledge' ? 'pledge' : 'dots')}>
            <option value="dots">{t('votes.kinds.dots')}</option>
            <option value="pledge">{t('votes.kinds.pledge')}</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.target}>{t('votes.target')}</label>
          <select id={ids.target} value={target} onChange={(e) => setTarget(e.target.value === 'boards' ? 'boards' : 'notes')}>
            <option value="notes">{t('votes.targets.notes')}</option>
            <option value="boards">{t('votes.targets.boards')}</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.budget}>{t('votes.budget')}</label>
          <input id={ids.budget} type="number" min={1} max={VoteLimits.MAX_VOTES_PER_PERSON} value={budget} onChange={(e) => setBudget(e.target.value)} className="minutes-input" data-testid="vote-budget" disabled={kind === 'pledge'} />
        </div>
        <div>
          <label htmlFor={ids.perItem}>{t('votes.perItem')}</label>
          <input id={ids.perItem} type="number" min={1} max={VoteLimits.MAX_VOTES_PER_PERSON} value={perItem} onChange={(e) => setPerItem(e.target.value)} className="minutes-input" data-testid="vote-per-item" disabled={kind === 'pledge'} />
        </div>
      </div>
      <fieldset className="color-picker">
        <legend id={ids.boards}>{t('votes.boards')}</legend>
        {boards.map((b) => (
          <div key={b.id} className="checkbox-row">
            <input
              id={`${ids.boards}-${b.id}`}
              type="checkbox"
              checked={chosen.includes(b.id)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, b.id] : c.filter((id) => id !== b.id)))}
            />
            <label htmlFor={`${ids.boards}-${b.id}`}>{b.title}</label>
          </div>
        ))}
      </fieldset>
      {sources.length > 0 ? (
        <fieldset className="color-picker" aria-describedby={ids.sourcesHint}>
          <legend id={ids.sources}>{t('votes.resultsLegend')}</legend>
          <p id={ids.sourcesHint} className="hint">
            {t('votes.resultsOfHint')}
          </p>
          {[undefined, ...sources].map((source) => (
            <div key={source?.phaseId ?? ''} className="checkbox-row">
              <input
                id={`${ids.sources}-${source?.phaseId ?? 'none'}`}
                type="radio"
                name={ids.sources}
                checked={resultsOf === source?.phaseId}
                onChange={() => setResultsOf(source?.phaseId)}
                data-testid="vote-results-of"
                value={source?.phaseId ?? ''}
              />
              <label htmlFor={`${ids.sources}-${source?.phaseId ?? 'none'}`}>{source === undefined ? t('votes.resultsNone') : t('votes.resultsOf', { title: source.title })}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="checkbox-row">
        <input id={ids.anonymous} type="checkbox" checked={anonymous && kind !== 'pledge'} disabled={kind === 'pledge'} onChange={(e) => setAnonymous(e.target.checked)} data-testid="vote-anonymous" />
        <label htmlFor={ids.anonymous}>{t('votes.anonymous')}</label>
      </div>
      <div className="checkbox-row">
        <input id={ids.hidden} type="checkbox" checked={hidden && kind !== 'pledge'} disabled={kind === 'pledge'} onChange={(e) => setHidden(e.target.checked)} data-testid="vote-hidden" />
        <label htmlFor={ids.hidden}>{t('votes.hidden')}</label>
      </div>
 {kind === 'pledge' ? <p className="hint">{t('votes.pledgeFixed')}</p> : null}
      {shownProblem !== undefined ? (
        <p className="form-error" role="alert" data-testid="vote-form-error">
          {shownProblem}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="vote-open">
          {submitLabel}
        </button>
      </div>
    </form>
  )
}

const NO_SOURCES: readonly VoteSource[] = []
