import type { Locale } from '@werkraum/shared'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchCatalogue } from '../../workshop/api.ts'
import { seedFromCatalogue } from '../../workshop/followUp.ts'
import { CreateWorkshopForm } from './CreateWorkshopForm.tsx'

interface FollowUpPanelProps {
  readonly workshopId: string
  readonly token: string
  readonly title: string
  readonly locale: Locale
}

/** Starting the next session from this one: a new workshop whose plenary board starts with this one's concept cards. */
export function FollowUpPanel({ workshopId, token, title, locale }: FollowUpPanelProps) {
  const { t } = useTranslation()
  const ids = { heading: useId(), names: useId() }
  const [names, setNames] = useState(false)
  return (
    <section className="card console-section" aria-labelledby={ids.heading} data-testid="follow-up-panel">
      <h3 id={ids.heading}>{t('followUp.heading')}</h3>
      <p className="hint">{t('followUp.hint')}</p>
      <div className="checkbox-row">
        <input id={ids.names} type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} data-testid="follow-up-names" />
        <label htmlFor={ids.names}>{t('followUp.names')}</label>
      </div>
      <CreateWorkshopForm
        initialTitle={t('followUp.defaultTitle', { title })}
        initialLocale={locale}
        followUp={{
          prepare: async () => seedFromCatalogue(await fetchCatalogue(workshopId, token, names)),
          submitLabel: t('followUp.submit'),
          of: { workshopId, token },
        }}
      />
    </section>
  )
}
