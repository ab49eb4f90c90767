/**
 * Workshops through the real server (issue #3, first part): the HTTP API, and
 * access to workshop documents decided before the WebSocket upgrade from a
 * signed token and the workshop's current state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { CreatedWorkshop, JoinedWorkshop, Role, WorkshopView } from '@werkraum/shared'
import { workshopBoardDocName, workshopControlDocName } from '@werkraum/shared'
import { ApiErrorSchema } from '@werkraum/shared/schemas'
import { signToken, loadOrCreateSecret } from '../server/src/auth/tokens.ts'
import { connectClient, waitSynced } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { removeDir, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

let server: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.close()
  removeDir(server.dataDir)
})

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as T }
}
async function createWorkshop(): Promise<CreatedWorkshop> {
  const res = await post<CreatedWorkshop>('/api/workshops', { title: 'Digitaler Sprint Marktplatz', locale: 'de' })
  expect(res.status).toBe(201)
  return res.body
}
async function view(id: string, token: string): Promise<{ status: number; body: WorkshopView }> {
  const res = await fetch(`${server.url}/api/workshops/${id}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: res.status, body: (await res.json()) as WorkshopView }
}
/** The upgrade's answer for a document and token: 101 when it connects, else the refusing status. */
function upgradeStatus(doc: string, token?: string): Promise<number> {
  const ws = new WebSocket(`${server.wsUrl}/${doc}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`)
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.terminate()
      resolve(101)
    })
    ws.once('unexpected-response', (_req, res) => {
      ws.terminate()
      resolve(res.statusCode ?? 0)
    })
    ws.once('error', () => undefined)
  })
}

describe('workshop API', () => {
  it('creates a workshop with a plenary board, a join code and three links', async () => {
    const created = await createWorkshop()
    expect(created.joinCode).toMatch(/^[2-9A-HJ-NP-Z]{7}$/)
    expect(created.links.facilitator).toBe(`${server.url}/w/${created.id}#t=${created.facilitatorToken}`)
    expect(created.links.join).toBe(`${server.url}/j/${created.joinCode}`)
    expect(created.links.observer).toMatch(new RegExp(`^${server.url}/w/${created.id}#t=`))
    const seen = await view(created.id, created.facilitatorToken)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ id: created.id, title: 'Digitaler Sprint Marktplatz', role: 'facilitator', joinCode: created.joinCode })
    expect(seen.body.boards).toHaveLength(1)
    expect(seen.body.boards[0]!.title).toBe('Plenum')
    expect(seen.body.controlDoc).toBe(workshopControlDocName(created.id))
  })

  it('lets people join with the code as they type it, and shows them what a participant may see', async () => {
    const created = await createWorkshop()
    const typed = `${created.joinCode.slice(0, 3).toLowerCase()}-${created.joinCode.slice(3)}`
    const joined = await post<JoinedWorkshop>('/api/join', { code: typed, name: 'Erika Musterfrau' })
    expect(joined.status).toBe(201)
    expect(joined.body.workshopId).toBe(created.id)
    const seen = await view(created.id, joined.body.token)
    expect(seen.body.role).toBe('participant')
    expect(seen.body.joinCode).toBeUndefined()
  })

  it('tells each caller who they are; only people managers get the code and working links again', async () => {
    const created = await createWorkshop()
    const joined = await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Jörg' })
    const asParticipant = (await view(created.id, joined.body.token)).body
    expect(asParticipant).toMatchObject({ participantId: joined.body.participantId, name: 'Jörg', role: 'participant' })
    expect(asParticipant.links).toBeUndefined()
    expect(asParticipant.joinCode).toBeUndefined()

    const asFacilitator = (await view(created.id, created.facilitatorToken)).body
    expect(asFacilitator.name).toBe('')
    expect(asFacilitator.links?.join).toBe(created.links.join)
    // Days later the console can still hand out links that work, and for the right role.
    const tokenOf = (link: string): string => decodeURIComponent(link.split('#t=')[1] ?? '')
    expect((await view(created.id, tokenOf(asFacilitator.links!.observer))).body.role).toBe('observer')
    expect((await view(created.id, tokenOf(asFacilitator.links!.facilitator))).body.role).toBe('facilitator')
  })

  it('refuses wrong codes, and after ten in a minute answers 429 even to a right one', async () => {
    const created = await createWorkshop()
    const wrong = await post('/api/join', { code: 'ZZZ-ZZZZ', name: 'Mallory' }, { 'accept-language': 'de-DE,de;q=0.9' })
    expect(wrong.status).toBe(404)
    expect(ApiErrorSchema.parse(wrong.body).error).toEqual({ code: 'unknown_code', message: 'Zu diesem Code gibt es keinen Workshop.' })
    for (let i = 0; i < 9; i++) expect((await post('/api/join', { code: 'ZZZ-ZZZZ', name: 'Mallory' })).status).toBe(404)
    const blocked = await post('/api/join', { code: created.joinCode, name: 'Mallory' })
    expect(blocked.status).toBe(429)
    expect(ApiErrorSchema.parse(blocked.body).error.code).toBe('too_many_requests')
  })

  it('counts join attempts sent in parallel, before their bodies arrive', async () => {
    const created = await createWorkshop()
    const answers = await Promise.all(Array.from({ length: 30 }, () => post('/api/join', { code: 'ZZZ-ZZZZ', name: 'Mallory' })))
    expect(answers.filter((a) => a.status === 404)).toHaveLength(10)
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20)
    expect((await post('/api/join', { code: created.joinCode, name: 'Mallory' })).status).toBe(429)
  })

  it('answers bad input with a clear error and changes nothing', async () => {
    expect((await post('/api/workshops', '{not json')).status).toBe(400)
    const invalid = await post('/api/workshops', { title: '', locale: 'fr' })
    expect(invalid.status).toBe(400)
    expect(ApiErrorSchema.parse(invalid.body).error.code).toBe('invalid_fields')
    expect((await post('/api/workshops', { title: 'x'.repeat(121), locale: 'de' })).status).toBe(400)
    expect((await post('/api/workshops', { title: 'x'.repeat(20_000), locale: 'de' })).status).toBe(413)
    expect((await post('/api/join', { code: 'ABC-DEFG', name: '   ' })).status).toBe(400)
    expect((await fetch(server.url + '/api/workshops')).status).toBe(405)
    expect((await fetch(server.url + '/api/nothing')).status).toBe(404)
  })

  it('needs a valid token for the workshop to see it', async () => {
    const a = await createWorkshop()
    const b = await createWorkshop()
    expect((await fetch(`${server.url}/api/workshops/${a.id}`)).status).toBe(401)
    expect((await view(a.id, 'forged.token')).status).toBe(401)
    expect((await view(a.id, b.facilitatorToken)).status).toBe(403)
  })
})

