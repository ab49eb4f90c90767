/**
 * The board as a list (issue #14): every note, text and concept card with its
 * text, writers and dots, grouped by the board's frames in reading order. Plain
 * HTML, so screen readers read it and keyboards reach everything, and a
 * person can add a note into an area, edit, move or delete one, and place or
 * take back dots while a vote runs here. Live: it reads the editor's store.
 */
import { createElement, useContext, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { useAnnounce } from '../../components/Announcer.tsx'
import { VoteBadgeContext } from '../../components/workshop/VotePanel.tsx'
import { BoardListItem, type ItemOutcome } from './BoardListItem.tsx'
import { addNoteToArea, useBoardList } from './listEditor.ts'
import './boardList.css'

interface BoardListProps {
  readonly editor: Editor
  readonly readOnly: boolean
  /** The level of the list's heading (its areas get the next one), under the page's own headings. */
  readonly headingLevel: 2 | 3
  /** Takes the keyboard to the list's heading when it opens (the person asked for it). */
  readonly focusOnOpen: boolean
}

const OUTSIDE = ''

export function BoardList({ editor, readOnly, headingLevel, focusOnOpen }: BoardListProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const rootRef = useRef<HTMLElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const vote = useContext(VoteBadgeContext)
  const { areas, frames, count } = useBoardList(editor)
  const [editing, setEditing] = useState<string>()
  const [pendingFocus, setPendingFocus] = useState<{ readonly id: string; readonly target: 'text' | 'edit' } | { readonly heading: true }>()

  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus()
  }, [focusOnOpen])

  // After a change the keyboard stays with what it was working on, found again in the list as it is now.
  useEffect(() => {
    if (pendingFocus === undefined) return
    setPendingFocus(undefined)
    if ('heading' in pendingFocus) {
      headingRef.current?.focus()
      return
    }
    const row = rootRef.current?.querySelector(`[data-shape-id="${CSS.escape(pendingFocus.id)}"]`)
    const target = row?.querySelector<HTMLElement>(pendingFocus.target === 'edit' ? '[data-testid="board-list-edit"]' : '[data-testid="board-list-text"]')
    target?.focus()
  }, [pendingFocus])

  // Someone else deleted what the keyboard was on (or the form open for it): the keyboard goes to the list's heading, not to the page.
  const focusedItem = useRef<string | undefined>(undefined)
  useEffect(() => {
    const root = rootRef.current
    if (root === null) return
    const onFocusIn = (event: FocusEvent): void => {
      focusedItem.current = (event.target as HTMLElement).closest('[data-shape-id]')?.getAttribute('data-shape-id') ?? undefined
    }
    root.addEventListener('focusin', onFocusIn)
    return () => root.removeEventListener('focusin', onFocusIn)
  }, [])
  const present = areas.some((a) => a.items.some((i) => i.id === editing))
  if (editing !== undefined && !present) setEditing(undefined)
  useEffect(() => {
    const id = focusedItem.current
    if (id === undefined || areas.some((a) => a.items.some((i) => i.id === id))) return
    focusedItem.current = undefined
    if (document.activeElement === null || document.activeElement === document.body) headingRef.current?.focus()
  }, [areas])

  // What a change did ("Verschoben nach „Ideen“."), through the page's one announcer: it never replaces another announcement.
  const say = useAnnounce()

  const areaName = (id: string | null): string => {
    if (id === null) return frames.length > 0 ? t('listView.outside') : t('listView.onBoard')
    const name = frames.find((f) => f.id === id)?.name ?? ''
    return name.trim() !== '' ? name : t('listView.unnamedArea')
  }

  const onDone = (outcome: ItemOutcome): void => {
    setEditing(undefined)
    say(outcome.say)
    if (outcome.focus.kind === 'item') {
      setPendingFocus({ id: outcome.focus.id, target: 'edit' })
      return
    }
    // Deleted: on to the next item (as the list was), else the one before, else the list's heading.
    const all = areas.flatMap((a) => a.items)
    const index = all.findIndex((i) => i.id === outcome.focus.id)
    const next = all[index + 1] ?? all[index - 1]
    setPendingFocus(next !== undefined ? { id: next.id, target: 'text' } : { heading: true })
  }

  const heading = `h${headingLevel}`
  const areaHeading = `h${headingLevel + 1}`
  return (
    <section ref={rootRef} className="board-list" aria-labelledby={headingId} data-testid="notes-list">
      {createElement(heading, { id: headingId, ref: headingRef, tabIndex: -1, className: 'board-list-heading' }, t('listView.heading'))}
      <p className="board-list-count" data-testid="board-list-count">
        {t('listView.count', { count })}
      </p>
      {!readOnly ? <AddNoteForm editor={editor} areas={frames.map((f) => ({ id: f.id, name: areaName(f.id) }))} outsideName={areaName(null)} onAdded={say} /> : null}
      {count === 0 && frames.length === 0 ? <p className="hint">{t('listView.empty')}</p> : null}
      {areas.map((area) => (
        <div key={area.id ?? OUTSIDE} className="board-list-area" data-testid="board-list-area" data-area-id={area.id ?? ''}>
          {createElement(areaHeading, { className: 'board-list-area-title' }, `${areaName(area.id)} (${area.items.length})`)}
          {area.items.length > 0 ? (
            <ul className="board-list-items">
              {area.items.map((item) => (
                <BoardListItem
                  key={item.id}
                  editor={editor}
                  item={item}
                  frames={frames}
                  readOnly={readOnly}
                  vote={vote}
                  editing={editing === item.id && !readOnly}
                  onEditing={(on) => {
                    setEditing(on ? item.id : undefined)
                    if (!on) setPendingFocus({ id: item.id, target: 'edit' })
                  }}
                  onDone={onDone}
                  areaName={areaName}
                />
              ))}
            </ul>
          ) : (
            <p className="hint">{t('listView.emptyArea')}</p>
          )}
        </div>
      ))}
    </section>
  )
}

