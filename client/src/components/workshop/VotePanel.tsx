import { VOTABLE_SHAPE_TYPES, itemKey, votableText } from '@werkraum/shared'
import { createContext, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { ApiCallError, ballot, fetchMyVotes, fetchVoteResults } from '../../workshop/api.ts'
import type { ControlVote } from '../../workshop/controlState.ts'
import { ActionButton } from './ActionButton.tsx'

/** What the canvas badges show: counts per item of the session on this board. */
export interface VoteBadgeInfo {
  readonly boardId: string
  readonly vote: ControlVote | undefined
  readonly mine: Readonly<Record<string, number>>
  /** Places a dot on a note by clicking it on the canvas (the panel's buttons do the same for keyboards). */
  readonly cast: ((shapeId: string) => void) | undefined
  /** Takes one of your dots back from a note, from the canvas. */
  readonly retract: ((shapeId: string) => void) | undefined
}

/** What the panel lends the canvas: placing and taking back dots by clicking on notes. */
export interface CanvasBallot {
  readonly cast: (shapeId: string) => void
  readonly retract: (shapeId: string) => void
}

export const VoteBadgeContext = createContext<VoteBadgeInfo | undefined>(undefined)

export interface VoteNote {
  readonly id: TLShapeId
  readonly text: string
}

/** The sticky notes and concept cards on the current page, kept up to date as people write. */
export function useNotes(editor: Editor | undefined): readonly VoteNote[] {
  return useValue(
    'vote notes',
    () =>
      editor === undefined
        ? []
        : editor
            .getCurrentPageShapes()
            .filter((s) => VOTABLE_SHAPE_TYPES.includes(s.type))
            .map((s) => ({ id: s.id, text: votableText(s.type, s.props) })),
    [editor],
  )
}

interface VotePanelProps {
  readonly workshopId: string
  readonly token: string
  readonly boardId: string
  readonly boardTitle: string
  readonly vote: ControlVote
  readonly editor: Editor | undefined
  readonly canVote: boolean
  readonly onMine: (mine: Readonly<Record<string, number>>) => void
  /** Gives the canvas a way to place and take back dots through this panel. */
  readonly onCast: (ballot: CanvasBallot | undefined) => void
}

/**
 * Voting on this board: every note that can be voted on, with buttons to
 * place and take back a dot (so it works with the keyboard and a screen
 * reader, not only by clicking on the canvas), and how many dots are left.
 */
export function VotePanel({ workshopId, token, boardId, boardTitle, vote, editor, canVote, onMine, onCast }: VotePanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const notes = useNotes(editor)
  const [mine, setMine] = useState<Readonly<Record<string, number>>>({})
  const [remaining, setRemaining] = useState<number>(vote.votesPerPerson)
  const [message, setMessage] = useState('')
  // Cleared first, so that the same answer twice ("no votes left" again) is read out again.
  const say = useCallback((text: string) => {
    setMessage('')
    requestAnimationFrame(() => setMessage(text))
  }, [])

  const refresh = useCallback(async () => {
    try {
      const answer = await fetchMyVotes(workshopId, token, vote.id)
      setMine(answer.items)
      setRemaining(answer.remaining)
      onMine(answer.items)
    } catch {
      // Shown as before; the next ballot answers with the real numbers.
    }
  }, [workshopId, token, vote.id, onMine])
  useEffect(() => {
    void refresh()
  }, [refresh])

  const send = async (type: 'castVote' | 'retractVote', shapeId: string | null): Promise<void> => {
    try {
      const answer = await ballot(workshopId, token, { type, sessionId: vote.id, boardId, shapeId, requestId: crypto.randomUUID() })
      setRemaining(answer.remaining)
      say(t('votes.left', { count: answer.remaining }))
      await refresh()
    } catch (error) {
      // The server's refusal in the page's language; anything else as "could not reach the server".
      say(error instanceof ApiCallError ? error.message : t('api.network'))
    }
  }

  const sendRef = useRef(send)
  sendRef.current = send
  useEffect(() => {
    // Not in anonymous votes: everyone would see whose cursor clicks which note.
    onCast(
      canVote && vote.target === 'notes' && !vote.anonymous
        ? { cast: (shapeId) => void sendRef.current('castVote', shapeId), retract: (shapeId) => void sendRef.current('retractVote', shapeId) }
        : undefined,
    )
    return () => onCast(undefined)
  }, [canVote, vote.target, vote.anonymous, onCast])

  const all = vote.target === 'boards' ? [{ key: itemKey(boardId, null), shapeId: null, text: boardTitle }] : notes.map((n) => ({ key: itemKey(boardId, n.id), shapeId: n.id as string, text: n.text }))
  // Once closed: the ranking, most dots first, with bars.
  const closed = vote.status === 'closed'
  const ranked = useRanking(workshopId, token, vote)
  // Closed: the whole session's ranking from the server (all its boards), else this board's notes.
  const items = closed
    ? (ranked ?? [...all].sort((a, b) => (vote.counts?.[b.key] ?? 0) - (vote.counts?.[a.key] ?? 0)))
    : all
  const max = Math.max(1, ...items.map((i) => vote.counts?.[i.key] ?? 0))
  // A ranking is an ordered list.
  const List = closed ? 'ol' : 'ul'
  return (
    <section className="vote-panel" aria-labelledby={headingId} data-testid="vote-panel">
      <h2 id={headingId} className="board-toolbar-title">
        {vote.kind === 'pledge' ? t('votes.pledgeHeading', { title: vote.title }) : t('votes.heading', { title: vote.title })}
      </h2>
      {canVote && vote.kind === 'dots' ? (
        <p className="vote-remaining" data-testid="votes-remaining">
          {t('votes.left', { count: remaining })}
        </p>
      ) : null}
      {/* Answers to each ballot: politely, once per click. */}
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {message !== '' && message !== t('votes.left', { count: remaining }) ? (
        <p className="form-error" data-testid="vote-message">
          {message}
        </p>
      ) : null}
      <List className={`vote-items ${closed ? 'vote-items--ranking' : ''}`} data-testid={closed ? 'vote-ranking' : undefined}>
        {items.map((item) => {
          const own = mine[item.key] ?? 0
          const count = vote.counts?.[item.key]
          return (
            <li key={item.key} className="vote-item" data-testid="vote-item">
              <span className="vote-text">{item.text || t('votes.emptyNote')}</span>
              {vote.pledges?.[item.key] !== undefined && vote.pledges[item.key]!.length > 0 ? (
                <span className="vote-pledges" data-testid="vote-pledges">
                  {t('votes.pledgedBy', { names: vote.pledges[item.key]!.join(', ') })}
                </span>
              ) : null}
              {closed ? <span className="ranking-bar" style={{ width: `${((count ?? 0) / max) * 8}rem` }} aria-hidden="true" /> : null}
              {count !== undefined ? (
                <span className="vote-count" data-testid="vote-count">
                  {t('votes.count', { count })}
                </span>
              ) : null}
              {canVote ? (
                <span className="vote-actions">
                  {/* The name starts with the visible label (WCAG 2.5.3) and adds which note. */}
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="vote-add"
                    aria-label={`${vote.kind === 'pledge' ? t('votes.pledge') : t('votes.add')}: ${item.text || t('votes.emptyNote')}`}
                    onClick={() => void send('castVote', item.shapeId)}
                  >
                    {vote.kind === 'pledge' ? t('votes.pledge') : t('votes.add')}
                  </button>
                  {/* Always there (unavailable at zero): a button that vanished would take the keyboard focus with it. */}
                  <ActionButton
                    unavailable={own === 0}
                    data-testid="vote-remove"
                    aria-label={`${t('votes.remove', { count: own })}: ${item.text || t('votes.emptyNote')}`}
                    onClick={() => void send('retractVote', item.shapeId)}
                  >
                    {t('votes.remove', { count: own })}
                  </ActionButton>
                </span>
              ) : null}
            </li>
          )
        })}
      </List>
    </section>
  )
}

interface RankedItem {
  readonly key: string
  readonly shapeId: string | null
  readonly text: string
}

/** The ranking of a closed session over all its boards, with each note's text, from the results endpoint. */
function useRanking(workshopId: string, token: string, vote: ControlVote): readonly RankedItem[] | undefined {
  const [ranked, setRanked] = useState<readonly RankedItem[]>()
  const closed = vote.status === 'closed'
  useEffect(() => {
    if (!closed) return
    const abort = new AbortController()
    fetchVoteResults(workshopId, token, vote.id, abort.signal)
      // A note's text, or for a vote on whole boards the board's title.
      .then((rows) => setRanked(rows.map((r) => ({ key: r.item, shapeId: null, text: r.text !== '' ? r.text : r.board }))))
      // Not reachable now: the panel shows this board's counts from the control document instead.
      .catch(() => undefined)
    return () => abort.abort()
  }, [workshopId, token, vote.id, closed])
  return closed ? ranked : undefined
}
