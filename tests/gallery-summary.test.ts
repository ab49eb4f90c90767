/**
 * The results gallery's summary through the real server: each room's outline
 * and concept titles over HTTP (one request per person instead of one
 * connection per room and person), for members only, and rate-limited.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedWorkshop, GallerySummary, JoinedWorkshop } from '@werkraum/shared'
import { putRecords, runningBreakout, workshopBoardDocName, workshopControlDocName, type Breakout, type ShapeRecord } from '@werkraum/shared'
import { MAX_GALLERY_READS_PER_MINUTE } from '../server/src/api/gallery.ts'
import { waitFor } from './support/wait.ts'
import { useLiveServer } from './support/liveServer.ts'
import { PAGE_RECORD, conceptCardRecord, shapeRecord } from './support/boardRecords.ts'

const live = useLiveServer()
const { post, open } = live


async function summary(workshopId: string, phaseId: string, token?: string): Promise<{ status: number; body: GallerySummary & { error?: { code: string } } }> {
  const res = await fetch(`${live.server.url}/api/workshops/${workshopId}/results/${phaseId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, body: (await res.json()) as GallerySummary & { error?: { code: string } } }
}



const shape = shapeRecord
const card = (id: string, title: string, x: number, y: number, parentId?: string): ShapeRecord => conceptCardRecord(id, title, x, y, parentId)

async function setUp() {
  const created = (await post<CreatedWorkshop>('/api/workshops', { title: 'Galerie', locale: 'de' })).body
  const people: JoinedWorkshop[] = []
  for (const name of ['Ada', 'Ben']) {
    const joined = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name })).body
    people.push(joined)
    // Present, so that the breakout puts them into rooms.
    await open(workshopControlDocName(created.id), joined.token)
  }
  await waitFor(() => people.every((p) => live.server.workshops.participants(created.id).some((q) => q.id === p.participantId)), 'everyone joined')
  const command = async (body: unknown): Promise<number> => (await post(`/api/workshops/${created.id}/commands`, body, created.facilitatorToken)).status
  const addPhase = async (title: string, kind: string): Promise<string> => {
    expect(await command({ type: 'addPhase', title, kind, plannedMinutes: 10 })).toBe(200)
    return live.server.workshops.facilitation(created.id).phases.at(-1)!.id
  }
  return { created, people, command, addPhase }
}

describe('the results gallery summary', () => {
  it('gives every member each room’s outline, concept titles in reading order and shape count', async () => {
    const { created, people, command, addPhase } = await setUp()
    const talk = await addPhase('Input', 'input')
    const work = await addPhase('Arbeitsphase', 'breakout')
    const rooms = [
      { title: 'Mobilität', challenge: '' },
      { title: 'Einkauf', challenge: '' },
    ]
    expect(await command({ type: 'configureBreakout', phaseId: work, plan: { rooms, template: 'blank', mode: 'random' } })).toBe(200)
    // A phase that ran no breakout (yet) has no results.
    expect((await summary(created.id, work, people[0]!.token)).status).toBe(404)
    expect((await summary(created.id, talk, people[0]!.token)).body.error?.code).toBe('not_found')

    expect(await command({ type: 'startPhase', phaseId: work })).toBe(200)
    const breakout: Breakout = runningBreakout(live.server.workshops.facilitation(created.id).breakouts)!
    const [first, second] = breakout.rooms
    const writer = await open(workshopBoardDocName(created.id, first!.boardId), created.facilitatorToken)
    putRecords(writer.doc, [
      PAGE_RECORD,
      shape('shape:frame', 'frame', 1000, 1000, { w: 800, h: 600 }),
      // In the frame, so below "Rufbus" on the page although its own y is 0.
      card('shape:inner', 'Bänke', 0, 0, 'shape:frame'),
      card('shape:rufbus', 'Rufbus', 400, 0),
      card('shape:leer', '', 0, 0),
      shape('shape:note', 'note', 0, 500, { scale: 1, growY: 0, richText: { type: 'doc', content: [] } }),
      shape('shape:arrow', 'arrow', 0, 0, {}),
    ])
    await waitFor(() => live.server.rooms.peek(workshopBoardDocName(created.id, first!.boardId))?.doc.getArray('tl_records').length === 7, 'the shapes reached the server')

    // While the breakout runs already, and for someone who was in the other room.
    const answer = await summary(created.id, work, people[1]!.token)
    expect(answer.status).toBe(200)
    expect(answer.body.phaseId).toBe(work)
    expect(answer.body.rooms.map((r) => [r.roomId, r.boardId])).toEqual([
      [first!.id, first!.boardId],
      [second!.id, second!.boardId],
    ])
    const room = answer.body.rooms[0]!
    // The untouched template card counts as a shape and is drawn, but is no concept.
    expect(room.concepts).toEqual(['Rufbus', 'Bänke'])
    expect(room.shapes).toBe(4)
    expect(room.outline).toContainEqual({ x: 1000, y: 1000, w: 800, h: 600, kind: 'frame' })
    expect(room.outline).toContainEqual({ x: 1000, y: 1000, w: 320, h: 400, kind: 'concept' })
    expect(room.outline).toContainEqual({ x: 0, y: 500, w: 200, h: 200, kind: 'note' })
    expect(room.outline).toHaveLength(5)
    expect(answer.body.rooms[1]).toEqual({ roomId: second!.id, boardId: second!.boardId, outline: [], concepts: [], shapes: 0 })

    // After the breakout, and for the observer too.
    expect(await command({ type: 'endPhase' })).toBe(200)
    const observerToken = new URL(created.links.observer).hash.slice('#t='.length)
    expect((await summary(created.id, work, observerToken)).body.rooms[0]!.concepts).toEqual(['Rufbus', 'Bänke'])
  })

  it('answers only members, and only so often', async () => {
    const { created, people, command, addPhase } = await setUp()
    const work = await addPhase('Arbeitsphase', 'breakout')
    expect(await command({ type: 'configureBreakout', phaseId: work, plan: { rooms: [{ title: 'A', challenge: '' }], template: 'blank', mode: 'random' } })).toBe(200)
    expect(await command({ type: 'startPhase', phaseId: work })).toBe(200)
    const other = (await post<CreatedWorkshop>('/api/workshops', { title: 'Anderer', locale: 'de' })).body

    expect((await summary(created.id, work)).status).toBe(401)
    expect((await summary(created.id, work, 'not-a-token')).status).toBe(401)
    expect((await summary(created.id, work, other.facilitatorToken)).status).toBe(403)
    const posted = await post<{ error: { code: string } }>(`/api/workshops/${created.id}/results/${work}`, {}, people[0]!.token)
    expect(posted.status).toBe(405)

    // A person's reads are counted (the one above was answered 405 before it counted).
    for (let i = 0; i < MAX_GALLERY_READS_PER_MINUTE; i++) expect((await summary(created.id, work, people[0]!.token)).status).toBe(200)
    const refused = await summary(created.id, work, people[0]!.token)
    expect(refused.status).toBe(429)
    expect(refused.body.error?.code).toBe('too_many_requests')
    // Someone else behind the same address still gets theirs.
    expect((await summary(created.id, work, people[1]!.token)).status).toBe(200)
  })
})
