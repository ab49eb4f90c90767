/**
 * Whether a board is shown as the canvas or (beside it, on a phone instead
 * of it) as the list. Kept in this browser, so a reload and the next board
 * show what the person chose.
 */
import { useCallback, useState } from 'react'

export type BoardViewMode = 'canvas' | 'list'

const STORAGE_KEY = 'werkraum.boardView'

function stored(): BoardViewMode {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'list' ? 'list' : 'canvas'
  } catch {
    // Storage can be switched off: then the canvas, as before.
    return 'canvas'
  }
}

export function useBoardViewMode(): readonly [BoardViewMode, (mode: BoardViewMode) => void] {
  const [mode, setMode] = useState<BoardViewMode>(stored)
  const choose = useCallback((next: BoardViewMode) => {
    setMode(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not kept then; shown all the same.
    }
  }, [])
  return [mode, choose] as const
}
