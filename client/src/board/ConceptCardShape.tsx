/**
 * The concept card (issue #6): one concept in a fixed structure (title,
 * challenge, idea, target group, next steps, who carries it on), edited in
 * place on the canvas. It syncs like every other shape: its text lives in the
 * shape's props. The card's height follows its text; only a client that has
 * the card selected or open measures and writes it, so viewers never race
 * each other over a height.
 */
import { CONCEPT_CARD_TYPE, CONCEPT_FIELDS, ConceptLimits, type ConceptField } from '@werkraum/shared'
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  T,
  stopEventPropagation,
  useEditor,
  useIsEditing,
  useValue,
  type RecordProps,
  type TLBaseShape,
} from 'tldraw'
import { useCardForm } from './cardForm.ts'
import { useFieldDraft } from './fieldDraft.ts'

export type ConceptCardProps = { w: number; h: number } & Record<ConceptField, string>
export type ConceptCardShape = TLBaseShape<typeof CONCEPT_CARD_TYPE, ConceptCardProps>

export const CONCEPT_CARD_WIDTH = 420
/** Instance meta flag of an editor that only draws pictures for an export (see workshop/export/boardPictures.tsx). */
export const EXPORT_META_KEY = 'werkraumExport'
/** Title and five labelled empty fields fit in this. */
export const CONCEPT_CARD_MIN_HEIGHT = 360

/**
 * The height a card should get from its measured content, or undefined to
 * leave it. Whoever writes in the card (or draws it for an export) sets it
 * exactly; someone who only has it selected only lets it grow. The edit and
 * read views differ in height, so a viewer shrinking what a writer grew would
 * start a tug of war between their browsers.
 */
export function nextCardHeight(measured: number, current: number, exact: boolean): number | undefined {
  const needed = Math.max(CONCEPT_CARD_MIN_HEIGHT, Math.ceil(measured))
  if (exact) return Math.abs(needed - current) < 1 ? undefined : needed
  return needed > current ? needed : undefined
}

/**
 * A card read aloud: "Rufbus. Herausforderung: …. Idee: …"; empty fields are left out. No full
 * stop at the end: tldraw goes on with ", Konzeptkarte".
 */
export function conceptCardDescription(props: Record<ConceptField, string>, label: (key: ConceptField | 'untitled') => string): string {
  const title = props.title.trim() === '' ? label('untitled') : props.title.trim()
  const fields = CONCEPT_FIELDS.filter((field) => field !== 'title' && props[field].trim() !== '').map((field) => `${label(field)}: ${props[field].trim()}`)
  const parts = [title, ...fields].map((part) => part.replace(/[.!?…]+$/, ''))
  return parts.join('. ')
}

export class ConceptCardShapeUtil extends BaseBoxShapeUtil<ConceptCardShape> {
  static override type = CONCEPT_CARD_TYPE
  static override props: RecordProps<ConceptCardShape> = {
    w: T.nonZeroNumber,
    h: T.nonZeroNumber,
    title: T.string,
    challenge: T.string,
    idea: T.string,
    audience: T.string,
    nextSteps: T.string,
    carriers: T.string,
  }

  override getDefaultProps(): ConceptCardProps {
    return { w: CONCEPT_CARD_WIDTH, h: CONCEPT_CARD_MIN_HEIGHT, title: '', challenge: '', idea: '', audience: '', nextSteps: '', carriers: '' }
  }

  override canEdit(): boolean {
    return true
  }

  /** Read by tldraw for search and for screen readers. */
  override getText(shape: ConceptCardShape): string {
    return CONCEPT_FIELDS.map((field) => shape.props[field]).filter((text) => text !== '').join('\n')
  }

  /**
   * What a screen reader hears when the card is chosen (tldraw adds "Konzeptkarte" and its place
   * in the reading order): the title and each filled field with its label, in the person's language.
   */
  override getAriaDescriptor(shape: ConceptCardShape): string {
    return conceptCardDescription(shape.props, (key) => i18next.t(`conceptCard.${key}`))
  }

  override component(shape: ConceptCardShape) {
    return <ConceptCardView shape={shape} />
  }

  override indicator(shape: ConceptCardShape) {
    return <rect width={shape.props.w} height={shape.props.h} rx={8} ry={8} />
  }
}

/** Grows a text area with what is written in it (no scrollbars inside a card). */
function useAutoHeight(value: string): (el: HTMLTextAreaElement | HTMLInputElement | null) => void {
  const ref = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!(el instanceof HTMLTextAreaElement)) return
    el.style.height = '0'
    el.style.height = `${el.scrollHeight}px`
  }, [value])
  return useCallback((el) => {
    ref.current = el
  }, [])
}

