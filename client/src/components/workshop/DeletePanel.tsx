import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../routing/useRoute.ts'
import { deleteWorkshop } from '../../workshop/api.ts'
import { forgetWorkshop } from '../../workshop/forget.ts'
import { ConfirmDialog } from './Dialogs.tsx'

/** Deleting the workshop and everything in it, after a confirmation. */
export function DeletePanel({ workshopId, token, title }: { readonly workshopId: string; readonly token: string; readonly title: string }) {
  const { t } = useTranslation()
  const headingId = useId()
  const [confirming, setConfirming] = useState(false)
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'deleting' } | { kind: 'failed'; message: string }>({ kind: 'idle' })

  const remove = async (): Promise<void> => {
    setState({ kind: 'deleting' })
    try {
      await deleteWorkshop(workshopId, token)
      await forgetWorkshop(workshopId)
      navigate('/?deleted=1', { replace: true })
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <section className="card console-section danger-zone" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('console.deleteHeading')}</h3>
      <p>{t('console.deleteText')}</p>
      <button type="button" className="button button--danger" disabled={state.kind === 'deleting'} onClick={() => setConfirming(true)} data-testid="delete-workshop">
        {state.kind === 'deleting' ? t('console.deleting') : t('console.deleteButton')}
      </button>
      {state.kind === 'failed' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog heading={t('console.deleteConfirmHeading', { title })} confirmLabel={t('console.deleteButton')} onConfirm={() => void remove()} onClose={() => setConfirming(false)}>
          <p>{t('console.deleteConfirmText')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
