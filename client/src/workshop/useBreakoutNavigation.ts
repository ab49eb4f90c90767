import { afterOf, roomOf, runningBreakout, type Facilitation, type Role } from '@werkraum/shared'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../components/Announcer.tsx'
import { workshopPath, type WorkshopSubview } from '../routing/route.ts'
import { navigate } from '../routing/useRoute.ts'
import { requestRoomHeadingFocus } from './roomFocus.ts'

/** The room a participant is in now: its board, and the phase whose breakout it belongs to. */
interface RoomNow {
  readonly boardId: string
  readonly phaseId: string
  readonly title: string
}

/**
 * Takes a participant to where the next step happens: into their room when a
 * breakout starts (or they are moved), and when it ends to where the phase's
 * plan says: the gallery of its results (the default), the plenary board, or
 * nowhere (they stay on their room's board, now read-only). Only a change
 * seen while the page is open moves anyone: a reload after the end stays
 * where it is. Facilitators and moderators move about on their own.
 * A move into a room is announced, and the keyboard lands on the room's heading.
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
  const runningRoom = running?.rooms.find((r) => r.id === roomId)
  const roomBoardId = runningRoom?.boardId
  const room: RoomNow | undefined =
    running !== undefined && runningRoom !== undefined && roomBoardId !== undefined ? { boardId: roomBoardId, phaseId: running.phaseId, title: runningRoom.title } : undefined
  const previous = useRef<RoomNow | undefined>(room)
  const path = workshopPath(workshopId, subview)
  const { t } = useTranslation()
  const announce = useAnnounce()

  useEffect(() => {
    const before = previous.current
    previous.current = room
    if (role !== 'participant' || facilitation === undefined || before?.boardId === room?.boardId) return
    if (room !== undefined) {
      requestRoomHeadingFocus(room.boardId)
      navigate(workshopPath(workshopId, { kind: 'board', boardId: room.boardId }))
      announce(t('keys.movedToRoom', { title: room.title }))
      return
    }
    if (before === undefined) return
    const destination = landingAfterBreakout(workshopId, facilitation, before.phaseId)
    if (destination !== undefined && destination !== path) navigate(destination)
    // `room` is left out of the dependencies: it is a new object each render; its board is in them.
  }, [roomBoardId, role, facilitation, workshopId, path, t, announce])
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
