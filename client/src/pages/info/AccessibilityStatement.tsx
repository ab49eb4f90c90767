import { useTranslation } from 'react-i18next'
import { useSiteInfo } from '../../site/useSiteInfo.ts'
import { ContactBlock } from './ContactBlock.tsx'
import { InfoShell } from './InfoShell.tsx'

/** When Werkraum's self-assessment behind this statement was made; change it with every new assessment. */
export const STATEMENT_DATE = new Date(Date.UTC(2026, 11, 8))

const GAPS = ['pointer', 'drawings', 'watermark', 'library', 'time', 'others'] as const

/** The conciliation body's own site: a link the person may follow; nothing is loaded from it. */
const SCHLICHTUNGSSTELLE_URL = 'https://www.schlichtungsstelle-bgg.de'

/**
 * `/barrierefreiheit`: the accessibility statement in the structure of the
 * EU model statement (Implementing Decision (EU) 2018/1523) that BITV 2.0
 * asks for: status of compliance with the known gaps, date, feedback and
 * contact, and the enforcement procedure.
 */
export function AccessibilityStatement() {
  const { t, i18n } = useTranslation()
  const site = useSiteInfo()
  const operator = site.kind === 'ready' && site.info.operator !== null ? site.info.operator : t('a11yStatement.theOperator')
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(STATEMENT_DATE)
  return (
    <InfoShell title={t('a11yStatement.pageTitle')} heading={t('a11yStatement.heading')} testId="accessibility-statement">
      <p>{t('a11yStatement.intro', { operator, origin: window.location.origin })}</p>
      <h2>{t('a11yStatement.statusHeading')}</h2>
      <p data-testid="conformance-status">{t('a11yStatement.status')}</p>
      <h2>{t('a11yStatement.gapsHeading')}</h2>
      <p>{t('a11yStatement.gapsIntro')}</p>
      <ul>
        {GAPS.map((gap) => (
          <li key={gap}>{t(`a11yStatement.gaps.${gap}`)}</li>
        ))}
      </ul>
      <p>{t('a11yStatement.alternatives')}</p>
      <h2>{t('a11yStatement.preparationHeading')}</h2>
      <p>{t('a11yStatement.preparation', { date })}</p>
      <h2 id="feedback">{t('a11yStatement.feedbackHeading')}</h2>
      <p>{t('a11yStatement.feedback')}</p>
      <ContactBlock site={site} />
      <h2>{t('a11yStatement.enforcementHeading')}</h2>
      <p>{t('a11yStatement.enforcement')}</p>
      <p>{t('a11yStatement.enforcementContact')}</p>
      <p>
        <a href={SCHLICHTUNGSSTELLE_URL} rel="noreferrer">
          {t('a11yStatement.enforcementWeb')}
        </a>
      </p>
      <p>{t('a11yStatement.enforcementLand')}</p>
    </InfoShell>
  )
}