describe('access to workshop documents, decided before the upgrade', () => {
  let created: CreatedWorkshop
  let plenaryDoc: string
  const tokens = {} as Record<Role, string>

  beforeEach(async () => {
    created = await createWorkshop()
    const facilitatorView = await view(created.id, created.facilitatorToken)
    plenaryDoc = facilitatorView.body.boards[0]!.doc
    expect(plenaryDoc).toBe(workshopBoardDocName(created.id, facilitatorView.body.boards[0]!.id))
    tokens.facilitator = created.facilitatorToken
    tokens.observer = decodeURIComponent(created.links.observer.split('#t=')[1]!)
    tokens.participant = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Paula' })).body.token
    const moderator = server.workshops.addParticipant(created.id, 'Moritz', 'moderator')
    tokens.moderator = signToken(loadOrCreateSecret(server.dataDir), { workshop: created.id, subject: moderator.id, issuedAt: 0 })
  })

  /** Connects with the role's token, tries to write, and tells whether the server kept the write. */
  async function writes(role: Role, doc: string): Promise<boolean> {
    const c = connectClient(server.wsUrl, doc, { params: { token: tokens[role] } })
    clients.push(c)
    await waitSynced(c)
    const marker = `${role}-${Math.random()}`
    c.doc.getMap('map').set(marker, true)
    // A writer that syncs after us proves the server processed our message first (one connection is ordered).
    const probe = connectClient(server.wsUrl, doc, { params: { token: tokens.facilitator } })
    clients.push(probe)
    await waitSynced(probe)
    c.provider.awareness.setLocalStateField('probe', marker)
    await waitFor(() => probe.provider.awareness.getStates().get(c.doc.clientID)?.probe === marker, `${role} presence reached the server`)
    return server.rooms.peek(doc)?.doc.getMap('map').get(marker) === true
  }

  const table: Array<[Role, { board: boolean; locked: boolean }]> = [
    ['facilitator', { board: true, locked: true }],
    ['moderator', { board: true, locked: true }],
    ['participant', { board: true, locked: false }],
    ['observer', { board: false, locked: false }],
  ]
  for (const [role, may] of table) {
    it(`${role}: plenary ${may.board ? 'write' : 'read'}, locked ${may.locked ? 'write' : 'read'}, control read`, async () => {
      expect(await upgradeStatus(plenaryDoc, tokens[role])).toBe(101)
      expect(await writes(role, plenaryDoc)).toBe(may.board)
      expect(await writes(role, workshopControlDocName(created.id))).toBe(false)
      server.workshops.setLocked(created.id, plenaryDoc.split('.').at(-1)!, true)
      expect(await writes(role, plenaryDoc)).toBe(may.locked)
    })
  }

  it('refuses a missing or forged token with 401 and another workshop’s token with 403, before the upgrade', async () => {
    const other = await createWorkshop()
    expect(await upgradeStatus(plenaryDoc)).toBe(401)
    expect(await upgradeStatus(plenaryDoc, 'forged.token')).toBe(401)
    expect(await upgradeStatus(plenaryDoc, other.facilitatorToken)).toBe(403)
    expect(await upgradeStatus(workshopBoardDocName(created.id, 'xNoSuchBoard'), tokens.facilitator)).toBe(403)
  })
})

