import type { SiteInfo } from '@werkraum/shared'
import type { Config } from './config.ts'

/**
 * The operator's contact and the retention period, as the accessibility
 * statement, the privacy page and the feedback link show them. Served as
 * JSON rather than written into index.html: the CSP allows no inline script.
 */
export function siteInfo(config: Config): SiteInfo {
  return {
    operator: config.OPERATOR_NAME ?? null,
    contactEmail: config.CONTACT_EMAIL ?? null,
    contactUrl: config.CONTACT_URL ?? null,
    retentionDays: config.WORKSHOP_RETENTION_DAYS,
  }
}
