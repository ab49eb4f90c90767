import { breakoutOfPhase, type Breakout, type BreakoutRoom, type Facilitation, type Role } from '@werkraum/shared'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../components/AppLink.tsx'
import { BringResults } from '../components/workshop/BringResults.tsx'
import { NOT_LOADED, RoomOutline, type RoomBoardPicture } from '../components/workshop/RoomThumbnail.tsx'
import { workshopPath } from '../routing/route.ts'
import type { ControlBoard, ControlParticipant } from '../workshop/controlState.ts'
import { useGallerySummary } from '../workshop/gallerySummary.ts'

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
 * What a breakout phase's rooms made, side by side: for each room a picture
 * of its board (from the server's summary, asked again every few seconds), its task, who was in it and the titles of its
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
          {breakout.rooms.length === 0 ? <p className="hint">{t('gallery.noRooms')}</p> : <GalleryGrid workshopId={workshopId} token={token} breakout={breakout} people={people} />}
        </>
      )}
    </section>
  )
}

/** The rooms' cards, drawn from one summary of all rooms that the server sends. */
function GalleryGrid({ workshopId, token, breakout, people }: { readonly workshopId: string; readonly token: string; readonly breakout: Breakout; readonly people: readonly ControlParticipant[] }) {
  const { t } = useTranslation()
  // Asked again at once when the breakout ends or its rooms change.
  const { summary, failed } = useGallerySummary(workshopId, token, breakout.phaseId, `${breakout.status} ${breakout.rooms.map((r) => r.boardId).join(',')}`)
  const pictureOf = (room: BreakoutRoom): RoomBoardPicture => {
    const found = summary?.rooms.find((r) => r.roomId === room.id && r.boardId === room.boardId)
    return found ? { loaded: true, outline: found.outline, concepts: found.concepts, shapes: found.shapes } : NOT_LOADED
  }
  return (
    <>
      <p className="hint" role="status" data-testid="gallery-status">
        {failed ? (summary === undefined ? t('gallery.loadFailed') : t('gallery.refreshFailed')) : summary === undefined ? t('gallery.loading') : null}
      </p>
      <ul className="gallery-grid">
        {breakout.rooms.map((room) => (
          <GalleryRoom key={room.id} workshopId={workshopId} room={room} picture={pictureOf(room)} members={(breakout.assignment[room.id] ?? []).map((id) => people.find((p) => p.id === id)?.name ?? '?')} />
        ))}
      </ul>
    </>
  )
}

function GalleryRoom({ workshopId, room, picture, members }: { readonly workshopId: string; readonly room: BreakoutRoom; readonly picture: RoomBoardPicture; readonly members: readonly string[] }) {
  const { t } = useTranslation()
  const headingId = useId()
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
                {concepts.map((title, i) => (
                  <li key={i} data-testid="gallery-concept">
                    {title !== '' ? title : <span className="hint">{t('gallery.untitled')}</span>}
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
