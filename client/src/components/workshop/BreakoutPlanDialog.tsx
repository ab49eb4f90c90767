import { ASSIGNMENT_MODES, BOARD_TEMPLATES, BreakoutLimits, type AssignmentMode, type BoardTemplate, type BreakoutPlan, type Phase } from '@werkraum/shared'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useModal } from '../useModal.ts'

interface BreakoutPlanDialogProps {
  readonly phase: Phase
  readonly defaultRoomTitle: (n: number) => string
  readonly onSave: (plan: BreakoutPlan) => void
  readonly onClose: () => void
}

/** Plans a breakout phase's rooms: how many, their names and challenges, the template, and who goes where. */
export function BreakoutPlanDialog({ phase, defaultRoomTitle, onSave, onClose }: BreakoutPlanDialogProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const ids = { heading: useId(), count: useId(), template: useId(), mode: useId(), capacity: useId() }
  const initial = phase.breakout
  const [rooms, setRooms] = useState(initial?.rooms.map((r) => ({ ...r })) ?? [1, 2, 3].map((n) => ({ title: defaultRoomTitle(n), challenge: '' })))
  const [template, setTemplate] = useState<BoardTemplate>(initial?.template ?? 'concept')
  const [mode, setMode] = useState<AssignmentMode>(initial?.mode ?? 'random')
  const [capacity, setCapacity] = useState(initial?.capacity !== undefined ? String(initial.capacity) : '')

  const setCount = (value: string): void => {
    const n = Math.max(1, Math.min(BreakoutLimits.MAX_ROOMS, Math.round(Number(value)) || 1))
    setRooms((current) => Array.from({ length: n }, (_, i) => current[i] ?? { title: defaultRoomTitle(i + 1), challenge: '' }))
  }
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const cap = Number(capacity)
    onSave({
      rooms: rooms.map((r, i) => ({ title: r.title.trim() || defaultRoomTitle(i + 1), challenge: r.challenge.trim() })),
      template,
      mode,
      ...(mode === 'self' && capacity !== '' && Number.isInteger(cap) && cap > 0 ? { capacity: cap } : {}),
    })
    close()
  }
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={ids.heading} onClose={onCloseEvent} data-testid="breakout-plan">
      <h2 id={ids.heading}>{t('rooms.planHeading', { title: phase.title })}</h2>
      <form onSubmit={submit}>
        <label htmlFor={ids.count}>{t('rooms.countLabel')}</label>
        <input id={ids.count} type="number" min={1} max={BreakoutLimits.MAX_ROOMS} value={rooms.length} onChange={(e) => setCount(e.target.value)} className="minutes-input" data-testid="plan-room-count" />
        <ol className="plan-rooms">
          {rooms.map((room, i) => (
            <li key={i} className="plan-room">
              <label>
                {t('rooms.roomName', { n: String(i + 1) })}
                <input type="text" value={room.title} maxLength={120} onChange={(e) => setRooms((rs) => rs.map((r, j) => (j === i ? { ...r, title: e.target.value } : r)))} />
              </label>
              <label>
                {t('rooms.challengeOf', { n: String(i + 1) })}
                <textarea value={room.challenge} maxLength={BreakoutLimits.MAX_CHALLENGE_CHARS} rows={2} onChange={(e) => setRooms((rs) => rs.map((r, j) => (j === i ? { ...r, challenge: e.target.value } : r)))} />
              </label>
            </li>
          ))}
        </ol>
        <label htmlFor={ids.template}>{t('console.template')}</label>
        <select id={ids.template} value={template} onChange={(e) => setTemplate(e.target.value as BoardTemplate)}>
          {BOARD_TEMPLATES.map((name) => (
            <option key={name} value={name}>
              {t(`templates.${name}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.mode}>{t('rooms.mode')}</label>
        <select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value as AssignmentMode)} data-testid="plan-mode">
          {ASSIGNMENT_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`rooms.modes.${m}`)}
            </option>
          ))}
        </select>
        {mode === 'self' ? (
          <>
            <label htmlFor={ids.capacity}>{t('rooms.capacity')}</label>
            <input id={ids.capacity} type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} className="minutes-input" />
          </>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" data-testid="plan-save">
            {t('name.save')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('name.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
