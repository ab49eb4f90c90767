import { CloseCode } from '@werkraum/shared'
import { useTranslation } from 'react-i18next'
import type { CloseInfo } from '../sync/connectionMonitor.ts'

/** The server ended the connection for good: say why and what the person can do. */
export function FatalCloseBanner({ close }: { readonly close: CloseInfo }) {
  const { t } = useTranslation()
  const message = close.name !== undefined ? t(CloseCode[close.name].messageKey) : t('close.unknown', { code: String(close.code) })
  return (
    <div className="fatal-banner" role="alert" data-testid="fatal-close" data-close-code={close.code}>
      <h2>{t('close.fatalHeading')}</h2>
      <p>{message}</p>
      <p>{t('close.fatalHint')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('board.reload')}
      </button>
    </div>
  )
}
