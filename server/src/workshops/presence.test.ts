import { describe, expect, it } from 'vitest'
import { WorkshopPresence } from './presence.ts'

const paula = { workshopId: 'wA', participantId: 'pPaula' }
const ben = { workshopId: 'wA', participantId: 'pBen' }
const paulaElsewhere = { workshopId: 'wB', participantId: 'pPaula' }

describe('WorkshopPresence', () => {
  it('flips only on the first connection and the last disconnection', () => {
    const presence = new WorkshopPresence()
    expect(presence.isPresent('wA', 'pPaula')).toBe(false)
    expect(presence.connected(paula)).toBe(true)
    // A second tab, or the control document next to a board: no flip.
    expect(presence.connected(paula)).toBe(false)
    expect(presence.connected(paula)).toBe(false)
    expect(presence.disconnected(paula)).toBe(false)
    expect(presence.disconnected(paula)).toBe(false)
    expect(presence.isPresent('wA', 'pPaula')).toBe(true)
    expect(presence.disconnected(paula)).toBe(true)
    expect(presence.isPresent('wA', 'pPaula')).toBe(false)
    expect(presence.connected(paula)).toBe(true)
  })

  it('keeps participants and workshops apart', () => {
    const presence = new WorkshopPresence()
    presence.connected(paula)
    presence.connected(ben)
    presence.connected(paulaElsewhere)
    expect([...presence.presentIn('wA')].sort()).toEqual(['pBen', 'pPaula'])
    expect(presence.disconnected(paulaElsewhere)).toBe(true)
    expect([...presence.presentIn('wB')]).toEqual([])
    expect(presence.isPresent('wA', 'pPaula')).toBe(true)
    expect(presence.disconnected(ben)).toBe(true)
    expect([...presence.presentIn('wA')]).toEqual(['pPaula'])
  })

  it('ignores a disconnection it never saw connect, instead of counting below zero', () => {
    const presence = new WorkshopPresence()
    expect(presence.disconnected(paula)).toBe(false)
    expect(presence.connected(paula)).toBe(true)
    expect(presence.disconnected(paula)).toBe(true)
    expect(presence.disconnected(paula)).toBe(false)
    expect(presence.connected(paula)).toBe(true)
  })
})
