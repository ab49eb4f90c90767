/**
 * A workshop with everything a concept catalogue shows, built through the
 * real server's API and real board documents: an agenda that ran, a plenary
 * board with frames, sticky notes (one with markup in it) and concept cards, a
 * second board, a breakout with two rooms chosen by their members, and three
 * closed votes (named dots, anonymous dots, "I'd work on this"). And what
 * people did not make, which the catalogue leaves out (issue #13): an
 * untouched template card and an empty note in a room, a plenary board
 * holding only a concept template nobody wrote in, and a fourth vote closed
 * without a ballot.
 */
import type { Breakout, CreatedWorkshop, JoinedWorkshop, WorkshopView } from '@werkraum/shared'
import { boardRecords, workshopBoardDocName, workshopControlDocName } from '@werkraum/shared'
import { connectClient, waitSynced, type TestClient } from './clients.ts'
import { waitFor } from './wait.ts'

export interface FixtureWorkshop {
  readonly created: CreatedWorkshop
  readonly people: readonly JoinedWorkshop[]
  /** Board ids: the plenary, the second board, the empty third one, and the two rooms' boards. */
  readonly boards: { readonly plenary: string; readonly results: string; readonly empty: string; readonly rooms: readonly string[] }
  readonly sessionIds: readonly string[]
  /** Connections the fixture keeps open (people must stay present); destroy them when done. */
  readonly clients: readonly TestClient[]
}

type Json = { status: number; body: Record<string, unknown> & { error?: { code: string } } }

