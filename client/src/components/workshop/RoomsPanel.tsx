import { BreakoutLimits, breakoutOfPhase, runningBreakout, type Breakout, type Facilitation } from '@werkraum/shared'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { workshopPath } from '../../routing/route.ts'
import { navigate } from '../../routing/useRoute.ts'
import type { ControlBoard, ControlParticipant } from '../../workshop/controlState.ts'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { AppLink } from '../AppLink.tsx'
import { ActionButton } from './ActionButton.tsx'
import { BringResults } from './BringResults.tsx'
import { RoomThumbnail } from './RoomThumbnail.tsx'

interface RoomsPanelProps {
  /** Facilitators steer (move, broadcast, pitch, reopen); moderators watch. */
  readonly canCommand: boolean
  readonly workshopId: string
  /** For the live outlines of the room boards. */
  readonly token: string
  readonly facilitation: Facilitation
  readonly people: readonly ControlParticipant[]
  /** Every board, room boards included: the plenary receives results, and is named once it has them. */
  readonly boards: readonly ControlBoard[]
  readonly commands: CommandRunner
}

/**
 * All rooms at once for the facilitator: who is where, moving people, entering
 * a room, a message to everyone; after the breakout, its results (the
 * gallery, bringing them into the plenary, pitches) and reopening its boards.
 */
export function RoomsPanel({ canCommand, workshopId, token, facilitation, people, boards, commands }: RoomsPanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const running = runningBreakout(facilitation.breakouts)
  const lastEnded = [...facilitation.breakouts].reverse().find((b) => b.status === 'ended')
  return (
    <section className="card console-section" aria-labelledby={headingId} data-testid="rooms-panel">
      <h3 id={headingId}>{t('rooms.panelHeading')}</h3>
      {canCommand ? <BroadcastForm commands={commands} current={facilitation.broadcast?.text} /> : null}
      {running !== undefined ? (
        <RoomGrid workshopId={workshopId} token={token} breakout={running} people={people} commands={canCommand ? commands : undefined} />
      ) : (
        <p className="hint">{t('rooms.noneRunning')}</p>
      )}
      {running === undefined && lastEnded !== undefined ? (
        <EndedResults canCommand={canCommand} workshopId={workshopId} token={token} facilitation={facilitation} boards={boards} commands={commands} />
      ) : null}
      {canCommand && running === undefined && lastEnded !== undefined ? (
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
  /** Without commands (a moderator) the grid only shows. */
  readonly commands: CommandRunner | undefined
}

function RoomGrid({ workshopId, token, breakout, people, commands }: RoomGridProps) {
  const { t } = useTranslation()
  const nameOf = (id: string): string => people.find((p) => p.id === id)?.name ?? '?'
  const placed = new Set(Object.values(breakout.assignment).flat())
  // Participants without a room (yet): in self-select breakouts, or not there when it started.
  const unplaced = people.filter((p) => p.role === 'participant' && !placed.has(p.id))
  return (
    <>
    {unplaced.length > 0 ? (
      <div className="unplaced" data-testid="unplaced">
        <h4>{t('rooms.unplaced', { count: unplaced.length })}</h4>
        <ul className="room-members-list">
          {unplaced.map((p) => (
            <li key={p.id}>
              {commands !== undefined ? <MoveControl name={p.name} participantId={p.id} breakout={breakout} currentRoom="" commands={commands} /> : p.name}
            </li>
          ))}
        </ul>
      </div>
    ) : null}
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
                  {commands !== undefined ? <MoveControl name={nameOf(id)} participantId={id} breakout={breakout} currentRoom={room.id} commands={commands} /> : nameOf(id)}
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
    </>
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
          {currentRoom === '' ? <option value="">{t('rooms.noRoom')}</option> : null}
          {breakout.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </label>
      <ActionButton unavailable={target === currentRoom || target === ''} aria-label={t('rooms.moveApply', { name })} data-testid="move-apply" onClick={() => void commands.run({ type: 'moveToRoom', participantId, roomId: target })}>
        {t('rooms.move')}
      </ActionButton>
    </span>
  )
}

function BroadcastForm({ commands, current }: { readonly commands: CommandRunner; readonly current: string | undefined }) {
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
      {current !== undefined ? (
        <p className="hint">
          {t('broadcast.current', { text: current })}{' '}
          <ActionButton data-testid="broadcast-clear" onClick={() => void commands.run({ type: 'clearBroadcast' })}>
            {t('broadcast.clear')}
          </ActionButton>
        </p>
      ) : null}
    </form>
  )
}

/**
 * The results of an ended breakout, any of them (the latest first chosen):
 * its gallery, bringing them into the plenary, and pitches of its rooms.
 */
function EndedResults({ canCommand, workshopId, token, facilitation, boards, commands }: Omit<RoomsPanelProps, 'people'>) {
  const { t } = useTranslation()
  const chooserId = useId()
  // A phase run twice has one gallery, of its latest run.
  const phases = [...new Set(facilitation.breakouts.filter((b) => b.status === 'ended').map((b) => b.phaseId))].reverse()
  const [chosen, setChosen] = useState<string>()
  const phaseId = chosen !== undefined && phases.includes(chosen) ? chosen : phases[0]
  const breakout = phaseId !== undefined ? breakoutOfPhase(facilitation.breakouts, phaseId) : undefined
  if (phaseId === undefined || breakout === undefined) return null
  const titleOf = (id: string): string => facilitation.phases.find((p) => p.id === id)?.title ?? t('rooms.breakout')
  return (
    <div className="ended-results" data-testid="ended-results">
      {phases.length > 1 ? (
        <p className="ended-results-choice">
          <label htmlFor={chooserId}>{t('gallery.choose')}</label>{' '}
          <select id={chooserId} value={phaseId} onChange={(e) => setChosen(e.target.value)} data-testid="results-phase">
            {phases.map((id) => (
              <option key={id} value={id}>
                {titleOf(id)}
              </option>
            ))}
          </select>
        </p>
      ) : (
        <h4>{t('gallery.heading', { title: titleOf(phaseId) })}</h4>
      )}
      <p>
        <AppLink className="button button--small" href={workshopPath(workshopId, { kind: 'results', phaseId })} data-testid="open-gallery">
          {t('gallery.view')}
        </AppLink>
      </p>
      {canCommand ? <BringResults key={phaseId} workshopId={workshopId} token={token} breakout={breakout} target={boards.find((b) => !b.archived && !b.room)} boards={boards} /> : null}
      {canCommand ? <PitchList breakout={breakout} commands={commands} /> : null}
    </div>
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
