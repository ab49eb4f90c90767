import { BreakoutLimits, runningBreakout, type Breakout, type Facilitation } from '@werkraum/shared'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { workshopPath } from '../../routing/route.ts'
import { navigate } from '../../routing/useRoute.ts'
import type { ControlParticipant } from '../../workshop/controlState.ts'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { ActionButton } from './ActionButton.tsx'
import { RoomThumbnail } from './RoomThumbnail.tsx'

interface RoomsPanelProps {
  readonly workshopId: string
  /** For the live outlines of the room boards. */
  readonly token: string
  readonly facilitation: Facilitation
  readonly people: readonly ControlParticipant[]
  readonly commands: CommandRunner
}

/**
 * All rooms at once for the facilitator: who is where, moving people, entering
 * a room, a message to everyone; after the breakout, reopening its boards.
 */
export function RoomsPanel({ workshopId, token, facilitation, people, commands }: RoomsPanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const running = runningBreakout(facilitation.breakouts)
  const lastEnded = [...facilitation.breakouts].reverse().find((b) => b.status === 'ended')
  return (
    <section className="card console-section" aria-labelledby={headingId} data-testid="rooms-panel">
      <h3 id={headingId}>{t('rooms.panelHeading')}</h3>
      <BroadcastForm commands={commands} />
      {running !== undefined ? (
        <RoomGrid workshopId={workshopId} token={token} breakout={running} people={people} commands={commands} />
      ) : (
        <p className="hint">{t('rooms.noneRunning')}</p>
      )}
      {running === undefined && lastEnded !== undefined ? <PitchList breakout={lastEnded} commands={commands} /> : null}
      {running === undefined && lastEnded !== undefined ? (
        <div className="form-actions">
          <ActionButton data-testid="reopen-rooms" onClick={() => void commands.run({ type: 'reopenRooms', open: !lastEnded.reopened })}>
            {lastEnded.reopened ? t('rooms.closeAgain') : t('rooms.reopen')}
          </ActionButton>
        </div>
      ) : null}
    </section>
  )
}

interface RoomGridProps {
  readonly workshopId: string
  readonly token: string
  readonly breakout: Breakout
  readonly people: readonly ControlParticipant[]
  readonly commands: CommandRunner
}

function RoomGrid({ workshopId, token, breakout, people, commands }: RoomGridProps) {
  const { t } = useTranslation()
  const nameOf = (id: string): string => people.find((p) => p.id === id)?.name ?? '?'
  return (
    <ul className="room-grid" data-testid="room-grid">
      {breakout.rooms.map((room) => {
        const members = breakout.assignment[room.id] ?? []
        return (
          <li key={room.id} className="room-card" data-testid="room-card">
            <h4>{room.title}</h4>
            <RoomThumbnail workshopId={workshopId} boardId={room.boardId} token={token} title={room.title} />
            {room.challenge !== '' ? <p className="hint">{room.challenge}</p> : null}
            <ul className="room-members-list">
              {members.length === 0 ? <li className="hint">{t('rooms.nobody')}</li> : null}
              {members.map((id) => (
                <li key={id}>
                  <MoveControl name={nameOf(id)} participantId={id} breakout={breakout} currentRoom={room.id} commands={commands} />
                </li>
              ))}
            </ul>
            <a
              className="button button--small"
              href={workshopPath(workshopId, { kind: 'board', boardId: room.boardId })}
              data-testid="enter-room"
              onClick={(event) => {
                event.preventDefault()
                navigate(workshopPath(workshopId, { kind: 'board', boardId: room.boardId }))
              }}
            >
              {t('rooms.enter', { title: room.title })}
            </a>
          </li>
        )
      })}
    </ul>
  )
}

function MoveControl({ name, participantId, breakout, currentRoom, commands }: { readonly name: string; readonly participantId: string; readonly breakout: Breakout; readonly currentRoom: string; readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const [target, setTarget] = useState(currentRoom)
  return (
    <span className="person-role">
      <span>{name}</span>
      <label>
        <span className="visually-hidden">{t('rooms.moveLabel', { name })}</span>
        <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="move-select">
          {breakout.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </label>
      <ActionButton unavailable={target === currentRoom} aria-label={t('rooms.moveApply', { name })} data-testid="move-apply" onClick={() => void commands.run({ type: 'moveToRoom', participantId, roomId: target })}>
        {t('rooms.move')}
      </ActionButton>
    </span>
  )
}

function BroadcastForm({ commands }: { readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (text.trim() === '') return
    if (await commands.run({ type: 'broadcast', text: text.trim() })) setText('')
  }
  return (
    <form className="quick-timer" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>{t('broadcast.label')}</label>
      <div className="copy-row">
        <input id={id} type="text" value={text} maxLength={BreakoutLimits.MAX_BROADCAST_CHARS} onChange={(e) => setText(e.target.value)} data-testid="broadcast-text" />
        <button type="submit" className="button" data-testid="broadcast-send">
          {t('broadcast.send')}
        </button>
      </div>
    </form>
  )
}

/**
 * Pitch mode: one room's result on everyone's screen, with a short timer,
 * one after another.
 */
function PitchList({ breakout, commands }: { readonly breakout: Breakout; readonly commands: CommandRunner }) {
  const { t } = useTranslation()
  const minutesId = useId()
  const [minutes, setMinutes] = useState('3')
  const pitch = async (boardId: string): Promise<void> => {
    const value = Number(minutes)
    if (!(await commands.run({ type: 'summon', boardId, bounds: null }))) return
    if (Number.isFinite(value) && value > 0) await commands.run({ type: 'startTimer', minutes: Math.min(value, 60) })
  }
  return (
    <div className="pitches" data-testid="pitches">
      <h4>{t('rooms.pitchHeading')}</h4>
      <label htmlFor={minutesId}>{t('rooms.pitchMinutes')}</label>
      <input id={minutesId} type="number" min={0} max={60} value={minutes} onChange={(e) => setMinutes(e.target.value)} className="minutes-input" />
      <ul className="room-choices">
        {breakout.rooms.map((room) => (
          <li key={room.id}>
            <ActionButton data-testid="pitch-room" onClick={() => void pitch(room.boardId)}>
              {t('rooms.pitchOf', { title: room.title })}
            </ActionButton>
          </li>
        ))}
      </ul>
    </div>
  )
}
