import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlVote } from '../../workshop/controlState.ts'
import { useAnnounce } from '../Announcer.tsx'

/**
 * Says politely when a vote opens and when it closes, once each, wherever
 * the person is in the workshop (through the page's announcer, Announcer.tsx).
 * Votes that were already open or closed when the page loaded are not announced.
 */
export function VoteAnnouncer({ votes }: { readonly votes: readonly ControlVote[] | undefined }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const known = useRef<ReadonlyMap<string, ControlVote['status']> | undefined>(undefined)
  useEffect(() => {
    if (votes === undefined) return
    const before = known.current
    known.current = new Map(votes.map((v) => [v.id, v.status]))
    if (before === undefined) return
    for (const vote of votes) {
      const was = before.get(vote.id)
      if (vote.status === 'open' && was === undefined) announce(t('votes.announceOpened', { title: vote.title }))
      if (vote.status === 'closed' && was !== 'closed') announce(t('votes.announceClosed', { title: vote.title }))
    }
  }, [votes, t, announce])
  return null
}
