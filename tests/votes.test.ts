/**
 * Votes counted by the server (issue #5): ballots are commands checked in one
 * transaction (budget, per-item maximum, retried requests), anonymous and
 * hidden sessions keep what they promise, and nothing is lost in a restart.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop, WorkshopView } from '@werkraum/shared'
import { boardRecords, workshopBoardDocName, workshopControlDocName } from '@werkraum/shared'
import { connectClient, waitSynced } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { removeDir, spawnServer, startTestServer, tempDataDir } from './support/server.ts'
import type { ChildServer, TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

const servers: TestServer[] = []
const clients: TestClient[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of servers.splice(0)) await s.close()
  for (const d of dirs.splice(0)) removeDir(d)
})

async function start(dataDir = tempDataDir()): Promise<TestServer> {
  if (!dirs.includes(dataDir)) dirs.push(dataDir)
  const server = await startTestServer({}, dataDir)
  servers.push(server)
  return server
}

interface Setup<S extends Reachable = TestServer> {
  server: S
  created: CreatedWorkshop
  people: JoinedWorkshop[]
  plenary: string
  command: (body: unknown, token?: string) => Promise<{ status: number; body: { error?: { code: string }; sessionId?: string; used?: number; remaining?: number } }>
  get: <T>(path: string, token: string) => Promise<{ status: number; body: T; text: string }>
}

function note(id: string, text: string): unknown {
  return {
    typeName: 'shape',
    id,
    type: 'note',
    x: 0,
    y: 0,
    parentId: 'page:page',
    props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
  }
}

/** A server in this process or in a child process: only its addresses are used here. */
type Reachable = Pick<ChildServer, 'url' | 'wsUrl'>

async function setUp<S extends Reachable>(server: S, names: readonly string[]): Promise<Setup<S>> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
    return { status: res.status, body: (await res.json()) as never }
  }
  const created = (await post('/api/workshops', { title: 'Sprint', locale: 'de' })).body as CreatedWorkshop
  const people: JoinedWorkshop[] = []
  for (const name of names) people.push((await post('/api/join', { code: created.joinCode, name })).body as JoinedWorkshop)
  const view = (await (await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })).json()) as WorkshopView
  const plenary = view.boards[0]!.id
  // Sticky notes on the plenary board, written as a browser would.
  const board = connectClient(server.wsUrl, workshopBoardDocName(created.id, plenary), { params: { token: created.facilitatorToken } })
  clients.push(board)
  await waitSynced(board)
  const records = boardRecords(board.doc)
  records.set('shape:bus', note('shape:bus', 'Bürgerbus <script>alert(1)</script>'))
  records.set('shape:bank', note('shape:bank', '=Mitfahrbank, "neu"\nzweite Zeile'))
  // Someone connecting afresh gets what the server has: once they see both notes, so does the server.
  await waitFor(async () => {
    const probe = connectClient(server.wsUrl, workshopBoardDocName(created.id, plenary), { params: { token: created.facilitatorToken } })
    try {
      await waitSynced(probe)
      return boardRecords(probe.doc).get('shape:bank') !== undefined && boardRecords(probe.doc).get('shape:bus') !== undefined
    } finally {
      probe.destroy()
    }
  }, 'the notes reached the server')
  return {
    server,
    created,
    people,
    plenary,
    command: (body, token = created.facilitatorToken) => post(`/api/workshops/${created.id}/commands`, body, token),
    get: async (path, token) => {
      const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } })
      const text = await res.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        body = undefined
      }
      return { status: res.status, body: body as never, text }
    },
  }
}

const session = (s: Setup<Reachable>, overrides: Record<string, unknown> = {}) => ({
  type: 'openVote',
  title: 'Welche Ideen nehmen wir mit?',
  kind: 'dots',
  target: 'notes',
  boardIds: [s.plenary],
  votesPerPerson: 3,
  maxPerItem: 2,
  anonymous: false,
  hidden: false,
  ...overrides,
})

let requestCounter = 0
const vote = (s: Setup<Reachable>, sessionId: string, token: string, shapeId: string | null, requestId = `r${++requestCounter}`) =>
  s.command({ type: 'castVote', sessionId, boardId: s.plenary, shapeId, requestId }, token)

