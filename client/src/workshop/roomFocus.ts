/**
 * Where the keyboard goes after a move to another room (issue #14): to the
 * new room's heading, not to the top of the page. The move is noticed in
 * `useBreakoutNavigation`; the heading appears a render later, in
 * `RoomHeader`, which takes the request for its own board.
 */
let pendingBoardId: string | undefined

export function requestRoomHeadingFocus(boardId: string): void {
  pendingBoardId = boardId
}

/** True once for the board whose heading should take the focus. */
export function takeRoomHeadingFocus(boardId: string): boolean {
  if (pendingBoardId !== boardId) return false
  pendingBoardId = undefined
  return true
}

/** Marks an element that took the focus on purpose after a navigation (App.tsx leaves it there). */
export const NAVIGATION_FOCUS_ATTRIBUTE = 'data-navigation-focus'
