/**
 * Simple mode (issue #14): large text and targets, only the tools a newcomer
 * needs. Whether it is on for the board being shown comes from this context;
 * the provider (WorkshopView, BoardView) decides from the person's own choice
 * in this browser and the workshop's default.
 *
 * The choice is kept in this browser only (nothing about the person goes to
 * the server), for every board and workshop alike: someone who needs large
 * targets needs them everywhere. Until they choose, they follow the workshop.
 */
import { createContext, useContext, useSyncExternalStore } from 'react'

export const SimpleModeContext = createContext<boolean>(false)

/** Whether simple mode is on where this component is shown. */
export function useSimpleMode(): boolean {
  return useContext(SimpleModeContext)
}

/** A person's own choice: on, off, or whatever the workshop's facilitator made the default. */
export type SimpleChoice = 'on' | 'off' | 'workshop'

export const SIMPLE_MODE_STORAGE_KEY = 'werkraum.simpleMode'

/** Whether simple mode is on: one's own choice wins; without one, the workshop's default (off outside workshops). */
export function resolveSimpleMode(choice: SimpleChoice, workshopDefault: boolean | undefined): boolean {
  switch (choice) {
    case 'on':
      return true
    case 'off':
      return false
    case 'workshop':
      return workshopDefault === true
    default: {
      const unknown: never = choice
      throw new Error(`unknown simple-mode choice ${String(unknown)}`)
    }
  }
}

/** Reads what this browser holds; anything unexpected (or storage switched off) counts as "follow the workshop". */
export function storedSimpleChoice(): SimpleChoice {
  try {
    const value = localStorage.getItem(SIMPLE_MODE_STORAGE_KEY)
    return value === 'on' || value === 'off' ? value : 'workshop'
  } catch {
    return 'workshop'
  }
}

const listeners = new Set<() => void>()

/** Keeps the choice in this browser; every mounted provider (and other tabs, through `storage` events) follows at once. */
export function setSimpleChoice(choice: SimpleChoice): void {
  try {
    if (choice === 'workshop') localStorage.removeItem(SIMPLE_MODE_STORAGE_KEY)
    else localStorage.setItem(SIMPLE_MODE_STORAGE_KEY, choice)
  } catch {
    // Storage switched off: the choice holds until the page closes.
    memoryChoice = choice
  }
  for (const listener of listeners) listener()
}

let memoryChoice: SimpleChoice | undefined

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent): void => {
    if (event.key === SIMPLE_MODE_STORAGE_KEY || event.key === null) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

function snapshot(): SimpleChoice {
  return memoryChoice ?? storedSimpleChoice()
}

/** This browser's own choice, updated when it changes here or in another tab. */
export function useSimpleChoice(): SimpleChoice {
  return useSyncExternalStore(subscribe, snapshot, () => 'workshop')
}
