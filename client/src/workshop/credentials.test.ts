import { describe, expect, it } from 'vitest'
import {
  credentialFor,
  forgetCredential,
  listedWorkshops,
  noteOpened,
  parseCredentials,
  parseGone,
  putBackOnList,
  storeCredential,
  takeOffList,
  tokenFromFragment,
} from './credentials.ts'

describe('parseCredentials', () => {
  it('keeps well-formed entries and drops everything else', () => {
    const raw = JSON.stringify({
      Ab12: { token: 'tok.en', joinCode: 'K7M2QXA', color: '#175cd3' },
      'bad id!': { token: 'x' },
      Cd34: { token: '' },
      Ef56: { token: 'ok', color: 'javascript:alert(1)' },
      Gh78: 'not an object',
    })
    expect(parseCredentials(raw)).toEqual({
      Ab12: { token: 'tok.en', joinCode: 'K7M2QXA', color: '#175cd3' },
      Ef56: { token: 'ok' },
    })
  })

  it('keeps what the start page lists, if it is well-formed', () => {
    const raw = JSON.stringify({
      Ab12: { token: 't', title: 'Sprint', role: 'moderator', lastOpenedMs: 1700000000000 },
      Cd34: { token: 't', title: 42, role: 'admin', lastOpenedMs: 'gestern' },
    })
    expect(parseCredentials(raw)).toEqual({
      Ab12: { token: 't', title: 'Sprint', role: 'moderator', lastOpenedMs: 1700000000000 },
      Cd34: { token: 't' },
    })
    expect(parseGone(JSON.stringify({ Ab12: { title: 'Alt', role: 'facilitator' }, Cd34: { role: 'facilitator' }, 'x y': { title: 'z' } }))).toEqual({
      Ab12: { title: 'Alt', role: 'facilitator' },
    })
  })

  it('treats missing or broken storage as no workshops', () => {
    expect(parseCredentials(null)).toEqual({})
    expect(parseCredentials('{not json')).toEqual({})
    expect(parseCredentials('[1,2]')).toEqual({})
  })
})

describe('tokenFromFragment', () => {
  it('reads the token of a facilitator or observer link', () => {
    expect(tokenFromFragment('#t=abc.def-_')).toBe('abc.def-_')
    expect(tokenFromFragment('#x=1&t=abc')).toBe('abc')
  })

  it('ignores fragments without a usable token', () => {
    expect(tokenFromFragment('')).toBeUndefined()
    expect(tokenFromFragment('#t=')).toBeUndefined()
    expect(tokenFromFragment(`#t=${'a'.repeat(600)}`)).toBeUndefined()
  })
})

// Node has no localStorage: these run on the in-memory fallback, which behaves the same.
describe('the list of workshops on the start page', () => {
  it('lists workshops once opened, last opened first, and a refusing one as gone until it is taken off', () => {
    storeCredential('One', { token: 'a' })
    storeCredential('Two', { token: 'b', joinCode: 'K7M2QXA' })
    expect(listedWorkshops().map((w) => w.id)).not.toContain('One')
    noteOpened('One', 'Sprint 1', 'facilitator', 1000)
    noteOpened('Two', 'Sprint 2', 'participant', 2000)
    expect(listedWorkshops().filter((w) => w.id === 'One' || w.id === 'Two')).toEqual([
      { id: 'Two', title: 'Sprint 2', role: 'participant', lastOpenedMs: 2000, gone: false },
      { id: 'One', title: 'Sprint 1', role: 'facilitator', lastOpenedMs: 1000, gone: false },
    ])

    forgetCredential('One', { gone: true })
    expect(credentialFor('One')).toBeUndefined()
    expect(listedWorkshops().find((w) => w.id === 'One')).toEqual({ id: 'One', title: 'Sprint 1', role: 'facilitator', lastOpenedMs: 1000, gone: true })

    const taken = takeOffList('One')
    expect(listedWorkshops().find((w) => w.id === 'One')).toBeUndefined()
    putBackOnList(taken)
    expect(listedWorkshops().find((w) => w.id === 'One')?.gone).toBe(true)
    takeOffList('One')
  })

  it('takes a workshop off the list with its token, and puts both back on undo', () => {
    storeCredential('Three', { token: 'c' })
    noteOpened('Three', 'Sprint 3', 'moderator', 3000)
    const taken = takeOffList('Three')
    expect(credentialFor('Three')).toBeUndefined()
    putBackOnList(taken)
    expect(credentialFor('Three')).toEqual({ token: 'c', title: 'Sprint 3', role: 'moderator', lastOpenedMs: 3000 })
  })

  it('leaves nothing behind when a workshop is forgotten for good (deleted by us, or left)', () => {
    storeCredential('Four', { token: 'd' })
    noteOpened('Four', 'Sprint 4', 'facilitator', 4000)
    forgetCredential('Four')
    expect(listedWorkshops().find((w) => w.id === 'Four')).toBeUndefined()
  })
})

describe('with real storage shared by tabs', () => {
  it('does not bring back what another tab removed', () => {
    const items = new Map<string, string>()
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) }
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true })
    try {
      storeCredential('Tab1', { token: 'secret' })
      expect(credentialFor('Tab1')?.token).toBe('secret')
      // Another tab takes the last workshop off the list: storage is empty now.
      items.clear()
      expect(credentialFor('Tab1')).toBeUndefined()
      // This tab then writes something else: the removed workshop stays removed.
      storeCredential('Tab2', { token: 'other' })
      expect(credentialFor('Tab1')).toBeUndefined()
      expect(credentialFor('Tab2')?.token).toBe('other')
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage')
    }
  })
})
