import type { WorkshopCommand } from '@werkraum/shared/schemas'
import { useCallback, useState } from 'react'
import { sendCommand } from './api.ts'

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
        setError(failure instanceof Error ? failure.message : String(failure))
        return false
      } finally {
        setPending((n) => n - 1)
      }
    },
    [workshopId, token],
  )
  return { run, pending: pending > 0, error, clearError: useCallback(() => setError(undefined), []) }
}
