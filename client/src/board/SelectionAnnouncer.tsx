/**
 * tldraw's announcement of the chosen shape ("Rufbus, Haftnotiz. 3 von 12"),
 * replacing its `A11y` component for one reason: tldraw counts only top-level
 * shapes, so a note in a template's area was "0 von 12". Werkraum's Tab goes
 * into areas (canvasKeys.ts), so the place is counted in that same order, and
 * a shape in an area says which one. Otherwise as tldraw's: its descriptor
 * (`getAriaDescriptor`, else `getText`), its kind in tldraw's words, and the
 * region that also carries tldraw's other announcements.
 */
import { useEffect, useRef } from 'react'
import { useTranslation as useAppTranslation } from 'react-i18next'
import { useA11y, useEditor, useTranslation, useValue, type Editor, type TLShapeId } from 'tldraw'
import { tabOrder } from './canvasKeys.ts'

type Msg = (id: string) => string

/** What is said for the shapes now selected (empty for none). */
export function selectionMessage(editor: Editor, msg: Msg, inArea: (name: string) => string): string {
  const ids = editor.getSelectedShapeIds()
  if (ids.length > 1) return msg('a11y.multiple-shapes').replace('{num}', String(ids.length))
  const id = ids[0]
  const shape = id === undefined ? undefined : editor.getShape(id)
  if (shape === undefined) return ''
  const util = editor.getShapeUtil(shape)
  const kind =
    shape.type === 'geo'
      ? msg(`geo-style.${(shape.props as { geo: string }).geo}`)
      : shape.type === 'image' || shape.type === 'video'
        ? msg(`a11y.shape-${shape.type}`)
        : msg(`tool.${shape.type}`)
  const parent = editor.getShape(shape.parentId)
  const area = parent?.type === 'frame' ? inArea((parent.props as { name: string }).name) : ''
  const order = tabOrder(editor)
  const index = order.indexOf(shape.id)
  const place = index < 0 ? '' : ` ${msg('a11y.shape-index').replace('{num}', String(index + 1)).replace('{total}', String(order.length))}`
  const describing = util.getAriaDescriptor(shape) || util.getText(shape) || ''
  return `${describing === '' ? '' : `${describing}, `}${kind}${area}.${place}`
}

export function SelectionAnnouncer() {
  const editor = useEditor()
  const a11y = useA11y()
  const msg = useTranslation()
  const { t } = useAppTranslation()
  const current = useValue('a11y message', () => a11y.currentMsg.get(), [a11y])
  // Only while choosing (not while drawing or dragging), and once per new selection.
  const selection = useValue('announced selection', () => (editor.isIn('select.idle') ? editor.getSelectedShapeIds() : undefined), [editor])
  const said = useRef<readonly TLShapeId[] | undefined>(undefined)
  useEffect(() => {
    if (selection === undefined || selection === said.current) return
    said.current = selection
    const text = selectionMessage(editor, msg, (name) => t('keys.inArea', { name }))
    if (text !== '') a11y.announce({ msg: text })
  }, [selection, editor, msg, t, a11y])
  if (!current.msg) return null
  return (
    <div aria-label={msg('a11y.status')} aria-live={current.priority ?? 'assertive'} role="status" className="visually-hidden">
      {current.msg}
    </div>
  )
}
