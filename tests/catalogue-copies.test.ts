/**
 * A concept copied between boards is one concept in the catalogue (issue #13):
 * the rooms' cards brought into the plenary, voted on there, and the top ones
 * copied again into rooms of their own; the catalogue ranks each concept once
 * with the dots of all its copies, and the follow-up workshop takes it once.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop } from '@werkraum/shared'
import {
  CONCEPT_CARD_TYPE,
  currentRecords,
  isShape,
  itemKey,
  putRecords,
  runningBreakout,
  workshopBoardDocName,
  workshopControlDocName,
  type Breakout,
  type ShapeRecord,
} from '@werkraum/shared'
import { CatalogueSchema, type Catalogue } from '@werkraum/shared/schemas'
import type { TestClient } from './support/clients.ts'
import { waitFor } from './support/wait.ts'
import { useLiveServer } from './support/liveServer.ts'
import { PAGE_RECORD, conceptCardRecord } from './support/boardRecords.ts'

const live = useLiveServer()
const { post, open } = live




const card = (id: string, title: string, x = 0): ShapeRecord => conceptCardRecord(id, title, x)

const cards = (doc: TestClient['doc']): ShapeRecord[] => [...currentRecords(doc).values()].filter(isShape).filter((s) => s.type === CONCEPT_CARD_TYPE)
const running = (id: string): Breakout => runningBreakout(live.server.workshops.facilitation(id).breakouts)!

describe('copies in the catalogue', () => {
  it('ranks a card, its copy in the plenary and its copy in a top-voted room as one concept, and the follow-up takes it once', async () => {
    const created = (await post<CreatedWorkshop>('/api/workshops', { title: 'Sprint', locale: 'de' })).body
    const people: JoinedWorkshop[] = []
    for (const name of ['Ada', 'Ben']) {
      const joined = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name })).body
      people.push(joined)
      await open(workshopControlDocName(created.id), joined.token)
    }
    await waitFor(() => people.every((p) => live.server.workshops.participants(created.id).some((q) => q.id === p.participantId)), 'everyone joined')
    const command = (body: unknown, token = created.facilitatorToken) => post<{ error?: { code: string } }>(`/api/workshops/${created.id}/commands`, body, token)
    const addPhase = async (title: string, kind: string): Promise<string> => {
      expect((await command({ type: 'addPhase', title, kind, plannedMinutes: 10 })).status).toBe(200)
      return live.server.workshops.facilitation(created.id).phases.at(-1)!.id
    }
    const work = await addPhase('Arbeitsphase', 'breakout')
    const vote = await addPhase('Abstimmung', 'vote')
    const sharpen = await addPhase('Maßnahmen schärfen', 'breakout')
    const rooms = [
      { title: 'Mobilität', challenge: '' },
      { title: 'Einkauf', challenge: '' },
    ]
    expect((await command({ type: 'configureBreakout', phaseId: work, plan: { rooms, template: 'blank', mode: 'random' } })).status).toBe(200)
    const votePlan = { title: 'Welche Konzepte?', kind: 'dots', target: 'notes', boardIds: [], resultsOf: work, votesPerPerson: 5, maxPerItem: 5, anonymous: true, hidden: false }
    expect((await command({ type: 'configureVote', phaseId: vote, plan: votePlan })).status).toBe(200)
    const top = { kind: 'topVoted', phaseId: vote, count: 1, challenge: 'Schärfen' }
    expect((await command({ type: 'configureBreakout', phaseId: sharpen, plan: { rooms: [], template: 'blank', mode: 'self', source: top } })).status).toBe(200)

    // Each room writes its concept cards.
    expect((await command({ type: 'startPhase', phaseId: work })).status).toBe(200)
    const first = running(created.id)
    const [mobility, shopping] = first.rooms.map((r) => r.boardId) as [string, string]
    const mobilityBoard = await open(workshopBoardDocName(created.id, mobility), created.facilitatorToken)
    const shoppingBoard = await open(workshopBoardDocName(created.id, shopping), created.facilitatorToken)
    putRecords(mobilityBoard.doc, [PAGE_RECORD, card('shape:rufbus', 'Rufbus'), card('shape:baenke', 'Bänke', 400)])
    putRecords(shoppingBoard.doc, [PAGE_RECORD, card('shape:lieferdienst', 'Lieferdienst')])
    const onServer = (boardId: string, n: number) => live.server.rooms.peek(workshopBoardDocName(created.id, boardId))?.doc.getArray('tl_records').length === n
    await waitFor(() => onServer(mobility, 3) && onServer(shopping, 2), 'the rooms’ cards reached the server')
    expect((await command({ type: 'endPhase' })).status).toBe(200)

    // The results are brought into the plenary, and the vote runs there, on the copies.
    const plenary = live.server.workshops.boards(created.id).find((b) => !b.room)!.id
    // The plenary board as a browser leaves it once opened: a page (the rooms' boards carry no tldraw schema here).
    const plenaryBoard = await open(workshopBoardDocName(created.id, plenary), created.facilitatorToken)
    putRecords(plenaryBoard.doc, [PAGE_RECORD])
    await waitFor(() => onServer(plenary, 1), 'the plenary’s page reached the server')
    expect((await command({ type: 'bringResults', phaseId: work, boardId: plenary, notes: false })).status).toBe(200)
    await waitFor(() => cards(plenaryBoard.doc).length === 3, 'the copies on the plenary')
    const copyOf = (title: string): string => cards(plenaryBoard.doc).find((c) => c.props.title === title)!.id
    expect((await command({ type: 'startPhase', phaseId: vote })).status).toBe(200)
    const session = live.server.workshops.votes.sessions(created.id).find((s) => s.status === 'open')!
    expect(session.boardIds).toEqual([plenary])
    const dots: Array<[JoinedWorkshop, string]> = [
      [people[0]!, 'Rufbus'],
      [people[0]!, 'Rufbus'],
      [people[1]!, 'Rufbus'],
      [people[1]!, 'Lieferdienst'],
      [people[1]!, 'Lieferdienst'],
      [people[0]!, 'Bänke'],
    ]
    for (const [i, [person, title]] of dots.entries()) {
      const cast = await command({ type: 'castVote', sessionId: session.id, boardId: plenary, shapeId: copyOf(title), requestId: `dot-${i}` }, person.token)
      expect(cast.status).toBe(200)
    }

    // The top concept gets a room of its own, whose board starts with a third copy; the group works on it there.
    expect((await command({ type: 'startPhase', phaseId: sharpen })).status).toBe(200)
    const second = running(created.id)
    expect(second.rooms.map((r) => r.title)).toEqual(['Rufbus'])
    const newRoom = second.rooms[0]!.boardId
    const newBoard = await open(workshopBoardDocName(created.id, newRoom), created.facilitatorToken)
    await waitFor(() => cards(newBoard.doc).length === 1, 'the copy in the new room')
    const third = cards(newBoard.doc)[0]!
    putRecords(newBoard.doc, [{ ...third, props: { ...third.props, title: 'Rufbus mit App', idea: 'Bestellen per App oder Telefon' } }])
    await waitFor(
      () => cards(live.server.rooms.peek(workshopBoardDocName(created.id, newRoom))!.doc).some((c) => c.props.title === 'Rufbus mit App'),
      'the sharpened card reached the server',
    )

    const res = await fetch(`${live.server.url}/api/workshops/${created.id}/export?format=json&names=1`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })
    expect(res.status).toBe(200)
    const catalogue: Catalogue = CatalogueSchema.parse(await res.json())

    // Each concept once, with the dots of all its copies; the most developed copy's text and board.
    const concepts = catalogue.ranking.filter((r) => r.kind === 'concept')
    const rufbus = itemKey(mobility, 'shape:rufbus')
    expect(concepts.map((r) => [r.rank, r.title, r.votes, r.boardId])).toEqual([
      [1, 'Rufbus mit App', 3, newRoom],
      [2, 'Lieferdienst', 2, plenary],
      [3, 'Bänke', 1, plenary],
    ])
    expect(concepts[0]!.item).toBe(itemKey(newRoom, third.id))
    expect(concepts[0]!.copies).toEqual([rufbus, itemKey(plenary, copyOf('Rufbus'))])
    expect(concepts[1]!.copies).toEqual([itemKey(shopping, 'shape:lieferdienst')])

    // The sections still list each copy where it sits, marked with its original.
    const section = (boardId: string) => catalogue.sections.find((s) => s.boardId === boardId)!
    expect(section(mobility).concepts.map((c) => [c.title, c.copyOf])).toEqual([
      ['Rufbus', undefined],
      ['Bänke', undefined],
    ])
    expect(section(plenary).concepts.map((c) => [c.title, c.copyOf])).toEqual([
      ['Rufbus', rufbus],
      ['Bänke', itemKey(mobility, 'shape:baenke')],
      ['Lieferdienst', itemKey(shopping, 'shape:lieferdienst')],
    ])
    expect(section(plenary).concepts[0]!.votes.reduce((a, v) => a + v.count, 0)).toBe(3)
    expect(section(newRoom).concepts.map((c) => [c.title, c.copyOf])).toEqual([['Rufbus mit App', rufbus]])

    // Markdown says where a copy came from, briefly.
    const md = await (await fetch(`${live.server.url}/api/workshops/${created.id}/export?format=md`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })).text()
    expect(md).toContain('(Kopie aus Mobilität)')
    expect(md).toContain('(Kopie aus Einkauf)')

    // The follow-up workshop takes the ranking's concept entries and their cards (client/src/workshop/followUp.ts,
    // whose own test covers it; its board shapes are not loaded here): each concept once, as it was developed last.
    const cardOf = new Map(catalogue.sections.flatMap((s) => s.concepts.map((c) => [itemKey(s.boardId, c.id), c] as const)))
    const followUp = concepts.map((r) => cardOf.get(r.item))
    expect(followUp.map((c) => [c?.title, c?.idea])).toEqual([
      ['Rufbus mit App', 'Bestellen per App oder Telefon'],
      ['Lieferdienst', 'Idee zu Lieferdienst'],
      ['Bänke', 'Idee zu Bänke'],
    ])
    const listed = concepts.flatMap((r) => [r.item, ...(r.copies ?? [])])
    expect(new Set(listed).size).toBe(listed.length)
    expect(listed).toHaveLength(catalogue.sections.flatMap((s) => s.concepts).length)
  })
})
