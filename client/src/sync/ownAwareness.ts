/**
 * The awareness messages Werkraum's provider sends: only its own client's
 * state. The stock y-websocket `WebsocketProvider` answers every awareness
 * change it observes, including the ones it just received from the server,
 * so a room of N people makes the server receive N² entries per round.
 */
import { MessageKind } from '@werkraum/shared'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'

export interface AwarenessChanges {
  readonly added: readonly number[]
  readonly updated: readonly number[]
  readonly removed: readonly number[]
}

/** True when our own client is among the changed ones (including its periodic renewal and its removal). */
export function ownClientChanged(changes: AwarenessChanges, ownClientId: number): boolean {
  return changes.added.includes(ownClientId) || changes.updated.includes(ownClientId) || changes.removed.includes(ownClientId)
}

/** A complete y-websocket awareness message carrying only `awareness.clientID`'s entry. */
export function encodeOwnAwarenessMessage(awareness: Awareness): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageKind.awareness)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]))
  return encoding.toUint8Array(encoder)
}

/** The message to send for an awareness 'update' event, or undefined when it only concerns other people. */
export function ownAwarenessMessage(awareness: Awareness, changes: AwarenessChanges): Uint8Array | undefined {
  return ownClientChanged(changes, awareness.clientID) ? encodeOwnAwarenessMessage(awareness) : undefined
}
