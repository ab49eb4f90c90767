import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n/index.ts'
import { LANGUAGES, isLanguage } from '../i18n/language.ts'

/** Two buttons, each labelled in its own language, so a person can find theirs without reading the other. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const current = isLanguage(i18n.language) ? i18n.language : 'en'
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          data-testid={`language-${language}`}
          onClick={() => setLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  )
}
