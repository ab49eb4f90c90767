import { TLPOINTER_ID, atom, type TLInstancePresence, type TLStore } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { PresenceUser } from './people.ts'
import { fitPresence, presenceIdFor, MAX_SELECTED_IDS_IN_PRESENCE } from './presence.ts'
import { bindPresence, publishUser, type PresenceBinding } from './presenceBinding.ts'
import { bindStoreToDoc } from './storeBinding.ts'
import { newStore } from './testStores.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** Relays awareness updates between two instances the way a server does (own entries only). */
function linkAwareness(a: Awareness, b: Awareness): void {
  const relay = (from: Awareness, to: Awareness) => (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === 'relay') return
    const ids = [...changes.added, ...changes.updated, ...changes.removed].filter((id) => id === from.clientID)
    if (ids.length > 0) applyAwarenessUpdate(to, encodeAwarenessUpdate(from, ids), 'relay')
  }
  const ab = relay(a, b)
  const ba = relay(b, a)
  a.on('update', ab)
  b.on('update', ba)
  cleanups.push(() => {
    a.off('update', ab)
    b.off('update', ba)
  })
}

function participant(user: PresenceUser): { store: TLStore; awareness: Awareness; binding: PresenceBinding; $user: ReturnType<typeof atom<PresenceUser>> } {
  const doc = new Y.Doc()
  const store = newStore()
  bindStoreToDoc(store, doc)
  const awareness = new Awareness(doc)
  const $user = atom<PresenceUser>('user', user)
  const stopUser = publishUser(awareness, $user)
  const binding = bindPresence(store, awareness, $user)
  cleanups.push(() => {
    stopUser()
    binding.dispose()
    awareness.destroy()
  })
  return { store, awareness, binding, $user }
}

function movePointer(store: TLStore, x: number, y: number): void {
  const pointer = store.get(TLPOINTER_ID)
  if (pointer === undefined) throw new Error('store has no pointer record')
  store.put([{ ...pointer, x, y }])
}

const remotePresences = (store: TLStore): TLInstancePresence[] => store.query.records('instance_presence').get()

