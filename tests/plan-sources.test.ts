/**
 * Phases planned on earlier ones (issue 13) through the real server: a
 * breakout can continue on an earlier breakout or take the top concepts of an
 * earlier vote, a vote can run on the results of an earlier breakout; a plan
 * that points at a later phase, at itself, or at a phase of the wrong kind is
 * refused with 409 invalid_source and leaves the saved plan as it was.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { CreatedWorkshop } from '@werkraum/shared'
import { parseFacilitation, workshopControlDocName, type Facilitation } from '@werkraum/shared'
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

interface Answer {
  readonly status: number
  readonly body: { ok?: boolean; error?: { code: string; message: string } }
}

/** A workshop with the agenda `kinds` (titles are the kinds, numbered), its command sender, and its phase ids in order. */
async function agenda(kinds: ReadonlyArray<'input' | 'breakout' | 'vote'>) {
  const dataDir = tempDataDir()
  dataDirs.push(dataDir)
  const server = await startTestServer({}, dataDir)
  servers.push(server)
  const created = (await (await fetch(server.url + '/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Sprint', locale: 'de' }) })).json()) as CreatedWorkshop
  const command = async (body: unknown): Promise<Answer> => {
    const res = await fetch(`${server.url}/api/workshops/${created.id}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'de', authorization: `Bearer ${created.facilitatorToken}` },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Answer['body'] }
  }
  const control = connectClient(server.wsUrl, workshopControlDocName(created.id), { params: { token: created.facilitatorToken } })
  clients.push(control)
  await waitSynced(control)
  const read = (): Facilitation => parseFacilitation(control.doc.getMap('facilitation').toJSON())
  for (const [i, kind] of kinds.entries()) expect((await command({ type: 'addPhase', title: `${kind} ${i + 1}`, kind, plannedMinutes: 10 })).status).toBe(200)
  await waitFor(() => read().phases.length === kinds.length, 'the agenda reached the control document')
  return { command, read, ids: read().phases.map((p) => p.id) }
}

const sourced = (source: unknown) => ({ rooms: [], template: 'blank', mode: 'self', source })
const votePlan = (resultsOf: string) => ({ title: 'Welche Konzepte?', kind: 'dots', target: 'notes', boardIds: [], resultsOf, votesPerPerson: 3, maxPerItem: 3, anonymous: true, hidden: false })

describe('phases planned on earlier ones', () => {
  it('a breakout builds only on an earlier breakout (continue) or an earlier vote (top concepts)', async () => {
    const { command, read, ids } = await agenda(['breakout', 'vote', 'breakout', 'breakout', 'vote'])
    const [breakoutA, vote, breakoutB, breakoutC, laterVote] = ids as [string, string, string, string, string]
    const configure = (phaseId: string, source: unknown) => command({ type: 'configureBreakout', phaseId, plan: sourced(source) })
    const refused = async (answer: Promise<Answer>): Promise<void> => {
      const { status, body } = await answer
      expect(status).toBe(409)
      expect(body.error?.code).toBe('invalid_source')
      // With words a facilitator can read.
      expect(body.error?.message).toEqual(expect.stringMatching(/\S/))
    }

    // Wrong kind: continuing on a vote, taking the top concepts of a breakout.
    await refused(configure(breakoutB, { kind: 'continue', phaseId: vote }))
    await refused(configure(breakoutB, { kind: 'topVoted', phaseId: breakoutA, count: 2, challenge: '' }))
    // Not earlier: a later vote, the phase itself, a later breakout, and a phase that does not exist.
    await refused(configure(breakoutB, { kind: 'topVoted', phaseId: laterVote, count: 2, challenge: '' }))
    await refused(configure(breakoutB, { kind: 'continue', phaseId: breakoutB }))
    await refused(configure(breakoutA, { kind: 'continue', phaseId: breakoutC }))
    await refused(configure(breakoutC, { kind: 'continue', phaseId: 'nope' }))
    // New rooms still need at least one room.
    expect((await configure(breakoutB, { kind: 'fresh' })).status).toBe(400)

    const challenge = 'Maßnahmen schärfen'
    expect((await configure(breakoutB, { kind: 'topVoted', phaseId: vote, count: 2, challenge })).status).toBe(200)
    expect((await command({ type: 'configureBreakout', phaseId: breakoutC, plan: { ...sourced({ kind: 'continue', phaseId: breakoutA }), mode: 'same', after: 'plenary' } })).status).toBe(200)
    await waitFor(() => read().phases[3]?.breakout !== undefined, 'the plans reached the control document')
    expect(read().phases[2]?.breakout?.source).toEqual({ kind: 'topVoted', phaseId: vote, count: 2, challenge })
    expect(read().phases[3]?.breakout).toMatchObject({ mode: 'same', after: 'plenary', source: { kind: 'continue', phaseId: breakoutA } })

    // A refused plan leaves the saved one as it was.
    await refused(configure(breakoutB, { kind: 'continue', phaseId: breakoutC }))
    expect(read().phases[2]?.breakout?.source?.kind).toBe('topVoted')
  })

  it('a vote runs on the results of an earlier breakout only', async () => {
    const { command, read, ids } = await agenda(['input', 'breakout', 'vote', 'vote', 'breakout'])
    const [input, breakout, vote, secondVote, laterBreakout] = ids as [string, string, string, string, string]
    const configure = (phaseId: string, resultsOf: string) => command({ type: 'configureVote', phaseId, plan: votePlan(resultsOf) })

    for (const [phaseId, resultsOf] of [
      [vote, laterBreakout],
      [vote, input],
      [secondVote, vote],
      [vote, vote],
    ] as const) {
      const answer = await configure(phaseId, resultsOf)
      expect(answer.status, `${phaseId} on ${resultsOf}`).toBe(409)
      expect(answer.body.error?.code).toBe('invalid_source')
    }
    // With no boards named, a vote needs the results of a breakout.
    expect((await command({ type: 'configureVote', phaseId: vote, plan: { ...votePlan(breakout), resultsOf: undefined } })).status).toBe(400)

    expect((await configure(vote, breakout)).status).toBe(200)
    await waitFor(() => read().phases[2]?.vote !== undefined, 'the vote plan reached the control document')
    expect(read().phases[2]?.vote).toMatchObject({ resultsOf: breakout, boardIds: [] })
  })

  it('an input talk is watch-only from the start, and stays so when its title is edited', async () => {
    const { command, read, ids } = await agenda(['input'])
    expect(read().phases[0]?.watchOnly).toBe(true)
    expect((await command({ type: 'updatePhase', phaseId: ids[0], title: 'Impuls: Mobilität im Quartier', kind: 'input', plannedMinutes: 15 })).status).toBe(200)
    await waitFor(() => read().phases[0]?.title.startsWith('Impuls') === true, 'the new title reached the control document')
    expect(read().phases[0]?.watchOnly).toBe(true)
  })
})
