import { useTranslation } from 'react-i18next'
import { useSiteInfo } from '../../site/useSiteInfo.ts'
import { ContactBlock } from './ContactBlock.tsx'
import { InfoShell } from './InfoShell.tsx'

const STORED = ['workshop', 'people', 'boards', 'votes', 'flow', 'quickBoards'] as const
const NOT_DONE = ['analytics', 'thirdParty', 'logs'] as const

/**
 * `/datenschutz`: what the server and the browser keep, where, for how long
 * (the server's own retention setting), what Werkraum never does, and how a
 * person deletes their data. Each sentence describes what the code does;
 * change it with the code.
 */
export function PrivacyPage() {
  const { t } = useTranslation()
  const site = useSiteInfo()
  const days = site.kind === 'ready' ? site.info.retentionDays : undefined
  return (
    <InfoShell title={t('privacyPage.pageTitle')} heading={t('privacyPage.heading')} testId="privacy-page">
      <p>{t('privacyPage.responsible')}</p>
      <ContactBlock site={site} />
      <h2>{t('privacyPage.serverHeading')}</h2>
      <ul>
        {STORED.map((item) => (
          <li key={item}>{t(`privacyPage.server.${item}`)}</li>
        ))}
      </ul>
      <h2>{t('privacyPage.whereHeading')}</h2>
      <p>{t('privacyPage.where')}</p>
      <h2>{t('privacyPage.browserHeading')}</h2>
      <p>{t('privacyPage.browser')}</p>
      <h2>{t('privacyPage.howLongHeading')}</h2>
      {days !== undefined ? (
        <p data-testid="retention">{days === 0 ? t('privacyPage.howLongNever') : t('privacyPage.howLongDays', { days: String(days) })}</p>
      ) : null}
      <p>{t('privacyPage.howLongAnyTime')}</p>
      <h2>{t('privacyPage.notHeading')}</h2>
      <ul>
        {NOT_DONE.map((item) => (
          <li key={item}>{t(`privacyPage.not.${item}`)}</li>
        ))}
      </ul>
      <h2>{t('privacyPage.deleteHeading')}</h2>
      <ul>
        <li>{t('privacyPage.delete.participant', { leave: t('workshop.leave') })}</li>
        <li>{t('privacyPage.delete.list', { remove: t('myWorkshops.remove') })}</li>
        <li>{t('privacyPage.delete.facilitator', { deleteWorkshop: t('console.deleteButton') })}</li>
      </ul>
      <h2>{t('privacyPage.rightsHeading')}</h2>
      <p>{t('privacyPage.rights')}</p>
    </InfoShell>
  )
}
