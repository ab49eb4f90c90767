/**
 * A sprint planned in advance, through the real server (issue #13): a vote
 * planned on "the results of" a breakout that has not run yet, a second
 * breakout with one room per top-voted concept, a third that continues on the
 * first one's boards, and the results brought into the plenary.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop } from '@werkraum/shared'
import {
  CONCEPT_CARD_TYPE,
  currentRecords,
  isShape,
  putRecords,
  runningBreakout,
  workshopBoardDocName,
  workshopControlDocName,
  type Breakout,
  type ShapeRecord,
} from '@werkraum/shared'
import { waitFor } from './support/wait.ts'
import { useLiveServer } from './support/liveServer.ts'
import { PAGE_RECORD, conceptCardRecord } from './support/boardRecords.ts'

const live = useLiveServer()
const { post, open } = live

interface Answer {
  readonly status: number
  readonly body: { error?: { code: string }; copied?: number }
}




const card = (id: string, title: string, x = 0): ShapeRecord => conceptCardRecord(id, title, x)

/** Shapes of a board as the server holds them, once `ready` says they are there. */
async function shapesOn(created: CreatedWorkshop, boardId: string, ready: (shapes: ShapeRecord[]) => boolean): Promise<ShapeRecord[]> {
  const reader = await open(workshopBoardDocName(created.id, boardId), created.facilitatorToken)
  const read = (): ShapeRecord[] => [...currentRecords(reader.doc).values()].filter(isShape)
  await waitFor(() => ready(read()), `the shapes on ${boardId}`)
  return read()
}

async function setUp(names: readonly string[]) {
  const created = (await post<CreatedWorkshop>('/api/workshops', { title: 'Digitaler Sprint', locale: 'de' })).body
  const people: JoinedWorkshop[] = []
  for (const name of names) {
    const joined = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name })).body
    people.push(joined)
    await open(workshopControlDocName(created.id), joined.token)
  }
  await waitFor(() => people.every((p) => live.server.workshops.participants(created.id).some((q) => q.id === p.participantId)), 'everyone joined')
  const command = (body: unknown, token = created.facilitatorToken): Promise<Answer> => post<Answer['body']>(`/api/workshops/${created.id}/commands`, body, token)
  const addPhase = async (title: string, kind: string): Promise<string> => {
    expect((await command({ type: 'addPhase', title, kind, plannedMinutes: 10 })).status).toBe(200)
    return live.server.workshops.facilitation(created.id).phases.at(-1)!.id
  }
  return { created, people, command, addPhase }
}

const running = (created: CreatedWorkshop): Breakout => runningBreakout(live.server.workshops.facilitation(created.id).breakouts)!

