import { roomOf, type Breakout } from '@werkraum/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { ActionButton } from './ActionButton.tsx'

/** Self-select breakouts: a participant picks (or changes) their room while it has space. */
export function RoomChooser({ breakout, participantId, commands }: { readonly breakout: Breakout; readonly participantId: string; readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const headingId = useId()
  const mine = roomOf(breakout.assignment, participantId)
  return (
    <section className="room-chooser" aria-labelledby={headingId} data-testid="room-chooser">
      <h2 id={headingId} className="board-toolbar-title">
        {mine === undefined ? t('rooms.chooseHeading') : t('rooms.changeHeading')}
      </h2>
      <ul className="room-choices">
        {breakout.rooms.map((room) => {
          const count = (breakout.assignment[room.id] ?? []).length
          const full = breakout.capacity !== undefined && count >= breakout.capacity && mine !== room.id
          return (
            <li key={room.id} className="room-choice">
              <span>
                {room.title} ({breakout.capacity !== undefined ? t('rooms.countOf', { count, capacity: String(breakout.capacity) }) : t('rooms.count', { count })})
              </span>
              <ActionButton
                unavailable={full || mine === room.id}
                data-testid="choose-room"
                aria-label={t('rooms.chooseOf', { title: room.title })}
                onClick={() => void commands.run({ type: 'chooseRoom', roomId: room.id })}
              >
                {mine === room.id ? t('rooms.yours') : full ? t('rooms.full') : t('rooms.choose')}
              </ActionButton>
            </li>
          )
        })}
      </ul>
      {commands.error !== undefined ? (
        <p className="form-error" role="alert">
          {commands.error}
        </p>
      ) : null}
    </section>
  )
}
