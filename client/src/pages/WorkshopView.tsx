import { permissionsOf, runningBreakout, type WorkshopView as WorkshopViewData } from '@werkraum/shared'
import { useCallback, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink, BrandLink } from '../components/AppLink.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { NameDialog } from '../components/NameDialog.tsx'
import { SimpleModeSwitch } from '../components/SimpleModeSwitch.tsx'
import { SiteLinks } from '../components/SiteLinks.tsx'
import { SkipLink } from '../components/SkipLink.tsx'
import { ColorDialog } from '../components/workshop/ColorDialog.tsx'
import { MenuToggle, useMenu } from '../components/workshop/WorkshopMenu.tsx'
import { AgendaList } from '../components/workshop/AgendaList.tsx'
import { BroadcastBanner } from '../components/workshop/BroadcastBanner.tsx'
import { PhaseTimer } from '../components/workshop/PhaseTimer.tsx'
import { RoomChooser } from '../components/workshop/RoomChooser.tsx'
import { RoomHeader } from '../components/workshop/RoomHeader.tsx'
import { RoomsNav } from '../components/workshop/RoomsNav.tsx'
import { VoteAnnouncer } from '../components/workshop/VoteAnnouncer.tsx'
import { VotePanel } from '../components/workshop/VotePanel.tsx'
import { WorkshopNav } from '../components/workshop/WorkshopNav.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { workshopPath, type WorkshopSubview } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'
import { loadIdentity, randomColor, saveIdentity, type Identity } from '../user/identity.ts'
import { credentialFor, updateCredential } from '../workshop/credentials.ts'
import { readOnlyReason } from '../workshop/boardAccess.ts'
import { forgetWorkshop } from '../workshop/forget.ts'
import { useBreakoutNavigation } from '../workshop/useBreakoutNavigation.ts'
import { useCommand } from '../workshop/useCommand.ts'
import { useSummon } from '../workshop/useSummon.ts'
import { currentRole, visibleBoards, type WorkshopSession, type WorkshopSnapshot } from '../workshop/workshopSession.ts'
import { NamePrompt } from './NamePrompt.tsx'
import { ResultsGallery } from './ResultsGallery.tsx'
import { WorkshopBoard } from './WorkshopBoard.tsx'
import { WorkshopConsole } from './WorkshopConsole.tsx'

/** The gallery's vote panel has no canvas to lend its dots to. */
const ignore = (): void => undefined

interface WorkshopViewProps {
  readonly session: WorkshopSession
  readonly snapshot: WorkshopSnapshot
  readonly workshop: WorkshopViewData
  readonly subview: WorkshopSubview
}

