import { describe, expect, it } from 'vitest'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode, generateJoinCode, normaliseJoinCode } from './joinCode.ts'

describe('join codes', () => {
  it('use no characters that look alike', () => {
    for (const c of '0O1Il') expect(JOIN_CODE_ALPHABET).not.toContain(c)
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length)
  })

  it('are generated from the alphabet with the given random source', () => {
    let i = 0
    const code = generateJoinCode((n) => i++ % n)
    expect(code).toBe(JOIN_CODE_ALPHABET.slice(0, JOIN_CODE_LENGTH))
    expect(normaliseJoinCode(code)).toBe(code)
  })

  it('accept what people type, and nothing else', () => {
    expect(normaliseJoinCode('abc-defg')).toBe('ABCDEFG')
    expect(normaliseJoinCode(' ABC DEFG ')).toBe('ABCDEFG')
    expect(normaliseJoinCode(formatJoinCode('ABCDEFG'))).toBe('ABCDEFG')
    expect(normaliseJoinCode('ABC-DEF0')).toBeUndefined()
    expect(normaliseJoinCode('ABCDEF')).toBeUndefined()
    expect(normaliseJoinCode('ABCDEFGH')).toBeUndefined()
    expect(normaliseJoinCode('A'.repeat(1000))).toBeUndefined()
  })
})
