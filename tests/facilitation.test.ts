/**
 * The agenda and its timer through the real server (issue #4): commands from
 * the facilitator, the state in the control document in server time, every
 * client showing the same remaining time whatever its clock says, and the
 * server ending a phase on time by itself, across a restart too.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop } from '@werkraum/shared'
import { measureOffset, parseFacilitation, remainingMs, workshopBoardDocName, workshopControlDocName, type Facilitation } from '@werkraum/shared'
import { connectClient, waitSynced } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { removeDir, startTestServer, tempDataDir } from './support/server.ts'
import type { TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

const servers: TestServer[] = []
const clients: TestClient[] = []
const dataDirs: string[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of servers.splice(0)) await s.close()
  for (const d of dataDirs.splice(0)) removeDir(d)
})

async function start(dataDir = tempDataDir()): Promise<TestServer> {
  if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir)
  const server = await startTestServer({}, dataDir)
  servers.push(server)
  return server
}

async function post<T>(server: TestServer, path: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

async function workshop(server: TestServer): Promise<CreatedWorkshop> {
  return (await post<CreatedWorkshop>(server, '/api/workshops', { title: 'Sprint', locale: 'de' })).body
}

function command(server: TestServer, created: CreatedWorkshop, body: unknown, token = created.facilitatorToken) {
  return post<{ ok?: boolean; error?: { code: string } }>(server, `/api/workshops/${created.id}/commands`, body, token)
}

/** A read-only client of the control document, as every browser has. */
async function controlReader(server: TestServer, created: CreatedWorkshop, token = created.facilitatorToken): Promise<() => Facilitation> {
  const c = connectClient(server.wsUrl, workshopControlDocName(created.id), { params: { token } })
  clients.push(c)
  await waitSynced(c)
  return () => parseFacilitation(c.doc.getMap('facilitation').toJSON())
}

