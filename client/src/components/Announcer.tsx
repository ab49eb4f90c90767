/**
 * The one place where Werkraum speaks to screen readers about things that
 * happen by themselves (issue #14): a phase starts or ends, a minute is left,
 * the time is up, a vote opens or closes, the facilitator sends a message, the
 * person is moved to a room.
 *
 * Two regions, always in the page (a region inserted together with its text
 * is often not read): a polite one for everything and an assertive one for
 * the facilitator's message only. Each announcement is a line of its own,
 * appended and kept for `ANNOUNCEMENT_KEPT_MS`: two announcements close
 * together ("Die Zeit ist um.", then "… ist beendet.") are both read, and
 * neither replaces the other (a replaced text is heard as the second only).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

/** How long a line stays in its region: long enough to be read after whatever is being read now. */
export const ANNOUNCEMENT_KEPT_MS = 15_000
/** The same words again within this time are one announcement (two parts of the page noticing one event). */
const SAME_TEXT_MS = 1_000

export interface AnnounceOptions {
  /** Interrupts what is being read: only for the facilitator's message to everyone. */
  readonly assertive?: boolean
}

export type Announce = (text: string, options?: AnnounceOptions) => void

const AnnouncerContext = createContext<Announce>(() => undefined)

/** The function that announces; a no-op outside an `AnnouncerProvider`. */
export function useAnnounce(): Announce {
  return useContext(AnnouncerContext)
}

interface Line {
  readonly id: number
  readonly text: string
  readonly assertive: boolean
}

export function AnnouncerProvider({ children }: { readonly children: ReactNode }) {
  const [lines, setLines] = useState<readonly Line[]>([])
  const lastId = useRef(0)
  const recent = useRef(new Map<string, number>())
  const timeouts = useRef(new Set<ReturnType<typeof setTimeout>>())

  const announce = useCallback<Announce>((text, options = {}) => {
    const trimmed = text.trim()
    if (trimmed === '') return
    const assertive = options.assertive === true
    const key = `${assertive ? 'a' : 'p'}:${trimmed}`
    const now = Date.now()
    const said = recent.current.get(key)
    if (said !== undefined && now - said < SAME_TEXT_MS) return
    recent.current.set(key, now)
    const id = ++lastId.current
    setLines((list) => [...list, { id, text: trimmed, assertive }])
    // Each line leaves on its own clock, never earlier because another came: nothing is read when a line goes.
    const timeout = setTimeout(() => {
      timeouts.current.delete(timeout)
      setLines((list) => list.filter((line) => line.id !== id))
    }, ANNOUNCEMENT_KEPT_MS)
    timeouts.current.add(timeout)
  }, [])

  useEffect(() => {
    const pending = timeouts.current
    return () => {
      for (const timeout of pending) clearTimeout(timeout)
      pending.clear()
    }
  }, [])

  const polite = useMemo(() => lines.filter((line) => !line.assertive), [lines])
  const assertive = useMemo(() => lines.filter((line) => line.assertive), [lines])

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcements">
        {polite.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" data-testid="announcements-alert">
        {assertive.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
    </AnnouncerContext.Provider>
  )
}