/** An open workshop: header, board list, and the chosen board or the console. */
export function WorkshopView({ session, snapshot, workshop, subview }: WorkshopViewProps) {
  const { t } = useTranslation()
  const control = snapshot.control
  const title = control?.title || workshop.title
  const role = currentRole(workshop, control)
  const permissions = permissionsOf(role)
  const boards = visibleBoards(workshop, control)
  const { identity, named, setName, setColor } = useWorkshopIdentity(workshop, snapshot)
  const [editing, setEditing] = useState(false)
  const now = session.clock?.now ?? Date.now
  const menuId = useId()
  const menu = useMenu(subview)

  // Room boards are not in the list but can be opened (one's own room, the gallery).
  const openable = control?.boards.filter((b) => !b.archived) ?? boards
  const titleOf = (boardId: string): string | undefined => openable.find((b) => b.id === boardId)?.title
  const board = subview.kind === 'board' ? (subview.boardId === undefined ? boards[0] : openable.find((b) => b.id === subview.boardId)) : undefined
  const facilitation = control?.facilitation
  const breakoutNow = facilitation ? runningBreakout(facilitation.breakouts) : undefined
  const openVote = control?.votes.find((v) => v.status === 'open')
  const commands = useCommand(workshop.id, session.token)
  useBreakoutNavigation(workshop.id, workshop.participantId, role, facilitation, subview)
  const summon = useSummon(workshop.id, control === undefined ? undefined : (facilitation?.summon ?? null), role)
  const showConsole = subview.kind === 'console' && permissions.manageBoards
  const resultsOf = subview.kind === 'results' ? subview.phaseId : undefined
  const resultsTitle = resultsOf !== undefined ? t('gallery.heading', { title: facilitation?.phases.find((p) => p.id === resultsOf)?.title ?? t('rooms.breakout') }) : undefined
  useDocumentTitle(t('workshop.pageTitle', { title: showConsole ? t('console.heading') : (resultsTitle ?? board?.title ?? title) }))

  if (identity === undefined) return <NamePrompt context={title} opens={showConsole ? 'console' : 'board'} onSubmit={setName} />

  return (
    <div className="board-page workshop-page" data-role={role} data-menu-open={menu.open}>
      <SkipLink />
      <header className="board-header workshop-header">
        <BrandLink />
        <h1 className="board-title" data-testid="workshop-title">
          {title}
        </h1>
        {control !== undefined ? (
          <PhaseTimer
            timer={control.facilitation.timer}
            now={now}
            phase={control.facilitation.phases.find((p) => p.id === control.facilitation.currentPhaseId)}
          />
        ) : null}
        <MenuToggle menu={menu} controls={`${menuId}-tools ${menuId}-nav`} />
        {/* In the header on a desktop, in the menu on a phone (layout.css). Settings (simple mode …) go here too. */}
        <div className="header-tools" id={`${menuId}-tools`} onKeyDown={menu.onKeyDown}>
          <span className="role-badge" data-testid="own-role">
            {t(`roles.${role}`)}
          </span>
          <button type="button" className="button identity-button" data-testid="change-identity" onClick={() => setEditing(true)}>
            <span className="presence-swatch" style={{ backgroundColor: identity.color }} aria-hidden="true" />
            {t('workshop.you', { name: identity.name })}
          </button>
          <SimpleModeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <div className="workshop-body">
        <WorkshopNav id={`${menuId}-nav`} onKeyDown={menu.onKeyDown} workshopId={workshop.id} boards={boards} currentBoardId={showConsole ? undefined : board?.id} showConsoleLink={permissions.manageBoards} consoleCurrent={showConsole}>
          {facilitation !== undefined ? (
            <>
              <RoomsNav workshopId={workshop.id} participantId={workshop.participantId} role={role} facilitation={facilitation} currentBoardId={showConsole ? undefined : board?.id} currentResultsOf={resultsOf} />
              <AgendaList workshopId={workshop.id} facilitation={facilitation} now={now} />
            </>
          ) : null}
          {/* Beside the board on a desktop, in the menu on a phone: never at the board's cost of height. */}
          <SiteLinks />
        </WorkshopNav>
        <main id="main" tabIndex={-1} className="board-main workshop-main">
          <BroadcastBanner broadcast={control === undefined ? undefined : (facilitation?.broadcast ?? null)} />
          <VoteAnnouncer votes={control?.votes} />
          {breakoutNow?.mode === 'self' && role === 'participant' && !showConsole ? (
            <RoomChooser breakout={breakoutNow} participantId={workshop.participantId} commands={commands} />
          ) : null}
          {board !== undefined && facilitation !== undefined && !showConsole ? (
            <RoomHeader workshopId={workshop.id} facilitation={facilitation} boardId={board.id} people={control?.participants ?? []} />
          ) : null}
          {showConsole ? (
            <WorkshopConsole session={session} workshop={workshop} control={control} role={role} />
          ) : resultsOf !== undefined ? (
            control === undefined ? (
              <p className="board-message">{t('workshop.loading')}</p>
            ) : (
              <ResultsGallery workshopId={workshop.id} token={session.token} phaseId={resultsOf} role={role} facilitation={control.facilitation} people={control.participants} boards={control.boards} plenary={boards[0]}>
                {/* A vote that opens as the breakout ends (the next phase of a planned sprint) runs on these results: vote from here, or open a board. */}
                {openVote !== undefined ? (
                  <VotePanel key={openVote.id} workshopId={workshop.id} token={session.token} boardId="" vote={openVote} editor={undefined} canVote={role !== 'observer'} titleOf={titleOf} onMine={ignore} onCast={ignore} />
                ) : null}
              </ResultsGallery>
            )
          ) : board !== undefined ? (
            <WorkshopBoard
              key={board.id}
              workshopId={workshop.id}
              token={session.token}
              board={board}
              readOnlyReason={readOnlyReason(role, board, facilitation, workshop.participantId)}
              locale={workshop.locale}
              identity={identity}
              summon={summon}
              votes={control?.votes}
              titleOf={titleOf}
              canVote={role !== 'observer'}
              onSummonEveryone={role === 'facilitator' ? (bounds) => void commands.run({ type: 'summon', boardId: board.id, bounds }) : undefined}
            />
          ) : (
            <div className="board-message" role="alert" data-testid="board-unavailable">
              <p>{subview.kind === 'console' ? t('console.notAllowed') : t('workshop.boardUnavailable')}</p>
              <AppLink href={workshopPath(workshop.id)}>{t('workshop.toPlenary')}</AppLink>
            </div>
          )}
        </main>
      </div>
      {editing && !named ? <NameDialog currentName={identity.name} onSave={setName} onClose={() => setEditing(false)} /> : null}
      {editing && named ? (
        <ColorDialog
          name={identity.name}
          color={identity.color}
          onSave={setColor}
          onClose={() => setEditing(false)}
          onLeave={() => {
            void forgetWorkshop(workshop.id)
            navigate('/', { replace: true })
          }}
        />
      ) : null}
    </div>
  )
}

/**
 * Who we are on this workshop's boards. People who joined with a code have
 * their name on the server (the facilitator may change it) and pick only
 * their colour. The shared facilitator and observer links carry no name, so
 * their holders use this browser's own name, asked once.
 */
function useWorkshopIdentity(workshop: WorkshopViewData, snapshot: WorkshopSnapshot) {
  const named = workshop.name !== ''
  const [local, setLocal] = useState<Identity | undefined>(loadIdentity)
  const [color, setColorState] = useState(() => {
    const chosen = credentialFor(workshop.id)?.color ?? local?.color ?? randomColor()
    // Kept with the workshop, so that a reload shows the same colour.
    updateCredential(workshop.id, { color: chosen })
    return chosen
  })
  const serverName = snapshot.control?.participants.find((p) => p.id === workshop.participantId)?.name ?? workshop.name

  const setColor = useCallback(
    (next: string) => {
      updateCredential(workshop.id, { color: next })
      setColorState(next)
    },
    [workshop.id],
  )
  const setName = useCallback((name: string) => setLocal((previous) => saveIdentity(name, previous)), [])

  const identity = useMemo<Identity | undefined>(() => {
    if (named) return { id: workshop.participantId, name: serverName, color }
    return local === undefined ? undefined : { id: local.id, name: local.name, color }
  }, [named, workshop.participantId, serverName, color, local])

  return { identity, named, setName, setColor }
}

