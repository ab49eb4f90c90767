/**
 * Phases that build on earlier ones (issue #13): votes on "the results of a
 * breakout", breakouts that continue or take the top-voted concepts, and the
 * results brought into the plenary.
 */
import { describe, expect, it } from 'vitest'
import { EMPTY_FACILITATION, applyAgendaCommand, beginBreakout, isEarlierPhase, parseFacilitation, type AgendaCommand, type Facilitation } from './agenda.ts'
import { afterOf, roomOfBoard, breakoutAccess, sourceOf, type BreakoutPlan } from './breakout.ts'
import { isVoteItem, resolveVoteBoards, topItems, type VotePlan } from './votes.ts'

function attempt(state: Facilitation, command: AgendaCommand): ReturnType<typeof applyAgendaCommand> {
  let n = 0
  return applyAgendaCommand(state, command, 1000, () => `p${state.phases.length + ++n}`)
}

function run(state: Facilitation, command: AgendaCommand): Facilitation {
  const result = attempt(state, command)
  if (!result.ok) throw new Error(result.error)
  return result.state
}

/** p1 input, p2 breakout, p3 vote, p4 breakout, p5 plenary. */
function sprint(): Facilitation {
  let s = EMPTY_FACILITATION
  for (const [title, kind] of [
    ['Input', 'input'],
    ['Arbeitsphase', 'breakout'],
    ['Abstimmung', 'vote'],
    ['Schärfen', 'breakout'],
    ['Abschluss', 'plenary'],
  ] as const) {
    s = run(s, { type: 'addPhase', title, kind, plannedMinutes: 10 })
  }
  return s
}

const votePlan = (extra: Partial<VotePlan> = {}): VotePlan => ({
  title: 'Punkte',
  kind: 'dots',
  target: 'notes',
  boardIds: [],
  votesPerPerson: 3,
  maxPerItem: 3,
  anonymous: true,
  hidden: false,
  ...extra,
})

const breakoutPlan = (extra: Partial<BreakoutPlan> = {}): BreakoutPlan => ({ rooms: [], template: 'concept', mode: 'self', ...extra })

/** The state after the breakout of p2 ran with rooms r1 and r2 on boards b1 and b2. */
function afterFirstBreakout(): Facilitation {
  let s = run(sprint(), { type: 'startPhase', phaseId: 'p2' })
  s = beginBreakout(
    s,
    'p2',
    [
      { id: 'r1', title: 'Mobilität', challenge: '', boardId: 'b1' },
      { id: 'r2', title: 'Einkauf', challenge: '', boardId: 'b2' },
    ],
    { r1: ['ada'], r2: ['ben'] },
    breakoutPlan({ mode: 'random' }),
  )
  return run(s, { type: 'endPhase' })
}

