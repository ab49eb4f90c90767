import { EMPTY_FACILITATION } from '@werkraum/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readControlState } from './controlState.ts'

describe('readControlState', () => {
  it('reads people and boards in the facilitator’s order, leaving out what is malformed', () => {
    const doc = new Y.Doc()
    doc.getMap('workshop').set('title', 'Sprint Süd')
    const people = doc.getMap<unknown>('participants')
    people.set('p2', { name: 'Zoë', role: 'participant', present: true })
    people.set('p1', { name: 'Ali', role: 'moderator' })
    people.set('p3', { name: 'Mallory', role: 'admin' })
    people.set('p4', 'junk')
    const boards = doc.getMap<unknown>('boards')
    boards.set('b2', { title: 'Ideen', position: 1, locked: true, archived: false, template: 'brainstorming' })
    boards.set('b1', { title: 'Plenum', position: 0, locked: false, archived: false, template: 'blank', room: false })
    boards.set('b3', { title: 'Alt', position: 2, archived: true, template: 'unknown' })
    boards.set('b4', { position: 3 })

    const state = readControlState(doc)
    expect(state.title).toBe('Sprint Süd')
    expect(state.participants).toEqual([
      { id: 'p1', name: 'Ali', role: 'moderator', present: false },
      { id: 'p2', name: 'Zoë', role: 'participant', present: true },
    ])
    expect(state.boards.map((b) => [b.id, b.locked, b.archived, b.template, b.room])).toEqual([
      ['b1', false, false, 'blank', false],
      ['b2', true, false, 'brainstorming', false],
      ['b3', false, true, 'blank', false],
    ])
  })

  it('gives an empty state for an empty document', () => {
    expect(readControlState(new Y.Doc())).toEqual({ title: '', participants: [], boards: [], facilitation: EMPTY_FACILITATION, votes: [] })
  })
})
