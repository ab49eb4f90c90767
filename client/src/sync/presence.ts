/**
 * Presence records (tldraw `instance_presence`) to and from awareness states.
 */
import { Limits } from '@werkraum/shared'
import { InstancePresenceRecordType, type TLInstancePresence, type TLStore } from 'tldraw'
import { PRESENCE_FIELD } from './people.ts'

/** Selection entries sent with the cursor; selecting a thousand shapes must not blow the presence size limit. */
export const MAX_SELECTED_IDS_IN_PRESENCE = 100

/** The presence record id of an awareness client. Remote records are keyed by client id so a removal can find them. */
export function presenceIdFor(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId))
}

/**
 * Keeps the presence below the server's per-state limit (16 KiB): drops the
 * selection tail and, if still too large, the scribbles (laser/eraser trails).
 */
export function fitPresence(presence: TLInstancePresence, maxBytes: number = Limits.MAX_AWARENESS_STATE_BYTES / 2): TLInstancePresence {
  let fitted = presence
  if (fitted.selectedShapeIds.length > MAX_SELECTED_IDS_IN_PRESENCE) {
    fitted = { ...fitted, selectedShapeIds: fitted.selectedShapeIds.slice(0, MAX_SELECTED_IDS_IN_PRESENCE) }
  }
  if (jsonBytes(fitted) > maxBytes) fitted = { ...fitted, scribbles: [] }
  if (jsonBytes(fitted) > maxBytes) fitted = { ...fitted, selectedShapeIds: [] }
  return fitted
}

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length
}

/**
 * The presence record in another client's awareness state, if it is one and
 * claims that client's own record id (a state must not be able to overwrite
 * someone else's cursor, or put shapes into the store).
 */
export function remotePresence(store: TLStore, clientId: number, state: unknown): TLInstancePresence | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const presence = (state as Record<string, unknown>)[PRESENCE_FIELD]
  if (typeof presence !== 'object' || presence === null) return undefined
  const { id, typeName } = presence as Record<string, unknown>
  if (typeName !== 'instance_presence' || id !== presenceIdFor(clientId)) return undefined
  try {
    return store.schema.validateRecord(store, presence as TLInstancePresence, 'initialize', null) as TLInstancePresence
  } catch {
    return undefined
  }
}