describe('creating workshops on a server with a creation password', () => {
  it('needs the password', async () => {
    const guarded = await startTestServer({ WORKSHOP_CREATION_PASSWORD: 'gemeinde-2026' })
    try {
      const post = (body: unknown): Promise<Response> =>
        fetch(guarded.url + '/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      const without = await post({ title: 'Sprint', locale: 'de' })
      expect(without.status).toBe(403)
      expect(ApiErrorSchema.parse(await without.json()).error.code).toBe('wrong_password')
      expect((await post({ title: 'Sprint', locale: 'de', password: 'gemeinde-2026' })).status).toBe(201)
    } finally {
      await guarded.close()
      removeDir(guarded.dataDir)
    }
  })
})

describe('commands change open connections at once', () => {
  let created: CreatedWorkshop
  let plenary: { id: string; doc: string }
  let paula: JoinedWorkshop

  beforeEach(async () => {
    created = await createWorkshop()
    const board = (await view(created.id, created.facilitatorToken)).body.boards[0]!
    plenary = { id: board.id, doc: board.doc }
    paula = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Paula' })).body
  })

  function command(token: string, body: unknown): Promise<{ status: number; body: unknown }> {
    return post(`/api/workshops/${created.id}/commands`, body, { authorization: `Bearer ${token}` })
  }

  /** Paula connected to the plenary, and a way to tell whether the server keeps her next write. */
  async function connectPaula(): Promise<{ client: TestClient; writeKept: () => Promise<boolean> }> {
    const client = connectClient(server.wsUrl, plenary.doc, { params: { token: paula.token } })
    const probe = connectClient(server.wsUrl, plenary.doc, { params: { token: created.facilitatorToken } })
    clients.push(client, probe)
    await Promise.all([waitSynced(client), waitSynced(probe)])
    let n = 0
    return {
      client,
      writeKept: async () => {
        const marker = `paula-${n++}`
        client.doc.getMap('map').set(marker, true)
        client.provider.awareness.setLocalStateField('probe', marker)
        await waitFor(() => probe.provider.awareness.getStates().get(client.doc.clientID)?.probe === marker, 'paula’s message processed')
        return server.rooms.peek(plenary.doc)?.doc.getMap('map').get(marker) === true
      },
    }
  }

  it('locking a board makes it read-only for participants who are already on it, and unlocking undoes it', async () => {
    const paulaOnBoard = await connectPaula()
    expect(await paulaOnBoard.writeKept()).toBe(true)
    expect((await command(created.facilitatorToken, { type: 'lockBoard', boardId: plenary.id, locked: true })).status).toBe(200)
    expect(await paulaOnBoard.writeKept()).toBe(false)
    expect((await command(created.facilitatorToken, { type: 'lockBoard', boardId: plenary.id, locked: false })).status).toBe(200)
    expect(await paulaOnBoard.writeKept()).toBe(true)
  })

  it('a role change applies to open connections: observer cannot write, moderator can', async () => {
    const paulaOnBoard = await connectPaula()
    await command(created.facilitatorToken, { type: 'setRole', participantId: paula.participantId, role: 'observer' })
    expect(await paulaOnBoard.writeKept()).toBe(false)
    await command(created.facilitatorToken, { type: 'setRole', participantId: paula.participantId, role: 'moderator' })
    expect(await paulaOnBoard.writeKept()).toBe(true)
    expect((await view(created.id, paula.token)).body.role).toBe('moderator')
  })

  it('a removed participant is disconnected at once and refused when coming back', async () => {
    const { client } = await connectPaula()
    const closed = new Promise<number>((resolve) => client.provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
    expect((await command(created.facilitatorToken, { type: 'removeParticipant', participantId: paula.participantId })).status).toBe(200)
    expect(await closed).toBe(4403)
    expect(await upgradeStatus(plenary.doc, paula.token)).toBe(403)
    expect((await view(created.id, paula.token)).status).toBe(403)
  })

  it('only the roles that may, may command; facilitators cannot be demoted or removed', async () => {
    expect((await command(paula.token, { type: 'lockBoard', boardId: plenary.id, locked: true })).status).toBe(403)
    expect((await command(paula.token, { type: 'removeParticipant', participantId: paula.participantId })).status).toBe(403)
    const facilitatorId = JSON.parse(Buffer.from(created.facilitatorToken.split('.')[0]!, 'base64url').toString()).s as string
    expect((await command(created.facilitatorToken, { type: 'removeParticipant', participantId: facilitatorId })).status).toBe(403)
    expect((await command(created.facilitatorToken, { type: 'setRole', participantId: 'xNobody', role: 'observer' })).status).toBe(404)
    expect((await command(created.facilitatorToken, { type: 'launchRocket' })).status).toBe(400)
    expect((await command('forged.token', { type: 'lockBoard', boardId: plenary.id, locked: true })).status).toBe(401)
  })
})

describe('deleting a workshop', () => {
  it('disconnects everyone and leaves nothing of it in storage', async () => {
    const doomed = await createWorkshop()
    const kept = await createWorkshop()
    const doomedPlenary = (await view(doomed.id, doomed.facilitatorToken)).body.boards[0]!.doc
    const keptPlenary = (await view(kept.id, kept.facilitatorToken)).body.boards[0]!.doc
    const paula = (await post<JoinedWorkshop>('/api/join', { code: doomed.joinCode, name: 'Paula Privat' })).body
    const onDoomed = connectClient(server.wsUrl, doomedPlenary, { params: { token: paula.token } })
    const onKept = connectClient(server.wsUrl, keptPlenary, { params: { token: kept.facilitatorToken } })
    clients.push(onDoomed, onKept)
    await Promise.all([waitSynced(onDoomed), waitSynced(onKept)])
    onDoomed.doc.getText('text').insert(0, 'Idee von Paula')
    onKept.doc.getText('text').insert(0, 'bleibt')
    await waitFor(() => server.rooms.peek(doomedPlenary)?.doc.getText('text').length === 14, 'edit on the server')
    const closed = new Promise<number>((resolve) => onDoomed.provider.on('connection-close', (event) => resolve(event?.code ?? 0)))

    // Only the facilitator may delete.
    expect((await fetch(`${server.url}/api/workshops/${doomed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${paula.token}` } })).status).toBe(403)
    const res = await fetch(`${server.url}/api/workshops/${doomed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${doomed.facilitatorToken}` } })
    expect(res.status).toBe(200)
    expect(await closed).toBe(4403)
    expect(await upgradeStatus(doomedPlenary, paula.token)).toBe(403)
    expect((await view(doomed.id, doomed.facilitatorToken)).status).toBe(403)

    // Close the server (it writes everything it holds) and read storage directly.
    onDoomed.destroy()
    onKept.destroy()
    await server.close()
    const { SqliteStorage } = await import('@werkraum/server')
    const storage = new SqliteStorage({ dataDir: server.dataDir })
    const names = await storage.list()
    await storage.close()
    expect(names.filter((n) => n.includes(doomed.id))).toEqual([])
    expect(names).toContain(keptPlenary)
    const { readFileSync } = await import('node:fs')
    const file = readFileSync(`${server.dataDir}/werkraum.db`).toString('latin1') + readFileSync(`${server.dataDir}/werkraum.db-wal`, { flag: 'a+' }).toString('latin1')
    expect(file.includes('Paula Privat'), 'the name is gone from the database file').toBe(false)
    server = await startTestServer() // for afterEach
  })

  it('happens by itself for workshops untouched longer than the retention period', async () => {
    const old = await createWorkshop()
    const fresh = await createWorkshop()
    server.workshops.touch(old.id, Date.now() - 200 * 24 * 60 * 60 * 1000)
    const { dataDir } = server
    await server.close()
    server = await startTestServer({ WORKSHOP_RETENTION_DAYS: '180' }, dataDir)
    expect(server.workshops.workshop(old.id)).toBeUndefined()
    expect(server.workshops.workshop(fresh.id)).toBeDefined()
  })
})

