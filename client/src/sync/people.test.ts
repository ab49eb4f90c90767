import { describe, expect, it } from 'vitest'
import { readPeople, readUser, samePeople } from './people.ts'

const user = (id: string, name: string, color = '#175cd3') => ({ user: { id, name, color } })

describe('readUser', () => {
  it('accepts a well-formed user and cleans the name', () => {
    expect(readUser(user('u1', '  Ada  '))).toEqual({ id: 'u1', name: 'Ada', color: '#175cd3' })
  })

  it('rejects states that are not what Werkraum writes', () => {
    for (const state of [null, {}, 'x', { user: null }, { user: { id: 1, name: 'a', color: '#000000' } },
      user('u1', 'Ada', 'red'), user('', 'Ada'), user('u'.repeat(65), 'Ada'), user('u1', 'x'.repeat(1000))]) {
      expect(readUser(state)).toBeUndefined()
    }
  })
})

describe('readPeople', () => {
  it('lists everyone once, own entry first, others by name', () => {
    const states = new Map<number, unknown>([
      [3, user('c', 'Zora')],
      [1, user('a', 'Mia')],
      [2, user('b', 'Ben')],
      [4, {}], // connected, no name yet
    ])
    const people = readPeople(states, 1)
    expect(people.map((p) => [p.name, p.isSelf])).toEqual([['Mia', true], ['Ben', false], ['Zora', false]])
  })

  it('lists two tabs of the same person once', () => {
    const states = new Map<number, unknown>([
      [1, user('a', 'Mia')],
      [2, user('b', 'Ben')],
      [5, user('b', 'Ben')],
    ])
    expect(readPeople(states, 1)).toHaveLength(2)
  })

  it('marks the own entry even if another client claims the same user id', () => {
    const states = new Map<number, unknown>([
      [9, user('a', 'Impostor')],
      [1, user('a', 'Mia')],
    ])
    expect(readPeople(states, 1)).toEqual([{ id: 'a', name: 'Mia', color: '#175cd3', isSelf: true }])
  })
})

describe('samePeople', () => {
  it('compares what is rendered', () => {
    const a = readPeople(new Map([[1, user('a', 'Mia')]]), 1)
    expect(samePeople(a, readPeople(new Map([[1, user('a', 'Mia')]]), 1))).toBe(true)
    expect(samePeople(a, readPeople(new Map([[1, user('a', 'Mina')]]), 1))).toBe(false)
    expect(samePeople(a, [])).toBe(false)
  })
})
