/**
 * Who may do what in a workshop (issue #3). Pure rules, shared so that the
 * client can show what the server will enforce; the server alone decides.
 */

export const ROLES = ['facilitator', 'moderator', 'participant', 'observer'] as const
export type Role = (typeof ROLES)[number]

/** Kinds of Yjs document a workshop has. Breakout boards come with a later issue. */
export type DocumentKind = 'board' | 'control'

export type DocumentAccess = 'write' | 'read'

/** What the server knows about a board when it decides access. */
export interface BoardAccessState {
  /** A locked board is read-only for participants. */
  readonly locked: boolean
  /**
   * While a breakout runs (issue #4), participants write only on their own
   * room's board: `true` for that board, `false` for every other. Undefined
   * outside breakouts.
   */
  readonly ownRoomDuringBreakout?: boolean
}

/**
 * Access of a role to a document. The control document (agenda, timer, rooms,
 * votes) is written only by the server, so every client reads it; facilitators
 * change it through commands.
 */
export function documentAccess(role: Role, kind: DocumentKind, board: BoardAccessState = { locked: false }): DocumentAccess {
  switch (kind) {
    case 'control':
      return 'read'
    case 'board':
      switch (role) {
        case 'facilitator':
        case 'moderator':
          return 'write'
        case 'participant':
          if (board.ownRoomDuringBreakout === false) return 'read'
          return board.locked ? 'read' : 'write'
        case 'observer':
          return 'read'
        default: {
          const unknownRole: never = role
          throw new Error(`unknown role ${String(unknownRole)}`)
        }
      }
    default: {
      const unknownKind: never = kind
      throw new Error(`unknown document kind ${String(unknownKind)}`)
    }
  }
}

export interface RolePermissions {
  /** Send workshop-control commands (agenda, timer, rooms, votes, locks). */
  readonly command: boolean
  readonly manageBoards: boolean
  readonly managePeople: boolean
  readonly export: boolean
}

const PERMISSIONS: Record<Role, RolePermissions> = {
  facilitator: { command: true, manageBoards: true, managePeople: true, export: true },
  moderator: { command: false, manageBoards: true, managePeople: false, export: true },
  participant: { command: false, manageBoards: false, managePeople: false, export: false },
  observer: { command: false, manageBoards: false, managePeople: false, export: false },
}

/** What a role may do besides reading and writing documents. */
export function permissionsOf(role: Role): RolePermissions {
  return PERMISSIONS[role]
}
