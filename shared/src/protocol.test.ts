import { describe, expect, it } from 'vitest'
import { CloseCode, boardDocName, closeCodeName, docNameFromSyncPath } from './protocol.ts'

describe('sync paths', () => {
  it('accepts document names and rejects anything else', () => {
    expect(docNameFromSyncPath('/sync/board.plenum')).toBe('board.plenum')
    expect(docNameFromSyncPath('/sync/' + boardDocName('a-b_c'))).toBe('board.a-b_c')
    expect(docNameFromSyncPath('/sync/')).toBeUndefined()
    expect(docNameFromSyncPath('/sync/../secret')).toBeUndefined()
    expect(docNameFromSyncPath('/sync/a%2Fb')).toBeUndefined()
    expect(docNameFromSyncPath('/sync/%E0%A4%A')).toBeUndefined()
    expect(docNameFromSyncPath('/sync/.hidden')).toBeUndefined()
    expect(docNameFromSyncPath('/other/board')).toBeUndefined()
    expect(docNameFromSyncPath('/sync/' + 'a'.repeat(129))).toBeUndefined()
  })
})

describe('close codes', () => {
  it('are unique, in the application range (or standard), and named', () => {
    const codes = Object.values(CloseCode).map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const [name, info] of Object.entries(CloseCode)) {
      expect(closeCodeName(info.code)).toBe(name)
      expect(info.code === 1009 || (info.code >= 4000 && info.code <= 4999)).toBe(true)
    }
    expect(closeCodeName(1000)).toBeUndefined()
  })
})
