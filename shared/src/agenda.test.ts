import { describe, expect, it } from 'vitest'
import { EMPTY_FACILITATION, applyAgendaCommand, applyDueTimer, parseFacilitation, type AgendaCommand, type Facilitation } from './agenda.ts'
import { remainingMs } from './timer.ts'

function run(state: Facilitation, command: AgendaCommand, now: number): Facilitation {
  let n = 0
  const result = applyAgendaCommand(state, command, now, () => `p${state.phases.length + ++n}`)
  if (!result.ok) throw new Error(result.error)
  return result.state
}

function plan(): Facilitation {
  let s = run(EMPTY_FACILITATION, { type: 'addPhase', title: 'Begrüßung', kind: 'plenary', plannedMinutes: 10 }, 0)
  s = run(s, { type: 'addPhase', title: 'Gruppenarbeit', kind: 'breakout', plannedMinutes: 30 }, 0)
  return run(s, { type: 'addPhase', title: 'Pause', kind: 'break', plannedMinutes: 0 }, 0)
}

describe('agenda', () => {
  it('starts a phase with its planned timer and ends the previous one', () => {
    let s = run(plan(), { type: 'startPhase', phaseId: 'p1' }, 1000)
    expect(s.currentPhaseId).toBe('p1')
    expect(remainingMs(s.timer, 1000)).toBe(10 * 60_000)
    s = run(s, { type: 'startPhase', phaseId: 'p2' }, 5000)
    expect(s.phases.map((p) => [p.id, p.status, p.startedAt, p.endedAt])).toEqual([
      ['p1', 'done', 1000, 5000],
      ['p2', 'running', 5000, undefined],
      ['p3', 'planned', undefined, undefined],
    ])
    expect(remainingMs(s.timer, 5000)).toBe(30 * 60_000)
    // A phase without planned time has no countdown.
    s = run(s, { type: 'startPhase', phaseId: 'p3' }, 6000)
    expect(s.timer.status).toBe('idle')
  })

  it('ends the running phase when its timer falls due, also long after', () => {
    const s = run(plan(), { type: 'startPhase', phaseId: 'p1' }, 0)
    expect(applyDueTimer(s, 10 * 60_000 - 1)).toBeUndefined()
    const ended = applyDueTimer(s, 3 * 60 * 60_000)!
    expect(ended.currentPhaseId).toBeNull()
    expect(ended.timer.status).toBe('idle')
    expect(ended.phases[0]).toMatchObject({ status: 'done', endedAt: 3 * 60 * 60_000 })
  })

  it('pauses, resumes, extends and stops the timer; refuses what does not fit the state', () => {
    let s = run(plan(), { type: 'startPhase', phaseId: 'p2' }, 0)
    s = run(s, { type: 'pauseTimer' }, 60_000)
    expect(applyDueTimer(s, 99 * 60 * 60_000)).toBeUndefined()
    s = run(s, { type: 'adjustTimer', deltaMinutes: 5 }, 120_000)
    s = run(s, { type: 'resumeTimer' }, 500_000)
    expect(remainingMs(s.timer, 500_000)).toBe(34 * 60_000)
    expect(applyAgendaCommand(s, { type: 'resumeTimer' }, 0, () => 'x')).toEqual({ ok: false, error: 'invalid_state' })
    s = run(s, { type: 'stopTimer' }, 600_000)
    expect(applyAgendaCommand(s, { type: 'adjustTimer', deltaMinutes: 1 }, 0, () => 'x')).toEqual({ ok: false, error: 'invalid_state' })
    expect(s.currentPhaseId).toBe('p2')
  })

  it('reorders, edits, skips and removes only what has not run', () => {
    let s = run(plan(), { type: 'movePhase', phaseId: 'p3', position: 0 }, 0)
    expect(s.phases.map((p) => p.id)).toEqual(['p3', 'p1', 'p2'])
    s = run(s, { type: 'updatePhase', phaseId: 'p1', title: 'Ankommen', plannedMinutes: 15 }, 0)
    expect(s.phases[1]).toMatchObject({ title: 'Ankommen', plannedMs: 15 * 60_000, kind: 'plenary' })
    s = run(s, { type: 'skipPhase', phaseId: 'p3' }, 0)
    expect(s.phases[0]!.status).toBe('skipped')
    s = run(s, { type: 'startPhase', phaseId: 'p1' }, 0)
    expect(applyAgendaCommand(s, { type: 'removePhase', phaseId: 'p1' }, 0, () => 'x')).toEqual({ ok: false, error: 'invalid_state' })
    expect(applyAgendaCommand(s, { type: 'startPhase', phaseId: 'nope' }, 0, () => 'x')).toEqual({ ok: false, error: 'not_found' })
    s = run(s, { type: 'removePhase', phaseId: 'p2' }, 0)
    expect(s.phases.map((p) => p.id)).toEqual(['p3', 'p1'])
  })

  it('a timer started on its own inside a phase (a pitch) ends no phase', () => {
    let s = run(plan(), { type: 'startPhase', phaseId: 'p2' }, 0)
    s = run(s, { type: 'startTimer', minutes: 3 }, 1000)
    const after = applyDueTimer(s, 1000 + 3 * 60_000)!
    expect(after.currentPhaseId).toBe('p2')
    expect(after.phases[1]!.status).toBe('running')
    expect(after.timer.status).toBe('idle')
  })

  it('a breakout phase takes nobody to one board and keeps its kind once it ran', () => {
    let s = plan()
    expect(applyAgendaCommand(s, { type: 'updatePhase', phaseId: 'p2', watchOnly: true }, 0, () => 'x')).toEqual({ ok: false, error: 'invalid_state' })
    expect(applyAgendaCommand(s, { type: 'updatePhase', phaseId: 'p2', showBoardId: 'b1' }, 0, () => 'x')).toEqual({ ok: false, error: 'invalid_state' })
    s = run(s, { type: 'startPhase', phaseId: 'p1' }, 0)
    expect(applyAgendaCommand(s, { type: 'updatePhase', phaseId: 'p1', kind: 'vote' }, 0, () => 'x')).toEqual({ ok: false, error: 'invalid_state' })
  })

  it('reads back what it wrote and leaves out what is malformed', () => {
    const s = run(run(plan(), { type: 'startPhase', phaseId: 'p2' }, 42), { type: 'pauseTimer' }, 50)
    expect(parseFacilitation(JSON.parse(JSON.stringify(s)))).toEqual(s)
    expect(parseFacilitation({ phases: [{ id: 1 }, 'x'], currentPhaseId: 'ghost', timer: { status: 'running' } })).toEqual(EMPTY_FACILITATION)
    expect(parseFacilitation(null)).toEqual(EMPTY_FACILITATION)
  })
})
