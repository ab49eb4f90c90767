/**
 * Finding a workshop again (issue #13), through the real server: a follow-up
 * records the workshop it came from only for that workshop's facilitators
 * and moderators, and the join page learns a workshop's title from its code
 * before it asks for a name, limited like joining itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop, JoinPreview, WorkshopView } from '@werkraum/shared'
import { ApiErrorSchema } from '@werkraum/shared/schemas'
import { removeDir, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
  removeDir(server.dataDir)
})

async function post<T>(path: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'de' }
  if (token !== undefined) headers.authorization = `Bearer ${token}`
  const res = await fetch(server.url + path, { method: 'POST', headers, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as T }
}
async function get<T>(path: string, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
  return { status: res.status, body: (await res.json()) as T }
}
async function createWorkshop(title: string, extra: Record<string, unknown> = {}, token?: string): Promise<{ status: number; body: CreatedWorkshop }> {
  return post<CreatedWorkshop>('/api/workshops', { title, locale: 'de', ...extra }, token)
}
function errorCode(body: unknown): string {
  return ApiErrorSchema.parse(body).error.code
}

describe('a follow-up workshop', () => {
  it('links to its predecessor in the view of those who see the console', async () => {
    const first = (await createWorkshop('Sprint Marktplatz, Teil 1')).body
    const next = await createWorkshop('Sprint Marktplatz, Teil 2', { followUpOf: first.id }, first.facilitatorToken)
    expect(next.status).toBe(201)

    const seen = await get<WorkshopView>(`/api/workshops/${next.body.id}`, next.body.facilitatorToken)
    expect(seen.body.predecessor).toEqual({ id: first.id, title: 'Sprint Marktplatz, Teil 1' })
    // The predecessor's own view names none.
    expect((await get<WorkshopView>(`/api/workshops/${first.id}`, first.facilitatorToken)).body.predecessor).toBeUndefined()

    // Participants do not see where the workshop came from.
    const joined = (await post<JoinedWorkshop>('/api/join', { code: next.body.joinCode, name: 'Paula' })).body
    expect((await get<WorkshopView>(`/api/workshops/${next.body.id}`, joined.token)).body.predecessor).toBeUndefined()
  })

  it('is accepted from a moderator of the earlier workshop', async () => {
    const first = (await createWorkshop('Teil 1')).body
    const mo = (await post<JoinedWorkshop>('/api/join', { code: first.joinCode, name: 'Mo' })).body
    const promoted = await post(`/api/workshops/${first.id}/commands`, { type: 'setRole', participantId: mo.participantId, role: 'moderator' }, first.facilitatorToken)
    expect(promoted.status).toBe(200)
    expect((await createWorkshop('Teil 2', { followUpOf: first.id }, mo.token)).status).toBe(201)
  })

  it('is refused with follow_up_forbidden without a facilitator or moderator token of the earlier workshop', async () => {
    const first = (await createWorkshop('Teil 1')).body
    const other = (await createWorkshop('Fremder Workshop')).body
    const participant = (await post<JoinedWorkshop>('/api/join', { code: first.joinCode, name: 'Paula' })).body

    const attempts = [
      await createWorkshop('Ohne Token', { followUpOf: first.id }),
      await createWorkshop('Fremdes Token', { followUpOf: first.id }, other.facilitatorToken),
      await createWorkshop('Als Teilnehmerin', { followUpOf: first.id }, participant.token),
      await createWorkshop('Gefälscht', { followUpOf: first.id }, `${first.facilitatorToken}x`),
      await createWorkshop('Unbekannt', { followUpOf: 'xNichtDa' }, first.facilitatorToken),
    ]
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403)
      expect(errorCode(attempt.body)).toBe('follow_up_forbidden')
      expect(ApiErrorSchema.parse(attempt.body).error.message).toMatch(/Folge-Workshop/)
    }
    expect((await createWorkshop('Kaputte Kennung', { followUpOf: '../x' }, first.facilitatorToken)).status).toBe(400)
  })

  it('loses its link, not itself, when the predecessor is deleted', async () => {
    const first = (await createWorkshop('Teil 1')).body
    const next = (await createWorkshop('Teil 2', { followUpOf: first.id }, first.facilitatorToken)).body
    const deleted = await fetch(`${server.url}/api/workshops/${first.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${first.facilitatorToken}` } })
    expect(deleted.status).toBe(200)
    const seen = await get<WorkshopView>(`/api/workshops/${next.id}`, next.facilitatorToken)
    expect(seen.status).toBe(200)
    expect(seen.body.predecessor).toBeUndefined()
  })
})

describe('GET /api/join/:code', () => {
  it('answers the title and language for a code as the link or a person writes it', async () => {
    const created = (await post<CreatedWorkshop>('/api/workshops', { title: 'Digital Sprint', locale: 'en' })).body
    for (const code of [created.joinCode, `${created.joinCode.slice(0, 3).toLowerCase()}-${created.joinCode.slice(3)}`]) {
      const preview = await get<JoinPreview>(`/api/join/${code}`)
      expect(preview.status).toBe(200)
      expect(preview.body).toEqual({ title: 'Digital Sprint', locale: 'en' })
    }
  })

  it('answers unknown_code for a wrong code, and counts it with the wrong joins: ten a minute, then 429 even for a right code', async () => {
    const created = (await createWorkshop('Teil 1')).body
    const wrong = await get('/api/join/ZZZZZZZ')
    expect(wrong.status).toBe(404)
    expect(errorCode(wrong.body)).toBe('unknown_code')
    // Looking up right codes costs nothing.
    for (let i = 0; i < 12; i++) expect((await get(`/api/join/${created.joinCode}`)).status).toBe(200)
    // Malformed codes count too; together with wrong joins they reach the limit.
    for (let i = 0; i < 4; i++) expect((await get('/api/join/nicht-ein-code')).status).toBe(404)
    for (let i = 0; i < 5; i++) expect((await post('/api/join', { code: 'ZZZ-ZZZZ', name: 'Mallory' })).status).toBe(404)
    const blocked = await get(`/api/join/${created.joinCode}`)
    expect(blocked.status).toBe(429)
    expect(errorCode(blocked.body)).toBe('too_many_requests')
    expect((await post('/api/join', { code: created.joinCode, name: 'Mallory' })).status).toBe(429)
  })

  it('answers only GET', async () => {
    const created = (await createWorkshop('Teil 1')).body
    expect((await post(`/api/join/${created.joinCode}`, {})).status).toBe(405)
  })
})