describe('the control document', () => {
  it('shows everyone the boards and the people, as the server changes them, and only the server writes it', async () => {
    const created = await createWorkshop()
    const board = (await view(created.id, created.facilitatorToken)).body.boards[0]!
    const paula = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Paula' })).body
    const control = connectClient(server.wsUrl, workshopControlDocName(created.id), { params: { token: paula.token } })
    clients.push(control)
    await waitSynced(control)
    const boards = control.doc.getMap<{ title: string; locked: boolean }>('boards')
    const people = control.doc.getMap<{ name: string; role: string }>('participants')
    await waitFor(() => boards.get(board.id)?.title === 'Plenum' && people.get(paula.participantId)?.name === 'Paula', 'initial state')
    expect(control.doc.getMap('workshop').get('title')).toBe('Digitaler Sprint Marktplatz')

    const command = (body: unknown): Promise<unknown> => post(`/api/workshops/${created.id}/commands`, body, { authorization: `Bearer ${created.facilitatorToken}` })
    await command({ type: 'lockBoard', boardId: board.id, locked: true })
    await waitFor(() => boards.get(board.id)?.locked === true, 'lock shown')
    await command({ type: 'setRole', participantId: paula.participantId, role: 'moderator' })
    await waitFor(() => people.get(paula.participantId)?.role === 'moderator', 'role shown')
    const ben = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Ben' })).body
    await waitFor(() => people.get(ben.participantId)?.name === 'Ben', 'newcomer shown')
    await command({ type: 'removeParticipant', participantId: ben.participantId })
    await waitFor(() => !people.has(ben.participantId), 'removal shown')

    // Paula (a moderator now) tries to unlock the board by writing the control document herself.
    boards.set(board.id, { ...boards.get(board.id)!, locked: false })
    await command({ type: 'renameParticipant', participantId: paula.participantId, name: 'Paula M.' })
    await waitFor(() => people.get(paula.participantId)?.name === 'Paula M.', 'later change arrives')
    const onServer = server.rooms.peek(workshopControlDocName(created.id))!.doc.getMap<{ locked: boolean }>('boards').get(board.id)
    expect(onServer?.locked).toBe(true)
    expect(server.workshops.board(created.id, board.id)?.locked).toBe(true)
  })
})

