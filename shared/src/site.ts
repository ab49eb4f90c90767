/**
 * What the operator of a Werkraum server says about themselves, for the
 * accessibility statement, the privacy page and the feedback link (issue 14).
 * Read from the server's settings and served at `SITE_INFO_PATH`; the schema
 * is `SiteInfoSchema` in `@werkraum/shared/schemas`.
 */
export interface SiteInfo {
  /** Who runs this server (`OPERATOR_NAME`), or null when not set. */
  readonly operator: string | null
  /** Where feedback and privacy questions go (`CONTACT_EMAIL`), or null. */
  readonly contactEmail: string | null
  /** A contact or feedback form of the operator (`CONTACT_URL`, http or https), or null. */
  readonly contactUrl: string | null
  /** Days after which an untouched workshop is deleted (`WORKSHOP_RETENTION_DAYS`); 0 keeps workshops. */
  readonly retentionDays: number
}

export const SITE_INFO_PATH = '/api/site'

export const SiteLimits = {
  MAX_OPERATOR_CHARS: 200,
  MAX_CONTACT_CHARS: 500,
} as const
