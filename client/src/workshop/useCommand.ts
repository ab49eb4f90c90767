import type { WorkshopCommand } from '@werkraum/shared/schemas'
import { useCallback, useState } from 'react'
import { i18next } from '../i18n/index.ts'
import { ApiCallError, sendCommand } from './api.ts'

/**
 * The client's own words for refusals a facilitator can act on (what to
 * change in the plan); every other code shows the server's message, which it
 * writes in the language we ask for.
 */
const COMMAND_ERRORS = {
  invalid_source: 'commandErrors.invalid_source',
  results_not_ready: 'commandErrors.results_not_ready',
  already_brought: 'commandErrors.already_brought',
} as const

/** The text to show for a refused command. */
export function commandErrorText(failure: unknown): string {
  if (failure instanceof ApiCallError && Object.hasOwn(COMMAND_ERRORS, failure.code)) {
    return i18next.t(COMMAND_ERRORS[failure.code as keyof typeof COMMAND_ERRORS])
  }
  return failure instanceof Error ? failure.message : String(failure)
}

export interface CommandRunner {
  /** Sends one command; resolves to whether the server accepted it. */
  run(command: WorkshopCommand): Promise<boolean>
  readonly pending: boolean
  /** The server's message for the last refused command, in the page's language. */
  readonly error: string | undefined
  clearError(): void
}

/**
 * Facilitator actions go to the server as commands; their effect comes back
 * through the control document, so nothing here changes local state on success.
 */
export function useCommand(workshopId: string, token: string): CommandRunner {
  const [pending, setPending] = useState(0)
  const [error, setError] = useState<string>()
  const run = useCallback(
    async (command: WorkshopCommand): Promise<boolean> => {
      setPending((n) => n + 1)
      setError(undefined)
      try {
        await sendCommand(workshopId, token, command)
        return true
      } catch (failure) {
        setError(commandErrorText(failure))
        return false
      } finally {
        setPending((n) => n - 1)
      }
    },
    [workshopId, token],
  )
  return { run, pending: pending > 0, error, clearError: useCallback(() => setError(undefined), []) }
}
