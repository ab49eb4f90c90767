import { roomOfBoard, runningBreakout, workshopBoardDocName, type Facilitation } from '@werkraum/shared'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoardAuthors, writersBesides } from '../../board/authorship.ts'
import { usePanelOpen } from '../../settings/panelFolds.ts'
import type { ControlParticipant } from '../../workshop/controlState.ts'
import { NAVIGATION_FOCUS_ATTRIBUTE, takeRoomHeadingFocus } from '../../workshop/roomFocus.ts'

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
  const detailsId = useId()
  // On a phone the task shows as one line until opened (layout.css); a desktop shows it all and no button.
  const [open, setOpen] = usePanelOpen(workshopId, 'task', false)
  const found = roomOfBoard(facilitation.breakouts, boardId)
  // Moved here by the facilitator or a starting breakout: the keyboard lands on the room's name (roomFocus.ts).
  const heading = useRef<HTMLHeadingElement>(null)
  const shown = found !== undefined
  useEffect(() => {
    if (shown && heading.current !== null && takeRoomHeadingFocus(boardId)) heading.current.focus()
  }, [shown, boardId])
  if (found === undefined) return null
  const { breakout, room } = found
  const memberIds = breakout.assignment[room.id] ?? []
  const names = memberIds.map((id) => people.find((p) => p.id === id)?.name ?? '').filter((n) => n !== '')
  // Someone moved to another room (or the facilitator helping out) still wrote part of this result.
  const others = writersBesides(memberIds, authors, people)
  const isRunning = runningBreakout(facilitation.breakouts) === breakout
  return (
    <div className="room-header" data-testid="room-header" data-open={open}>
      <div className="room-header-line">
        <h2 className="room-title" ref={heading} tabIndex={-1} {...{ [NAVIGATION_FOCUS_ATTRIBUTE]: '' }} data-testid="room-title">
          {t('rooms.room', { title: room.title })}
          {!isRunning ? <span className="board-flag"> {t('rooms.result')}</span> : null}
        </h2>
        <button type="button" className="button button--small disclosure room-task-toggle" aria-expanded={open} aria-controls={detailsId} data-testid="task-toggle" onClick={() => setOpen(!open)}>
          {t('layout.task')}
        </button>
      </div>
      <div className="room-details" id={detailsId}>
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
    </div>
  )
}
