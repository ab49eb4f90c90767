import { useTranslation } from 'react-i18next'
import { PageShell } from '../components/PageShell.tsx'
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts'
import { navigate } from '../routing/useRoute.ts'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(`${t('board.notFound')} – ${t('app.name')}`)
  return (
    <PageShell>
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
    </PageShell>
  )
}
