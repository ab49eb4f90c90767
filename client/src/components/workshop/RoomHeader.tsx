import { roomOfBoard, runningBreakout, type Facilitation } from '@werkraum/shared'
import { useTranslation } from 'react-i18next'
import type { ControlParticipant } from '../../workshop/controlState.ts'

/** Above a room's board: the room, the group's challenge, and who is in it. */
export function RoomHeader({ facilitation, boardId, people }: { readonly facilitation: Facilitation; readonly boardId: string; readonly people: readonly ControlParticipant[] }) {
  const { t } = useTranslation()
  const found = roomOfBoard(facilitation.breakouts, boardId)
  if (found === undefined) return null
  const { breakout, room } = found
  const names = (breakout.assignment[room.id] ?? []).map((id) => people.find((p) => p.id === id)?.name ?? '').filter((n) => n !== '')
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
    </div>
  )
}
