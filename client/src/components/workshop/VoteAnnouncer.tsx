import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlVote } from '../../workshop/controlState.ts'

/**
 * Says politely when a vote opens and when it closes, once each, wherever
 * the person is in the workshop. Votes that were already open or closed when
 * the page loaded are not announced.
 */
export function VoteAnnouncer({ votes }: { readonly votes: readonly ControlVote[] | undefined }) {
  const { t } = useTranslation()
  const [announcement, setAnnouncement] = useState('')
  const known = useRef<ReadonlyMap<string, ControlVote['status']> | undefined>(undefined)
  useEffect(() => {
    if (votes === undefined) return
    const before = known.current
    known.current = new Map(votes.map((v) => [v.id, v.status]))
    if (before === undefined) return
    const said: string[] = []
    for (const vote of votes) {
      const was = before.get(vote.id)
      if (vote.status === 'open' && was === undefined) said.push(t('votes.announceOpened', { title: vote.title }))
      if (vote.status === 'closed' && was !== 'closed') said.push(t('votes.announceClosed', { title: vote.title }))
    }
    if (said.length === 0) return
    // Cleared first, so that the same words a second time are read again.
    setAnnouncement('')
    // Not cancelled by the next change of the votes: that would swallow the words.
    requestAnimationFrame(() => setAnnouncement(said.join(' ')))
  }, [votes, t])
  // Always in the page: a region inserted together with its text is often not read out.
  return (
    <p className="visually-hidden" role="status" data-testid="vote-announcement">
      {announcement}
    </p>
  )
}
