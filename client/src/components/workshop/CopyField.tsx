import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A link to hand out: readable, selectable, and copied with one button. The
 * "copied" confirmation goes to a polite live region.
 */
export function CopyField({ label, value, hint, testId }: { readonly label: string; readonly value: string; readonly hint?: string; readonly testId: string }) {
  const { t } = useTranslation()
  const inputId = useId()
  const hintId = useId()
  const [copied, setCopied] = useState<'yes' | 'failed'>()
  useEffect(() => {
    if (copied === undefined) return
    const timer = setTimeout(() => setCopied(undefined), 4000)
    return () => clearTimeout(timer)
  }, [copied])

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
    } catch {
      // Without clipboard permission the field is still there to select by hand.
      setCopied('failed')
    }
  }

  return (
    <div className="copy-field">
      <label htmlFor={inputId}>{label}</label>
      {hint !== undefined ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="copy-row">
        <input
          id={inputId}
          type="text"
          readOnly
          value={value}
          aria-describedby={hint !== undefined ? hintId : undefined}
          onFocus={(event) => event.target.select()}
          data-testid={testId}
        />
        <button type="button" className="button" onClick={() => void copy()} aria-label={t('console.copyOf', { label })}>
          {t('console.copy')}
        </button>
      </div>
      <p className="copy-status" role="status">
        {copied === 'yes' ? t('console.copied') : copied === 'failed' ? t('console.copyFailed') : ''}
      </p>
    </div>
  )
}