interface AddNoteFormProps {
  readonly editor: Editor
  readonly areas: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly outsideName: string
  readonly onAdded: (message: string) => void
}

/** "Notiz hinzufügen": a text and the area it goes into. */
function AddNoteForm({ editor, areas, outsideName, onAdded }: AddNoteFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [area, setArea] = useState<string>()
  const [error, setError] = useState(false)
  // The first area until the person picks one (and again if theirs is gone).
  const chosen = area !== undefined && (area === OUTSIDE || areas.some((a) => a.id === area)) ? area : (areas[0]?.id ?? OUTSIDE)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (text.trim() === '') {
      setError(true)
      return
    }
    setError(false)
    addNoteToArea(editor, text.trim(), chosen === OUTSIDE ? null : chosen)
    setText('')
    onAdded(t('listView.added', { area: chosen === OUTSIDE ? outsideName : (areas.find((a) => a.id === chosen)?.name ?? '') }))
  }

  return (
    <form className="board-list-add" data-testid="board-list-add" onSubmit={submit} noValidate>
      <label className="board-list-field" htmlFor={`${id}-text`}>
        <span>{t('listView.newNote')}</span>
      </label>
      <input
        id={`${id}-text`}
        type="text"
        data-testid="board-list-add-text"
        value={text}
        aria-invalid={error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="form-error">
          {t('listView.textMissing')}
        </p>
      ) : null}
      {areas.length > 0 ? (
        <label className="board-list-field">
          <span>{t('listView.area')}</span>
          <select data-testid="board-list-add-area" value={chosen} onChange={(e) => setArea(e.target.value)}>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value={OUTSIDE}>{outsideName}</option>
          </select>
        </label>
      ) : null}
      <button type="submit" className="button button--small" data-testid="board-list-add-submit">
        {t('listView.add')}
      </button>
    </form>
  )
}
