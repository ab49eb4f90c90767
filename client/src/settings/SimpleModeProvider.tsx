/**
 * Provides simple mode to what it wraps and marks the page root
 * (`<html data-simple="true">`) so that CSS can scale text and targets,
 * dialogs and tldraw's menus included. The app has one provider for every
 * page (the person's own choice); a workshop's view nests one that also
 * knows the workshop's default. The innermost mounted provider decides the
 * attribute.
 */
import { createContext, useContext, useEffect, useId, type ReactNode } from 'react'
import { SimpleModeContext, resolveSimpleMode, useSimpleChoice } from './simpleMode.ts'

const DepthContext = createContext(0)

interface SimpleModeProviderProps {
  /** The workshop's default (its control state), for people who have not chosen; undefined outside workshops. */
  readonly workshopDefault?: boolean | undefined
  readonly children: ReactNode
}

export function SimpleModeProvider({ workshopDefault, children }: SimpleModeProviderProps) {
  const choice = useSimpleChoice()
  const on = resolveSimpleMode(choice, workshopDefault)
  const depth = useContext(DepthContext) + 1
  const id = useId()
  useEffect(() => {
    mounted.set(id, { depth, on })
    applyAttribute()
    return () => {
      mounted.delete(id)
      applyAttribute()
    }
  }, [id, depth, on])
  return (
    <DepthContext.Provider value={depth}>
      <SimpleModeContext.Provider value={on}>{children}</SimpleModeContext.Provider>
    </DepthContext.Provider>
  )
}

const mounted = new Map<string, { depth: number; on: boolean }>()

function applyAttribute(): void {
  let innermost: { depth: number; on: boolean } | undefined
  for (const entry of mounted.values()) if (innermost === undefined || entry.depth >= innermost.depth) innermost = entry
  if (innermost?.on === true) document.documentElement.dataset.simple = 'true'
  else delete document.documentElement.dataset.simple
}
