import { afterEach, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { MessageKind, decodeAwarenessUpdate } from '@werkraum/shared'
import { connectClient, snapshotOf, waitSynced } from './support/clients.ts'
import type { TestClient } from './support/clients.ts'
import { removeDir, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'
import { waitFor } from './support/wait.ts'

let server: TestServer | undefined
const clients: TestClient[] = []

function client(name: string): TestClient {
  const c = connectClient(server!.wsUrl, name)
  clients.push(c)
  return c
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.close()
  if (server) removeDir(server.dataDir)
  server = undefined
})

describe('sync through the real server with stock y-websocket clients', () => {
  for (const count of [2, 3, 5]) {
    it(`${count} clients converge on concurrent edits`, async () => {
      server = await startTestServer()
      const all = Array.from({ length: count }, () => client('board.converge'))
      await Promise.all(all.map((c) => waitSynced(c)))
      // Everyone edits the same text, map key and list at once.
      all.forEach((c, i) => {
        c.doc.transact(() => {
          c.doc.getText('text').insert(0, `client${i};`)
          c.doc.getMap('map').set('shared', i)
          c.doc.getMap('map').set(`own${i}`, i)
          c.doc.getArray('list').push([i])
        })
      })
      const expected = (): string => JSON.stringify(snapshotOf(all[0]!.doc))
      await waitFor(
        () => all.every((c) => c.doc.getArray('list').length === count && JSON.stringify(snapshotOf(c.doc)) === expected()),
        'all clients identical',
      )
      const text = all[0]!.doc.getText('text').toString()
      for (let i = 0; i < count; i++) expect(text).toContain(`client${i};`)
      expect(Object.keys(all[0]!.doc.getMap('map').toJSON())).toHaveLength(count + 1)
    })
  }

  it('a client that joins late gets the full state', async () => {
    server = await startTestServer()
    const early = client('board.late')
    await waitSynced(early)
    for (let i = 0; i < 100; i++) early.doc.getArray('list').push([i])
    early.doc.getText('text').insert(0, 'Maßnahmenkatalog')
    const late = client('board.late')
    await waitSynced(late)
    await waitFor(() => late.doc.getArray('list').length === 100, 'late client has the list')
    expect(snapshotOf(late.doc)).toEqual(snapshotOf(early.doc))
  })

  it('keeps documents apart', async () => {
    server = await startTestServer()
    const a = client('board.a')
    const b = client('board.b')
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.doc.getText('text').insert(0, 'only in a')
    const a2 = client('board.a')
    await waitFor(() => a2.doc.getText('text').toString() === 'only in a', 'second client of a')
    expect(b.doc.getText('text').toString()).toBe('')
  })

  it('awareness reaches the others and is removed when a client leaves', async () => {
    server = await startTestServer()
    const alice = client('board.presence')
    const bob = client('board.presence')
    await Promise.all([waitSynced(alice), waitSynced(bob)])
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#d33' })
    await waitFor(() => bob.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name === 'Alice', 'bob sees alice')
    // A newcomer is told who is already there.
    const carol = client('board.presence')
    await waitFor(() => carol.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name === 'Alice', 'carol sees alice')
    // Alice leaves without saying goodbye: the server announces her removal.
    alice.provider.ws?.close()
    alice.provider.shouldConnect = false
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.doc.clientID), 'alice removed at bob')
    await waitFor(() => !carol.provider.awareness.getStates().has(alice.doc.clientID), 'alice removed at carol')
  })

  it('keeps stock clients that echo a busy room’s presence connected', async () => {
    server = await startTestServer()
    const room = Array.from({ length: 8 }, () => client('board.busy'))
    await Promise.all(room.map((c) => waitSynced(c)))
    room.forEach((c, i) => c.provider.awareness.setLocalStateField('user', { name: `Person ${i}` }))
    const everyoneSeesEveryone = (): boolean => room.every((c) => c.provider.awareness.getStates().size === room.length)
    await waitFor(everyoneSeesEveryone, 'everyone sees everyone')
    // Someone joins late and receives the whole room at once; their stock provider echoes all of it.
    const late = client('board.busy')
    await waitSynced(late)
    for (let round = 0; round < 5; round++) room.forEach((c) => c.provider.awareness.setLocalStateField('cursor', { round }))
    await waitFor(() => room.every((c) => late.provider.awareness.getStates().get(c.doc.clientID)?.cursor?.round === 4), 'late joiner sees the last moves')
    expect(server.metrics.closedByServer.value).toBe(0)
    expect(server.rooms.peek('board.busy')?.peers.size).toBe(room.length + 1)
  })

  it('drops awareness echoes instead of relaying them', async () => {
    server = await startTestServer()
    const a = client('board.echo')
    const b = client('board.echo')
    await Promise.all([waitSynced(a), waitSynced(b)])
    // Count what reaches a about a itself: the server must not bounce b's echoes back.
    let ownEntriesReceived = 0
    a.provider.ws!.addEventListener('message', (event: { data: unknown }) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer)
      const decoder = decoding.createDecoder(bytes)
      if (decoding.readVarUint(decoder) !== MessageKind.awareness) return
      for (const entry of decodeAwarenessUpdate(decoding.readVarUint8Array(decoder))) {
        if (entry.clientId === a.doc.clientID) ownEntriesReceived++
      }
    })
    for (let i = 0; i < 20; i++) a.provider.awareness.setLocalStateField('cursor', { x: i, y: i })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.x === 19, 'b sees the last cursor')
    // The stock provider of b re-sends what it received; the server recognises those as echoes.
    await waitFor(() => server!.metrics.awarenessDropped.value > 0, 'echoes dropped')
    // A round trip later nothing about a has come back to a.
    b.doc.getText('text').insert(0, 'x')
    await waitFor(() => a.doc.getText('text').length === 1, 'round trip')
    expect(ownEntriesReceived).toBe(0)
  })
})
