import { CONCEPT_CARD_TYPE, isVoteItem, itemKey, readingOrder, votableText } from '@werkraum/shared'
import { createContext, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor } from 'tldraw'
import { workshopPath } from '../../routing/route.ts'
import { usePanelOpen } from '../../settings/panelFolds.ts'
import { ApiCallError, ballot, fetchMyVotes, fetchVoteResults } from '../../workshop/api.ts'
import { useVoteItems } from '../../workshop/boardVote.ts'
import type { ControlVote } from '../../workshop/controlState.ts'
import { AppLink } from '../AppLink.tsx'
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

/** Marks a control that exists only while a vote is open (a dot button outside this panel). */
export const VOTE_CONTROL = 'data-vote-control'

export const VoteBadgeContext = createContext<VoteBadgeInfo | undefined>(undefined)

/** Something one can vote on: a note or concept card (`shapeId`), or a whole board (`shapeId` null). */
interface PanelItem {
  readonly key: string
  readonly boardId: string
  readonly shapeId: string | null
  readonly type: string
  readonly text: string
}

/** What can be voted on on the current page (see `isVoteItem`), in reading order, kept up to date as people write. */
function useLiveItems(editor: Editor | undefined, boardId: string, vote: ControlVote): readonly PanelItem[] {
  const onlyCopiesOn = vote.onlyCopiesOn
  return useValue(
    'vote notes',
    () => {
      if (editor === undefined) return []
      const found = editor
        .getCurrentPageShapes()
        .filter((s) => isVoteItem({ onlyCopiesOn }, boardId, s))
        .map((s) => {
          const at = editor.getShapePageBounds(s.id)
          return { key: itemKey(boardId, s.id), boardId, shapeId: s.id as string, type: s.type, text: votableText(s.type, s.props), x: at?.x ?? 0, y: at?.y ?? 0 }
        })
      return readingOrder(found).map(({ key, shapeId, type, text }) => ({ key, boardId, shapeId, type, text }))
    },
    [editor, boardId, onlyCopiesOn],
  )
}

interface VotePanelProps {
  readonly workshopId: string
  readonly token: string
  /** The board this person is on. */
  readonly boardId: string
  readonly vote: ControlVote
  /** The editor of the board this person is on: its items are shown as they are typed. */
  readonly editor: Editor | undefined
  readonly canVote: boolean
  /** A board's title (for the vote's boards before the server has answered). */
  readonly titleOf: (boardId: string) => string | undefined
  readonly onMine: (mine: Readonly<Record<string, number>>) => void
  /** Gives the canvas a way to place and take back dots through this panel. */
  readonly onCast: (ballot: CanvasBallot | undefined) => void
  /** Hides a closed vote on a board it was not about. */
  readonly onDismiss?: (() => void) | undefined
}

/**
 * Voting from any board: every item of every board the vote runs on, grouped
 * by board, with buttons to place and take back a dot (so it works with the
 * keyboard and a screen reader, not only by clicking on the canvas), and how
 * many dots are left. Once closed: that it is closed, and the ranking.
 */
