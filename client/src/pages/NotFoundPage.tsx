import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { navigate } from '../routing/useRoute.ts'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(`${t('board.notFound')} – ${t('app.name')}`)
  return (
    <div className="page">
      <header className="site-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="start">
        <h1>{t('board.notFound')}</h1>
        <p>
          <a
            href="/"
            onClick={(event) => {
              event.preventDefault()
              navigate('/')
            }}
          >
            {t('board.backToStart')}
          </a>
        </p>
      </main>
    </div>
  )
}
