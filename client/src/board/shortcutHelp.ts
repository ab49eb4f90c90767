/**
 * Whether the list of keys (ShortcutHelp.tsx) is open. Opened by its button
 * in the board toolbar or by "?" on the canvas (canvasKeys.ts), which do not
 * share a React parent, so the state lives here.
 */
import { useSyncExternalStore } from 'react'

let open = false
const listeners = new Set<() => void>()

function set(next: boolean): void {
  if (open === next) return
  open = next
  for (const listener of listeners) listener()
}

export function openShortcutHelp(): void {
  set(true)
}

export function closeShortcutHelp(): void {
  set(false)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useShortcutHelpOpen(): boolean {
  return useSyncExternalStore(subscribe, () => open)
}