describe('votes', () => {
  it('100 parallel ballots from one person never exceed the budget or the per-item maximum', async () => {
    const s = await setUp(await start(), ['Ada'])
    const opened = await s.command(session(s))
    expect(opened.status).toBe(201)
    const id = opened.body.sessionId!
    const ada = s.people[0]!.token
    // First all on one note: the per-item maximum (2) holds.
    const first = await Promise.all(Array.from({ length: 100 }, () => vote(s, id, ada, 'shape:bus')))
    expect(first.filter((a) => a.status === 200)).toHaveLength(2)
    expect(new Set(first.filter((a) => a.status !== 200).map((a) => a.body.error?.code))).toEqual(new Set(['item_full']))
    // Then on both (fewer: commands are rate-limited per person): only the one dot left of the budget (3) is placed.
    const second = await Promise.all(Array.from({ length: 10 }, (_, i) => vote(s, id, ada, i % 2 === 0 ? 'shape:bus' : 'shape:bank')))
    expect(second.filter((a) => a.status === 200)).toHaveLength(1)
    for (const a of second.filter((x) => x.status !== 200)) expect(['no_votes_left', 'item_full']).toContain(a.body.error?.code)
    const accepted = 3
    const counts = s.server.workshops.votes.counts(s.server.workshops.votes.session(s.created.id, id)!)
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(accepted)
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2)
    const mine = await s.get<{ used: number; remaining: number }>(`/api/workshops/${s.created.id}/votes/${id}/mine`, ada)
    expect(mine.body).toMatchObject({ used: 3, remaining: 0 })
  })

  it('counts a retried request once and lets people take a dot back', async () => {
    const s = await setUp(await start(), ['Ada'])
    const id = (await s.command(session(s))).body.sessionId!
    const ada = s.people[0]!.token
    expect((await vote(s, id, ada, 'shape:bus', 'same')).body.used).toBe(1)
    expect((await vote(s, id, ada, 'shape:bus', 'same')).body.used).toBe(1)
    const back = await s.command({ type: 'retractVote', sessionId: id, boardId: s.plenary, shapeId: 'shape:bus', requestId: 'back' }, ada)
    expect(back.body).toMatchObject({ used: 0, remaining: 3 })
    expect((await s.command({ type: 'retractVote', sessionId: id, boardId: s.plenary, shapeId: 'shape:bus', requestId: 'again' }, ada)).body.error?.code).toBe('nothing_to_take_back')
  })

  it('a dot on a note deleted since can be taken back; a request id cannot be reused for something else', async () => {
    const s = await setUp(await start(), ['Ada'])
    const id = (await s.command(session(s, { votesPerPerson: 1 }))).body.sessionId!
    const ada = s.people[0]!.token
    expect((await vote(s, id, ada, 'shape:bus', 'one')).status).toBe(200)
    expect((await s.command({ type: 'retractVote', sessionId: id, boardId: s.plenary, shapeId: 'shape:bus', requestId: 'one' }, ada)).body.error?.code).toBe('request_reused')
    const board = clients[0]!
    boardRecords(board.doc).delete('shape:bus')
    await waitFor(() => (s.server.rooms.peek(workshopBoardDocName(s.created.id, s.plenary))?.doc.getArray('tl_records').length ?? 0) === 1, 'the note is gone on the server')
    expect((await vote(s, id, ada, 'shape:bus')).body.error?.code).toBe('not_eligible')
    expect((await s.command({ type: 'retractVote', sessionId: id, boardId: s.plenary, shapeId: 'shape:bus', requestId: 'two' }, ada)).status).toBe(200)
    expect((await vote(s, id, ada, 'shape:bank')).status).toBe(200)
  })

  it('accepts only what the session is about, from people who may vote', async () => {
    const s = await setUp(await start(), ['Ada'])
    const id = (await s.command(session(s))).body.sessionId!
    const ada = s.people[0]!.token
    expect((await vote(s, id, ada, 'shape:nothing')).body.error?.code).toBe('not_eligible')
    expect((await vote(s, id, ada, null)).body.error?.code).toBe('not_eligible')
    expect((await s.command({ type: 'castVote', sessionId: id, boardId: 'xOther', shapeId: 'shape:bus', requestId: 'x' }, ada)).body.error?.code).toBe('not_eligible')
    const observer = decodeURIComponent(s.created.links.observer.split('#t=')[1]!)
    expect((await vote(s, id, observer, 'shape:bus')).status).toBe(403)
    expect((await s.command(session(s), ada)).status).toBe(403)
    expect((await s.command(session(s))).body.error?.code).toBe('invalid_state')
    await s.command({ type: 'closeVote', sessionId: id })
    expect((await vote(s, id, ada, 'shape:bus')).body.error?.code).toBe('vote_closed')
  })

  it('anonymous and hidden: no identity anywhere, no count before the close', async () => {
    const s = await setUp(await start(), ['Ada', 'Ben'])
    const id = (await s.command(session(s, { anonymous: true, hidden: true }))).body.sessionId!
    const [ada, ben] = s.people.map((p) => p.token) as [string, string]
    const control = connectClient(s.server.wsUrl, workshopControlDocName(s.created.id), { params: { token: ben } })
    clients.push(control)
    await waitSynced(control)
    await vote(s, id, ada, 'shape:bus')
    await vote(s, id, ben, 'shape:bus')
    await vote(s, id, ben, 'shape:bank')
    await waitFor(() => control.doc.getMap('votes').has(id), 'the session is published')
    const published = (): Record<string, unknown> => control.doc.getMap('votes').get(id) as Record<string, unknown>
    expect(published().counts).toBeUndefined()
    expect((await s.get(`/api/workshops/${s.created.id}/votes/${id}/results`, ben)).status).toBe(403)

    await s.command({ type: 'closeVote', sessionId: id })
    await waitFor(() => published().status === 'closed', 'the close is published')
    expect(published().counts).toEqual({ [`${s.plenary}/shape:bus`]: 2, [`${s.plenary}/shape:bank`]: 1 })
    const everything = JSON.stringify(control.doc.toJSON())
    for (const p of s.people) expect(everything).not.toContain(p.participantId)
    const results = await s.get<{ results: Array<{ count: number; names?: string[] }> }>(`/api/workshops/${s.created.id}/votes/${id}/results`, ben)
    expect(results.body.results.map((r) => r.count)).toEqual([2, 1])
    expect(results.text).not.toContain('Ada')
    for (const p of s.people) expect(results.text).not.toContain(p.participantId)
    // Storage keeps only counts now: no row names a person, and no file of the data folder
    // (database or write-ahead log) holds their ids any more.
    expect(s.server.workshops.votes.identityRows(id)).toBe(0)
    const leftovers = (): string[] => {
      const found: string[] = []
      for (const file of readdirSync(s.server.dataDir)) {
        const bytes = readFileSync(path.join(s.server.dataDir, file)).toString('latin1')
        // A ballot row stores the person's id right before the item; a request row right before the request id.
        for (const p of s.people) if (bytes.includes(`${p.participantId}${s.plenary}/`) || new RegExp(`${p.participantId}r\\d`).test(bytes)) found.push(file)
      }
      return found
    }
    await waitFor(() => leftovers().length === 0, 'no file holds who voted for what')
    expect((await s.get<{ used: number }>(`/api/workshops/${s.created.id}/votes/${id}/mine`, ada)).body.used).toBe(0)
  })

  it('named results as JSON and CSV: names, text as text, German characters and line breaks kept', async () => {
    const s = await setUp(await start(), ['Jörg', 'Ada'])
    const id = (await s.command(session(s))).body.sessionId!
    await vote(s, id, s.people[0]!.token, 'shape:bank')
    await vote(s, id, s.people[1]!.token, 'shape:bank')
    await vote(s, id, s.people[1]!.token, 'shape:bus')
    await s.command({ type: 'closeVote', sessionId: id })
    const json = await s.get<{ results: Array<{ text: string; count: number; names: string[] }> }>(`/api/workshops/${s.created.id}/votes/${id}/results`, s.created.facilitatorToken)
    expect(json.body.results[0]).toMatchObject({ text: '=Mitfahrbank, "neu"\nzweite Zeile', count: 2, names: ['Jörg', 'Ada'] })
    expect(json.body.results[1]).toMatchObject({ text: 'Bürgerbus <script>alert(1)</script>', count: 1, names: ['Ada'] })
    const res = await fetch(`${s.server.url}/api/workshops/${s.created.id}/votes/${id}/results?format=csv`, { headers: { authorization: `Bearer ${s.created.facilitatorToken}` } })
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await res.arrayBuffer())
    // A byte-order mark, so that spreadsheet programs read the umlauts as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = { text: new TextDecoder().decode(bytes) }
    expect(csv.text.startsWith('"item","board","text","count","names"\r\n')).toBe(true)
    // A formula-looking text is defused; quotes doubled; the line break stays inside the quoted field.
    expect(csv.text).toContain(`"'=Mitfahrbank, ""neu""\nzweite Zeile","2","Jörg; Ada"`)
    expect(csv.text).toContain('"Bürgerbus <script>alert(1)</script>","1","Ada"')
  })

  it('"I’d work on this" is always named and shows who pledged', async () => {
    const s = await setUp(await start(), ['Ada'])
    const id = (await s.command(session(s, { kind: 'pledge', anonymous: true, hidden: true, votesPerPerson: 1 }))).body.sessionId!
    const stored = s.server.workshops.votes.session(s.created.id, id)!
    expect(stored).toMatchObject({ anonymous: false, hidden: false, maxPerItem: 1 })
    await vote(s, id, s.people[0]!.token, 'shape:bus')
    expect((await vote(s, id, s.people[0]!.token, 'shape:bus')).body.error?.code).toBe('item_full')
    expect((await vote(s, id, s.people[0]!.token, 'shape:bank')).status).toBe(200)
    const control = connectClient(s.server.wsUrl, workshopControlDocName(s.created.id), { params: { token: s.people[0]!.token } })
    clients.push(control)
    await waitSynced(control)
    await waitFor(() => (control.doc.getMap('votes').get(id) as { pledges?: Record<string, string[]> } | undefined)?.pledges?.[`${s.plenary}/shape:bank`]?.[0] === 'Ada', 'the pledge is shown with the name')
  })

  it('a vote phase that ends closes its vote, also when its timer runs out', async () => {
    const s = await setUp(await start(), ['Ada'])
    await s.command({ type: 'addPhase', title: 'Abstimmung', kind: 'vote', plannedMinutes: 0.02 })
    const phase = s.server.workshops.facilitation(s.created.id).phases[0]!
    expect((await s.command({ type: 'startPhase', phaseId: phase.id })).status).toBe(200)
    const id = (await s.command(session(s))).body.sessionId!
    expect((await vote(s, id, s.people[0]!.token, 'shape:bus')).status).toBe(200)
    await waitFor(() => s.server.workshops.votes.session(s.created.id, id)?.status === 'closed', 'the vote closed with its phase', 5000)
    expect((await vote(s, id, s.people[0]!.token, 'shape:bus')).body.error?.code).toBe('vote_closed')
  })

  it('a vote planned in the agenda opens as its phase starts and closes as its timer runs out', async () => {
    const s = await setUp(await start(), ['Ada'])
    await s.command({ type: 'addPhase', title: 'Punkte kleben', kind: 'vote', plannedMinutes: 0.03 })
    const phase = s.server.workshops.facilitation(s.created.id).phases[0]!
    const { type: _type, ...plan } = session(s, { votesPerPerson: 2 })
    expect((await s.command({ type: 'configureVote', phaseId: phase.id, plan: { ...plan, boardIds: ['xNope'] } })).status).toBe(404)
    expect((await s.command({ type: 'configureVote', phaseId: phase.id, plan })).status).toBe(200)
    expect(s.server.workshops.votes.sessions(s.created.id)).toHaveLength(0)
    await s.command({ type: 'startPhase', phaseId: phase.id })
    const opened = s.server.workshops.votes.sessions(s.created.id)
    expect(opened).toHaveLength(1)
    expect(opened[0]).toMatchObject({ status: 'open', phaseId: phase.id, votesPerPerson: 2, title: 'Welche Ideen nehmen wir mit?' })
    expect((await vote(s, opened[0]!.id, s.people[0]!.token, 'shape:bus')).status).toBe(200)
    await waitFor(() => s.server.workshops.votes.session(s.created.id, opened[0]!.id)?.status === 'closed', 'the phase’s timer closed the vote', 5000)
  })

  it('keeps every ballot when the server is killed during an open session', async () => {
    const dir = tempDataDir()
    dirs.push(dir)
    let child: ChildServer | undefined = await spawnServer(dir)
    try {
      const s = await setUp(child, ['Ada'])
      const id = (await s.command(session(s))).body.sessionId!
      expect((await vote(s, id, s.people[0]!.token, 'shape:bus')).status).toBe(200)
      expect((await vote(s, id, s.people[0]!.token, 'shape:bank')).status).toBe(200)
      for (const c of clients.splice(0)) c.destroy()
      // No goodbye: an answered ballot must already be on disk.
      child.process.kill('SIGKILL')
      await child.exited
      child = await spawnServer(dir)
      const mine = await fetch(`${child.url}/api/workshops/${s.created.id}/votes/${id}/mine`, { headers: { authorization: `Bearer ${s.people[0]!.token}` } })
      expect(await mine.json()).toMatchObject({ used: 2, remaining: 1 })
      const results = await fetch(`${child.url}/api/workshops/${s.created.id}/votes/${id}/results`, { headers: { authorization: `Bearer ${s.created.facilitatorToken}` } })
      expect(await results.json()).toMatchObject({ session: { status: 'open' }, results: [{ count: 1 }, { count: 1 }] })
    } finally {
      child?.process.kill('SIGKILL')
      await child?.exited
    }
  })

  it('concept cards can be voted on, and count by their title', async () => {
    const s = await setUp(await start(), ['Ada'])
    const card = {
      typeName: 'shape',
      id: 'shape:card',
      type: 'concept-card',
      x: 0,
      y: 800,
      parentId: 'page:page',
      props: { w: 420, h: 360, title: 'Mitfahrbank am Markt', challenge: 'Kein Bus am Sonntag', idea: 'Bänke mit Schild', audience: '', nextSteps: '', carriers: '' },
    }
    boardRecords(clients[0]!.doc).set('shape:card', card)
    const doc = workshopBoardDocName(s.created.id, s.plenary)
    await waitFor(() => JSON.stringify(s.server.rooms.peek(doc)?.doc.getArray('tl_records').toJSON()).includes('Mitfahrbank am Markt'), 'the card reached the server')
    const id = (await s.command(session(s))).body.sessionId!
    expect((await vote(s, id, s.people[0]!.token, 'shape:card')).status).toBe(200)
    // A frame or a drawing is not an item.
    boardRecords(clients[0]!.doc).set('shape:frame', { ...card, id: 'shape:frame', type: 'frame', props: { w: 10, h: 10, name: 'Ideen' } })
    await waitFor(() => JSON.stringify(s.server.rooms.peek(doc)?.doc.getArray('tl_records').toJSON()).includes('shape:frame'), 'the frame reached the server')
    expect((await vote(s, id, s.people[0]!.token, 'shape:frame')).body.error?.code).toBe('not_eligible')
    const { body } = await s.get<{ results: Array<{ item: string; text: string; count: number }> }>(`/api/workshops/${s.created.id}/votes/${id}/results`, s.created.facilitatorToken)
    expect(body.results).toEqual([expect.objectContaining({ item: `${s.plenary}/shape:card`, text: 'Mitfahrbank am Markt', count: 1 })])
  })

  it('results keep the texts the notes had when the vote closed', async () => {
    const s = await setUp(await start(), ['Ada'])
    const id = (await s.command(session(s, { anonymous: true }))).body.sessionId!
    expect((await vote(s, id, s.people[0]!.token, 'shape:bus')).status).toBe(200)
    expect((await vote(s, id, s.people[0]!.token, 'shape:bank')).status).toBe(200)
    expect((await s.command({ type: 'closeVote', sessionId: id })).status).toBe(200)
    await waitFor(() => s.server.workshops.votes.frozenTexts(id) !== undefined, 'the texts were kept at the close')
    // Afterwards someone rewrites one note and deletes the other.
    const board = clients[0]!
    boardRecords(board.doc).set('shape:bus', note('shape:bus', 'Etwas ganz anderes'))
    boardRecords(board.doc).delete('shape:bank')
    const doc = workshopBoardDocName(s.created.id, s.plenary)
    await waitFor(() => JSON.stringify(s.server.rooms.peek(doc)?.doc.getArray('tl_records').toJSON()).includes('Etwas ganz anderes'), 'the edit reached the server')
    const { body } = await s.get<{ results: Array<{ text: string; count: number }> }>(`/api/workshops/${s.created.id}/votes/${id}/results`, s.people[0]!.token)
    expect(body.results.map((r) => r.text).sort()).toEqual(['=Mitfahrbank, "neu"\nzweite Zeile', 'Bürgerbus <script>alert(1)</script>'])
    // A slower keeping that read the boards after the edit cannot overwrite the first.
    s.server.workshops.votes.freeze(id, new Map([[`${s.plenary}/shape:bus`, { board: 'Plenum', text: 'Etwas ganz anderes' }]]))
    expect(s.server.workshops.votes.frozenTexts(id)?.get(`${s.plenary}/shape:bus`)?.text).toBe('Bürgerbus <script>alert(1)</script>')
  })
})
