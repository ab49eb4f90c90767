import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink.tsx'
import { isLanguage } from '../../i18n/language.ts'
import { infoPath } from '../../routing/route.ts'
import { useSiteInfo } from '../../site/useSiteInfo.ts'
import { ContactBlock } from './ContactBlock.tsx'
import { InfoShell } from './InfoShell.tsx'

/** `/feedback`: the feedback way BITV 2.0 asks for, one link away from every screen. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation()
  const site = useSiteInfo()
  const language = isLanguage(i18n.language) ? i18n.language : 'en'
  return (
    <InfoShell title={t('feedbackPage.pageTitle')} heading={t('feedbackPage.heading')} testId="feedback-page">
      <p>{t('feedbackPage.intro')}</p>
      <ContactBlock site={site} />
      <p>{t('feedbackPage.whatToWrite')}</p>
      <p>
        {t('feedbackPage.more')}
        <AppLink href={infoPath('accessibility', language)}>{t('a11yStatement.heading')}</AppLink>
      </p>
    </InfoShell>
  )
}
