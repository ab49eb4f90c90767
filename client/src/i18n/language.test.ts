import { describe, expect, it } from 'vitest'
import { pickLanguage } from './language.ts'

describe('pickLanguage', () => {
  it('uses German for any German browser locale', () => {
    for (const locale of ['de', 'de-DE', 'de-AT', 'de-CH', 'DE-de']) expect(pickLanguage(null, locale)).toBe('de')
  })

  it('uses English for every other browser locale, and when there is none', () => {
    for (const locale of ['en-US', 'fr-FR', 'tr', 'dek', 'nl-DE', '']) expect(pickLanguage(null, locale)).toBe('en')
    expect(pickLanguage(null, undefined)).toBe('en')
  })

  it('prefers an earlier explicit choice over the browser', () => {
    expect(pickLanguage('en', 'de-DE')).toBe('en')
    expect(pickLanguage('de', 'en-GB')).toBe('de')
  })

  it('ignores a stored value that is not a shipped language', () => {
    expect(pickLanguage('fr', 'de-DE')).toBe('de')
    expect(pickLanguage('', 'en-US')).toBe('en')
  })
})
