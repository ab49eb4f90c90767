/**
 * Whether single-key shortcuts (tldraw's "r" for rectangle, "n" for note,
 * "?" for the key list …) are off in this browser (WCAG 2.1.4: someone who
 * speaks to the computer, or brushes a key, must be able to turn them off).
 * Kept in localStorage; shortcuts with Ctrl, Cmd or Alt stay.
 */
import { useSyncExternalStore } from 'react'

const STORAGE_KEY = 'werkraum.singleKeyShortcutsOff'
const listeners = new Set<() => void>()

export function singleKeyShortcutsOff(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    // Storage can be disabled (privacy settings): the shortcuts stay as tldraw has them.
    return false
  }
}

export function setSingleKeyShortcutsOff(off: boolean): void {
  try {
    if (off) localStorage.setItem(STORAGE_KEY, '1')
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Not kept across a reload then; nothing else to do.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSingleKeyShortcutsOff(): boolean {
  return useSyncExternalStore(subscribe, singleKeyShortcutsOff)
}
