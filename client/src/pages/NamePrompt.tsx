import { useTranslation } from 'react-i18next'
import { PageShell } from '../components/PageShell.tsx'
import { NameForm } from '../components/NameForm.tsx'

interface NamePromptProps {
  /** Where the name will be shown: the board's or the workshop's heading. */
  readonly context: string
  /** What the button opens, so that it says so: a board, or the facilitator's console. */
  readonly opens?: 'board' | 'console'
  readonly onSubmit: (name: string) => void
}

/** Shown instead of a board or the console until this browser has a display name. */
export function NamePrompt({ context, opens = 'board', onSubmit }: NamePromptProps) {
  const { t } = useTranslation()
  return (
    <PageShell>
      <p className="eyebrow">{context}</p>
      <h1>{t('name.heading')}</h1>
      <p>{t('name.intro')}</p>
      <section className="card">
        <NameForm initialName="" submitLabel={opens === 'console' ? t('name.submitConsole') : t('name.submit')} onSubmit={onSubmit} autoFocus />
      </section>
    </PageShell>
  )
}
