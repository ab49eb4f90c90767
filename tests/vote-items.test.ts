/**
 * What a vote is about, for people voting from any board (issue #13): every
 * target board with its notes and concept cards in reading order, for every
 * member of the workshop and nobody else.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop, WorkshopView } from '@werkraum/shared'
import { boardRecords, workshopBoardDocName } from '@werkraum/shared'
import { connectClient, waitSynced, type TestClient } from './support/clients.ts'
import { removeDir, startTestServer, tempDataDir, type TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

const servers: TestServer[] = []
const clients: TestClient[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of servers.splice(0)) await s.close()
  for (const d of dirs.splice(0)) removeDir(d)
})

function shape(id: string, type: string, x: number, y: number, props: Record<string, unknown>, parentId = 'page:page'): unknown {
  return { typeName: 'shape', id, type, x, y, parentId, props }
}

function note(id: string, text: string, x: number, y: number, parentId?: string): unknown {
  return shape(id, 'note', x, y, { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } }, parentId)
}

function card(id: string, title: string, x: number, y: number): unknown {
  return shape(id, 'concept-card', x, y, { w: 420, h: 360, title, challenge: '', idea: '', audience: '', nextSteps: '', carriers: '' })
}

interface ItemsAnswer {
  boards: Array<{ boardId: string; title: string; items: Array<{ shapeId: string; type: string; text: string }> }>
}

describe('vote items', () => {
  it('lists every target board with its items in reading order, for members only', async () => {
    const dir = tempDataDir()
    dirs.push(dir)
    const server = await startTestServer({}, dir)
    servers.push(server)
    const request = async (path: string, token: string | undefined, body?: unknown) => {
      const res = await fetch(server.url + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: res.status, body: (await res.json()) as never }
    }
    const created = (await request('/api/workshops', undefined, { title: 'Sprint', locale: 'de' })).body as CreatedWorkshop
    const ada = (await request('/api/join', undefined, { code: created.joinCode, name: 'Ada' })).body as JoinedWorkshop
    const view = (await request(`/api/workshops/${created.id}`, created.facilitatorToken)).body as WorkshopView
    const plenary = view.boards[0]!.id
    const room = ((await request(`/api/workshops/${created.id}/commands`, created.facilitatorToken, { type: 'addBoard', title: 'Raum 2', template: 'blank' })).body as { boardId: string }).boardId

    // The plenary: two rows (the second partly inside a frame), a card nobody wrote on, a drawing that is no item.
    const write = async (boardId: string, records: Record<string, unknown>) => {
      const client = connectClient(server.wsUrl, workshopBoardDocName(created.id, boardId), { params: { token: created.facilitatorToken } })
      clients.push(client)
      await waitSynced(client)
      for (const [id, record] of Object.entries(records)) boardRecords(client.doc).set(id, record)
      const docName = workshopBoardDocName(created.id, boardId)
      await waitFor(() => Object.keys(records).every((id) => JSON.stringify(server.rooms.peek(docName)?.doc.getArray('tl_records').toJSON()).includes(id)), 'the shapes reached the server')
    }
    await write(plenary, {
      'shape:right': note('shape:right', 'Rechts oben', 400, 10),
      'shape:left': note('shape:left', 'Links oben', 0, 40),
      'shape:frame': shape('shape:frame', 'frame', 0, 300, { w: 800, h: 400, name: 'Gruppe' }),
      'shape:inFrame': note('shape:inFrame', 'Im Rahmen', 500, 20, 'shape:frame'),
      'shape:below': note('shape:below', 'Unten links', 100, 330),
      'shape:empty': card('shape:empty', '', 0, 900),
      'shape:card': card('shape:card', 'Mitfahrbank', 0, 1400),
      'shape:draw': shape('shape:draw', 'geo', 0, 0, { w: 10, h: 10 }),
    })
    await write(room, { 'shape:roomNote': note('shape:roomNote', 'Aus Raum 2', 0, 0) })

    const opened = await request(`/api/workshops/${created.id}/commands`, created.facilitatorToken, {
      type: 'openVote',
      title: 'Was nehmen wir mit?',
      kind: 'dots',
      target: 'notes',
      boardIds: [plenary, room],
      votesPerPerson: 3,
      maxPerItem: 1,
      anonymous: true,
      hidden: true,
    })
    expect(opened.status).toBe(201)
    const sessionId = (opened.body as { sessionId: string }).sessionId
    const path = `/api/workshops/${created.id}/votes/${sessionId}/items`

    const { status, body } = await request(path, ada.token)
    expect(status).toBe(200)
    const answer = body as ItemsAnswer
    expect(answer.boards.map((b) => b.title)).toEqual(['Plenum', 'Raum 2'])
    expect(answer.boards[0]!.items).toEqual([
      { shapeId: 'shape:left', type: 'note', text: 'Links oben' },
      { shapeId: 'shape:right', type: 'note', text: 'Rechts oben' },
      { shapeId: 'shape:below', type: 'note', text: 'Unten links' },
      { shapeId: 'shape:inFrame', type: 'note', text: 'Im Rahmen' },
      { shapeId: 'shape:card', type: 'concept-card', text: 'Mitfahrbank' },
    ])
    expect(answer.boards[1]!.items).toEqual([{ shapeId: 'shape:roomNote', type: 'note', text: 'Aus Raum 2' }])
    // Observers see what is voted on too.
    expect((await request(path, decodeURIComponent(created.links.observer.split('#t=')[1]!))).status).toBe(200)

    // Nobody from outside: no token, a token of another workshop, an unknown session.
    expect((await request(path, undefined)).status).toBe(401)
    const other = (await request('/api/workshops', undefined, { title: 'Anderer', locale: 'de' })).body as CreatedWorkshop
    expect((await request(path, other.facilitatorToken)).status).toBe(403)
    expect((await request(`/api/workshops/${created.id}/votes/vnothere/items`, ada.token)).status).toBe(404)
  })
})
