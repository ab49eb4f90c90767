import { afterOf, roomOf, runningBreakout, type Facilitation, type Role } from '@werkraum/shared'
import { useEffect, useRef } from 'react'
import { workshopPath, type WorkshopSubview } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'

/** The room a participant is in now: its board, and the phase whose breakout it belongs to. */
interface RoomNow {
  readonly boardId: string
  readonly phaseId: string
}

/**
 * Takes a participant to where the next step happens: into their room when a
 * breakout starts (or they are moved), and when it ends to where the phase's
 * plan says: the gallery of its results (the default), the plenary board, or
 * nowhere (they stay on their room's board, now read-only). Only a change
 * seen while the page is open moves anyone: a reload after the end stays
 * where it is. Facilitators and moderators move about on their own.
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
  const room: RoomNow | undefined = running !== undefined && roomBoardId !== undefined ? { boardId: roomBoardId, phaseId: running.phaseId } : undefined
  const previous = useRef<RoomNow | undefined>(room)
  const path = workshopPath(workshopId, subview)

  useEffect(() => {
    const before = previous.current
    previous.current = room
    if (role !== 'participant' || facilitation === undefined || before?.boardId === room?.boardId) return
    if (room !== undefined) {
      navigate(workshopPath(workshopId, { kind: 'board', boardId: room.boardId }))
      return
    }
    if (before === undefined) return
    const destination = landingAfterBreakout(workshopId, facilitation, before.phaseId)
    if (destination !== undefined && destination !== path) navigate(destination)
    // `room` is left out of the dependencies: it is a new object each render; its board is in them.
  }, [roomBoardId, role, facilitation, workshopId, path])
}

/**
 * Where a participant goes when the breakout of `phaseId` ends, as its plan
 * says: the gallery of its results, the plenary (the first board), or nowhere
 * (`stay`: the room's board, now read-only).
 */
export function landingAfterBreakout(workshopId: string, facilitation: Facilitation, phaseId: string): string | undefined {
  const after = afterOf(facilitation.phases.find((p) => p.id === phaseId)?.breakout)
  switch (after) {
    case 'gallery':
      return workshopPath(workshopId, { kind: 'results', phaseId })
    case 'plenary':
      return workshopPath(workshopId)
    case 'stay':
      return undefined
    default: {
      const unreachable: never = after
      return unreachable
    }
  }
}
