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

  it('keeps an edit made offline unsent until synced with an empty socket buffer', () => {
    const tracker = new UnsentTracker()
    tracker.markLocalChange()
    expect(tracker.check(false, undefined)).toBe(false)
    expect(tracker.check(false, 0)).toBe(false) // socket open, sync not finished
    expect(tracker.check(true, 512)).toBe(false) // synced, our step 2 still in the buffer
    expect(tracker.unsent).toBe(true)
    expect(tracker.check(true, 0)).toBe(true)
    expect(tracker.unsent).toBe(false)
  })

  it('clears an edit made while connected once the buffer drains', () => {
    const tracker = new UnsentTracker()
    tracker.markLocalChange()
    expect(tracker.check(true, 40)).toBe(false)
    expect(tracker.check(true, 0)).toBe(true)
    expect(tracker.check(true, 0)).toBe(false)
  })

  it('does not clear when the connection drops before the buffer drains', () => {
    const tracker = new UnsentTracker()
    tracker.markLocalChange()
    tracker.check(true, 40)
    expect(tracker.check(false, undefined)).toBe(false)
    expect(tracker.unsent).toBe(true)
  })
})
