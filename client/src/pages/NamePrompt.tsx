import { useTranslation } from 'react-i18next'
import { PageShell } from '../components/PageShell.tsx'
import { NameForm } from '../components/NameForm.tsx'

interface NamePromptProps {
  readonly boardName: string
  readonly onSubmit: (name: string) => void
}

/** Shown instead of the board until this browser has a display name. */
export function NamePrompt({ boardName, onSubmit }: NamePromptProps) {
  const { t } = useTranslation()
  return (
    <PageShell>
      <p className="eyebrow">{t('board.heading', { board: boardName })}</p>
      <h1>{t('name.heading')}</h1>
      <p>{t('name.intro')}</p>
      <section className="card">
        <NameForm initialName="" submitLabel={t('name.submit')} onSubmit={onSubmit} autoFocus />
      </section>
    </PageShell>
  )
}
