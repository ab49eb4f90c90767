import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { NameForm } from '../components/NameForm.tsx'

interface NamePromptProps {
  readonly boardName: string
  readonly onSubmit: (name: string) => void
}

/** Shown instead of the board until this browser has a display name. */
export function NamePrompt({ boardName, onSubmit }: NamePromptProps) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <header className="site-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="start">
        <p className="eyebrow">{t('board.heading', { board: boardName })}</p>
        <h1>{t('name.heading')}</h1>
        <p>{t('name.intro')}</p>
        <section className="card">
          <NameForm initialName="" submitLabel={t('name.submit')} onSubmit={onSubmit} autoFocus />
        </section>
      </main>
    </div>
  )
}
