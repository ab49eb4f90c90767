import { BOARD_TEMPLATES, WorkshopLimits, type BoardTemplate } from '@werkraum/shared'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlBoard } from '../../workshop/controlState.ts'
import type { CommandRunner } from '../../workshop/useCommand.ts'
import { ActionButton } from './ActionButton.tsx'
import { TextDialog } from './Dialogs.tsx'

interface BoardsPanelProps {
  readonly workshopId: string
  readonly boards: readonly ControlBoard[] | undefined
  /** Locking is a facilitator's command; moderators manage boards but do not lock them. */
  readonly canLock: boolean
  readonly commands: CommandRunner
}

/** Adding, renaming, reordering, locking and archiving boards. Archiving is undone from the same list. */
export function BoardsPanel({ boards, canLock, commands }: BoardsPanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [renaming, setRenaming] = useState<ControlBoard>()
  const all = boards ?? []
  const active = all.filter((b) => !b.archived)
  const archived = all.filter((b) => b.archived)

  // Positions count archived boards too: take the neighbour's place, and it moves aside.
  const moveTo = (board: ControlBoard, neighbour: ControlBoard | undefined): void => {
    if (neighbour !== undefined) void commands.run({ type: 'moveBoard', boardId: board.id, position: neighbour.position })
  }
  const archive = async (board: ControlBoard, archivedNow: boolean): Promise<void> => {
    await commands.run({ type: 'archiveBoard', boardId: board.id, archived: archivedNow })
    // The row, and with it the focused button, moved to the other list.
    headingRef.current?.focus()
  }

  return (
    <section className="card console-section" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('console.boardsHeading')}
      </h3>
      <ol className="board-admin-list" data-testid="board-admin-list">
        {active.map((board, index) => (
          <li key={board.id} className="board-admin" data-testid="board-admin" data-board-id={board.id}>
            <span className="board-admin-title">
              {board.title}
              {board.locked ? <span className="board-flag"> {t('workshop.lockedFlag')}</span> : null}
            </span>
            <span className="board-admin-actions">
              <ActionButton unavailable={index === 0} aria-label={t('console.moveUpOf', { title: board.title })} onClick={() => moveTo(board, active[index - 1])}>
                <span aria-hidden="true">↑</span>
              </ActionButton>
              <ActionButton unavailable={index === active.length - 1} aria-label={t('console.moveDownOf', { title: board.title })} onClick={() => moveTo(board, active[index + 1])}>
                <span aria-hidden="true">↓</span>
              </ActionButton>
              <ActionButton aria-label={t('console.renameBoardOf', { title: board.title })} onClick={() => setRenaming(board)}>
                {t('console.rename')}
              </ActionButton>
              {canLock ? (
                <ActionButton
                  data-testid="board-lock"
                  aria-label={board.locked ? t('console.unlockOf', { title: board.title }) : t('console.lockOf', { title: board.title })}
                  onClick={() => void commands.run({ type: 'lockBoard', boardId: board.id, locked: !board.locked })}
                >
                  {board.locked ? t('console.unlock') : t('console.lock')}
                </ActionButton>
              ) : null}
              {/* The last board stays: a workshop without any board would leave everyone nowhere. */}
              <ActionButton unavailable={active.length === 1} data-testid="board-archive" aria-label={t('console.archiveOf', { title: board.title })} onClick={() => void archive(board, true)}>
                {t('console.archive')}
              </ActionButton>
            </span>
          </li>
        ))}
      </ol>
      {archived.length > 0 ? (
        <details className="archived-boards">
          <summary>{t('console.archivedHeading', { count: archived.length })}</summary>
          <ul>
            {archived.map((board) => (
              <li key={board.id} className="board-admin">
                <span className="board-admin-title">{board.title}</span>
                <ActionButton aria-label={t('console.restoreOf', { title: board.title })} onClick={() => void archive(board, false)}>
                  {t('console.restore')}
                </ActionButton>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <AddBoardForm commands={commands} full={all.length >= WorkshopLimits.MAX_BOARDS} />
      {renaming !== undefined ? (
        <TextDialog
          heading={t('console.renameBoardOf', { title: renaming.title })}
          label={t('console.boardTitle')}
          initial={renaming.title}
          maxLength={WorkshopLimits.MAX_TITLE_CHARS}
          onSave={(title) => void commands.run({ type: 'renameBoard', boardId: renaming.id, title })}
          onClose={() => setRenaming(undefined)}
        />
      ) : null}
    </section>
  )
}

function AddBoardForm({ commands, full }: { readonly commands: CommandRunner; readonly full: boolean }) {
  const { t } = useTranslation()
  const ids = { heading: useId(), title: useId(), template: useId(), error: useId() }
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<BoardTemplate>('blank')
  const [empty, setEmpty] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (title.trim() === '') {
      setEmpty(true)
      return
    }
    if (await commands.run({ type: 'addBoard', title: title.trim(), template })) setTitle('')
  }
  return (
    <form className="add-board" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('console.addBoard')}</h4>
      <div className="add-board-fields">
        <div>
          <label htmlFor={ids.title}>{t('console.boardTitle')}</label>
          <input
            id={ids.title}
            type="text"
            value={title}
            maxLength={WorkshopLimits.MAX_TITLE_CHARS}
            aria-invalid={empty}
            aria-describedby={empty ? ids.error : undefined}
            data-testid="add-board-title"
            onChange={(event) => {
              setTitle(event.target.value)
              setEmpty(false)
            }}
          />
        </div>
        <div>
          <label htmlFor={ids.template}>{t('console.template')}</label>
          <select id={ids.template} value={template} onChange={(event) => setTemplate(event.target.value as BoardTemplate)} data-testid="add-board-template">
            {BOARD_TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {t(`templates.${name}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {empty ? (
        <p id={ids.error} className="form-error" role="alert">
          {t('console.emptyText')}
        </p>
      ) : null}
      {full ? <p className="hint">{t('console.boardsFull')}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={full} data-testid="add-board-submit">
          {t('console.addBoardButton')}
        </button>
      </div>
    </form>
  )
}
