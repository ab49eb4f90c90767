/**
 * Who is connected, as the server counts it, in the workshop's control
 * document: the facilitator's screen shows it from there (`present` on each
 * participant's entry), and no browser can set it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop, WorkshopView } from '@werkraum/shared'
import { workshopControlDocName } from '@werkraum/shared'
import type * as Y from 'yjs'
import { OFFLINE_GRACE_MS } from '../server/src/workshops/presence.ts'
import { connectClient, waitSynced } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { removeDir, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

/** Long enough for the grace period plus a busy machine; the test waits for the change, not this long. */
const OFFLINE_SHOWN_WITHIN_MS = OFFLINE_GRACE_MS + 5000

interface Entry {
  readonly name: string
  readonly role: string
  readonly present: boolean
}

let server: TestServer
const clients: TestClient[] = []
let created: CreatedWorkshop
let plenaryDoc: string
/** The participants map as the facilitator's read-only control client sees it. */
let people: Y.Map<Entry>

beforeEach(async () => {
  server = await startTestServer()
  const res = await post<CreatedWorkshop>('/api/workshops', { title: 'Sprint', locale: 'de' })
  created = res.body
  const seen = (await (await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })).json()) as WorkshopView
  plenaryDoc = seen.boards[0]!.doc
  const facilitator = connect(workshopControlDocName(created.id), created.facilitatorToken)
  await waitSynced(facilitator)
  people = facilitator.doc.getMap<Entry>('participants')
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.close()
  removeDir(server.dataDir)
})

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as T }
}
function join(name: string): Promise<JoinedWorkshop> {
  return post<JoinedWorkshop>('/api/join', { code: created.joinCode, name }).then((res) => res.body)
}
function connect(doc: string, token: string): TestClient {
  const client = connectClient(server.wsUrl, doc, { params: { token } })
  clients.push(client)
  return client
}
function disconnect(client: TestClient): void {
  clients.splice(clients.indexOf(client), 1)
  client.destroy()
}
/** Every value of `present` the facilitator's client sees for one participant, in order. */
function presentHistory(participantId: string): boolean[] {
  const seen = [people.get(participantId)?.present].filter((v) => v !== undefined)
  people.observe((event) => {
    const present = people.get(participantId)?.present
    if (event.keysChanged.has(participantId) && present !== undefined && present !== seen.at(-1)) seen.push(present)
  })
  return seen
}

describe('present in the control document', () => {
  it('is false after joining, true while connected, and false again a moment after leaving', async () => {
    const paula = await join('Paula')
    await waitFor(() => people.get(paula.participantId)?.name === 'Paula', 'paula listed')
    expect(people.get(paula.participantId)).toEqual({ name: 'Paula', role: 'participant', present: false })
    const history = presentHistory(paula.participantId)

    const onBoard = connect(plenaryDoc, paula.token)
    await waitSynced(onBoard)
    await waitFor(() => people.get(paula.participantId)?.present === true, 'paula shown present')

    disconnect(onBoard)
    await waitFor(() => people.get(paula.participantId)?.present === false, 'paula shown absent', OFFLINE_SHOWN_WITHIN_MS)
    expect(history).toEqual([false, true, false])
    // The facilitator has no name and is never listed, present or not.
    expect([...people.keys()]).toEqual([paula.participantId])
  })

  it('does not flicker when a participant reloads, and counts every document of the workshop', async () => {
    const paula = await join('Paula')
    await waitFor(() => people.has(paula.participantId), 'paula listed')
    const history = presentHistory(paula.participantId)
    const before = connect(plenaryDoc, paula.token)
    const control = connect(workshopControlDocName(created.id), paula.token)
    await Promise.all([waitSynced(before), waitSynced(control)])
    await waitFor(() => people.get(paula.participantId)?.present === true, 'paula shown present')

    // A reload: the old connections close, new ones open well within the grace period. Waiting until
    // the server has seen both closes makes sure paula has no connection at all for a moment.
    disconnect(before)
    disconnect(control)
    const controlRoom = server.rooms.peek(workshopControlDocName(created.id))
    await waitFor(() => !server.rooms.peek(plenaryDoc)?.peers.size && controlRoom?.peers.size === 1, 'old connections closed on the server')
    const after = connect(plenaryDoc, paula.token)
    await waitSynced(after)
    disconnect(after)
    // Shown absent only after the last close; had the first closes counted out at once, paula would have gone false and true again first.
    await waitFor(() => people.get(paula.participantId)?.present === false, 'paula shown absent', OFFLINE_SHOWN_WITHIN_MS)
    expect(history).toEqual([false, true, false])
  })

  it('a removed participant is not listed, present or not', async () => {
    const paula = await join('Paula')
    const ben = await join('Ben')
    const paulaOnBoard = connect(plenaryDoc, paula.token)
    const benOnBoard = connect(plenaryDoc, ben.token)
    await Promise.all([waitSynced(paulaOnBoard), waitSynced(benOnBoard)])
    await waitFor(() => people.get(ben.participantId)?.present === true && people.get(paula.participantId)?.present === true, 'both shown present')

    const removed = await post(`/api/workshops/${created.id}/commands`, { type: 'removeParticipant', participantId: ben.participantId }, { authorization: `Bearer ${created.facilitatorToken}` })
    expect(removed.status).toBe(200)
    await waitFor(() => !people.has(ben.participantId), 'ben no longer listed')
    await waitFor(() => !benOnBoard.provider.wsconnected, 'ben disconnected')

    // Ben was disconnected before Paula leaves, so his count-out is published before hers.
    disconnect(paulaOnBoard)
    await waitFor(() => people.get(paula.participantId)?.present === false, 'paula shown absent', OFFLINE_SHOWN_WITHIN_MS)
    expect(people.has(ben.participantId)).toBe(false)
  })
})
