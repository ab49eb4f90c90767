import { roomOf, type Facilitation, type Role } from '@werkraum/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../AppLink.tsx'
import { workshopPath } from '../../routing/route.ts'
import { navigate } from '../../routing/useRoute.ts'

interface RoomsNavProps {
  readonly workshopId: string
  readonly participantId: string
  readonly role: Role
  readonly facilitation: Facilitation
  readonly currentBoardId: string | undefined
  /** The phase whose results gallery is open, if one is. */
  readonly currentResultsOf?: string | undefined
}

/**
 * The rooms in the side bar: during a breakout a participant's own room (the
 * facilitator and moderators see all), and afterwards the gallery of each
 * breakout's results, which everyone can open.
 */
export function RoomsNav({ workshopId, participantId, role, facilitation, currentBoardId, currentResultsOf }: RoomsNavProps) {
  const { t } = useTranslation()
  const resultsHeadingId = useId()
  const overseer = role === 'facilitator' || role === 'moderator' || role === 'observer'
  const link = (boardId: string, label: string, testId: string) => (
    <a
      className="nav-link"
      href={workshopPath(workshopId, { kind: 'board', boardId })}
      aria-current={boardId === currentBoardId ? 'page' : undefined}
      data-testid={testId}
      onClick={(event) => {
        event.preventDefault()
        navigate(workshopPath(workshopId, { kind: 'board', boardId }))
      }}
    >
      {label}
    </a>
  )
  const titleOf = (phaseId: string): string => facilitation.phases.find((p) => p.id === phaseId)?.title ?? t('rooms.breakout')
  const running = facilitation.breakouts.filter((b) => b.status === 'running')
  // A phase run twice has one gallery, of its latest run.
  const endedPhases = [...new Set(facilitation.breakouts.filter((b) => b.status === 'ended').map((b) => b.phaseId))]
  return (
    <>
      {running.map((breakout) => {
        const mine = roomOf(breakout.assignment, participantId)
        const rooms = overseer ? breakout.rooms : breakout.rooms.filter((r) => r.id === mine)
        return (
          <section key={breakout.phaseId} className="rooms-nav" aria-label={t('rooms.runningHeading', { title: titleOf(breakout.phaseId) })}>
            <h2 className="workshop-nav-heading">{t('rooms.runningHeading', { title: titleOf(breakout.phaseId) })}</h2>
            {rooms.length === 0 ? <p className="hint">{t('rooms.noRoomYet')}</p> : null}
            <ul>
              {rooms.map((room) => (
                <li key={room.id}>{link(room.boardId, t('rooms.roomWithCount', { title: room.title, count: (breakout.assignment[room.id] ?? []).length }), 'room-link')}</li>
              ))}
            </ul>
          </section>
        )
      })}
      {endedPhases.length > 0 ? (
        <section className="rooms-nav rooms-results" aria-labelledby={resultsHeadingId} data-testid="gallery">
          <h2 className="workshop-nav-heading" id={resultsHeadingId}>
            {t('rooms.gallery')}
          </h2>
          <ul>
            {endedPhases.map((phaseId) => (
              <li key={phaseId}>
                <AppLink className="nav-link" href={workshopPath(workshopId, { kind: 'results', phaseId })} aria-current={phaseId === currentResultsOf ? 'page' : undefined} data-testid="gallery-link">
                  {t('gallery.heading', { title: titleOf(phaseId) })}
                </AppLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
