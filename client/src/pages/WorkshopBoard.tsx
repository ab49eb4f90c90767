import { CONCEPT_CARD_TYPE, WorkshopLimits, isMadeShape, workshopBoardDocName, type BoardTemplate, type Locale, type PageBounds, type Summon } from '@werkraum/shared'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { Box, type Editor, type TLComponents } from 'tldraw'
import { BoardCanvas } from '../components/BoardCanvas.tsx'
import { BoardStateMessage } from '../components/BoardStateMessage.tsx'
import { ShortcutHelpButton } from '../components/ShortcutHelp.tsx'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { FatalCloseBanner } from '../components/FatalCloseBanner.tsx'
import { PresenceList } from '../components/PresenceList.tsx'
import { isLanguage } from '../i18n/language.ts'
import { BoardSession } from '../sync/boardSession.ts'
import type { Identity } from '../user/identity.ts'
import { workshopAssetStore } from '../workshop/assetStore.ts'
import type { ControlBoard, ControlVote } from '../workshop/controlState.ts'
import { VoteBadges } from '../components/workshop/VoteBadges.tsx'
import { VoteBadgeContext, VotePanel, type CanvasBallot } from '../components/workshop/VotePanel.tsx'
import type { ReadOnlyReason } from '../workshop/boardAccess.ts'
import { useBoardVote } from '../workshop/boardVote.ts'
import { applyTemplate, readableZoom } from '../workshop/templates.ts'
import { applyFollowUp, dropSeed, takeSeed } from '../workshop/followUp.ts'
import { addConceptCard } from '../board/addConceptCard.ts'
import { addNote } from '../board/addNote.ts'
import { withoutAuthorship } from '../board/authorship.ts'
import { ArrivalAnnouncer } from '../board/list/announceArrivals.tsx'
import { BoardList } from '../board/list/BoardList.tsx'
import { ListToggle } from '../board/list/ListToggle.tsx'
import { useBoardViewMode } from '../board/list/viewMode.ts'

interface WorkshopBoardProps {
  readonly workshopId: string
  readonly token: string
  readonly board: ControlBoard
  /** Why this person cannot change the board, if they cannot (the server enforces the same). */
  readonly readOnlyReason: ReadOnlyReason | undefined
  readonly locale: Locale
  readonly identity: Identity
  /** A summon to show (its part of this board), if one brought us here. */
  readonly summon?: Summon | undefined
  /** The facilitator's "bring everyone here". */
  readonly onSummonEveryone?: ((bounds: PageBounds) => void) | undefined
  /** The workshop's votes: the open one shows on every board, a closed one on its boards. */
  readonly votes?: readonly ControlVote[]
  /** A board's title, for the boards a vote runs on. */
  readonly titleOf?: (boardId: string) => string | undefined
  /** Whether this person may place dots (not observers). */
  readonly canVote?: boolean
}

