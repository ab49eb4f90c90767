import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate as encodeStock } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './awareness-wire.ts'

describe('awareness wire format', () => {
  it('reads what y-protocols writes and writes what it reads', () => {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    awareness.setLocalState({ user: { name: 'Jürgen', color: '#36c' }, cursor: { x: 1, y: 2 } })
    const stock = encodeStock(awareness, [doc.clientID])
    const entries = decodeAwarenessUpdate(stock)
    expect(entries).toHaveLength(1)
    expect(entries[0]!.clientId).toBe(doc.clientID)
    expect(JSON.parse(entries[0]!.state)).toEqual(awareness.getLocalState())

    const other = new Awareness(new Y.Doc())
    applyAwarenessUpdate(other, encodeAwarenessUpdate(entries), 'test')
    expect(other.getStates().get(doc.clientID)).toEqual(awareness.getLocalState())
    awareness.destroy()
    other.destroy()
  })

  it('rejects truncated input', () => {
    const bytes = encodeAwarenessUpdate([{ clientId: 7, clock: 3, state: '{"a":1}' }])
    expect(() => decodeAwarenessUpdate(bytes.slice(0, bytes.length - 2))).toThrow()
    expect(() => decodeAwarenessUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow()
  })
})