export function VotePanel({ workshopId, token, boardId, vote, editor, canVote, titleOf, onMine, onCast, onDismiss }: VotePanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const bodyId = useId()
  // On a phone the panel is one line (question, dots left) until opened, so the board keeps its room (layout.css).
  const [open, setOpen] = usePanelOpen(workshopId, 'vote', false)
  const panelRef = useRef<HTMLElement>(null)
  const resultsRef = useRef<HTMLHeadingElement>(null)
  const closed = vote.status === 'closed'
  const here = vote.boardIds.includes(boardId)
  const live = useLiveItems(here && vote.target === 'notes' ? editor : undefined, boardId, vote)
  const fetched = useVoteItems(workshopId, token, vote)
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

  const send = async (type: 'castVote' | 'retractVote', item: { readonly boardId: string; readonly shapeId: string | null }): Promise<void> => {
    try {
      const answer = await ballot(workshopId, token, { type, sessionId: vote.id, boardId: item.boardId, shapeId: item.shapeId, requestId: crypto.randomUUID() })
      setRemaining(answer.remaining)
      say(vote.kind === 'pledge' ? t('votes.pledgeSaved') : t('votes.left', { count: answer.remaining }))
      await refresh()
    } catch (error) {
      // The server's refusal in the page's language; anything else as "could not reach the server".
      say(error instanceof ApiCallError ? error.message : t('api.network'))
    }
  }

  const sendRef = useRef(send)
  sendRef.current = send
  const canvasVoting = canVote && !closed && here && vote.target === 'notes'
  useEffect(() => {
    // Anonymous votes too: whose cursor clicks where is kept from the others instead (WorkshopBoard).
    onCast(
      canvasVoting
        ? {
            cast: (shapeId) => void sendRef.current('castVote', { boardId, shapeId }),
            retract: (shapeId) => void sendRef.current('retractVote', { boardId, shapeId }),
          }
        : undefined,
    )
    return () => onCast(undefined)
  }, [canvasVoting, boardId, onCast])

  // A vote that closes while someone works in this panel, or on a dot button elsewhere (the board's list),
  // which goes with the vote: their focus goes to the results, not to the page.
  const wasOpen = useRef(!closed)
  const focusResults = useRef(false)
  if (closed && wasOpen.current) {
    wasOpen.current = false
    const active = document.activeElement
    focusResults.current = (panelRef.current?.contains(active) ?? false) || active?.closest(`[${VOTE_CONTROL}]`) != null
  }
  useEffect(() => {
    if (!closed || !focusResults.current) return
    focusResults.current = false
    // A folded panel opens for it: the results heading must show to take the focus.
    setOpen(true)
    requestAnimationFrame(() => resultsRef.current?.focus())
  }, [closed, setOpen])

  const titleOfBoard = (id: string): string => fetched?.find((b) => b.boardId === id)?.title ?? titleOf(id) ?? ''
  // The boards this person can reach: as the server says once it has answered.
  const reachable = vote.boardIds.filter((id) => id === boardId || (fetched === undefined ? titleOf(id) !== undefined : fetched.some((b) => b.boardId === id)))
  const runsOn = here ? null : (
    <p className="vote-runs-on" data-testid="vote-runs-on">
      {closed ? t('votes.ranOn') : t('votes.runsOn')}{' '}
      {reachable.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : null}
          <AppLink href={workshopPath(workshopId, { kind: 'board', boardId: id })} data-testid="vote-board-link">
            {titleOfBoard(id)}
          </AppLink>
        </span>
      ))}
    </p>
  )
  const countText = (count: number): string => (vote.kind === 'pledge' ? t('votes.pledgeCount', { count }) : t('votes.count', { count }))
  const itemText = (item: PanelItem): string => item.text || (item.type === CONCEPT_CARD_TYPE ? t('conceptCard.untitled') : t('votes.emptyNote'))

  const heading = closed
    ? t('votes.closedHeading', { title: vote.title })
    : vote.kind === 'pledge'
      ? t('votes.pledgeHeading', { title: vote.title })
      : t('votes.heading', { title: vote.title })

  let body: ReactNode
  if (closed) {
    body = (
      <>
        <h3 ref={resultsRef} tabIndex={-1} className="vote-group-title" data-testid="vote-results-heading">
          {t('votes.results')}
        </h3>
        <Ranking workshopId={workshopId} token={token} vote={vote} fallback={here ? live : []} countText={countText} itemText={itemText} />
        {runsOn}
        {onDismiss !== undefined ? (
          <button
            type="button"
            className="button button--small"
            data-testid="vote-dismiss"
            onClick={() => {
              // The panel goes with its button: the keyboard continues at the page's main content, not at the top.
              document.getElementById('main')?.focus()
              onDismiss()
            }}
          >
            {t('votes.dismiss')}
          </button>
        ) : null}
      </>
    )
  } else {
    const item = (entry: PanelItem) => (
      <VoteItemRow key={entry.key} vote={vote} item={entry} text={itemText(entry)} own={mine[entry.key] ?? 0} canVote={canVote} countText={countText} onSend={(type) => void send(type, entry)} />
    )
    if (vote.target === 'boards') {
      const boards = reachable.map((id) => ({ key: itemKey(id, null), boardId: id, shapeId: null, type: 'board', text: titleOfBoard(id) }))
      body = <ul className="vote-items">{boards.map(item)}</ul>
    } else {
      const groups = reachable
        .map((id) => ({
          boardId: id,
          title: titleOfBoard(id),
          items: id === boardId ? live : (fetched?.find((b) => b.boardId === id)?.items ?? []).map((i) => ({ key: itemKey(id, i.shapeId), boardId: id, ...i })),
        }))
        // The other boards once the server has said what is on them. In the vote's order, the same for everyone.
        .filter((g) => g.boardId === boardId || fetched !== undefined)
      body = groups.map((g) => (
        <div key={g.boardId} className="vote-group" data-testid="vote-group" data-board-id={g.boardId}>
          <h3 className="vote-group-title">{g.boardId === boardId ? t('votes.groupHere', { title: g.title }) : g.title}</h3>
          {g.items.length > 0 ? <ul className="vote-items">{g.items.map(item)}</ul> : <p className="hint">{t('votes.nothingOnBoard')}</p>}
        </div>
      ))
    }
  }

  return (
    <section ref={panelRef} className="vote-panel" aria-labelledby={headingId} data-testid="vote-panel" data-status={vote.status} data-open={open}>
      <div className="vote-panel-head">
        <h2 id={headingId} className="board-toolbar-title" data-testid="vote-heading">
          {heading}
        </h2>
        {canVote && !closed && vote.kind === 'dots' ? (
          <p className="vote-remaining" data-testid="votes-remaining">
            {t('votes.left', { count: remaining })}
          </p>
        ) : null}
        <button type="button" className="button button--small disclosure vote-panel-toggle" aria-expanded={open} aria-controls={bodyId} data-testid="vote-toggle" onClick={() => setOpen(!open)}>
          {closed ? t('layout.voteResults') : t('layout.voteItems')}
        </button>
      </div>
      {/* Answers to each ballot: politely, once per click (also to dots placed on the canvas while the panel is folded). */}
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {message !== '' && message !== t('votes.left', { count: remaining }) && message !== t('votes.pledgeSaved') ? (
        <p className="form-error" data-testid="vote-message">
          {message}
        </p>
      ) : null}
      <div className="vote-panel-body" id={bodyId}>
        {closed ? null : runsOn}
        {body}
      </div>
    </section>
  )
}