function Field({ shape, field, editing }: { shape: ConceptCardShape; field: ConceptField; editing: boolean }) {
  const { t } = useTranslation()
  const editor = useEditor()
  const value = shape.props[field]
  const inputId = `${shape.id}-${field}`
  const label = t(`conceptCard.${field}`)
  const change = (next: string): void => {
    editor.updateShape<ConceptCardShape>({ id: shape.id, type: CONCEPT_CARD_TYPE, props: { [field]: next.slice(0, ConceptLimits.MAX_FIELD_CHARS) } })
  }
  // While typed in, the field shows what was typed, not another browser's older copy (fieldDraft.ts).
  const draft = useFieldDraft(value, change)
  const autoHeight = useAutoHeight(draft.value)
  const onKeyDown = (e: KeyboardEvent): void => {
    // Escape leaves the card (tldraw's own shortcut does not reach a text area); the card stays selected.
    if (e.key === 'Escape') {
      e.preventDefault()
      editor.setEditingShape(null)
      editor.select(shape.id)
      // The field goes away with the edit view: the keyboard stays on the canvas, not at the top of the page.
      editor.getContainer().focus()
    }
  }
  if (!editing) {
    return field === 'title' ? (
      <h3 className="concept-card-title">{value || t('conceptCard.untitled')}</h3>
    ) : (
      <div className="concept-card-field">
        <span className="concept-card-label">{label}</span>
        <p className="concept-card-text">{value}</p>
      </div>
    )
  }
  const common = {
    id: inputId,
    value: draft.value,
    maxLength: ConceptLimits.MAX_FIELD_CHARS,
    onChange: (e: { currentTarget: { value: string } }) => draft.onChange(e.currentTarget.value),
    onFocus: draft.onFocus,
    onBlur: draft.onBlur,
    onKeyDown,
    // The canvas must not take clicks and keys meant for the text.
    onPointerDown: stopEventPropagation,
    'data-testid': `concept-${field}`,
  }
  return (
    <div className={field === 'title' ? 'concept-card-field concept-card-field--title' : 'concept-card-field'}>
      <label className="concept-card-label" htmlFor={inputId}>
        {label}
      </label>
      {field === 'title' ? (
        <input {...common} ref={autoHeight} className="concept-card-input concept-card-input--title" />
      ) : (
        <textarea {...common} ref={autoHeight} className="concept-card-input" rows={1} />
      )}
    </div>
  )
}

function ConceptCardView({ shape }: { shape: ConceptCardShape }) {
  const editor = useEditor()
  // On phones, tablets and in simple mode the card is written in a form instead (ConceptCardForm.tsx).
  const inForm = useCardForm()
  const editing = useIsEditing(shape.id) && !inForm
  const selected = useValue('concept card selected', () => editor.getSelectedShapeIds().includes(shape.id), [editor, shape.id])
  const contentRef = useRef<HTMLDivElement>(null)

  // Drawn for an export: a store of its own that nobody else shares, where every card may fit itself.
  const exporting = useValue('exporting', () => editor.getInstanceState().meta[EXPORT_META_KEY] === true, [editor])

  // The card as tall as its text: measured after each render by whoever has it open (or selected, to grow).
  useLayoutEffect(() => {
    const content = contentRef.current
    if (!content || (!exporting && ((!editing && !selected) || editor.getIsReadonly()))) return
    const needed = nextCardHeight(content.offsetHeight, shape.props.h, editing || exporting)
    if (needed === undefined) return
    // Outside the undo history: undoing a word should not need a second undo for the height.
    editor.run(() => editor.updateShape<ConceptCardShape>({ id: shape.id, type: CONCEPT_CARD_TYPE, props: { h: needed } }), { history: 'ignore' })
  })

  // Opened with the keyboard (Enter) or a double click: the title takes the focus.
  useEffect(() => {
    if (editing) contentRef.current?.querySelector<HTMLElement>('input, textarea')?.focus()
  }, [editing])

  return (
    <HTMLContainer
      className="concept-card"
      data-testid="concept-card"
      style={{ width: shape.props.w, height: shape.props.h, pointerEvents: editing ? 'all' : undefined }}
    >
      <div ref={contentRef} className="concept-card-content">
        {CONCEPT_FIELDS.map((field) => (
          <Field key={field} shape={shape} field={field} editing={editing} />
        ))}
      </div>
    </HTMLContainer>
  )
}
