/**
 * A concept card written in a form (issue #14), on phones, tablets and in
 * simple mode (see cardForm.ts): the whole width of the screen, labelled
 * fields, Save and Cancel, and never under the on-screen keyboard.
 *
 * What is typed stays in the form until Save, and Save writes only the
 * fields that changed. Written straight into the shape, a field showed the
 * board's copy after every key: when someone else's browser wrote the card
 * meanwhile (its height, its place), their older copy of the text came back
 * into the field, so letters were lost and the caret jumped to the end
 * ("…ihre Elternowie Grosseltern, dieabholen", see docs/ARCHITECTURE.md).
 */
import { CONCEPT_CARD_TYPE, CONCEPT_FIELDS, ConceptLimits, type ConceptField } from '@werkraum/shared'
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { useModal } from '../components/useModal.ts'
import { changedFields, useCardForm, type CardTexts } from './cardForm.ts'
import type { ConceptCardShape } from './ConceptCardShape.tsx'

function textsOf(editor: Editor, id: TLShapeId): CardTexts | undefined {
  const shape = editor.getShape<ConceptCardShape>(id)
  if (shape?.type !== CONCEPT_CARD_TYPE) return undefined
  const texts = {} as CardTexts
  for (const field of CONCEPT_FIELDS) texts[field] = shape.props[field]
  return texts
}

/**
 * Opens the form instead of the card's own fields whenever a card starts
 * being edited here (a new card, a double tap, Enter), if this is a place for
 * the form at all.
 */
export function ConceptCardFormHost({ editor }: { editor: Editor }) {
  const wanted = useCardForm()
  const editingCard = useValue(
    'concept card being edited',
    () => {
      const shape = editor.getEditingShape()
      return shape?.type === CONCEPT_CARD_TYPE ? shape.id : null
    },
    [editor],
  )
  const [open, setOpen] = useState<TLShapeId | null>(null)
  useEffect(() => {
    if (!wanted || editingCard === null) return
    setOpen(editingCard)
    // The card on the canvas stays as it is read (and selected); it is written in the form.
    if (editor.isIn('select.editing_shape')) editor.complete()
    else editor.setEditingShape(null)
  }, [editor, editingCard, wanted])
  if (open === null) return null
  return <ConceptCardForm key={open} editor={editor} cardId={open} onClose={() => setOpen(null)} />
}

interface ConceptCardFormProps {
  readonly editor: Editor
  readonly cardId: TLShapeId
  readonly onClose: () => void
}

export function ConceptCardForm({ editor, cardId, onClose }: ConceptCardFormProps) {
  const { t } = useTranslation()
  const { ref, close, onCloseEvent } = useModal(onClose)
  const headingId = useId()
  const [before] = useState(() => textsOf(editor, cardId))
  const [draft, setDraft] = useState<CardTexts | undefined>(before)
  useFitAboveKeyboard(ref)
  useSwallowGhostClick()

  const save = (event: FormEvent): void => {
    event.preventDefault()
    if (before !== undefined && draft !== undefined && editor.getShape(cardId) !== undefined) {
      const changed = changedFields(before, draft)
      if (Object.keys(changed).length > 0) {
        editor.markHistoryStoppingPoint('edit concept card')
        editor.updateShape<ConceptCardShape>({ id: cardId, type: CONCEPT_CARD_TYPE, props: changed })
      }
    }
    close()
  }

  return (
    <dialog ref={ref} className="dialog card-form" aria-labelledby={headingId} onClose={onCloseEvent} data-testid="card-form">
      <h2 id={headingId}>{t('cardForm.heading')}</h2>
      {draft === undefined ? (
        <>
          <p>{t('cardForm.gone')}</p>
          <button type="button" className="button" data-testid="card-form-cancel" onClick={close}>
            {t('cardForm.cancel')}
          </button>
        </>
      ) : (
        <form onSubmit={save} className="card-form-fields">
          {CONCEPT_FIELDS.map((field, index) => (
            <FormField
              key={field}
              field={field}
              value={draft[field]}
              autoFocus={index === 0}
              onChange={(value) => setDraft((current) => (current === undefined ? current : { ...current, [field]: value }))}
            />
          ))}
          <div className="card-form-buttons">
            <button type="submit" className="button button--primary" data-testid="card-form-save">
              {t('cardForm.save')}
            </button>
            <button type="button" className="button" data-testid="card-form-cancel" onClick={close}>
              {t('cardForm.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}

function FormField({ field, value, autoFocus, onChange }: { field: ConceptField; value: string; autoFocus: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const common = {
    id,
    value,
    autoFocus,
    maxLength: ConceptLimits.MAX_FIELD_CHARS,
    onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
    'data-testid': `card-form-${field}`,
  }
  return (
    <div className="card-form-field">
      <label htmlFor={id}>{t(`conceptCard.${field}`)}</label>
      {field === 'title' ? <input {...common} type="text" className="card-form-input" /> : <textarea {...common} className="card-form-input" rows={3} />}
    </div>
  )
}

/**
 * A tap on "Konzeptkarte" opens the form at the touch's start (tldraw's
 * toolbar acts on `touchstart`); the browser's click for that same tap comes
 * after it ends and would land on whatever of the form is now under the
 * finger (Cancel, at the bottom). A click counts only after a press inside
 * the open form; the keyboard's clicks (detail 0) always count.
 */
function useSwallowGhostClick(): void {
  useEffect(() => {
    let pressed = false
    const onPress = (): void => {
      pressed = true
    }
    const onMouse = (event: MouseEvent): void => {
      if (pressed || event.detail === 0) return
      event.preventDefault()
      event.stopPropagation()
    }
    document.addEventListener('pointerdown', onPress, true)
    document.addEventListener('mousedown', onMouse, true)
    document.addEventListener('click', onMouse, true)
    return () => {
      document.removeEventListener('pointerdown', onPress, true)
      document.removeEventListener('mousedown', onMouse, true)
      document.removeEventListener('click', onMouse, true)
    }
  }, [])
}

/**
 * A phone's keyboard shrinks the visual viewport, not the layout viewport a
 * modal dialog is placed in: without this, Save and the lower fields would
 * sit under the keys. The dialog takes exactly the part that can be seen.
 */
function useFitAboveKeyboard(ref: RefObject<HTMLDialogElement | null>): void {
  const frame = useRef(0)
  useEffect(() => {
    const viewport = window.visualViewport
    const dialog = ref.current
    if (!viewport || !dialog) return undefined
    const fit = (): void => {
      cancelAnimationFrame(frame.current)
      frame.current = requestAnimationFrame(() => {
        dialog.style.setProperty('--card-form-top', `${viewport.offsetTop}px`)
        dialog.style.setProperty('--card-form-height', `${viewport.height}px`)
        // The keyboard opened and shrank what can be seen: the field being typed in stays on screen.
        const active = document.activeElement
        if (active instanceof HTMLElement && dialog.contains(active)) active.scrollIntoView({ block: 'nearest' })
      })
    }
    fit()
    viewport.addEventListener('resize', fit)
    viewport.addEventListener('scroll', fit)
    return () => {
      cancelAnimationFrame(frame.current)
      viewport.removeEventListener('resize', fit)
      viewport.removeEventListener('scroll', fit)
    }
  }, [ref])
}