describe('agenda and timer', () => {
  it('only facilitators run the agenda; everyone reads it from the control document', async () => {
    const server = await start()
    const created = await workshop(server)
    const paula = (await post<JoinedWorkshop>(server, '/api/join', { code: created.joinCode, name: 'Paula' })).body
    const read = await controlReader(server, created, paula.token)

    expect((await command(server, created, { type: 'addPhase', title: 'Begrüßung', kind: 'plenary', plannedMinutes: 10 })).status).toBe(200)
    expect((await command(server, created, { type: 'addPhase', title: 'x', kind: 'plenary', plannedMinutes: 1 }, paula.token)).status).toBe(403)
    expect((await command(server, created, { type: 'addPhase', title: '', kind: 'party', plannedMinutes: -1 })).status).toBe(400)
    await waitFor(() => read().phases.length === 1, 'the phase reached the control document')
    const phaseId = read().phases[0]!.id
    expect((await command(server, created, { type: 'startPhase', phaseId: 'nope' })).status).toBe(404)
    expect((await command(server, created, { type: 'resumeTimer' })).body.error?.code).toBe('invalid_state')
    expect((await command(server, created, { type: 'startPhase', phaseId })).status).toBe(200)
    await waitFor(() => read().timer.status === 'running', 'the timer runs for everyone')
    expect(read().currentPhaseId).toBe(phaseId)
  })

  it('brings everyone to a board: only facilitators, only to boards that exist, seen by everyone', async () => {
    const server = await start()
    const created = await workshop(server)
    const paula = (await post<JoinedWorkshop>(server, '/api/join', { code: created.joinCode, name: 'Paula' })).body
    const read = await controlReader(server, created, paula.token)
    const plenary = server.workshops.boards(created.id)[0]!.id
    const bounds = { x: -100, y: 50, w: 800, h: 600 }
    expect((await command(server, created, { type: 'summon', boardId: plenary, bounds }, paula.token)).status).toBe(403)
    expect((await command(server, created, { type: 'summon', boardId: 'xNope', bounds })).status).toBe(404)
    expect((await command(server, created, { type: 'summon', boardId: plenary, bounds: { ...bounds, w: -1 } })).status).toBe(400)
    expect((await command(server, created, { type: 'summon', boardId: plenary, bounds })).status).toBe(200)
    await waitFor(() => read().summon?.boardId === plenary, 'everyone sees the summon')
    expect(read().summon?.bounds).toEqual(bounds)
  })

  it('a phase sets up what it needs when it starts: everyone to its board, and watching only', async () => {
    const server = await start()
    const created = await workshop(server)
    const paula = (await post<JoinedWorkshop>(server, '/api/join', { code: created.joinCode, name: 'Paula' })).body
    const read = await controlReader(server, created, paula.token)
    const plenary = server.workshops.boards(created.id)[0]!.id
    await command(server, created, { type: 'addPhase', title: 'Impuls', kind: 'input', plannedMinutes: 10 })
    const phase = server.workshops.facilitation(created.id).phases[0]!
    expect((await command(server, created, { type: 'updatePhase', phaseId: phase.id, showBoardId: 'xNope' })).status).toBe(404)
    expect((await command(server, created, { type: 'updatePhase', phaseId: phase.id, showBoardId: plenary, watchOnly: true })).status).toBe(200)

    const doc = workshopBoardDocName(created.id, plenary)
    const board = connectClient(server.wsUrl, doc, { params: { token: paula.token } })
    clients.push(board)
    await waitSynced(board)
    const writes = async (): Promise<boolean> => {
      const marker = `m-${Math.random()}`
      board.doc.getMap('m').set(marker, true)
      const probe = connectClient(server.wsUrl, doc, { params: { token: created.facilitatorToken } })
      clients.push(probe)
      await waitSynced(probe)
      board.provider.awareness.setLocalStateField('probe', marker)
      await waitFor(() => probe.provider.awareness.getStates().get(board.doc.clientID)?.probe === marker, 'the probe saw the message')
      return server.rooms.peek(doc)?.doc.getMap('m').get(marker) === true
    }
    expect(await writes()).toBe(true)
    await command(server, created, { type: 'startPhase', phaseId: phase.id })
    await waitFor(() => read().summon?.boardId === plenary, 'everyone is taken to the phase’s board')
    expect(await writes()).toBe(false)
    await command(server, created, { type: 'endPhase' })
    expect(await writes()).toBe(true)
  })

  it('shows the same remaining time on clocks minutes apart, through pause, resume and extension', async () => {
    const server = await start()
    const created = await workshop(server)
    await command(server, created, { type: 'startTimer', minutes: 10 })
    // Three devices: one right, one three minutes slow, one seven minutes fast.
    const devices = await Promise.all(
      [0, -180_000, 420_000].map(async (skew) => {
        const localNow = (): number => Date.now() + skew
        const offset = await measureOffset(async () => (await (await fetch(`${server.url}/api/time`)).json() as { now: number }).now, localNow)
        const read = await controlReader(server, created)
        return { shown: (): number | undefined => remainingMs(read().timer, localNow() + offset!.offsetMs), read }
      }),
    )
    const agree = async (what: string): Promise<void> => {
      await waitFor(() => devices.every((d) => JSON.stringify(d.read().timer) === JSON.stringify(devices[0]!.read().timer)), `${what}: every device has the new timer`)
      const shown = devices.map((d) => d.shown()!)
      expect(Math.max(...shown) - Math.min(...shown), `${what}: ${shown.join(', ')}`).toBeLessThan(250)

    }
    await agree('running')
    expect(devices[0]!.shown()).toBeGreaterThan(9 * 60_000)
    await command(server, created, { type: 'pauseTimer' })
    await waitFor(() => devices[0]!.read().timer.status === 'paused', 'paused')
    await agree('paused')
    await command(server, created, { type: 'adjustTimer', deltaMinutes: 2 })
    await waitFor(() => (devices[0]!.shown() ?? 0) > 11 * 60_000, 'two minutes more')
    await agree('extended')
    await command(server, created, { type: 'resumeTimer' })
    await waitFor(() => devices[0]!.read().timer.status === 'running', 'resumed')
    await agree('resumed')
  })

  it('ends the phase on time with no facilitator connected', async () => {
    const server = await start()
    const created = await workshop(server)
    await command(server, created, { type: 'addPhase', title: 'Kurz', kind: 'breakout', plannedMinutes: 0.02 })
    await command(server, created, { type: 'addPhase', title: 'Danach', kind: 'plenary', plannedMinutes: 5 })
    const phases = server.workshops.facilitation(created.id).phases
    expect((await command(server, created, { type: 'startPhase', phaseId: phases[0]!.id })).status).toBe(200)
    // Nobody has the control document open: the server acts on its own.
    await waitFor(() => server.workshops.facilitation(created.id).currentPhaseId === null, 'the server ended the phase', 5000)
    const after = server.workshops.facilitation(created.id)
    expect(after.phases.map((p) => p.status)).toEqual(['done', 'planned'])
    expect(after.timer.status).toBe('idle')
    const read = await controlReader(server, created)
    expect(read().phases[0]!.status).toBe('done')
  })

  it('keeps running timers across a restart and ends what fell due while it was down', async () => {
    const dataDir = tempDataDir()
    let server = await start(dataDir)
    const created = await workshop(server)
    await command(server, created, { type: 'addPhase', title: 'Lang', kind: 'plenary', plannedMinutes: 30 })
    await command(server, created, { type: 'addPhase', title: 'Kurz', kind: 'breakout', plannedMinutes: 0.01 })
    const [long, short] = server.workshops.facilitation(created.id).phases
    await command(server, created, { type: 'startPhase', phaseId: long!.id })
    const endsAt = (server.workshops.facilitation(created.id).timer as { endsAt: number }).endsAt

    // A restart keeps the running timer as it was.
    await servers.pop()!.close()
    server = await start(dataDir)
    expect(server.workshops.facilitation(created.id).timer).toMatchObject({ status: 'running', endsAt })

    // A phase that falls due while the server is down ends as soon as it is back.
    await command(server, created, { type: 'startPhase', phaseId: short!.id })
    const due = (server.workshops.facilitation(created.id).timer as { endsAt: number }).endsAt
    await servers.pop()!.close()
    await waitFor(() => Date.now() > due + 50, 'the phase fell due while the server was down')
    server = await start(dataDir)
    await waitFor(() => server.workshops.facilitation(created.id).currentPhaseId === null, 'the server ended the overdue phase at start')
    expect(server.workshops.facilitation(created.id).phases.map((p) => p.status)).toEqual(['done', 'done'])
  })
})
