import { CloseCode, MessageKind, decodeAwarenessUpdate } from '@werkraum/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as time from 'lib0/time'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { FakeSocket, polyfill } from './testSocket.ts'
import { KEEPALIVE_IDLE_MS, WerkraumProvider, shouldReconnectAfter } from './werkraumProvider.ts'


/** Client ids in every awareness message the socket sent. */
function awarenessIdsSent(socket: FakeSocket): number[][] {
  const out: number[][] = []
  for (const message of socket.sent) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageKind.awareness) continue
    out.push(decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)).map((e) => e.clientId))
  }
  return out
}

/** An awareness message as the server relays it: other people's states. */
function othersMessage(count: number): Uint8Array {
  const others = Array.from({ length: count }, () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: { id: `u${awareness.clientID}`, name: 'Other', color: '#175cd3' } })
    return awareness
  })
  const merged = new Awareness(new Y.Doc())
  for (const other of others) {
    const update = encodeAwarenessUpdate(other, [other.clientID])
    // Applied through the protocol so `merged` holds each state under its own client id.
    applyAwarenessUpdate(merged, update, 'test')
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageKind.awareness)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(merged, others.map((o) => o.clientID)))
  for (const other of others) other.destroy()
  merged.destroy()
  return encoding.toUint8Array(encoder)
}

const providers: WebsocketProvider[] = []
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy()
  vi.useRealTimers()
})

function kindsSent(socket: FakeSocket): number[] {
  return socket.sent.map((m) => decoding.readVarUint(decoding.createDecoder(m)))
}

function connect<P extends WebsocketProvider>(provider: P): { provider: P; socket: FakeSocket } {
  providers.push(provider)
  const socket = FakeSocket.last
  if (socket === undefined) throw new Error('no socket created')
  socket.open()
  return { provider, socket }
}

describe('WerkraumProvider', () => {
  it('does not echo other people\'s presence back to the server', () => {
    const { provider, socket } = connect(new WerkraumProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill }))
    provider.awareness.setLocalStateField('user', { id: 'me', name: 'Me', color: '#175cd3' })
    socket.sent.length = 0

    socket.deliver(othersMessage(5))
    expect(provider.awareness.getStates().size).toBe(6)
    expect(awarenessIdsSent(socket)).toEqual([])

    provider.awareness.setLocalStateField('presence', { x: 1 })
    expect(awarenessIdsSent(socket)).toEqual([[provider.awareness.clientID]])
  })

  it('the stock provider does echo them (the reason this class exists)', () => {
    const { provider, socket } = connect(new WebsocketProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill, disableBc: true }))
    socket.sent.length = 0
    socket.deliver(othersMessage(5))
    expect(awarenessIdsSent(socket).flat()).toHaveLength(5)
    expect(provider.awareness.getStates().size).toBe(6)
  })

  it('answers a query-awareness with its own state only', () => {
    const { provider, socket } = connect(new WerkraumProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill }))
    socket.deliver(othersMessage(3))
    socket.sent.length = 0
    const query = encoding.createEncoder()
    encoding.writeVarUint(query, MessageKind.queryAwareness)
    socket.deliver(encoding.toUint8Array(query))
    expect(awarenessIdsSent(socket)).toEqual([[provider.awareness.clientID]])
  })

  it('sends its own removal when leaving', () => {
    const { provider, socket } = connect(new WerkraumProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill }))
    provider.awareness.setLocalStateField('user', { id: 'me' })
    socket.sent.length = 0
    provider.leave()
    const last = socket.sent.at(-1)
    expect(last).toBeDefined()
    const decoder = decoding.createDecoder(last!)
    expect(decoding.readVarUint(decoder)).toBe(MessageKind.awareness)
    expect(decodeAwarenessUpdate(decoding.readVarUint8Array(decoder))).toEqual([
      expect.objectContaining({ clientId: provider.awareness.clientID, state: 'null' }),
    ])
  })

  it('stops reconnecting after a fatal close code and reports it', () => {
    const { provider, socket } = connect(new WerkraumProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill }))
    const closed: number[] = []
    provider.on('closed', (event: { code: number }) => closed.push(event.code))
    socket.onclose?.({ code: CloseCode.FORBIDDEN.code, reason: '' })
    expect(closed).toEqual([CloseCode.FORBIDDEN.code])
    expect(provider.shouldConnect).toBe(false)
  })

  it('keeps reconnecting after a reconnect close code', () => {
    const { provider, socket } = connect(new WerkraumProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill }))
    socket.onclose?.({ code: CloseCode.SERVER_RESTARTING.code, reason: '' })
    expect(provider.shouldConnect).toBe(true)
  })
})

describe('keep-alive', () => {
  it('asks for presence after a quiet spell, so y-websocket\'s 30 s watchdog does not drop a lone client', () => {
    vi.useFakeTimers()
    const { provider, socket } = connect(new WerkraumProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill }))
    socket.sent.length = 0
    provider.wsLastMessageReceived = time.getUnixTime() - KEEPALIVE_IDLE_MS - 1000
    vi.advanceTimersByTime(6000)
    expect(kindsSent(socket)).toContain(MessageKind.queryAwareness)
  })

  it('stays silent while messages keep arriving', () => {
    vi.useFakeTimers()
    const { provider, socket } = connect(new WerkraumProvider('ws://test/sync', 'board.a', new Y.Doc(), { WebSocketPolyfill: polyfill }))
    socket.sent.length = 0
    for (let i = 0; i < 10; i++) {
      provider.wsLastMessageReceived = time.getUnixTime()
      vi.advanceTimersByTime(5000)
    }
    expect(kindsSent(socket)).not.toContain(MessageKind.queryAwareness)
  })
})

describe('shouldReconnectAfter', () => {
  it('follows each close code\'s ui state', () => {
    for (const info of Object.values(CloseCode)) expect(shouldReconnectAfter(info.code), String(info.code)).toBe(info.ui === 'reconnect')
  })

  it('treats unknown 44xx codes as final and everything else as transient', () => {
    expect(shouldReconnectAfter(4499)).toBe(false)
    expect(shouldReconnectAfter(1006)).toBe(true)
    expect(shouldReconnectAfter(4999)).toBe(true)
  })
})