describe('planning on earlier phases', () => {
  it('accepts a vote on the results of an earlier breakout phase, and refuses a later one or one of another kind', () => {
    const s = sprint()
    expect(attempt(s, { type: 'configureVote', phaseId: 'p3', plan: votePlan({ resultsOf: 'p2' }) }).ok).toBe(true)
    expect(attempt(s, { type: 'configureVote', phaseId: 'p3', plan: votePlan({ resultsOf: 'p4' }) })).toEqual({ ok: false, error: 'invalid_source' })
    expect(attempt(s, { type: 'configureVote', phaseId: 'p3', plan: votePlan({ resultsOf: 'p1' }) })).toEqual({ ok: false, error: 'invalid_source' })
    expect(attempt(s, { type: 'configureVote', phaseId: 'p3', plan: votePlan({ resultsOf: 'nope' }) })).toEqual({ ok: false, error: 'invalid_source' })
  })

  it('accepts a breakout that continues an earlier breakout or takes the top of an earlier vote, and nothing else', () => {
    const s = sprint()
    expect(attempt(s, { type: 'configureBreakout', phaseId: 'p4', plan: breakoutPlan({ source: { kind: 'continue', phaseId: 'p2' } }) }).ok).toBe(true)
    expect(attempt(s, { type: 'configureBreakout', phaseId: 'p4', plan: breakoutPlan({ source: { kind: 'topVoted', phaseId: 'p3', count: 2, challenge: '' } }) }).ok).toBe(true)
    // The wrong kind, the phase itself, a later phase.
    expect(attempt(s, { type: 'configureBreakout', phaseId: 'p4', plan: breakoutPlan({ source: { kind: 'continue', phaseId: 'p3' } }) })).toEqual({ ok: false, error: 'invalid_source' })
    expect(attempt(s, { type: 'configureBreakout', phaseId: 'p4', plan: breakoutPlan({ source: { kind: 'continue', phaseId: 'p4' } }) })).toEqual({ ok: false, error: 'invalid_source' })
    expect(attempt(s, { type: 'configureBreakout', phaseId: 'p2', plan: breakoutPlan({ source: { kind: 'topVoted', phaseId: 'p3', count: 2, challenge: '' } }) })).toEqual({
      ok: false,
      error: 'invalid_source',
    })
    expect(isEarlierPhase(s, { kind: 'fresh' }, 'p2')).toBe(true)
  })

  it('keeps sources, destinations and vote targets through storage', () => {
    let s = run(sprint(), { type: 'configureVote', phaseId: 'p3', plan: votePlan({ resultsOf: 'p2' }) })
    s = run(s, { type: 'configureBreakout', phaseId: 'p4', plan: breakoutPlan({ source: { kind: 'topVoted', phaseId: 'p3', count: 2, challenge: 'Schärfen' }, after: 'plenary' }) })
    const read = parseFacilitation(JSON.parse(JSON.stringify(s)))
    expect(read).toEqual(s)
    expect(sourceOf(read.phases[3]!.breakout)).toEqual({ kind: 'topVoted', phaseId: 'p3', count: 2, challenge: 'Schärfen' })
    expect(afterOf(read.phases[3]!.breakout)).toBe('plenary')
    expect(afterOf(read.phases[1]!.breakout)).toBe('gallery')
    expect(read.phases[2]!.vote?.resultsOf).toBe('p2')
  })

  it('makes an input talk watch-only unless the facilitator says otherwise', () => {
    const s = sprint()
    expect(s.phases[0]!.watchOnly).toBe(true)
    expect(s.phases[1]!.watchOnly).toBeUndefined()
    expect(run(s, { type: 'updatePhase', phaseId: 'p1', watchOnly: false }).phases[0]!.watchOnly).toBe(false)
  })
})

describe('resolving "the results of a breakout phase"', () => {
  it('is not possible before the breakout ran', () => {
    expect(resolveVoteBoards(votePlan({ resultsOf: 'p2' }), sprint().breakouts)).toEqual({ ok: false, error: 'not_run' })
    expect(resolveVoteBoards(votePlan(), [])).toEqual({ ok: false, error: 'no_boards' })
  })

  it('gives its rooms’ boards, with the named boards and without duplicates', () => {
    const s = afterFirstBreakout()
    expect(resolveVoteBoards(votePlan({ resultsOf: 'p2' }), s.breakouts)).toEqual({ ok: true, boardIds: ['b1', 'b2'], onlyCopiesOn: [] })
    expect(resolveVoteBoards(votePlan({ resultsOf: 'p2', boardIds: ['plenum', 'b1'] }), s.breakouts)).toEqual({ ok: true, boardIds: ['plenum', 'b1', 'b2'], onlyCopiesOn: [] })
  })

  it('gives the board the results were brought onto, once they are there, where only the copies count', () => {
    const s = run(afterFirstBreakout(), { type: 'bringResults', phaseId: 'p2', boardId: 'plenum', notes: false })
    expect(resolveVoteBoards(votePlan({ resultsOf: 'p2' }), s.breakouts)).toEqual({ ok: true, boardIds: ['plenum'], onlyCopiesOn: ['plenum'] })
    // Named as a board too: everything on it counts.
    expect(resolveVoteBoards(votePlan({ resultsOf: 'p2', boardIds: ['plenum'] }), s.breakouts)).toEqual({ ok: true, boardIds: ['plenum'], onlyCopiesOn: [] })
    const session = { onlyCopiesOn: ['plenum'] }
    const card = { type: 'concept-card', props: { title: 'Rufbus' } }
    expect(isVoteItem(session, 'plenum', card)).toBe(false)
    expect(isVoteItem(session, 'plenum', { ...card, meta: { werkraumCopiedFrom: { boardId: 'b1', shapeId: 'shape:x' } } })).toBe(true)
    expect(isVoteItem(session, 'b1', card)).toBe(true)
    expect(isVoteItem({}, 'plenum', { type: 'concept-card', props: { title: ' ' } })).toBe(false)
    expect(isVoteItem({}, 'plenum', { type: 'geo', props: {} })).toBe(false)
  })
})

