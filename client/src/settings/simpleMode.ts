/**
 * Simple mode (issue #14): large text and targets, only the tools a newcomer
 * needs. Whether it is on for the board being shown comes from this context;
 * the provider (WorkshopView, BoardView) decides from the person's own choice
 * in this browser and the workshop's default.
 */
import { createContext, useContext } from 'react'

export const SimpleModeContext = createContext<boolean>(false)

/** Whether simple mode is on where this component is shown. */
export function useSimpleMode(): boolean {
  return useContext(SimpleModeContext)
}
