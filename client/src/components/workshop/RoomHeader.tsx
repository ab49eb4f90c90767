import { roomOfBoard, runningBreakout, workshopBoardDocName, type Facilitation } from '@werkraum/shared'
import { useTranslation } from 'react-i18next'
import { useBoardAuthors, writersBesides } from '../../board/authorship.ts'
import type { ControlParticipant } from '../../workshop/controlState.ts'

interface RoomHeaderProps {
  readonly workshopId: string
  readonly facilitation: Facilitation
  readonly boardId: string
  readonly people: readonly ControlParticipant[]
}

/** Above a room's board: the room, the group's challenge, who is in it, and who else wrote on its board. */
export function RoomHeader({ workshopId, facilitation, boardId, people }: RoomHeaderProps) {
  const { t } = useTranslation()
  const authors = useBoardAuthors(workshopBoardDocName(workshopId, boardId))
  const found = roomOfBoard(facilitation.breakouts, boardId)
  if (found === undefined) return null
  const { breakout, room } = found
  const memberIds = breakout.assignment[room.id] ?? []
  const names = memberIds.map((id) => people.find((p) => p.id === id)?.name ?? '').filter((n) => n !== '')
  // Someone moved to another room (or the facilitator helping out) still wrote part of this result.
  const others = writersBesides(memberIds, authors, people)
  const isRunning = runningBreakout(facilitation.breakouts) === breakout
  return (
    <div className="room-header" data-testid="room-header">
      <p className="room-title">
        {t('rooms.room', { title: room.title })}
        {!isRunning ? <span className="board-flag"> {t('rooms.result')}</span> : null}
      </p>
      {room.challenge !== '' ? (
        <p className="room-challenge" data-testid="room-challenge">
          <strong>{t('rooms.challenge')}</strong> {room.challenge}
        </p>
      ) : null}
      <p className="room-members">{names.length > 0 ? t('rooms.members', { names: names.join(', ') }) : t('rooms.nobody')}</p>
      {others.length > 0 ? (
        <p className="room-members" data-testid="room-writers">
          {t(names.length > 0 ? 'rooms.alsoWrittenBy' : 'rooms.writtenBy', { names: others.join(', ') })}
        </p>
      ) : null}
    </div>
  )
}