interface VoteItemRowProps {
  readonly vote: ControlVote
  readonly item: PanelItem
  readonly text: string
  readonly own: number
  readonly canVote: boolean
  readonly countText: (count: number) => string
  readonly onSend: (type: 'castVote' | 'retractVote') => void
}

/** One item of an open vote: its text, who pledged, its count when shown, and the buttons. */
function VoteItemRow({ vote, item, text, own, canVote, countText, onSend }: VoteItemRowProps) {
  const { t } = useTranslation()
  const count = vote.counts?.[item.key]
  const pledged = vote.pledges?.[item.key] ?? []
  const pledge = vote.kind === 'pledge'
  return (
    <li className="vote-item" data-testid="vote-item">
      <span className="vote-text">{text}</span>
      {pledged.length > 0 ? (
        <span className="vote-pledges" data-testid="vote-pledges">
          {t('votes.pledgedBy', { names: pledged.join(', ') })}
        </span>
      ) : null}
      {count !== undefined ? (
        <span className="vote-count" data-testid="vote-count">
          {countText(count)}
        </span>
      ) : null}
      {canVote ? (
        <span className="vote-actions">
          {/* The name starts with the visible label (WCAG 2.5.3) and adds which item. */}
          <button type="button" className="button button--small" data-testid="vote-add" aria-label={`${pledge ? t('votes.pledge') : t('votes.add')}: ${text}`} onClick={() => onSend('castVote')}>
            {pledge ? t('votes.pledge') : t('votes.add')}
          </button>
          {/* Always there (unavailable at zero): a button that vanished would take the keyboard focus with it. */}
          <ActionButton
            unavailable={own === 0}
            data-testid="vote-remove"
            aria-label={`${pledge ? t('votes.unpledge') : t('votes.remove', { count: own })}: ${text}`}
            onClick={() => onSend('retractVote')}
          >
            {pledge ? t('votes.unpledge') : t('votes.remove', { count: own })}
          </ActionButton>
        </span>
      ) : null}
    </li>
  )
}

interface RankingProps {
  readonly workshopId: string
  readonly token: string
  readonly vote: ControlVote
  /** This board's items, ranked by the counts in the control document while the server's ranking is not there. */
  readonly fallback: readonly PanelItem[]
  readonly countText: (count: number) => string
  readonly itemText: (item: PanelItem) => string
}

/** A closed vote's ranking over all its boards, most dots first, with bars (from the results endpoint). */
function Ranking({ workshopId, token, vote, fallback, countText, itemText }: RankingProps) {
  const { t } = useTranslation()
  const [ranked, setRanked] = useState<ReadonlyArray<PanelItem & { readonly board: string; readonly count: number }>>()
  useEffect(() => {
    const abort = new AbortController()
    fetchVoteResults(workshopId, token, vote.id, abort.signal)
      // A note's text, or for a vote on whole boards the board's title.
      .then((rows) => setRanked(rows.map((r) => ({ key: r.item, boardId: '', shapeId: null, type: 'note', text: r.text !== '' ? r.text : r.board, board: r.board, count: r.count }))))
      // Not reachable now: this board's counts from the control document instead.
      .catch(() => undefined)
    return () => abort.abort()
  }, [workshopId, token, vote.id])
  const items = ranked ?? fallback.map((i) => ({ ...i, board: '', count: vote.counts?.[i.key] ?? 0 })).sort((a, b) => b.count - a.count)
  const max = Math.max(1, ...items.map((i) => i.count))
  const manyBoards = vote.boardIds.length > 1 && vote.target === 'notes'
  if (items.length === 0) return <p className="hint">{t('votes.noBallots')}</p>
  // A ranking is an ordered list.
  return (
    <ol className="vote-items vote-items--ranking" data-testid="vote-ranking">
      {items.map((item) => (
        <li key={item.key} className="vote-item" data-testid="vote-item">
          <span className="vote-text">{itemText(item)}</span>
          {manyBoards && item.board !== '' ? <span className="hint">({item.board})</span> : null}
          {vote.pledges?.[item.key] !== undefined && vote.pledges[item.key]!.length > 0 ? (
            <span className="vote-pledges" data-testid="vote-pledges">
              {t('votes.pledgedBy', { names: vote.pledges[item.key]!.join(', ') })}
            </span>
          ) : null}
          <span className="ranking-bar" style={{ width: `${(item.count / max) * 8}rem` }} aria-hidden="true" />
          <span className="vote-count" data-testid="vote-count">
            {countText(item.count)}
          </span>
        </li>
      ))}
    </ol>
  )
}