const rich = (text: string) => ({
  type: 'doc',
  content: text.split('\n').map((line) => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
})

function shape(id: string, type: string, x: number, y: number, props: Record<string, unknown>, parentId = 'page:page'): unknown {
  return { typeName: 'shape', id, type, x, y, rotation: 0, index: 'a1', parentId, isLocked: false, opacity: 1, meta: {}, props }
}

// Every prop set, as tldraw 3.15 writes them: a browser drops a record that fails its validators.
const note = (id: string, x: number, y: number, text: string, parentId?: string) =>
  shape(
    id,
    'note',
    x,
    y,
    { color: 'yellow', richText: rich(text), size: 'm', font: 'sans', align: 'middle', verticalAlign: 'middle', labelColor: 'black', growY: 0, fontSizeAdjustment: 0, url: '', scale: 1 },
    parentId,
  )
const frame = (id: string, x: number, y: number, name: string) => shape(id, 'frame', x, y, { w: 600, h: 700, name, color: 'black' })
const card = (id: string, x: number, y: number, fields: Record<string, string>) =>
  shape(id, 'concept-card', x, y, { w: 420, h: 360, title: '', challenge: '', idea: '', audience: '', nextSteps: '', carriers: '', ...fields })
const text = (id: string, x: number, y: number, content: string, parentId?: string) =>
  shape(id, 'text', x, y, { color: 'black', size: 'm', font: 'sans', textAlign: 'start', w: 480, richText: rich(content), scale: 1, autoSize: false }, parentId)

/** Builds the fixture on a running server. */
export async function buildFixtureWorkshop(server: { readonly url: string; readonly wsUrl: string }): Promise<FixtureWorkshop> {
  const clients: TestClient[] = []
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<Json> => {
    const res = await fetch(server.url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    return { status: res.status, body: (await res.json()) as Json['body'] }
  }
  const ok = async (result: Promise<Json>, what: string): Promise<Json['body']> => {
    const { status, body } = await result
    if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
    return body
  }
  const created = (await ok(call('POST', '/api/workshops', { title: 'Sprint Ölmühle', locale: 'de' }), 'create')) as unknown as CreatedWorkshop
  const command = (body: unknown, token = created.facilitatorToken) => ok(call('POST', `/api/workshops/${created.id}/commands`, body, token), JSON.stringify(body))
  const open = async (doc: string, token: string): Promise<TestClient> => {
    const client = connectClient(server.wsUrl, doc, { params: { token } })
    clients.push(client)
    await waitSynced(client)
    return client
  }
  const people: JoinedWorkshop[] = []
  for (const name of ['Ada Lovelace', 'Ben Öztürk']) {
    const joined = (await ok(call('POST', '/api/join', { code: created.joinCode, name }), 'join')) as unknown as JoinedWorkshop
    people.push(joined)
    // Present: a breakout only deals rooms to people with a connection open.
    await open(workshopControlDocName(created.id), joined.token)
  }
  const [ada, ben] = people as [JoinedWorkshop, JoinedWorkshop]
  const control = await open(workshopControlDocName(created.id), created.facilitatorToken)
  const facilitation = () => control.doc.getMap<unknown>('facilitation').toJSON() as { phases: Array<{ id: string }>; breakouts: Breakout[] }

  const view = (await ok(call('GET', `/api/workshops/${created.id}`, undefined, created.facilitatorToken), 'view')) as unknown as WorkshopView
  const plenary = view.boards[0]!.id
  const results = (await command({ type: 'addBoard', title: 'Ergebnisse & Ausblick', template: 'blank' })).boardId as string
  const empty = (await command({ type: 'addBoard', title: 'Pinnwand', template: 'concept' })).boardId as string

  // The agenda: a welcome that ran, a breakout in rooms the members chose.
  await command({ type: 'addPhase', title: 'Begrüßung', kind: 'plenary', plannedMinutes: 5 })
  await command({ type: 'addPhase', title: 'Gruppenarbeit', kind: 'breakout', plannedMinutes: 20 })
  await command({ type: 'addPhase', title: 'Abschluss', kind: 'plenary', plannedMinutes: 10 })
  await waitFor(() => facilitation().phases?.length === 3, 'the agenda reached the control document')
  const [welcome, breakoutPhase] = facilitation().phases as [{ id: string }, { id: string }]
  await command({
    type: 'configureBreakout',
    phaseId: breakoutPhase.id,
    plan: {
      rooms: [
        { title: 'Mobilität', challenge: 'Wie kommen Ältere ohne Auto zum Arzt?' },
        { title: 'Nahversorgung', challenge: 'Wo kaufen wir ein, wenn der Laden schließt?' },
      ],
      template: 'blank',
      mode: 'self',
    },
  })
  await command({ type: 'startPhase', phaseId: welcome.id })
  await command({ type: 'startPhase', phaseId: breakoutPhase.id })
  await waitFor(() => facilitation().breakouts?.[0]?.rooms.length === 2, 'the rooms opened')
  const rooms = facilitation().breakouts[0]!.rooms
  await command({ type: 'chooseRoom', roomId: rooms[0]!.id }, ada.token)
  await command({ type: 'chooseRoom', roomId: rooms[1]!.id }, ben.token)

  // What people wrote, as their browsers would write it (the facilitator may write everywhere).
  const write = async (boardId: string, records: Record<string, unknown>): Promise<void> => {
    const doc = workshopBoardDocName(created.id, boardId)
    const client = await open(doc, created.facilitatorToken)
    client.doc.transact(() => {
      for (const [id, record] of Object.entries(records)) boardRecords(client.doc).set(id, record)
    })
    // Whoever connects afresh gets what the server holds.
    await waitFor(async () => {
      const probe = connectClient(server.wsUrl, doc, { params: { token: created.facilitatorToken } })
      try {
        await waitSynced(probe)
        return Object.keys(records).every((id) => boardRecords(probe.doc).get(id) !== undefined)
      } finally {
        probe.destroy()
      }
    }, `the shapes reached board ${boardId}`)
  }
  await write(plenary, {
    'shape:frame-ideas': frame('shape:frame-ideas', 0, 0, 'Ideen'),
    'shape:frame-questions': frame('shape:frame-questions', 700, 0, 'Fragen'),
    'shape:bus': note('shape:bus', 40, 60, 'Bürgerbus <script>alert(1)</script>\nzweite Zeile', 'shape:frame-ideas'),
    'shape:bench': note('shape:bench', 40, 320, 'Mitfahrbank & <b>Bank</b>', 'shape:frame-ideas'),
    'shape:who-pays': note('shape:who-pays', 40, 60, 'Wer zahlt? | 50 % *sicher*', 'shape:frame-questions'),
    'shape:loose': note('shape:loose', 0, 900, '# Keine Überschrift\n- keine Liste\n=SUMME(A1:A3)'),
    'shape:card-bench': card('shape:card-bench', 1400, 0, {
      title: 'Mitfahrbank am Markt',
      challenge: 'Sonntags fährt kein Bus',
      idea: 'Bänke mit Schild\n„Ich will mit“',
      audience: 'Ältere ohne Auto',
      nextSteps: '1. Standort klären\n2. Schild bestellen',
      carriers: 'Ada, Ben',
    }),
    'shape:card-rufbus': card('shape:card-rufbus', 1400, 500, { title: 'Rufbus', idea: '=HYPERLINK("http://example.org")' }),
  })
  await write(results, { 'shape:card-shop': card('shape:card-shop', 0, 0, { title: 'Dorfladen', idea: 'Genossenschaft gründen' }) })
  await write(rooms[0]!.boardId, { 'shape:room-card': card('shape:room-card', 0, 0, { title: 'Arztbus', challenge: 'Termine ohne Auto' }) })
  await write(rooms[1]!.boardId, {
    'shape:room-note': note('shape:room-note', 0, 0, 'Lieferdienst vom Hofladen'),
    'shape:template-concept-card': card('shape:template-concept-card', 0, 400, {}),
    'shape:room-empty-note': note('shape:room-empty-note', 300, 0, ''),
  })
  // The concept template as it was laid out (ids as client/src/workshop/templates.ts gives them), and nobody wrote in it.
  await write(empty, {
    'shape:template-concept-title': text('shape:template-concept-title', 0, -140, 'Konzept-Canvas'),
    'shape:template-concept-area-1': frame('shape:template-concept-area-1', 0, 0, 'Herausforderung'),
    'shape:template-concept-area-1-hint': text('shape:template-concept-area-1-hint', 40, 40, 'Welches Problem lösen wir?', 'shape:template-concept-area-1'),
    'shape:template-concept-card': card('shape:template-concept-card', 0, 760, {}),
    'shape:pinned-empty-note': note('shape:pinned-empty-note', 700, 0, ''),
  })
  await command({ type: 'endPhase' })

  // Three votes, all closed: named dots, anonymous dots, and "I'd work on this".
  const allBoards = [plenary, results, empty, rooms[0]!.boardId, rooms[1]!.boardId]
  const sessionIds: string[] = []
  let request = 0
  const cast = (token: string, boardId: string, shapeId: string) =>
    command({ type: 'castVote', sessionId: sessionIds.at(-1), boardId, shapeId, requestId: `fixture-${++request}` }, token)
  const vote = async (settings: Record<string, unknown>, ballots: Array<[JoinedWorkshop, string, string]>) => {
    const opened = await command({ type: 'openVote', target: 'notes', boardIds: allBoards, votesPerPerson: 3, maxPerItem: 2, hidden: false, ...settings })
    sessionIds.push(opened.sessionId as string)
    for (const [who, boardId, shapeId] of ballots) await cast(who.token, boardId, shapeId)
    await command({ type: 'closeVote', sessionId: opened.sessionId })
  }
  await vote({ title: 'Was nehmen wir mit?', kind: 'dots', anonymous: false }, [
    [ada, plenary, 'shape:card-bench'],
    [ada, plenary, 'shape:card-bench'],
    [ada, plenary, 'shape:bus'],
    [ben, plenary, 'shape:card-bench'],
    [ben, results, 'shape:card-shop'],
    [ben, rooms[0]!.boardId, 'shape:room-card'],
  ])
  await vote({ title: 'Geheime Runde', kind: 'dots', anonymous: true }, [
    [ada, plenary, 'shape:card-rufbus'],
    [ben, plenary, 'shape:card-rufbus'],
    [ben, plenary, 'shape:bench'],
  ])
  await vote({ title: 'Wer macht mit?', kind: 'pledge', anonymous: false }, [
    [ada, plenary, 'shape:card-bench'],
    [ben, plenary, 'shape:card-bench'],
    [ben, results, 'shape:card-shop'],
  ])
  // Opened and closed again before anyone voted.
  await vote({ title: 'Abgebrochene Runde', kind: 'dots', anonymous: true }, [])
  return { created, people, boards: { plenary, results, empty, rooms: rooms.map((r) => r.boardId) }, sessionIds, clients }
}
