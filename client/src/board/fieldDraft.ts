/**
 * A concept card field typed in on the canvas shows what this person typed,
 * not the board's copy, while it has the focus (issue #14).
 *
 * The board syncs whole records: when another browser writes the same card
 * while someone types (moves it, or grows its height), its older copy of the
 * text arrives a moment later. Shown in the field, it took back the letters
 * typed in between and threw the caret to the end. Held here, the field keeps
 * the typed text; the next key writes it again, and so does leaving the field
 * (or the card) if the board's copy still differs. It is not written back the
 * moment an older copy arrives: two people typing in the same field would
 * then overwrite each other for ever. Whoever leaves the field last wins.
 */
import { useEffect, useRef, useState } from 'react'

export interface FieldDraft {
  readonly value: string
  readonly onFocus: () => void
  readonly onChange: (next: string) => void
  readonly onBlur: () => void
}

export function useFieldDraft(stored: string, write: (next: string) => void): FieldDraft {
  const [draft, setDraft] = useState<string | null>(null)
  // Read when the field goes away: the latest of each, without a new effect per key.
  const latest = useRef({ draft, stored, typed: false, write })
  latest.current = { ...latest.current, draft, stored, write }

  const settle = (): void => {
    const { draft: typed, stored: now, typed: changed, write: save } = latest.current
    if (typed !== null && changed && typed !== now) save(typed)
  }
  // Leaving the card (Esc) removes the field without a blur.
  useEffect(() => settle, [])

  return {
    value: draft ?? stored,
    onFocus: () => {
      latest.current.typed = false
      setDraft(stored)
    },
    onChange: (next) => {
      latest.current.typed = true
      latest.current.draft = next
      setDraft(next)
      write(next)
    },
    onBlur: () => {
      settle()
      latest.current.typed = false
      setDraft(null)
    },
  }
}