describe('managing boards', () => {
  it('facilitators and moderators add, rename, reorder and archive boards; participants cannot', async () => {
    const created = await createWorkshop()
    const paula = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Paula' })).body
    const moderator = server.workshops.addParticipant(created.id, 'Moritz', 'moderator')
    const moderatorToken = signToken(loadOrCreateSecret(server.dataDir), { workshop: created.id, subject: moderator.id, issuedAt: 0 })
    const command = (token: string, body: unknown): Promise<{ status: number; body: { boardId?: string } }> =>
      post(`/api/workshops/${created.id}/commands`, body, { authorization: `Bearer ${token}` })

    expect((await command(paula.token, { type: 'addBoard', title: 'Ideen', template: 'brainstorming' })).status).toBe(403)
    const added = await command(moderatorToken, { type: 'addBoard', title: 'Ideen', template: 'brainstorming' })
    expect(added.status).toBe(201)
    const ideas = added.body.boardId!
    const canvas = (await command(created.facilitatorToken, { type: 'addBoard', title: 'Konzept', template: 'concept' })).body.boardId!
    expect((await command(moderatorToken, { type: 'renameBoard', boardId: ideas, title: 'Ideensammlung' })).status).toBe(200)
    expect((await command(moderatorToken, { type: 'moveBoard', boardId: canvas, position: 0 })).status).toBe(200)
    let boards = (await view(created.id, paula.token)).body.boards
    expect(boards.map((b) => `${b.title}:${b.template}`)).toEqual(['Konzept:concept', 'Plenum:blank', 'Ideensammlung:brainstorming'])

    // An archived board disappears from the list and keeps its content read-only for participants.
    expect((await command(created.facilitatorToken, { type: 'archiveBoard', boardId: ideas, archived: true })).status).toBe(200)
    boards = (await view(created.id, paula.token)).body.boards
    expect(boards.map((b) => b.title)).toEqual(['Konzept', 'Plenum'])
    const status = await upgradeStatus(workshopBoardDocName(created.id, ideas), paula.token)
    expect(status).toBe(101)
    expect((await command(created.facilitatorToken, { type: 'renameBoard', boardId: 'xMissing', title: 'x' })).status).toBe(404)
    expect((await command(created.facilitatorToken, { type: 'addBoard', title: 'x', template: 'kanban' })).status).toBe(400)

    // The last board that is not archived stays: the screens always open one.
    expect((await command(created.facilitatorToken, { type: 'archiveBoard', boardId: canvas, archived: true })).status).toBe(200)
    const plenary = boards.find((b) => b.title === 'Plenum')!.id
    expect((await command(created.facilitatorToken, { type: 'archiveBoard', boardId: plenary, archived: true })).status).toBe(409)
    expect((await view(created.id, paula.token)).body.boards.map((b) => b.title)).toEqual(['Plenum'])
    expect((await command(created.facilitatorToken, { type: 'archiveBoard', boardId: ideas, archived: false })).status).toBe(200)
    expect((await command(created.facilitatorToken, { type: 'archiveBoard', boardId: plenary, archived: true })).status).toBe(200)
  })
})

