import { breakoutOfPhase, type BreakoutRoom, type Facilitation, type Role } from '@werkraum/shared'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../components/AppLink.tsx'
import { BringResults } from '../components/workshop/BringResults.tsx'
import { RoomOutline, useRoomBoard } from '../components/workshop/RoomThumbnail.tsx'
import { workshopPath } from '../routing/route.ts'
import type { ControlBoard, ControlParticipant } from '../workshop/controlState.ts'

interface ResultsGalleryProps {
  readonly workshopId: string
  readonly token: string
  readonly phaseId: string
  readonly role: Role
  readonly facilitation: Facilitation
  readonly people: readonly ControlParticipant[]
  /** Every board of the workshop, room boards included. */
  readonly boards: readonly ControlBoard[]
  /** The plenary: where the facilitator brings the results. */
  readonly plenary: ControlBoard | undefined
  /** Shown under the heading: the vote that runs on these results, if one is open. */
  readonly children?: ReactNode
}

/**
 * What a breakout phase's rooms made, side by side: for each room a live
 * picture of its board, its task, who was in it and the titles of its
 * concept cards, with a way onto the board. Where participants land when the
 * breakout ends (unless the phase's plan says otherwise).
 */
export function ResultsGallery({ workshopId, token, phaseId, role, facilitation, people, boards, plenary, children }: ResultsGalleryProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const phase = facilitation.phases.find((p) => p.id === phaseId)
  const breakout = breakoutOfPhase(facilitation.breakouts, phaseId)
  const title = phase?.title ?? t('rooms.breakout')
  return (
    <section className="results-gallery" aria-labelledby={headingId} data-testid="results-gallery">
      <h2 id={headingId} className="results-heading">
        {t('gallery.heading', { title })}
      </h2>
      {children}
      {breakout === undefined ? (
        <div className="board-message" data-testid="results-none">
          <p>{t('gallery.none')}</p>
          <AppLink href={workshopPath(workshopId)}>{t('workshop.toPlenary')}</AppLink>
        </div>
      ) : (
        <>
          {breakout.status === 'running' ? <p className="hint">{t('gallery.stillRunning')}</p> : null}
          {role === 'facilitator' ? <BringResults workshopId={workshopId} token={token} breakout={breakout} target={plenary} boards={boards} /> : null}
          {breakout.rooms.length === 0 ? <p className="hint">{t('gallery.noRooms')}</p> : null}
          <ul className="gallery-grid">
            {breakout.rooms.map((room) => (
              <GalleryRoom key={room.id} workshopId={workshopId} token={token} room={room} members={(breakout.assignment[room.id] ?? []).map((id) => people.find((p) => p.id === id)?.name ?? '?')} />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function GalleryRoom({ workshopId, token, room, members }: { readonly workshopId: string; readonly token: string; readonly room: BreakoutRoom; readonly members: readonly string[] }) {
  const { t } = useTranslation()
  const headingId = useId()
  const picture = useRoomBoard(workshopId, room.boardId, token)
  const { concepts } = picture
  return (
    <li className="gallery-room" data-testid="gallery-room" data-board-id={room.boardId}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} data-testid="gallery-room-title">
          {room.title}
        </h3>
        <RoomOutline picture={picture} title={room.title} />
        <dl className="gallery-facts">
          {room.challenge !== '' ? (
            <>
              <dt>{t('gallery.task')}</dt>
              <dd data-testid="gallery-room-task">{room.challenge}</dd>
            </>
          ) : null}
          <dt>{t('gallery.members')}</dt>
          <dd data-testid="gallery-room-members">{members.length === 0 ? t('gallery.nobody') : members.join(', ')}</dd>
          <dt>{t('gallery.concepts')}</dt>
          <dd>
            {!picture.loaded ? (
              <span className="hint">{t('rooms.loadingBoard')}</span>
            ) : concepts.length === 0 ? (
              <span className="hint">{t('gallery.noConcepts')}</span>
            ) : (
              <ul className="gallery-concepts" data-testid="gallery-concepts">
                {concepts.map((c) => (
                  <li key={c.id} data-testid="gallery-concept">
                    {c.title !== '' ? c.title : <span className="hint">{t('gallery.untitled')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <AppLink className="button" href={workshopPath(workshopId, { kind: 'board', boardId: room.boardId })} data-testid="gallery-open-board">
          {t('gallery.open')}{' '}
          <span className="visually-hidden">{t('gallery.openOf', { title: room.title })}</span>
        </AppLink>
      </article>
    </li>
  )
}
