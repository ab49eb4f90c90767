/**
 * Says politely when others add notes, texts or cards to the board (issue
 * #14): a screen reader user does not see them appear. Gathered over
 * `ARRIVAL_BATCH_MS` into one announcement ("3 neue Notizen von Ada und
 * Ben"), so a busy board is not read out note by note. Only what arrives
 * from other browsers and names a writer other than this person: a template
 * laid out by another browser names nobody.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLRecord } from 'tldraw'
import { useAnnounce } from '../../components/Announcer.tsx'
import { authorsOf } from '../authorship.ts'
import { ARRIVAL_BATCH_MS, LISTED_TYPES, NO_ARRIVALS, addArrivals, type Arrivals } from './boardList.ts'

interface ArrivalAnnouncerProps {
  readonly editor: Editor | undefined
  /** This person's id: what they wrote in another tab is not news to them. */
  readonly selfId: string
}

/** Listens while the board is shown; says it through the page's one announcer (its polite region), so it never replaces another announcement. */
export function ArrivalAnnouncer({ editor, selfId }: ArrivalAnnouncerProps) {
  const { t, i18n } = useTranslation()
  const announce = useAnnounce()
  const announceRef = useRef(announce)
  announceRef.current = announce
  const self = useRef(selfId)
  self.current = selfId
  const words = useRef({ t, language: i18n.language })
  words.current = { t, language: i18n.language }

  useEffect(() => {
    if (editor === undefined) return
    let pending: Arrivals = NO_ARRIVALS
    let timer: ReturnType<typeof setTimeout> | undefined
    const announce = (): void => {
      timer = undefined
      const { count, names } = pending
      pending = NO_ARRIVALS
      const { t, language } = words.current
      const who = new Intl.ListFormat(language, { type: 'conjunction' }).format(names)
      announceRef.current(t('listView.arrived', { count, names: who }))
    }
    const stop = editor.store.listen(
      ({ changes }) => {
        let count = 0
        const names: string[] = []
        for (const record of Object.values(changes.added) as TLRecord[]) {
          if (record.typeName !== 'shape' || !LISTED_TYPES.includes(record.type)) continue
          const authors = authorsOf(record.meta)
          if (authors.length === 0 || authors.some((a) => a.id === self.current)) continue
          count++
          names.push(...authors.map((a) => a.name))
        }
        if (count === 0) return
        pending = addArrivals(pending, count, names)
        timer ??= setTimeout(announce, ARRIVAL_BATCH_MS)
      },
      { source: 'remote', scope: 'document' },
    )
    return () => {
      stop()
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [editor])

  return null
}