describe('bringing results into the plenary', () => {
  it('needs a breakout that ended, and happens once', () => {
    expect(attempt(sprint(), { type: 'bringResults', phaseId: 'p2', boardId: 'plenum', notes: false })).toEqual({ ok: false, error: 'results_not_ready' })
    const running = run(sprint(), { type: 'startPhase', phaseId: 'p2' })
    const withRooms = beginBreakout(running, 'p2', [], {}, breakoutPlan())
    expect(attempt(withRooms, { type: 'bringResults', phaseId: 'p2', boardId: 'plenum', notes: false })).toEqual({ ok: false, error: 'results_not_ready' })
    const brought = run(afterFirstBreakout(), { type: 'bringResults', phaseId: 'p2', boardId: 'plenum', notes: true })
    expect(brought.breakouts[0]!.broughtTo).toBe('plenum')
    expect(attempt(brought, { type: 'bringResults', phaseId: 'p2', boardId: 'plenum', notes: true })).toEqual({ ok: false, error: 'already_brought' })
  })
})

describe('continuing on the boards of an earlier breakout', () => {
  it('makes the boards writable again for their group while the later breakout runs, and locks them after', () => {
    const first = afterFirstBreakout()
    expect(breakoutAccess(first.breakouts, 'b1', 'ada').lockedByBreakout).toBe(true)
    const previous = first.breakouts[0]!
    let s = run(first, { type: 'startPhase', phaseId: 'p4' })
    s = beginBreakout(s, 'p4', previous.rooms, previous.assignment, breakoutPlan({ mode: 'same', source: { kind: 'continue', phaseId: 'p2' } }))
    expect(roomOfBoard(s.breakouts, 'b1')?.breakout.phaseId).toBe('p4')
    expect(breakoutAccess(s.breakouts, 'b1', 'ada')).toEqual({ lockedByBreakout: false, ownRoomDuringBreakout: true })
    expect(breakoutAccess(s.breakouts, 'b1', 'ben')).toEqual({ lockedByBreakout: false, ownRoomDuringBreakout: false })
    s = run(s, { type: 'endPhase' })
    expect(breakoutAccess(s.breakouts, 'b1', 'ada').lockedByBreakout).toBe(true)
  })
})

describe('the top-voted items', () => {
  const rows = (...counts: number[]) => counts.map((count, i) => ({ item: `i${i}`, count }))

  it('takes the items with the most votes, in ranking order', () => {
    expect(topItems(rows(1, 5, 3, 0), 2, 50).map((r) => r.item)).toEqual(['i1', 'i2'])
  })

  it('takes items tied with the last one along, up to the maximum', () => {
    expect(topItems(rows(5, 3, 3, 3, 1), 2, 50).map((r) => r.item)).toEqual(['i0', 'i1', 'i2', 'i3'])
    expect(topItems(rows(5, 3, 3, 3, 1), 2, 3).map((r) => r.item)).toEqual(['i0', 'i1', 'i2'])
    // A tie above the cut adds nothing.
    expect(topItems(rows(4, 4, 2), 2, 50).map((r) => r.item)).toEqual(['i0', 'i1'])
  })

  it('keeps the given order between equal counts and never takes an item without votes', () => {
    expect(topItems(rows(2, 2, 0, 0), 3, 50).map((r) => r.item)).toEqual(['i0', 'i1'])
    expect(topItems(rows(0, 0), 2, 50)).toEqual([])
    expect(topItems(rows(), 2, 50)).toEqual([])
  })
})
