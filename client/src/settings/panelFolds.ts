/**
 * Which of a workshop's panels a person folded (issue #14, the phone layout):
 * the room's task, the agenda and the vote panel. Kept in this browser per
 * workshop, so that a panel folded to make room for the board stays folded
 * after a reload (the audit saw the agenda open again and the board get 0 px).
 */
import { useCallback, useState } from 'react'

const STORAGE_KEY = 'werkraum.panels'

export type Panel = 'task' | 'agenda' | 'vote'
const PANELS: readonly Panel[] = ['task', 'agenda', 'vote']

/** Per workshop id, per panel: open (true) or folded (false). Panels never touched are absent. */
type Folds = Record<string, Partial<Record<Panel, boolean>>>

/** What localStorage holds, with anything unexpected left out. */
export function parseFolds(raw: string | null): Folds {
  if (raw === null) return {}
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return {}
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {}
  const folds: Folds = {}
  for (const [workshopId, entry] of Object.entries(data)) {
    if (typeof entry !== 'object' || entry === null) continue
    const panels: Partial<Record<Panel, boolean>> = {}
    for (const panel of PANELS) {
      const open: unknown = (entry as Record<string, unknown>)[panel]
      if (typeof open === 'boolean') panels[panel] = open
    }
    folds[workshopId] = panels
  }
  return folds
}

function readFolds(): Folds {
  try {
    return parseFolds(localStorage.getItem(STORAGE_KEY))
  } catch {
    return {}
  }
}

function writeFolds(folds: Folds): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(folds))
  } catch {
    // Without storage (private mode, full) the choice lasts for this page.
  }
}

/** Whether the panel was left open, or `undefined` if this person never chose. */
export function storedOpen(workshopId: string, panel: Panel): boolean | undefined {
  return readFolds()[workshopId]?.[panel]
}

export function storeOpen(workshopId: string, panel: Panel, open: boolean): void {
  const folds = readFolds()
  folds[workshopId] = { ...folds[workshopId], [panel]: open }
  writeFolds(folds)
}

/** Forgets a workshop's panels (with the rest of the workshop, see forget.ts). */
export function forgetFolds(workshopId: string): void {
  const folds = readFolds()
  if (!(workshopId in folds)) return
  delete folds[workshopId]
  writeFolds(folds)
}

/**
 * The panel's open state and a setter that remembers it. `initial` is used
 * until the person chooses (a function, so that it is asked only then).
 */
export function usePanelOpen(workshopId: string, panel: Panel, initial: boolean | (() => boolean)): [boolean, (open: boolean) => void] {
  const [open, setOpenState] = useState(() => storedOpen(workshopId, panel) ?? (typeof initial === 'function' ? initial() : initial))
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next)
      storeOpen(workshopId, panel, next)
    },
    [workshopId, panel],
  )
  return [open, setOpen]
}

/**
 * Phones, and desktops at 200 % zoom or more, or short windows: the workshop's
 * chrome folds into one bar. The same query as `client/src/styles/layout.css`.
 */
export const COMPACT_LAYOUT_QUERY = '(max-width: 720px), (max-height: 560px)'

/** Whether the compact layout applies now (for first defaults only: the CSS decides what shows). */
export function isCompactLayout(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(COMPACT_LAYOUT_QUERY).matches
}
