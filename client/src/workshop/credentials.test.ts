import { describe, expect, it } from 'vitest'
import { parseCredentials, tokenFromFragment } from './credentials.ts'

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
