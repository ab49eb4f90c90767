import { roomOf, runningBreakout, type Facilitation, type Role } from '@werkraum/shared'
import { useEffect, useRef } from 'react'
import { workshopPath, type WorkshopSubview } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'

/**
 * Takes a participant to where the next step happens: into their room when a
 * breakout starts (or they are moved), back to the plenary when it ends.
 * Facilitators and moderators move about on their own.
 */
export function useBreakoutNavigation(
  workshopId: string,
  participantId: string,
  role: Role,
  facilitation: Facilitation | undefined,
  subview: WorkshopSubview,
): void {
  const running = facilitation ? runningBreakout(facilitation.breakouts) : undefined
  const roomId = running ? roomOf(running.assignment, participantId) : undefined
  const roomBoardId = running?.rooms.find((r) => r.id === roomId)?.boardId
  const previous = useRef<string | undefined>(roomBoardId)
  const viewingBoard = subview.kind === 'board' ? subview.boardId : undefined

  useEffect(() => {
    const before = previous.current
    previous.current = roomBoardId
    if (role !== 'participant' || facilitation === undefined || before === roomBoardId) return
    if (roomBoardId !== undefined) navigate(workshopPath(workshopId, { kind: 'board', boardId: roomBoardId }))
    else if (before !== undefined && viewingBoard === before) navigate(workshopPath(workshopId))
  }, [roomBoardId, role, facilitation, workshopId, viewingBoard])
}