describe('bindPresence', () => {
  it('shows each person\'s cursor in the other store, with name and colour', async () => {
    const ada = participant({ id: 'ada', name: 'Ada', color: '#175cd3' })
    const ben = participant({ id: 'ben', name: 'Ben', color: '#b42318' })
    linkAwareness(ada.awareness, ben.awareness)
    // Presence goes out on the next change (throttled to 10 Hz); move both pointers.
    movePointer(ada.store, 40, 60)
    movePointer(ben.store, 1, 2)

    await vi.waitFor(() => expect(remotePresences(ben.store)[0]?.cursor).toMatchObject({ x: 40, y: 60 }), { timeout: 2000 })
    const seenByBen = remotePresences(ben.store)
    expect(seenByBen).toHaveLength(1)
    expect(seenByBen[0]).toMatchObject({ id: presenceIdFor(ada.awareness.clientID), userName: 'Ada', color: '#175cd3', userId: 'ada' })
    await vi.waitFor(() => expect(remotePresences(ada.store).map((p) => p.userName)).toEqual(['Ben']), { timeout: 2000 })
  })

  it('publishes the user even before any presence exists, and follows a rename', () => {
    const awareness = new Awareness(new Y.Doc())
    const $user = atom<PresenceUser>('user', { id: 'ada', name: 'Ada', color: '#175cd3' })
    const stop = publishUser(awareness, $user)
    const ada = { awareness, $user }
    cleanups.push(() => {
      stop()
      awareness.destroy()
    })
    expect(ada.awareness.getLocalState()).toMatchObject({ user: { id: 'ada', name: 'Ada', color: '#175cd3' } })
    ada.$user.set({ id: 'ada', name: 'Ada L.', color: '#175cd3' })
    expect(ada.awareness.getLocalState()).toMatchObject({ user: { name: 'Ada L.' } })
  })

  it('keeps the cursor from others while hidden (an anonymous vote) and shows it again after', async () => {
    const ada = participant({ id: 'ada', name: 'Ada', color: '#175cd3' })
    const doc = new Y.Doc()
    const store = newStore()
    bindStoreToDoc(store, doc)
    const awareness = new Awareness(doc)
    const $user = atom<PresenceUser>('user', { id: 'ben', name: 'Ben', color: '#b42318' })
    const $hidden = atom('hidden', false)
    const binding = bindPresence(store, awareness, $user, undefined, $hidden)
    cleanups.push(() => {
      binding.dispose()
      awareness.destroy()
    })
    linkAwareness(ada.awareness, awareness)
    movePointer(store, 10, 20)
    await vi.waitFor(() => expect(remotePresences(ada.store)[0]?.cursor).toMatchObject({ x: 10, y: 20 }), { timeout: 2000 })
    $hidden.set(true)
    movePointer(store, 30, 40)
    await vi.waitFor(() => expect(remotePresences(ada.store)).toHaveLength(0), { timeout: 2000 })
    $hidden.set(false)
    await vi.waitFor(() => expect(remotePresences(ada.store)[0]?.cursor).toMatchObject({ x: 30, y: 40 }), { timeout: 2000 })
  })

  it('removes a cursor when its awareness state goes', () => {
    const ada = participant({ id: 'ada', name: 'Ada', color: '#175cd3' })
    const ben = participant({ id: 'ben', name: 'Ben', color: '#b42318' })
    linkAwareness(ada.awareness, ben.awareness)
    ada.awareness.setLocalStateField('nudge', 1)
    expect(remotePresences(ben.store)).toHaveLength(1)
    removeAwarenessStates(ada.awareness, [ada.awareness.clientID], 'leave')
    expect(remotePresences(ben.store)).toHaveLength(0)
  })

  it('ignores a state that claims another client\'s presence id or is not a presence', () => {
    const ben = participant({ id: 'ben', name: 'Ben', color: '#b42318' })
    const liar = new Awareness(new Y.Doc())
    cleanups.push(() => liar.destroy())
    liar.setLocalState({ presence: { id: presenceIdFor(ben.awareness.clientID + 1), typeName: 'instance_presence' } })
    applyAwarenessUpdate(ben.awareness, encodeAwarenessUpdate(liar, [liar.clientID]), 'relay')
    liar.setLocalState({ presence: { id: presenceIdFor(liar.clientID), typeName: 'shape', type: 'geo' } })
    applyAwarenessUpdate(ben.awareness, encodeAwarenessUpdate(liar, [liar.clientID]), 'relay')
    liar.setLocalState({ presence: { id: presenceIdFor(liar.clientID), typeName: 'instance_presence', cursor: 'nope' } })
    applyAwarenessUpdate(ben.awareness, encodeAwarenessUpdate(liar, [liar.clientID]), 'relay')
    expect(remotePresences(ben.store)).toHaveLength(0)
    expect(ben.store.allRecords().some((r) => r.typeName === 'shape')).toBe(false)
  })
})

describe('fitPresence', () => {
  it('caps the selection and drops scribbles to stay under the size limit', () => {
    const ada = participant({ id: 'ada', name: 'Ada', color: '#175cd3' })
    const presence = ada.awareness.getLocalState()?.presence as TLInstancePresence
    const big = {
      ...presence,
      selectedShapeIds: Array.from({ length: 1000 }, (_, i) => `shape:${'x'.repeat(20)}${i}`),
    } as TLInstancePresence
    const fitted = fitPresence(big, 4096)
    expect(fitted.selectedShapeIds.length).toBeLessThanOrEqual(MAX_SELECTED_IDS_IN_PRESENCE)
    expect(new TextEncoder().encode(JSON.stringify(fitted)).length).toBeLessThanOrEqual(4096)
    expect(fitPresence(presence)).toEqual(presence)
  })
})
