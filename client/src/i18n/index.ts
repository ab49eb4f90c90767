/**
 * i18next set-up. All texts are bundled (no HTTP back end), so translations
 * come from our own origin like everything else.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { de } from './de.ts'
import { en } from './en.ts'
import { LANGUAGE_STORAGE_KEY, pickLanguage, type Language } from './language.ts'

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en }
  }
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY)
  } catch {
    // Storage can be disabled (privacy settings); the browser language still works.
    return null
  }
}

export function initI18n(): Promise<unknown> {
  const lng = pickLanguage(readStoredLanguage(), navigator.language)
  document.documentElement.lang = lng
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
  })
  return i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['de', 'en'],
    resources: { de: { translation: de }, en: { translation: en } },
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next otherwise advertises a hosted service in every visitor's console.
    showSupportNotice: false,
  })
}

/** Switches the language and remembers the choice in this browser. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  void i18next.changeLanguage(language)
}

export { i18next }
