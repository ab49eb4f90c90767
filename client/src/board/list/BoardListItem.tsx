/** One item of the board's list: its text, writers and dots, and a form to edit, move or delete it. */
import { CONCEPT_CARD_TYPE, CONCEPT_FIELDS, conceptCardText, isVoteItem, itemKey, type ConceptField } from '@werkraum/shared'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLShapeId } from 'tldraw'
import { ActionButton } from '../../components/workshop/ActionButton.tsx'
import type { VoteBadgeInfo } from '../../components/workshop/VotePanel.tsx'
import type { ListFrame, ListItem } from './boardList.ts'
import { deleteItem, moveToArea, setCardFields, setItemText } from './listEditor.ts'

/** What the list does after a change: where the keyboard goes, what is said. */
export interface ItemOutcome {
  readonly focus: { readonly kind: 'item'; readonly id: string } | { readonly kind: 'after-delete'; readonly id: string }
  readonly say: string
}

interface BoardListItemProps {
  readonly editor: Editor
  readonly item: ListItem
  readonly frames: readonly ListFrame[]
  readonly readOnly: boolean
  readonly vote: VoteBadgeInfo | undefined
  readonly editing: boolean
  readonly onEditing: (editing: boolean) => void
  readonly onDone: (outcome: ItemOutcome) => void
  readonly areaName: (id: string | null) => string
}

export function BoardListItem({ editor, item, frames, readOnly, vote, editing, onEditing, onDone, areaName }: BoardListItemProps) {
  const { t } = useTranslation()
  const card = item.type === CONCEPT_CARD_TYPE
  const text = item.text.trim() !== '' ? item.text : card ? t('conceptCard.untitled') : t('listView.emptyText')
  const kind = card ? t('listView.kindCard') : item.type === 'note' ? t('listView.kindNote') : t('listView.kindText')

  // Dots, where a vote open on this board is about this item (the same buttons as the vote panel and the canvas badges).
  const key = vote !== undefined ? itemKey(vote.boardId, item.id) : ''
  const shape = editor.getShape(item.id as TLShapeId)
  const openHere = vote?.vote !== undefined && vote.vote.status === 'open' && vote.vote.target === 'notes' && vote.vote.boardIds.includes(vote.boardId)
  const votable = openHere && shape !== undefined && isVoteItem(vote.vote ?? {}, vote.boardId, shape)
  const count = vote?.vote?.counts?.[key]
  const mine = vote?.mine[key] ?? 0

  const details: string[] = []
  if (item.authors.length > 0) details.push(t('listView.by', { names: item.authors.join(', ') }))
  if (count !== undefined) details.push(t('listView.dots', { count }))
  if (mine > 0) details.push(t('listView.myDots', { count: mine }))

  return (
    <li className="board-list-item" data-testid="board-list-item" data-shape-id={item.id} data-type={item.type}>
      <p className="board-list-text" tabIndex={-1} data-testid="board-list-text">
        <span className="board-list-kind">{kind}: </span>
        <span data-testid="board-list-item-text">{text}</span>
      </p>
      {card && item.card !== undefined ? <CardFields card={item.card} /> : null}
      {details.length > 0 ? <p className="board-list-meta">{details.join(' · ')}</p> : null}
      {editing ? (
        <EditForm editor={editor} item={item} frames={frames} areaName={areaName} onCancel={() => onEditing(false)} onDone={onDone} />
      ) : (
        <div className="board-list-actions">
          {!readOnly ? (
            // The name starts with the visible word (WCAG 2.5.3) and says which item.
            <button type="button" className="button button--small" data-testid="board-list-edit" aria-label={`${t('listView.edit')}: ${text}`} onClick={() => onEditing(true)}>
              {t('listView.edit')}
            </button>
          ) : null}
          {votable && vote?.cast !== undefined ? (
            <button type="button" className="button button--small" data-testid="board-list-dot-add" data-vote-control aria-label={`${t('listView.dotAdd')}: ${text}`} onClick={() => vote.cast?.(item.id)}>
              {t('listView.dotAdd')}
            </button>
          ) : null}
          {votable && vote?.retract !== undefined ? (
            // Always there (unavailable without a dot of yours): a button that vanished would take the focus with it.
            // Both go when the vote closes: `data-vote-control` sends the keyboard to the vote's results then (VotePanel).
            <ActionButton unavailable={mine === 0} data-testid="board-list-dot-remove" data-vote-control aria-label={`${t('listView.dotRemove')}: ${text}`} onClick={() => vote.retract?.(item.id)}>
              {t('listView.dotRemove')}
            </ActionButton>
          ) : null}
        </div>
      )}
    </li>
  )
}

