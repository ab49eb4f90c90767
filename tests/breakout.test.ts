/**
 * Breakout rooms through the real server (issue #4): rooms with their own
 * boards, an assignment of everyone present, and access that follows the
 * current assignment on open connections: your own room's board only while
 * the breakout runs, read-only results afterwards unless reopened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop } from '@werkraum/shared'
import { parseFacilitation, runningBreakout, workshopBoardDocName, workshopControlDocName, type Breakout } from '@werkraum/shared'
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

async function post<T>(path: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

interface Person extends JoinedWorkshop {
  readonly name: string
}

async function setUp(names: readonly string[]): Promise<{ created: CreatedWorkshop; people: Person[]; command: (body: unknown, token?: string) => Promise<{ status: number; body: { error?: { code: string } } }> }> {
  const created = (await post<CreatedWorkshop>('/api/workshops', { title: 'Sprint', locale: 'de' })).body
  const people: Person[] = []
  for (const name of names) {
    const joined = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name })).body
    people.push({ ...joined, name })
    // Present: a connection to the control document, as every open browser has.
    await open(workshopControlDocName(created.id), joined.token)
  }
  await waitFor(() => names.every((_, i) => server.workshops.participants(created.id).some((p) => p.id === people[i]!.participantId)), 'everyone joined')
  const command = (body: unknown, token = created.facilitatorToken) => post<{ error?: { code: string } }>(`/api/workshops/${created.id}/commands`, body, token)
  return { created, people, command }
}

async function open(doc: string, token: string): Promise<TestClient> {
  const c = connectClient(server.wsUrl, doc, { params: { token } })
  clients.push(c)
  await waitSynced(c)
  return c
}

/** Writes a marker through `client` and tells whether the server kept it (a facilitator's probe proves the message was processed). */
async function kept(client: TestClient, doc: string, facilitatorToken: string): Promise<boolean> {
  const marker = `m-${Math.random()}`
  client.doc.getMap('map').set(marker, true)
  const probe = await open(doc, facilitatorToken)
  client.provider.awareness.setLocalStateField('probe', marker)
  await waitFor(() => probe.provider.awareness.getStates().get(client.doc.clientID)?.probe === marker, 'the probe saw the message')
  return server.rooms.peek(doc)?.doc.getMap('map').get(marker) === true
}

async function startBreakout(command: Awaited<ReturnType<typeof setUp>>['command'], created: CreatedWorkshop, plan: unknown): Promise<Breakout> {
  expect((await command({ type: 'addPhase', title: 'Gruppenarbeit', kind: 'breakout', plannedMinutes: 20 })).status).toBe(200)
  const phase = server.workshops.facilitation(created.id).phases.at(-1)!
  expect((await command({ type: 'configureBreakout', phaseId: phase.id, plan })).status).toBe(200)
  expect((await command({ type: 'startPhase', phaseId: phase.id })).status).toBe(200)
  return runningBreakout(server.workshops.facilitation(created.id).breakouts)!
}

const roomDoc = (created: CreatedWorkshop, breakout: Breakout, roomId: string): string =>
  workshopBoardDocName(created.id, breakout.rooms.find((r) => r.id === roomId)!.boardId)

