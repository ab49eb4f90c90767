import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { workshopPath } from '../../routing/route.ts'
import { navigate } from '../../routing/useRoute.ts'
import type { ControlBoard } from '../../workshop/controlState.ts'

interface WorkshopNavProps {
  readonly workshopId: string
  readonly boards: readonly ControlBoard[]
  readonly currentBoardId: string | undefined
  readonly showConsoleLink: boolean
  readonly consoleCurrent: boolean
  /** Shown below the boards (the agenda). */
  readonly children?: React.ReactNode
  /** For the phone layout's menu button, which shows and hides it. */
  readonly id?: string
  readonly onKeyDown?: (event: React.KeyboardEvent) => void
}

/** The workshop's boards in the facilitator's order, and the console for those who manage. */
export function WorkshopNav({ workshopId, boards, currentBoardId, showConsoleLink, consoleCurrent, children, id, onKeyDown }: WorkshopNavProps) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <nav id={id} className="workshop-nav" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h2 id={headingId} className="workshop-nav-heading">
        {t('workshop.boards')}
      </h2>
      <ul data-testid="board-list">
        {boards.map((board) => (
          <li key={board.id}>
            <NavLink path={workshopPath(workshopId, { kind: 'board', boardId: board.id })} current={board.id === currentBoardId} testId="board-link">
              {board.title}
              {board.locked ? <span className="board-flag"> {t('workshop.lockedFlag')}</span> : null}
            </NavLink>
          </li>
        ))}
      </ul>
      {showConsoleLink ? (
        <NavLink path={workshopPath(workshopId, { kind: 'console' })} current={consoleCurrent} testId="console-link">
          {t('console.heading')}
        </NavLink>
      ) : null}
      {children}
    </nav>
  )
}

function NavLink({ path, current, testId, children }: { readonly path: string; readonly current: boolean; readonly testId: string; readonly children: React.ReactNode }) {
  return (
    <a
      className="nav-link"
      href={path}
      aria-current={current ? 'page' : undefined}
      data-testid={testId}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return
        event.preventDefault()
        navigate(path)
      }}
    >
      {children}
    </a>
  )
}