/** A concept card's other fields, labelled (the title is the item's text). */
function CardFields({ card }: { readonly card: Readonly<Record<ConceptField, string>> }) {
  const { t } = useTranslation()
  const filled = CONCEPT_FIELDS.filter((field) => field !== 'title' && card[field].trim() !== '')
  if (filled.length === 0) return null
  return (
    <dl className="board-list-card">
      {filled.map((field) => (
        <div key={field}>
          <dt>{t(`conceptCard.${field}`)}</dt>
          <dd>{card[field]}</dd>
        </div>
      ))}
    </dl>
  )
}

interface EditFormProps {
  readonly editor: Editor
  readonly item: ListItem
  readonly frames: readonly ListFrame[]
  readonly areaName: (id: string | null) => string
  readonly onCancel: () => void
  readonly onDone: (outcome: ItemOutcome) => void
}

const OUTSIDE = ''

/** Text (or a card's fields), area, and the buttons to save, delete or leave it as it was. */
function EditForm({ editor, item, frames, areaName, onCancel, onDone }: EditFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const card = item.type === CONCEPT_CARD_TYPE
  const [text, setText] = useState(item.text)
  const [fields, setFields] = useState(() => conceptCardText(item.card ?? {}))
  const [area, setArea] = useState(item.areaId ?? OUTSIDE)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (card) setCardFields(editor, item.id, fields)
    else setItemText(editor, item.id, text)
    const target = area === OUTSIDE ? null : area
    const moved = target !== item.areaId
    if (moved) moveToArea(editor, item.id, target)
    onDone({ focus: { kind: 'item', id: item.id }, say: moved ? t('listView.moved', { area: areaName(target) }) : t('listView.saved') })
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    onCancel()
  }

  return (
    <form className="board-list-form" data-testid="board-list-form" onSubmit={submit} onKeyDown={onKeyDown}>
      {card ? (
        CONCEPT_FIELDS.map((field, i) => (
          <label key={field} className="board-list-field">
            <span>{t(`conceptCard.${field}`)}</span>
            <textarea
              value={fields[field]}
              rows={field === 'title' ? 1 : 2}
              // The form opens where the person asked for it: the keyboard goes straight into it.
              autoFocus={i === 0}
              onChange={(e) => setFields({ ...fields, [field]: e.target.value })}
            />
          </label>
        ))
      ) : (
        <label className="board-list-field">
          <span>{t('listView.text')}</span>
          <textarea data-testid="board-list-edit-text" value={text} rows={3} autoFocus onChange={(e) => setText(e.target.value)} />
        </label>
      )}
      {frames.length > 0 ? (
        <label className="board-list-field" htmlFor={`${id}-area`}>
          <span>{t('listView.area')}</span>
          <select id={`${id}-area`} data-testid="board-list-edit-area" value={area} onChange={(e) => setArea(e.target.value)}>
            {frames.map((f) => (
              <option key={f.id} value={f.id}>
                {areaName(f.id)}
              </option>
            ))}
            <option value={OUTSIDE}>{areaName(null)}</option>
          </select>
        </label>
      ) : null}
      <div className="board-list-actions">
        <button type="submit" className="button button--small" data-testid="board-list-save">
          {t('listView.save')}
        </button>
        <button type="button" className="button button--small" data-testid="board-list-cancel" onClick={onCancel}>
          {t('listView.cancel')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="board-list-delete"
          onClick={() => {
            deleteItem(editor, item.id)
            onDone({ focus: { kind: 'after-delete', id: item.id }, say: t('listView.deleted') })
          }}
        >
          {t('listView.delete')}
        </button>
      </div>
    </form>
  )
}
