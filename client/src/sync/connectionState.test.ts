import { describe, expect, it } from 'vitest'
import { OFFLINE_AFTER_FAILED_ATTEMPTS, UnsentTracker, connectionPhase, type ConnectionFacts } from './connectionState.ts'

const base: ConnectionFacts = {
  socketOpen: false,
  synced: false,
  failedAttempts: 0,
  everSynced: false,
  browserOnline: true,
  stopped: false,
}

describe('connectionPhase', () => {
  it('is connecting on the first attempt', () => {
    expect(connectionPhase(base)).toBe('connecting')
    expect(connectionPhase({ ...base, socketOpen: true })).toBe('connecting')
  })

  it('is connected only once the socket is open and synced', () => {
    expect(connectionPhase({ ...base, socketOpen: true, synced: true })).toBe('connected')
  })

  it('is reconnecting after a loss or a failed attempt', () => {
    expect(connectionPhase({ ...base, everSynced: true })).toBe('reconnecting')
    expect(connectionPhase({ ...base, failedAttempts: 1 })).toBe('reconnecting')
    expect(connectionPhase({ ...base, everSynced: true, socketOpen: true })).toBe('reconnecting')
  })

  it('is offline when the browser is, when stopped for good, or after repeated failures', () => {
    expect(connectionPhase({ ...base, browserOnline: false })).toBe('offline')
    expect(connectionPhase({ ...base, socketOpen: true, synced: true, stopped: true })).toBe('offline')
    expect(connectionPhase({ ...base, failedAttempts: OFFLINE_AFTER_FAILED_ATTEMPTS - 1 })).toBe('reconnecting')
    expect(connectionPhase({ ...base, failedAttempts: OFFLINE_AFTER_FAILED_ATTEMPTS })).toBe('offline')
  })
})

describe('UnsentTracker', () => {
  it('starts with nothing unsent', () => {
    expect(new UnsentTracker().unsent).toBe(false)
  })

  it('clears an edit only when the server answers a request sent after it', () => {
    const tracker = new UnsentTracker()
    tracker.connected()
    expect(tracker.replyReceived()).toBe(false) // y-websocket's own step 1 on connect
    tracker.markLocalChange()
    expect(tracker.wantsRequest()).toBe(true)
    tracker.requestSent()
    expect(tracker.wantsRequest()).toBe(false)
    tracker.markLocalChange() // after the request: not covered by its reply
    expect(tracker.wantsRequest()).toBe(true)
    expect(tracker.replyReceived()).toBe(false)
    expect(tracker.unsent).toBe(true)
    tracker.requestSent()
    expect(tracker.replyReceived()).toBe(true)
    expect(tracker.unsent).toBe(false)
  })

  it('does not count the reply to y-websocket’s own step 1 after a reconnect', () => {
    const tracker = new UnsentTracker()
    tracker.markLocalChange() // made while disconnected
    tracker.connected()
    expect(tracker.replyReceived()).toBe(false)
    expect(tracker.unsent).toBe(true)
    tracker.requestSent()
    expect(tracker.replyReceived()).toBe(true)
  })

  it('forgets requests that died with a connection', () => {
    const tracker = new UnsentTracker()
    tracker.connected()
    tracker.replyReceived()
    tracker.markLocalChange()
    tracker.requestSent()
    tracker.connected() // dropped before the reply; a new connection
    expect(tracker.replyReceived()).toBe(false) // the new connection's own step 1
    expect(tracker.unsent).toBe(true)
    expect(tracker.wantsRequest()).toBe(true)
  })
})