describe('a sprint planned in advance', () => {
  it('votes on the results of a breakout, opens rooms for the top-voted concepts, and continues on the first boards', async () => {
    const { created, people, command, addPhase } = await setUp(['Ada', 'Ben'])
    const work = await addPhase('Arbeitsphase', 'breakout')
    const vote = await addPhase('Abstimmung', 'vote')
    const sharpen = await addPhase('Maßnahmen schärfen', 'breakout')
    const again = await addPhase('Weiterarbeiten', 'breakout')
    const rooms = [
      { title: 'Mobilität', challenge: 'Wie kommen Ältere zum Markt?' },
      { title: 'Einkauf', challenge: 'Wer liefert?' },
    ]
    expect((await command({ type: 'configureBreakout', phaseId: work, plan: { rooms, template: 'blank', mode: 'random' } })).status).toBe(200)
    const votePlan = { title: 'Welche Konzepte?', kind: 'dots', target: 'notes', boardIds: [], resultsOf: work, votesPerPerson: 5, maxPerItem: 5, anonymous: true, hidden: false }
    expect((await command({ type: 'configureVote', phaseId: vote, plan: votePlan })).status).toBe(200)
    const top = { kind: 'topVoted', phaseId: vote, count: 2, challenge: 'Maßnahmen schärfen' }
    expect((await command({ type: 'configureBreakout', phaseId: sharpen, plan: { rooms: [], template: 'blank', mode: 'self', source: top } })).status).toBe(200)
    expect((await command({ type: 'configureBreakout', phaseId: again, plan: { rooms: [], template: 'blank', mode: 'same', source: { kind: 'continue', phaseId: work } } })).status).toBe(200)
    // Building on a later phase is refused.
    expect((await command({ type: 'configureBreakout', phaseId: work, plan: { rooms: [], template: 'blank', mode: 'self', source: { kind: 'continue', phaseId: again } } })).body.error?.code).toBe('invalid_source')

    // Nothing to vote on before the breakout ran, and nothing to continue.
    expect((await command({ type: 'startPhase', phaseId: vote })).body.error?.code).toBe('results_not_ready')
    expect((await command({ type: 'startPhase', phaseId: again })).body.error?.code).toBe('results_not_ready')
    expect((await command({ type: 'startPhase', phaseId: sharpen })).body.error?.code).toBe('results_not_ready')

    // The work phase: each group writes concept cards (and leaves a template card untouched).
    expect((await command({ type: 'startPhase', phaseId: work })).status).toBe(200)
    const first = running(created)
    const boardOf = (personIndex: number): string => {
      const roomId = Object.entries(first.assignment).find(([, m]) => m.includes(people[personIndex]!.participantId))![0]
      return first.rooms.find((r) => r.id === roomId)!.boardId
    }
    const adaBoard = await open(workshopBoardDocName(created.id, boardOf(0)), people[0]!.token)
    const benBoard = await open(workshopBoardDocName(created.id, boardOf(1)), people[1]!.token)
    putRecords(adaBoard.doc, [PAGE_RECORD, card('shape:rufbus', 'Rufbus'), card('shape:baenke', 'Bänke', 400), card('shape:leer', '', 800)])
    putRecords(benBoard.doc, [PAGE_RECORD, card('shape:lieferdienst', 'Lieferdienst')])
    await waitFor(() => live.server.rooms.peek(workshopBoardDocName(created.id, boardOf(1)))?.doc.getArray('tl_records').length === 2, 'Ben’s card reached the server')
    await waitFor(() => live.server.rooms.peek(workshopBoardDocName(created.id, boardOf(0)))?.doc.getArray('tl_records').length === 4, 'Ada’s cards reached the server')
    expect((await command({ type: 'endPhase' })).status).toBe(200)

    // The vote opens on the rooms' boards by itself.
    expect((await command({ type: 'startPhase', phaseId: vote })).status).toBe(200)
    const session = live.server.workshops.votes.sessions(created.id).find((s) => s.status === 'open')!
    expect([...session.boardIds].sort()).toEqual(first.rooms.map((r) => r.boardId).sort())
    const cast = (person: JoinedWorkshop, boardId: string, shapeId: string, n: number): Promise<Answer> =>
      command({ type: 'castVote', sessionId: session.id, boardId, shapeId, requestId: `${person.participantId}-${shapeId}-${n}` }, person.token)
    for (let i = 0; i < 3; i++) expect((await cast(people[0]!, boardOf(0), 'shape:rufbus', i)).status).toBe(200)
    for (let i = 0; i < 2; i++) expect((await cast(people[1]!, boardOf(1), 'shape:lieferdienst', i)).status).toBe(200)
    expect((await cast(people[1]!, boardOf(0), 'shape:baenke', 0)).status).toBe(200)

    // Started straight from the running vote phase, as a facilitator who only starts phases does:
    // the vote closes with its phase and its top is taken as it stands.
    // One room per top-2 concept, named after it, whose board starts with a copy of the card.
    expect((await command({ type: 'startPhase', phaseId: sharpen })).status).toBe(200)
    expect(live.server.workshops.votes.session(created.id, session.id)?.status).toBe('closed')
    const second = running(created)
    expect(second.rooms.map((r) => [r.title, r.challenge])).toEqual([
      ['Rufbus', 'Maßnahmen schärfen'],
      ['Lieferdienst', 'Maßnahmen schärfen'],
    ])
    expect(second.mode).toBe('self')
    const seeded = await shapesOn(created, second.rooms[0]!.boardId, (s) => s.length === 1)
    expect(seeded[0]).toMatchObject({ type: CONCEPT_CARD_TYPE, props: { title: 'Rufbus', idea: 'Idee zu Rufbus' } })
    expect(seeded[0]!.id).not.toBe('shape:rufbus')
    expect((await shapesOn(created, second.rooms[1]!.boardId, (s) => s.length === 1))[0]!.props.title).toBe('Lieferdienst')

    // Continue on the first boards: same rooms, same boards, same groups, writable for them again;
    // started straight from the running breakout before it, which ends with it.
    expect(running(created).phaseId).toBe(sharpen)
    expect((await command({ type: 'startPhase', phaseId: again })).status).toBe(200)
    const third = running(created)
    expect(third.rooms).toEqual(first.rooms)
    expect(third.assignment).toEqual(first.assignment)
    putRecords(adaBoard.doc, [card('shape:neu', 'Neue Idee', 1200)])
    await waitFor(() => live.server.rooms.peek(workshopBoardDocName(created.id, boardOf(0)))?.doc.getArray('tl_records').length === 5, 'Ada writes on her first board again')
  })

  it('brings the rooms’ concept cards into the plenary, one frame per room, once', async () => {
    const { created, people, command, addPhase } = await setUp(['Ada', 'Ben'])
    const work = await addPhase('Arbeitsphase', 'breakout')
    const rooms = [
      { title: 'Mobilität', challenge: '' },
      { title: 'Einkauf', challenge: '' },
    ]
    expect((await command({ type: 'configureBreakout', phaseId: work, plan: { rooms, template: 'blank', mode: 'random' } })).status).toBe(200)
    const plenary = live.server.workshops.boards(created.id).find((b) => !b.room)!.id
    expect((await command({ type: 'bringResults', phaseId: work, boardId: plenary, notes: false })).body.error?.code).toBe('results_not_ready')
    expect((await command({ type: 'startPhase', phaseId: work })).status).toBe(200)
    const breakout = running(created)
    const roomBoard = breakout.rooms[0]!.boardId
    const writer = await open(workshopBoardDocName(created.id, roomBoard), created.facilitatorToken)
    // Only an untouched card: nothing to bring, and nothing recorded (a vote on the results stays on the rooms).
    putRecords(writer.doc, [PAGE_RECORD, card('shape:leer', '', 400)])
    await waitFor(() => live.server.rooms.peek(workshopBoardDocName(created.id, roomBoard))?.doc.getArray('tl_records').length === 2, 'the empty card reached the server')
    expect((await command({ type: 'endPhase' })).status).toBe(200)
    expect((await command({ type: 'bringResults', phaseId: work, boardId: plenary, notes: true })).body.error?.code).toBe('nothing_to_bring')
    expect(live.server.workshops.facilitation(created.id).breakouts[0]!.broughtTo).toBeUndefined()
    // The facilitator writes on the ended room's board (only participants lose their pen there).
    putRecords(writer.doc, [card('shape:rufbus', 'Rufbus')])
    await waitFor(() => live.server.rooms.peek(workshopBoardDocName(created.id, roomBoard))?.doc.getArray('tl_records').length === 3, 'the card reached the server')
    // Something on the plenary already: the results go below it.
    const plenaryClient = await open(workshopBoardDocName(created.id, plenary), created.facilitatorToken)
    putRecords(plenaryClient.doc, [PAGE_RECORD, card('shape:input', 'Input', 0)])

    // Participants cannot, rooms are no target, and the facilitator can once.
    expect((await command({ type: 'bringResults', phaseId: work, boardId: plenary, notes: false }, people[0]!.token)).status).toBe(403)
    expect((await command({ type: 'bringResults', phaseId: work, boardId: roomBoard, notes: false })).status).toBe(404)
    const brought = await command({ type: 'bringResults', phaseId: work, boardId: plenary, notes: false })
    expect(brought).toMatchObject({ status: 200, body: { copied: 1 } })
    expect((await command({ type: 'bringResults', phaseId: work, boardId: plenary, notes: false })).body.error?.code).toBe('already_brought')

    const shapes = await shapesOn(created, plenary, (s) => s.length === 4)
    const frames = shapes.filter((s) => s.type === 'frame')
    expect(frames.map((f) => f.props.name)).toEqual(['Mobilität', 'Einkauf'])
    expect(frames.every((f) => f.y >= 400)).toBe(true)
    const copy = shapes.find((s) => s.type === CONCEPT_CARD_TYPE && s.props.title === 'Rufbus')!
    expect(copy.parentId).toBe(frames[0]!.id)
    // The plenary client sees it too, live.
    await waitFor(() => currentRecords(plenaryClient.doc).size === 5, 'the plenary client has the results')

    // A vote on "the results" now runs on the plenary board.
    const opened = await command({ type: 'openVote', title: 'Punkte', kind: 'dots', target: 'notes', boardIds: [], resultsOf: work, votesPerPerson: 3, maxPerItem: 3, anonymous: true, hidden: false })
    expect(opened.status).toBe(201)
    const vote = live.server.workshops.votes.sessions(created.id).find((s) => s.status === 'open')!
    expect(vote.boardIds).toEqual([plenary])
    // Only the results count there, not what the plenary held before.
    const ballot = (shapeId: string) => command({ type: 'castVote', sessionId: vote.id, boardId: plenary, shapeId, requestId: `r-${shapeId}` }, people[0]!.token)
    expect((await ballot('shape:input')).body.error?.code).toBe('not_eligible')
    expect((await ballot(copy.id)).status).toBe(200)
    const items = await fetch(`${live.server.url}/api/workshops/${created.id}/votes/${vote.id}/items`, { headers: { authorization: `Bearer ${people[1]!.token}` } })
    const listed = (await items.json()) as { boards: Array<{ boardId: string; items: Array<{ shapeId: string; text: string }> }> }
    expect(listed.boards).toEqual([{ boardId: plenary, title: expect.any(String), items: [{ shapeId: copy.id, type: CONCEPT_CARD_TYPE, text: 'Rufbus' }] }])
  })
})
