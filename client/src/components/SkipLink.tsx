import { useTranslation } from 'react-i18next'

/** First stop for keyboard users: jumps past the header to the page's main content (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  )
}
