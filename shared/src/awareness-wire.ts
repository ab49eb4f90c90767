/**
 * Reading and writing y-protocols awareness updates without an `Awareness`
 * instance. The server relays presence at high rates and only needs each
 * entry's client id and clock to decide whether it is news; it never needs to
 * parse the JSON state itself.
 *
 * Wire format (y-protocols/awareness `encodeAwarenessUpdate`):
 * varUint(count), then per entry varUint(clientID), varUint(clock), varString(JSON state).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** One client's presence as it travels on the wire. `state` is JSON text; `"null"` means the client left. */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly state: string
}

/** Most entries one awareness message may carry; a room never has more people than this. */
export const MAX_AWARENESS_ENTRIES = 10_000

/**
 * Decodes the body of an awareness message (after the message kind).
 * Throws on malformed input; callers at the network boundary catch and close the connection.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  if (count > MAX_AWARENESS_ENTRIES) throw new Error(`awareness update with ${count} entries`)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarString(decoder)
    entries.push({ clientId, clock, state })
  }
  return entries
}

/** Encodes entries in the same format as y-protocols' `encodeAwarenessUpdate`. */
export function encodeAwarenessUpdate(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries]
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, list.length)
  for (const entry of list) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.state)
  }
  return encoding.toUint8Array(encoder)
}

/** True when the entry announces that the client has left (its state is null). */
export function isRemoval(entry: AwarenessEntry): boolean {
  return entry.state === 'null'
}
