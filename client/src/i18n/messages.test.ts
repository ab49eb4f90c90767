import { CloseCode } from '@werkraum/shared'
import { describe, expect, it } from 'vitest'
import { de } from './de.ts'
import { en } from './en.ts'

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v)
    }
  } else {
    out.set(prefix, value)
  }
  return out
}

const flatDe = flatten(de)
const flatEn = flatten(en)

describe('translations', () => {
  it('have the same keys in German and English', () => {
    expect([...flatDe.keys()].sort()).toEqual([...flatEn.keys()].sort())
  })

  it('have a non-empty text for every key', () => {
    for (const [key, text] of [...flatDe, ...flatEn]) {
      expect(typeof text, key).toBe('string')
      expect((text as string).trim(), key).not.toBe('')
    }
  })

  it('use the same interpolation placeholders in both languages', () => {
    const placeholders = (text: unknown): string[] => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort()
    for (const [key, text] of flatEn) expect(placeholders(flatDe.get(key)), key).toEqual(placeholders(text))
  })

  it('translate every close code the server can send', () => {
    for (const info of Object.values(CloseCode)) {
      expect(flatDe.get(info.messageKey), info.messageKey).toEqual(expect.any(String))
      expect(flatEn.get(info.messageKey), info.messageKey).toEqual(expect.any(String))
    }
  })
})
