import { useTranslation } from 'react-i18next'
import type { LoadState } from '../sync/boardSession.ts'

/** What the canvas area shows while the board is not (or cannot be) displayed. */
export function BoardStateMessage({ load }: { readonly load: LoadState }) {
  const { t } = useTranslation()
  switch (load.kind) {
    case 'loading':
    case 'ready':
      return (
        <div className="board-message" role="status" data-testid="board-loading">
          <span className="spinner" aria-hidden="true" />
          {t('board.loading')}
        </div>
      )
    case 'stored-newer':
      return (
        <div className="board-message board-message--problem" role="alert" data-testid="board-schema-newer">
          <p>{t('schema.newer')}</p>
          <ReloadButton />
        </div>
      )
    case 'failed':
      return (
        <div className="board-message board-message--problem" role="alert" data-testid="board-failed">
          <p>{t('schema.migrationFailed')}</p>
          <ReloadButton />
        </div>
      )
    default: {
      const unreachable: never = load
      return unreachable
    }
  }
}

function ReloadButton() {
  const { t } = useTranslation()
  return (
    <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
      {t('board.reload')}
    </button>
  )
}
