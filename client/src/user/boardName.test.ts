import { boardDocName, boardSlug } from '@werkraum/shared'
import { DocNameSchema } from '@werkraum/shared/schemas'
import { describe, expect, it } from 'vitest'
import { randomBoardName } from './boardName.ts'

describe('randomBoardName', () => {
  it('is already a slug and a valid document name', () => {
    for (let i = 0; i < 200; i++) {
      const name = randomBoardName()
      expect(boardSlug(name)).toBe(name)
      expect(DocNameSchema.safeParse(boardDocName(name)).success).toBe(true)
      expect(name).toMatch(/^[a-z]+-[a-z]+-[a-hj-km-np-z2-9]{6}$/)
    }
  })

  it('depends on every random value it draws', () => {
    const fixed = (v: number) => (array: Uint32Array) => array.fill(v)
    expect(randomBoardName(fixed(0))).not.toBe(randomBoardName(fixed(1)))
    expect(randomBoardName(fixed(7))).toBe(randomBoardName(fixed(7)))
  })

  it('rarely repeats', () => {
    const names = new Set(Array.from({ length: 2000 }, () => randomBoardName()))
    expect(names.size).toBe(2000)
  })
})
