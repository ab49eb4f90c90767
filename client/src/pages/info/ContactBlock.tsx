import { useTranslation } from 'react-i18next'
import type { SiteInfoState } from '../../site/useSiteInfo.ts'

/**
 * The operator's name, e-mail address and contact form, from the server's
 * settings. Without them the page says so, tells the operator where to set
 * them, and tells everyone else whom to ask meanwhile.
 */
export function ContactBlock({ site }: { readonly site: SiteInfoState }) {
  const { t } = useTranslation()
  if (site.kind === 'loading') {
    return (
      <p className="hint" role="status">
        {t('siteInfo.loading')}
      </p>
    )
  }
  if (site.kind === 'failed') return <p role="alert">{t('siteInfo.unreachable')}</p>
  const { operator, contactEmail, contactUrl } = site.info
  const missing = contactEmail === null && contactUrl === null
  return (
    <div className="site-contact" data-testid="site-contact">
      {operator !== null ? <p data-testid="site-operator">{t('siteInfo.operator', { operator })}</p> : null}
      {contactEmail !== null ? (
        <p>
          {t('siteInfo.email')}
          <a href={`mailto:${contactEmail}`} data-testid="site-contact-email">
            {contactEmail}
          </a>
        </p>
      ) : null}
      {contactUrl !== null ? (
        <p>
          {t('siteInfo.web')}
          <a href={contactUrl} data-testid="site-contact-url">
            {contactUrl}
          </a>
        </p>
      ) : null}
      {missing || operator === null ? (
        <div className="site-contact-missing" data-testid="site-contact-missing">
          <p>{t('siteInfo.operatorMissing')}</p>
          {missing ? <p>{t('siteInfo.noContactFallback')}</p> : null}
          <p className="hint">{t('siteInfo.operatorMissingHint')}</p>
        </div>
      ) : null}
    </div>
  )
}
