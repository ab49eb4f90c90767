import type { Breakout } from '@werkraum/shared'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { workshopPath } from '../../routing/route.ts'
import { AppLink } from '../AppLink.tsx'
import { ApiCallError, sendCommand } from '../../workshop/api.ts'
import type { ControlBoard } from '../../workshop/controlState.ts'

interface BringResultsProps {
  readonly workshopId: string
  readonly token: string
  readonly breakout: Breakout
  /** Where the results go: the plenary (the first board of the list). */
  readonly target: ControlBoard | undefined
  /** Every board, to name the one the results were brought to. */
  readonly boards: readonly ControlBoard[]
}

/** Refusals a facilitator can meet here, said so that they know what to do. */
const KNOWN_REFUSALS = ['results_not_ready', 'already_brought'] as const

/**
 * "Bring the results into the plenary": the server copies every room's
 * concept cards (and, if asked, its notes) onto the plenary board, one frame
 * per room. Once done, this says where they are instead of offering it again.
 */
export function BringResults({ workshopId, token, breakout, target, boards }: BringResultsProps) {
  const { t } = useTranslation()
  const notesId = useId()
  const hintId = useId()
  const [notes, setNotes] = useState(false)
  const [pending, setPending] = useState(false)
  const [done, setDone] = useState<string>()
  const [error, setError] = useState<string>()
  const broughtTo = breakout.broughtTo ?? done
  const broughtBoard = boards.find((b) => b.id === broughtTo)
  const statusRef = useRef<HTMLDivElement>(null)
  /**
   * Set while a click is being answered: when the results are there the form
   * and its focused button go away, so focus must go somewhere useful. (The
   * control document may say so before the command's answer arrives.)
   */
  const focusOutcome = useRef(false)

  useEffect(() => {
    if (broughtTo === undefined || !focusOutcome.current) return
    focusOutcome.current = false
    // Only if focus fell with the removed button (to the page body); someone who tabbed on keeps their place.
    const active = document.activeElement
    if (active !== null && active !== document.body) return
    statusRef.current?.querySelector<HTMLElement>('[data-testid="bring-results-open"]')?.focus()
  }, [broughtTo])

  const bring = async (): Promise<void> => {
    if (target === undefined || pending) return
    setPending(true)
    setError(undefined)
    focusOutcome.current = true
    try {
      await sendCommand(workshopId, token, { type: 'bringResults', phaseId: breakout.phaseId, boardId: target.id, notes })
      setDone(target.id)
    } catch (failure) {
      focusOutcome.current = false
      const code = failure instanceof ApiCallError ? failure.code : ''
      const known = KNOWN_REFUSALS.find((c) => c === code)
      setError(known !== undefined ? t(`gallery.errors.${known}`) : failure instanceof Error ? failure.message : String(failure))
    } finally {
      setPending(false)
    }
  }

  return (
    <div className="bring-results" data-testid="bring-results">
      {broughtTo === undefined && breakout.status === 'ended' && target !== undefined ? (
        <div className="bring-results-form">
          <span className="checkbox-row">
            <input id={notesId} type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} data-testid="bring-results-notes" />
            <label htmlFor={notesId}>{t('gallery.withNotes')}</label>
          </span>
          <button type="button" className="button" aria-disabled={pending || undefined} aria-describedby={hintId} onClick={() => void bring()} data-testid="bring-results-button">
            {t('gallery.bring')}
          </button>
          <p className="hint" id={hintId}>
            {t('gallery.bringHint', { board: target.title })}
          </p>
        </div>
      ) : null}
      {/* Always in the page, so that screen readers announce the outcome when it appears. */}
      <div role="status" data-testid="bring-results-status" ref={statusRef}>
        {broughtTo !== undefined ? (
          <p>
            {t('gallery.brought', { board: broughtBoard?.title ?? t('gallery.someBoard') })}{' '}
            <AppLink className="button button--small" href={workshopPath(workshopId, { kind: 'board', boardId: broughtTo })} data-testid="bring-results-open">
              {t('gallery.openBoard', { board: broughtBoard?.title ?? t('gallery.someBoard') })}
            </AppLink>
          </p>
        ) : null}
      </div>
      <div role="alert" className="console-error" data-testid="bring-results-error">
        {error !== undefined ? <p>{error}</p> : null}
      </div>
    </div>
  )
}