/** One workshop board: read-only when the server says so (observers, locked boards), laid out from its template when new. */
export function WorkshopBoard({ workshopId, token, board, readOnlyReason, locale, identity, summon, onSummonEveryone, votes = NO_VOTES, titleOf = noTitle, canVote = false }: WorkshopBoardProps) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'en'
  const [session, setSession] = useState<BoardSession>()
  const docName = workshopBoardDocName(workshopId, board.id)

  const [initialIdentity] = useState(identity)
  useEffect(() => {
    const assets = workshopAssetStore(workshopId, token)
    const created = new BoardSession(docName, initialIdentity, { params: { token }, assets })
    setSession(created)
    return () => {
      created.destroy()
      assets.dispose()
      window.__werkraum = undefined
    }
  }, [docName, initialIdentity, token, workshopId])
  useEffect(() => session?.setUser(identity), [session, identity])

  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? noSnapshot)
  const load = snapshot?.load ?? { kind: 'loading' }
  const fatalClose = snapshot?.connection.fatalClose
  const readOnly = readOnlyReason !== undefined

  // Read when the editor arrives, without making a new callback (and a new zoom) on every lock or role change.
  const workshopIdRef = useRef(workshopId)
  workshopIdRef.current = workshopId
  const latest = useRef({ readOnly, template: board.template, locale, session })
  latest.current = { readOnly, template: board.template, locale, session }
  const [editor, setEditor] = useState<Editor>()
  const onEditor = useCallback((editor: Editor) => {
    setEditor(editor)
    const { readOnly, template, locale, session } = latest.current
    // Only a board the server has confirmed empty: an empty copy bound offline may not be.
    if (!readOnly && session?.provider.synced === true) {
      // Laid out by Werkraum, not written by whoever happened to open the board first.
      withoutAuthorship(editor, () => layOutTemplate(editor, template, locale))
      // A follow-up workshop this tab just created: the earlier concepts go on its first board opened empty.
      // Tried once, on the board the new workshop opens with: never later on another empty board.
      const seed = takeSeed(workshopIdRef.current)
      if (seed) {
        dropSeed(workshopIdRef.current)
        if (withoutAuthorship(editor, () => applyFollowUp(editor, seed))) fitNewCards(editor)
      }
    }
    // Templates and boards from earlier sessions are bigger than one screen: show all of it,
    // but a template's prompts stay readable (people pan to see the rest).
    if (editor.getCurrentPageShapeIds().size > 0) zoomToFitReadable(editor, readableZoom(template))
  }, [])

  // Summoned here: show the facilitator's part of the board (or all of it).
  useEffect(() => {
    if (editor === undefined || summon === undefined || summon.boardId !== board.id) return
    if (summon.bounds !== null) editor.zoomToBounds(Box.From(summon.bounds), { inset: 0, animation: { duration: 300 } })
    else editor.zoomToFit({ animation: { duration: 300 } })
  }, [editor, summon, board.id])

  const follow = useCallback((userId: string) => editor?.startFollowingUser(userId), [editor])
  const { vote, dismiss: dismissVote } = useBoardVote(votes, board.id)
  // Anonymous means nobody sees whose click placed a dot: no cursor from here while one runs on this board.
  const hidePointer = vote?.status === 'open' && vote.anonymous && vote.target === 'notes' && vote.boardIds.includes(board.id)
  useEffect(() => session?.setPointerHidden(hidePointer), [session, hidePointer])
  const [mine, setMine] = useState<Readonly<Record<string, number>>>({})
  const [canvasBallot, setCanvasBallot] = useState<CanvasBallot | undefined>()
  const onCast = useCallback((next: CanvasBallot | undefined) => setCanvasBallot(next), [])
  // The list view: kept across reloads; the keyboard goes to it only when the person opens it here.
  const [view, setView] = useBoardViewMode()
  const [listOpened, setListOpened] = useState(false)
  const badgeInfo = useMemo(
    () => ({ boardId: board.id, vote, mine, cast: canvasBallot?.cast, retract: canvasBallot?.retract }),
    [board.id, vote, mine, canvasBallot],
  )

  return (
    <div className="workshop-board" data-testid="workshop-board" data-board-id={board.id} data-readonly={readOnly}>
      <div className="board-toolbar">
        <h2 className="board-toolbar-title">{board.title}</h2>
        <ListToggle
          mode={view}
          onChange={(mode) => {
            setView(mode)
            setListOpened(mode === 'list')
          }}
        />
        {snapshot !== undefined ? <ConnectionStatus view={snapshot.connection} /> : null}
        <PresenceList people={snapshot?.people ?? []} onFollow={editor !== undefined ? follow : undefined} />
        {!readOnly && editor !== undefined ? (
          <>
            <button type="button" className="button button--small" data-testid="add-note" onClick={() => addNote(editor)}>
              {t('conceptCard.addNote')}
            </button>
            <button type="button" className="button button--small" data-testid="add-concept-card" onClick={() => addConceptCard(editor)}>
              {t('conceptCard.add')}
            </button>
          </>
        ) : null}
        {onSummonEveryone !== undefined && editor !== undefined ? (
          <button type="button" className="button button--small" data-testid="summon-everyone" onClick={() => onSummonEveryone(editor.getViewportPageBounds().toJson())}>
            {t('workshop.summon')}
          </button>
        ) : null}
        <ShortcutHelpButton />
      </div>
      {/* Below the toolbar, not in it: on a phone the toolbar is one row that scrolls sideways, and this cut off. */}
      {readOnly ? (
        <p className="readonly-note" data-testid="readonly-note">
          {t(`workshop.readOnly.${readOnlyReason}`)}
        </p>
      ) : null}
      {vote !== undefined ? (
        <VotePanel
          key={vote.id}
          workshopId={workshopId}
          token={token}
          boardId={board.id}
          vote={vote}
          editor={editor}
          canVote={canVote && vote.status === 'open'}
          titleOf={titleOf}
          onMine={setMine}
          onCast={onCast}
          onDismiss={dismissVote}
        />
      ) : null}
      {hidePointer ? (
        <p className="hint vote-cursor-hidden" data-testid="vote-cursor-hidden">
          {t('votes.cursorHidden')}
        </p>
      ) : null}
      {fatalClose !== undefined ? <FatalCloseBanner close={fatalClose} /> : null}
      <ArrivalAnnouncer editor={editor} selfId={identity.id} />
      <div className="board-area" data-view={view}>
        {session !== undefined && load.kind === 'ready' ? (
          <VoteBadgeContext.Provider value={badgeInfo}>
          <BoardCanvas
            session={session}
            identity={identity}
            language={language}
            onNameChange={noRename}
            readOnly={readOnly}
            maxImageBytes={WorkshopLimits.MAX_IMAGE_BYTES}
            onEditor={onEditor}
            components={VOTE_COMPONENTS}
          />
          {view === 'list' && editor !== undefined ? <BoardList editor={editor} readOnly={readOnly} headingLevel={3} focusOnOpen={listOpened} /> : null}
          </VoteBadgeContext.Provider>
        ) : fatalClose !== undefined && load.kind === 'loading' ? null : (
          <BoardStateMessage load={load} />
        )}
      </div>
    </div>
  )
}

