import { roomOf, type Facilitation, type Role } from '@werkraum/shared'
import { useTranslation } from 'react-i18next'
import { workshopPath } from '../../routing/route.ts'
import { navigate } from '../../routing/useRoute.ts'

interface RoomsNavProps {
  readonly workshopId: string
  readonly participantId: string
  readonly role: Role
  readonly facilitation: Facilitation
  readonly currentBoardId: string | undefined
}

/**
 * The rooms in the side bar: during a breakout a participant's own room (the
 * facilitator and moderators see all), and afterwards every room of every
 * breakout as a gallery of results that everyone can open.
 */
export function RoomsNav({ workshopId, participantId, role, facilitation, currentBoardId }: RoomsNavProps) {
  const { t } = useTranslation()
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
  const ended = facilitation.breakouts.filter((b) => b.status === 'ended')
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
      {ended.length > 0 ? (
        <details className="agenda rooms-gallery" data-testid="gallery">
          <summary>{t('rooms.gallery')}</summary>
          {ended.map((breakout) => (
            <div key={breakout.phaseId}>
              <p className="gallery-phase">{titleOf(breakout.phaseId)}</p>
              <ul>
                {breakout.rooms.map((room) => (
                  <li key={room.id}>{link(room.boardId, room.title, 'gallery-link')}</li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ) : null}
    </>
  )
}
