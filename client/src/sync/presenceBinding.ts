/**
 * Cursors and selections of everyone on the board, through y-protocols
 * awareness:
 *
 * - our own presence is derived from the store by tldraw's
 *   `createPresenceStateDerivation` and written to the awareness state at
 *   most every `PRESENCE_INTERVAL_MS`;
 * - other people's presence records are put into the store with
 *   `mergeRemoteChanges` (tldraw renders them as cursors) and removed when
 *   their awareness state goes.
 */
import {
  createPresenceStateDerivation,
  react,
  type Signal,
  type TLInstancePresence,
  type TLPresenceUserInfo,
  type TLStore,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { PRESENCE_FIELD, USER_FIELD, type PresenceUser } from './people.ts'
import { fitPresence, presenceIdFor, remotePresence } from './presence.ts'
import { realClock, throttle, type Clock } from './throttle.ts'

/** Cursor updates go out at most 10 times a second. */
export const PRESENCE_INTERVAL_MS = 100

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

export interface PresenceBinding {
  dispose(): void
}

/**
 * Publishes who we are (the presence list's entry) from the moment the board
 * page opens, before the board itself has loaded. A new name goes out at once.
 */
export function publishUser(awareness: Awareness, $user: Signal<PresenceUser>): () => void {
  return react('werkraum user to awareness', () => {
    const user = $user.get()
    awareness.setLocalStateField(USER_FIELD, { id: user.id, name: user.name, color: user.color })
  })
}

/**
 * `$hidden`: while true, no cursor or selection goes out (others' stores drop
 * ours). During an anonymous vote a cursor would show whose click placed
 * which dot; the person is still listed as present.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  $user: Signal<PresenceUser>,
  clock: Clock = realClock,
  $hidden?: Signal<boolean>,
): PresenceBinding {
  const ownId = presenceIdFor(awareness.clientID)
  const $presenceUser: Signal<TLPresenceUserInfo> = $user
  const $presence = createPresenceStateDerivation($presenceUser, ownId)(store)

  const send = throttle((presence: TLInstancePresence | null) => {
    awareness.setLocalStateField(PRESENCE_FIELD, presence === null ? null : fitPresence(presence))
  }, PRESENCE_INTERVAL_MS, clock)

  const stopPresence = react('werkraum presence to awareness', () => {
    send($hidden?.get() === true ? null : $presence.get())
  })

  const applyRemote = (clientIds: Iterable<number>, removed: Iterable<number>): void => {
    const states = awareness.getStates()
    const toPut: TLInstancePresence[] = []
    const toRemove: TLInstancePresence['id'][] = []
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue
      const record = remotePresence(store, clientId, states.get(clientId))
      if (record !== undefined) toPut.push(record)
      else if (store.has(presenceIdFor(clientId))) toRemove.push(presenceIdFor(clientId))
    }
    for (const clientId of removed) {
      if (clientId !== awareness.clientID && store.has(presenceIdFor(clientId))) toRemove.push(presenceIdFor(clientId))
    }
    if (toPut.length === 0 && toRemove.length === 0) return
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove)
      if (toPut.length > 0) store.put(toPut)
    })
  }

  const onChange = ({ added, updated, removed }: AwarenessChange): void => {
    applyRemote([...added, ...updated], removed)
  }
  awareness.on('change', onChange)
  applyRemote(awareness.getStates().keys(), [])

  return {
    dispose() {
      awareness.off('change', onChange)
      stopPresence()
      send.cancel()
      const remote = store.query.records('instance_presence').get().map((r) => r.id)
      if (remote.length > 0) store.mergeRemoteChanges(() => store.remove(remote))
    },
  }
}