describe('breakout rooms', () => {
  it('open a board per room, assign everyone present in balance, and let each write only in their own room', async () => {
    const { created, people, command } = await setUp(['Ada', 'Ben', 'Cem', 'Dana'])
    const breakout = await startBreakout(command, created, { rooms: [{ title: 'Mobilität', challenge: 'Wie kommen Ältere zum Markt?' }, { title: 'Einkauf', challenge: '' }], template: 'concept', mode: 'random' })
    const sizes = Object.values(breakout.assignment).map((m) => m.length)
    expect(sizes).toEqual([2, 2])
    expect(Object.values(breakout.assignment).flat().sort()).toEqual(people.map((p) => p.participantId).sort())

    // Everyone sees the rooms in the control document.
    const reader = await open(workshopControlDocName(created.id), people[0]!.token)
    await waitFor(() => parseFacilitation(reader.doc.getMap('facilitation').toJSON()).breakouts.length === 1, 'the breakout is published')

    const ada = people[0]!
    const adaRoom = Object.entries(breakout.assignment).find(([, m]) => m.includes(ada.participantId))![0]
    const otherRoom = breakout.rooms.find((r) => r.id !== adaRoom)!.id
    const own = await open(roomDoc(created, breakout, adaRoom), ada.token)
    const other = await open(roomDoc(created, breakout, otherRoom), ada.token)
    const plenary = await open(workshopBoardDocName(created.id, server.workshops.boards(created.id)[0]!.id), ada.token)
    expect(await kept(own, roomDoc(created, breakout, adaRoom), created.facilitatorToken)).toBe(true)
    expect(await kept(other, roomDoc(created, breakout, otherRoom), created.facilitatorToken)).toBe(false)
    expect(await kept(plenary, workshopBoardDocName(created.id, server.workshops.boards(created.id)[0]!.id), created.facilitatorToken)).toBe(false)

    // Moved to the other room: the open connections follow at once, without reconnecting.
    expect((await command({ type: 'moveToRoom', participantId: ada.participantId, roomId: otherRoom })).status).toBe(200)
    expect(await kept(own, roomDoc(created, breakout, adaRoom), created.facilitatorToken)).toBe(false)
    expect(await kept(other, roomDoc(created, breakout, otherRoom), created.facilitatorToken)).toBe(true)
    // Participants cannot move themselves in a random breakout.
    expect((await command({ type: 'chooseRoom', roomId: adaRoom }, ada.token)).status).toBe(409)
    expect((await command({ type: 'moveToRoom', participantId: ada.participantId, roomId: adaRoom }, ada.token)).status).toBe(403)
  })

  it('places a late joiner in the smallest room', async () => {
    const { created, command } = await setUp(['Ada', 'Ben', 'Cem'])
    await startBreakout(command, created, { rooms: [{ title: 'A', challenge: '' }, { title: 'B', challenge: '' }], template: 'blank', mode: 'random' })
    const late = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Emil' })).body
    await open(workshopControlDocName(created.id), late.token)
    await waitFor(() => Object.values(runningBreakout(server.workshops.facilitation(created.id).breakouts)!.assignment).flat().includes(late.participantId), 'the late joiner got a room')
    expect(Object.values(runningBreakout(server.workshops.facilitation(created.id).breakouts)!.assignment).map((m) => m.length)).toEqual([2, 2])
  })

  it('after the phase, room boards are read-only results until reopened, and the plenary is everyone’s again', async () => {
    const { created, people, command } = await setUp(['Ada', 'Ben'])
    const breakout = await startBreakout(command, created, { rooms: [{ title: 'A', challenge: '' }, { title: 'B', challenge: '' }], template: 'blank', mode: 'random' })
    const ada = people[0]!
    const adaRoom = Object.entries(breakout.assignment).find(([, m]) => m.includes(ada.participantId))![0]
    const doc = roomDoc(created, breakout, adaRoom)
    const own = await open(doc, ada.token)
    expect(await kept(own, doc, created.facilitatorToken)).toBe(true)
    expect((await command({ type: 'endPhase' })).status).toBe(200)
    expect(await kept(own, doc, created.facilitatorToken)).toBe(false)
    const plenaryDoc = workshopBoardDocName(created.id, server.workshops.boards(created.id)[0]!.id)
    expect(await kept(await open(plenaryDoc, ada.token), plenaryDoc, created.facilitatorToken)).toBe(true)
    expect((await command({ type: 'reopenRooms', open: true })).status).toBe(200)
    expect(await kept(own, doc, created.facilitatorToken)).toBe(true)
    // Room boards stay out of the board list.
    const view = (await (await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${ada.token}` } })).json()) as { boards: unknown[] }
    expect(view.boards).toHaveLength(1)
  })

  it('when the timer ends the breakout, open connections lose write access to the rooms at once', async () => {
    const { created, people, command } = await setUp(['Ada', 'Ben'])
    await command({ type: 'addPhase', title: 'Kurz', kind: 'breakout', plannedMinutes: 0.1 })
    const phase = server.workshops.facilitation(created.id).phases.at(-1)!
    await command({ type: 'configureBreakout', phaseId: phase.id, plan: { rooms: [{ title: 'A', challenge: '' }], template: 'blank', mode: 'random' } })
    await command({ type: 'startPhase', phaseId: phase.id })
    const breakout = runningBreakout(server.workshops.facilitation(created.id).breakouts)!
    const doc = roomDoc(created, breakout, breakout.rooms[0]!.id)
    const own = await open(doc, people[0]!.token)
    // Writable while it runs (six seconds)…
    expect(await kept(own, doc, created.facilitatorToken)).toBe(true)
    expect(server.workshops.facilitation(created.id).currentPhaseId).toBe(phase.id)
    await waitFor(() => server.workshops.facilitation(created.id).currentPhaseId === null, 'the server ended the phase', 10_000)
    expect(await kept(own, doc, created.facilitatorToken)).toBe(false)
  })

  it('lets participants choose their room while it has space', async () => {
    const { created, people, command } = await setUp(['Ada', 'Ben', 'Cem'])
    const breakout = await startBreakout(command, created, { rooms: [{ title: 'A', challenge: '' }, { title: 'B', challenge: '' }], template: 'blank', mode: 'self', capacity: 1 })
    expect(Object.values(breakout.assignment).flat()).toEqual([])
    const [a, b] = breakout.rooms
    expect((await command({ type: 'chooseRoom', roomId: a!.id }, people[0]!.token)).status).toBe(200)
    const full = await command({ type: 'chooseRoom', roomId: a!.id }, people[1]!.token)
    expect(full.status).toBe(409)
    expect(full.body.error?.code).toBe('room_full')
    expect((await command({ type: 'chooseRoom', roomId: b!.id }, people[1]!.token)).status).toBe(200)
    expect((await command({ type: 'chooseRoom', roomId: 'nope' }, people[2]!.token)).status).toBe(404)
    expect(runningBreakout(server.workshops.facilitation(created.id).breakouts)!.assignment).toEqual({ [a!.id]: [people[0]!.participantId], [b!.id]: [people[1]!.participantId] })
  })

  it('follows role changes and removals: a new participant gets a room, someone removed frees their place', async () => {
    const { created, people, command } = await setUp(['Ada', 'Ben'])
    const moderator = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Mo' })).body
    await command({ type: 'setRole', participantId: moderator.participantId, role: 'moderator' })
    await open(workshopControlDocName(created.id), moderator.token)
    const breakout = await startBreakout(command, created, { rooms: [{ title: 'A', challenge: '' }, { title: 'B', challenge: '' }], template: 'blank', mode: 'self', capacity: 1 })
    const [a, b] = breakout.rooms
    const assignment = () => runningBreakout(server.workshops.facilitation(created.id).breakouts)!.assignment
    expect((await command({ type: 'chooseRoom', roomId: a!.id }, people[0]!.token)).status).toBe(200)
    expect((await command({ type: 'chooseRoom', roomId: a!.id }, people[1]!.token)).body.error?.code).toBe('room_full')
    expect((await command({ type: 'removeParticipant', participantId: people[0]!.participantId })).status).toBe(200)
    expect(Object.values(assignment()).flat()).toEqual([])
    expect((await command({ type: 'chooseRoom', roomId: a!.id }, people[1]!.token)).status).toBe(200)
    // Promoted to participant mid-breakout (self-select: they choose, like everyone).
    await command({ type: 'setRole', participantId: moderator.participantId, role: 'participant' })
    expect((await command({ type: 'chooseRoom', roomId: b!.id }, moderator.token)).status).toBe(200)
    await command({ type: 'setRole', participantId: moderator.participantId, role: 'observer' })
    expect(assignment()[b!.id]).toEqual([])
  })

  it('places someone made a participant during a random breakout', async () => {
    const { created, command } = await setUp(['Ada', 'Ben'])
    const mo = (await post<JoinedWorkshop>('/api/join', { code: created.joinCode, name: 'Mo' })).body
    await command({ type: 'setRole', participantId: mo.participantId, role: 'observer' })
    await open(workshopControlDocName(created.id), mo.token)
    await startBreakout(command, created, { rooms: [{ title: 'A', challenge: '' }, { title: 'B', challenge: '' }], template: 'blank', mode: 'random' })
    const members = () => Object.values(runningBreakout(server.workshops.facilitation(created.id).breakouts)!.assignment).flat()
    expect(members()).not.toContain(mo.participantId)
    await command({ type: 'setRole', participantId: mo.participantId, role: 'participant' })
    expect(members()).toContain(mo.participantId)
  })

  it('limits how many commands one person sends a minute', async () => {
    const { created, people, command } = await setUp(['Ada'])
    expect(created.id).toBeTruthy()
    const statuses: number[] = []
    for (let i = 0; i < 125; i++) statuses.push((await command({ type: 'chooseRoom', roomId: 'r1' }, people[0]!.token)).status)
    expect(statuses.slice(0, 120).every((s) => s === 409)).toBe(true)
    expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429])
  })

  it('same groups as last time', async () => {
    const { created, command } = await setUp(['Ada', 'Ben', 'Cem', 'Dana'])
    const first = await startBreakout(command, created, { rooms: [{ title: 'A', challenge: '' }, { title: 'B', challenge: '' }], template: 'blank', mode: 'random' })
    await command({ type: 'endPhase' })
    const second = await startBreakout(command, created, { rooms: [{ title: 'A2', challenge: '' }, { title: 'B2', challenge: '' }], template: 'blank', mode: 'same' })
    expect(second.rooms.map((r) => r.boardId)).not.toEqual(first.rooms.map((r) => r.boardId))
    expect(Object.values(second.assignment).map((m) => [...m].sort())).toEqual(Object.values(first.assignment).map((m) => [...m].sort()))
  })
})
