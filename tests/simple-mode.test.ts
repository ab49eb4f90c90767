/**
 * Simple mode as a workshop's default (issue #14) through the real server:
 * the facilitator's command, what it refuses, and who may send it. The
 * default reaches every browser through the control document.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedWorkshop, JoinedWorkshop } from '@werkraum/shared'
import { parseFacilitation, workshopControlDocName } from '@werkraum/shared'
import { useLiveServer } from './support/liveServer.ts'
import { waitFor } from './support/wait.ts'

const live = useLiveServer()

type Answer = { ok?: boolean; error?: { code: string } }

async function workshop(): Promise<CreatedWorkshop> {
  return (await live.post<CreatedWorkshop>('/api/workshops', { title: 'Sprint', locale: 'de' })).body
}

function command(created: CreatedWorkshop, body: unknown, token = created.facilitatorToken) {
  return live.post<Answer>(`/api/workshops/${created.id}/commands`, body, token)
}

async function join(created: CreatedWorkshop, name: string): Promise<JoinedWorkshop> {
  return (await live.post<JoinedWorkshop>('/api/join', { code: created.joinCode, name })).body
}

describe('simple mode as the workshop default', () => {
  it('the facilitator turns it on and off; participants read it from the control document', async () => {
    const created = await workshop()
    const ada = await join(created, 'Ada')
    const control = await live.open(workshopControlDocName(created.id), ada.token)
    const simpleDefault = () => parseFacilitation(control.doc.getMap('facilitation').toJSON()).simpleDefault

    expect(simpleDefault()).toBeUndefined()
    expect((await command(created, { type: 'setSimpleDefault', on: true })).body).toEqual({ ok: true })
    await waitFor(() => simpleDefault() === true, 'the default to be on')
    expect((await command(created, { type: 'setSimpleDefault', on: false })).status).toBe(200)
    // Turned off is written as false, so that the published key does not stay true.
    await waitFor(() => simpleDefault() === false, 'the default to be off')
  })

  it('refuses a command without a boolean', async () => {
    const created = await workshop()
    for (const body of [{ type: 'setSimpleDefault' }, { type: 'setSimpleDefault', on: 'yes' }, { type: 'setSimpleDefault', on: 1 }]) {
      const answer = await command(created, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
    }
  })

  it('is not allowed for participants, observers or moderators, and not without a token', async () => {
    const created = await workshop()
    const ada = await join(created, 'Ada')
    const bob = await join(created, 'Bob')
    expect((await command(created, { type: 'setRole', participantId: bob.participantId, role: 'moderator' })).status).toBe(200)
    const observerToken = new URL(created.links.observer).hash.replace('#t=', '')

    for (const token of [ada.token, bob.token, observerToken]) {
      const answer = await command(created, { type: 'setSimpleDefault', on: true }, token)
      expect(answer.status).toBe(403)
      expect(answer.body.error?.code).toBe('forbidden')
    }
    const anonymous = await live.post<Answer>(`/api/workshops/${created.id}/commands`, { type: 'setSimpleDefault', on: true })
    expect(anonymous.status).toBe(401)

    // Nothing changed: the stored state still has no default.
    const control = await live.open(workshopControlDocName(created.id), ada.token)
    expect(parseFacilitation(control.doc.getMap('facilitation').toJSON()).simpleDefault).toBeUndefined()
  })
})