describe('images', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)])
  async function upload(workshopId: string, token: string, body: Buffer, contentType = 'image/png', headers: Record<string, string> = {}): Promise<{ status: number; body: { id?: string; src?: string; error?: { code: string; message: string } } }> {
    const res = await fetch(`${server.url}/api/workshops/${workshopId}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, ...headers },
      body: new Uint8Array(body),
    })
    return { status: res.status, body: (await res.json()) as never }
  }

  it('are checked by their content, served only to members, scripts in SVG cannot run, and go with the workshop', async () => {
    const created = await createWorkshop()
    const other = await createWorkshop()
    const paula = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Paula' })).body
    const observerToken = decodeURIComponent(created.links.observer.split('#t=')[1]!)

    const stored = await upload(created.id, paula.token, png)
    expect(stored.status).toBe(201)
    const src = `${server.url}${stored.body.src!}`
    const got = await fetch(`${src}?token=${encodeURIComponent(paula.token)}`)
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true)
    expect((await fetch(src)).status).toBe(401)
    expect((await fetch(`${src}?token=${encodeURIComponent(other.facilitatorToken)}`)).status).toBe(403)

    const disguised = await upload(created.id, paula.token, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png', { 'accept-language': 'de' })
    expect(disguised.status).toBe(415)
    expect(disguised.body.error?.message).toContain('kein Bild')
    expect((await upload(created.id, paula.token, Buffer.alloc(6 * 1024 * 1024, 1))).status).toBe(413)
    expect((await upload(created.id, observerToken, png)).status).toBe(403)

    const svg = await upload(created.id, paula.token, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml')
    expect(svg.status).toBe(201)
    const svgServed = await fetch(`${server.url}${svg.body.src!}?token=${encodeURIComponent(paula.token)}`)
    expect(svgServed.headers.get('content-type')).toBe('image/svg+xml')
    expect(svgServed.headers.get('content-security-policy')).toContain('sandbox')
    expect(svgServed.headers.get('content-security-policy')).toContain("default-src 'none'")

    await fetch(`${server.url}/api/workshops/${created.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${created.facilitatorToken}` } })
    expect(server.workshops.asset(created.id, stored.body.id!)).toBeUndefined()
  })
})