/**
 * Cards measure their height while selected (ConceptCardShape.tsx): select the
 * cards just laid out, in view, for two frames, so each fits its text.
 */
function fitNewCards(editor: Editor): void {
  const cards = editor.getCurrentPageShapes().filter((s) => s.type === CONCEPT_CARD_TYPE)
  editor.zoomToFit({ animation: { duration: 0 } })
  editor.select(...cards.map((s) => s.id))
  requestAnimationFrame(() => requestAnimationFrame(() => editor.selectNone()))
}

/** Screen pixels between the board's top left and the edge, when it opens too big to fit. */
const READABLE_INSET_PX = 48

/**
 * Shows the whole board, unless that is further out than `minZoom`: then the
 * board's top left (a template's title and first area) at `minZoom`.
 */
function zoomToFitReadable(editor: Editor, minZoom: number | undefined): void {
  editor.zoomToFit({ animation: { duration: 0 } })
  if (minZoom === undefined || editor.getZoomLevel() >= minZoom) return
  // Too big to read at once: show what people made here (a card written in the room, results brought in),
  // so someone coming back finds their work; on a board still as the template laid it out, its start.
  const made = editor
    .getCurrentPageShapes()
    .filter((shape) => isMadeShape(shape))
    .map((shape) => editor.getShapePageBounds(shape.id))
    .filter((b): b is Box => b !== undefined)
  const bounds = made.length > 0 ? Box.Common(made) : editor.getCurrentPageBounds()
  if (bounds === undefined) return
  editor.zoomToBounds(bounds, { inset: READABLE_INSET_PX, targetZoom: 1, immediate: true })
  if (editor.getZoomLevel() >= minZoom) return
  const inset = READABLE_INSET_PX / minZoom
  editor.setCamera({ x: -bounds.x + inset, y: -bounds.y + inset, z: minZoom }, { immediate: true })
}

/** Lays out a new board's template, once: a board someone cleared stays clear. */
function layOutTemplate(editor: Editor, template: BoardTemplate, locale: Locale): void {
  if (template === 'blank') return
  const meta = editor.getDocumentSettings().meta
  if (meta.werkraumTemplate !== undefined) return
  if (!applyTemplate(editor, template, locale)) return
  // Kept out of undo, like the template itself.
  editor.run(() => editor.updateDocumentSettings({ meta: { ...meta, werkraumTemplate: template } }), { history: 'ignore' })
}

/** Vote badges over the notes; one object for all boards, so tldraw never remounts them. */
const VOTE_COMPONENTS: TLComponents = { InFrontOfTheCanvas: VoteBadges }

// Names in a workshop come from the header's dialog, not from tldraw's menu.
const noRename = (): void => undefined
const noSubscription = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined
const NO_VOTES: readonly ControlVote[] = []
const noTitle = (): undefined => undefined
