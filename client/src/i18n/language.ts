/** The languages Werkraum ships. tldraw's own UI is switched to the same locale. */
export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** localStorage key of the language a person picked with the switch. */
export const LANGUAGE_STORAGE_KEY = 'werkraum.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The language to start with: an explicit earlier choice wins; otherwise German
 * for a browser set to any German locale (de, de-DE, de-AT, de-CH …), else English.
 */
export function pickLanguage(stored: string | null, browserLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored
  if (browserLanguage !== undefined && /^de(?:-|$)/i.test(browserLanguage)) return 'de'
  return 'en'
}
