import { describe, expect, it } from 'vitest'
import { ROLES, documentAccess, permissionsOf } from './roles.ts'
import type { Role } from './roles.ts'

describe('documentAccess: the table of issue #3', () => {
  const boards: Record<Role, { open: string; locked: string }> = {
    facilitator: { open: 'write', locked: 'write' },
    moderator: { open: 'write', locked: 'write' },
    participant: { open: 'write', locked: 'read' },
    observer: { open: 'read', locked: 'read' },
  }
  for (const role of ROLES) {
    it(`${role}: boards ${boards[role].open} (locked: ${boards[role].locked}), control read-only`, () => {
      expect(documentAccess(role, 'board', { locked: false })).toBe(boards[role].open)
      expect(documentAccess(role, 'board', { locked: true })).toBe(boards[role].locked)
      expect(documentAccess(role, 'control')).toBe('read')
    })
  }

  it('during a breakout lets participants write only in their own room; the others may still write everywhere they could', () => {
    expect(documentAccess('participant', 'board', { locked: false, ownRoomDuringBreakout: true })).toBe('write')
    expect(documentAccess('participant', 'board', { locked: false, ownRoomDuringBreakout: false })).toBe('read')
    expect(documentAccess('participant', 'board', { locked: true, ownRoomDuringBreakout: true })).toBe('read')
    for (const role of ['facilitator', 'moderator'] as const) expect(documentAccess(role, 'board', { locked: false, ownRoomDuringBreakout: false })).toBe('write')
    expect(documentAccess('observer', 'board', { locked: false, ownRoomDuringBreakout: true })).toBe('read')
  })

  it('gives commands to facilitators only, people management too, boards and export also to moderators', () => {
    expect(ROLES.filter((r) => permissionsOf(r).command)).toEqual(['facilitator'])
    expect(ROLES.filter((r) => permissionsOf(r).managePeople)).toEqual(['facilitator'])
    expect(ROLES.filter((r) => permissionsOf(r).manageBoards)).toEqual(['facilitator', 'moderator'])
    expect(ROLES.filter((r) => permissionsOf(r).export)).toEqual(['facilitator', 'moderator'])
  })
})
