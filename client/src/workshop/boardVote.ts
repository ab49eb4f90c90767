/**
 * Which vote a board shows, and what the vote is about on the other boards
 * (issue #13: everyone votes from where they are).
 */
import { useCallback, useEffect, useState } from 'react'
import { fetchVoteItems, type VoteItemsBoard } from './api.ts'
import type { ControlVote } from './controlState.ts'

/** How often an open vote's items on other boards are read again (people keep writing while others vote). */
export const VOTE_ITEMS_REFRESH_MS = 10_000

/**
 * The vote to show on `boardId`: the open one, whichever boards it is about;
 * once it closes, still that one (as closed, with its ranking) for whoever saw
 * it open here, until they dismiss it; else the last vote about this board.
 * The component using this is mounted once per board visit.
 */
export function useBoardVote(votes: readonly ControlVote[], boardId: string): { readonly vote: ControlVote | undefined; readonly dismiss: (() => void) | undefined } {
  const open = votes.find((v) => v.status === 'open')
  const [seen, setSeen] = useState<string>()
  const [dismissed, setDismissed] = useState<string>()
  // Remembered during render, so that the close shows at once, in the same frame.
  if (open !== undefined && seen !== open.id) setSeen(open.id)
  const dismiss = useCallback(() => setDismissed(seen), [seen])
  if (open !== undefined) return { vote: open, dismiss: undefined }
  const seenVote = votes.find((v) => v.id === seen)
  const about = votes.filter((v) => v.boardIds.includes(boardId)).at(-1)
  if (seenVote !== undefined) {
    // On its own boards it stays (as before); elsewhere until dismissed.
    if (dismissed === seenVote.id) return { vote: undefined, dismiss: undefined }
    return { vote: seenVote, dismiss: seenVote.boardIds.includes(boardId) ? undefined : dismiss }
  }
  // A closed vote about this board: its ranking, once its counts are out.
  return { vote: about?.counts !== undefined ? about : undefined, dismiss: undefined }
}

/**
 * The boards an open vote runs on, with their items, as the server reads them:
 * when the vote opens, when its state in the control document changes (a
 * ballot, the close), and every `VOTE_ITEMS_REFRESH_MS` while it is open.
 * Undefined until the first answer.
 */
export function useVoteItems(workshopId: string, token: string, vote: ControlVote): readonly VoteItemsBoard[] | undefined {
  const [boards, setBoards] = useState<readonly VoteItemsBoard[]>()
  const [round, setRound] = useState(0)
  const open = vote.status === 'open'
  useEffect(() => {
    if (!open) return
    const timer = setInterval(() => setRound((n) => n + 1), VOTE_ITEMS_REFRESH_MS)
    return () => clearInterval(timer)
  }, [open])
  // Not the counts: every ballot would make every browser read every target board again.
  const stateKey = `${vote.id} ${vote.status} ${vote.boardIds.join(',')}`
  useEffect(() => {
    if (!open) return
    const abort = new AbortController()
    fetchVoteItems(workshopId, token, vote.id, abort.signal)
      .then(setBoards)
      // Not reachable now: the list stays as it was, the next round tries again.
      .catch(() => undefined)
    return () => abort.abort()
  }, [workshopId, token, vote.id, open, stateKey, round])
  return boards
}
