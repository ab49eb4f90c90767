import { describe, expect, it } from 'vitest'
import { MAX_NAME_CHARS, USER_COLORS, cleanName, parseIdentity, randomColor } from './identity.ts'

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

describe('cleanName', () => {
  it('trims, collapses whitespace and drops control characters', () => {
    expect(cleanName('  Ada \n\t Lovelace\u0007 ')).toBe('Ada Lovelace')
    expect(cleanName('   ')).toBe('')
  })

  it(`keeps at most ${MAX_NAME_CHARS} characters, counting emoji as one`, () => {
    expect(Array.from(cleanName('😀'.repeat(100)))).toHaveLength(MAX_NAME_CHARS)
  })
})

describe('parseIdentity', () => {
  const valid = { id: '0b6a3c9e-1f6e-4c1b-9d2a-5a8e4f1d2c3b', name: 'Ada', color: '#175cd3' }

  it('reads what saveIdentity writes', () => {
    expect(parseIdentity(JSON.stringify(valid))).toEqual(valid)
  })

  it('treats missing, broken or nameless data as no identity', () => {
    expect(parseIdentity(null)).toBeUndefined()
    expect(parseIdentity('{')).toBeUndefined()
    expect(parseIdentity('"Ada"')).toBeUndefined()
    expect(parseIdentity(JSON.stringify({ ...valid, name: '  ' }))).toBeUndefined()
    expect(parseIdentity(JSON.stringify({ ...valid, id: '../x' }))).toBeUndefined()
  })

  it('replaces an invalid colour instead of trusting it', () => {
    const parsed = parseIdentity(JSON.stringify({ ...valid, color: 'red;background:url(x)' }))
    expect(USER_COLORS).toContain(parsed?.color)
  })
})

describe('USER_COLORS', () => {
  it('all give white cursor labels a contrast of at least 4.5:1', () => {
    for (const color of USER_COLORS) {
      const ratio = (1 + 0.05) / (luminance(color) + 0.05)
      expect(ratio, color).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('are all reachable by randomColor', () => {
    const seen = new Set(USER_COLORS.map((_, i) => randomColor(() => (i + 0.5) / USER_COLORS.length)))
    expect(seen.size).toBe(USER_COLORS.length)
    expect(randomColor(() => 0.999999)).toBe(USER_COLORS[USER_COLORS.length - 1])
  })
})
