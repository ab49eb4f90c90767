/**
 * Text being typed is not taken back by another browser's older copy (issue #14).
 *
 * The board syncs whole records (storeBinding.ts: last writer wins per
 * record). When someone moves a note that another person is typing in, the
 * mover's record carries the text as the mover last heard it, a few letters
 * behind. Applied here, tldraw's text editor replaced its content with that
 * older text: letters were lost and the caret jumped to the end
 * ("Kinder, ihre Eltern  sowie Grosselternn Nchanudene" for two insertions
 * while someone moved the note).
 *
 * For the shape being edited here, a change from elsewhere that sets a prop
 * back to a value this browser itself had earlier in this edit is such an
 * older copy (and one that sets it to the text it has, as a new object, would
 * make tldraw's text editor load the same text again, caret at the end): the prop keeps what was typed (the rest of the change, a new
 * place, is taken), and the typed text is written to the board again, so it
 * does not keep the older copy. A value this browser never had (someone else
 * typing in the same note) is taken as before.
 */
import { react, type Editor, type TLShape, type TLShapeId } from 'tldraw'

/** Earlier values kept per prop: more than a fast typist writes before an older copy comes back. */
const MAX_OWN_VALUES = 200

/** Meta key bumped to write the typed text to the board again (a record with no change is not sent). */
export const REWRITE_META_KEY = 'werkraumRewrite'

/** Starts watching; returns the function that stops it. */
export function keepTypedText(editor: Editor): () => void {
  let editing: TLShapeId | null = null
  // JSON of every value each prop of the edited shape had here during this edit.
  let own = new Map<string, string[]>()
  let rewrite: ReturnType<typeof setTimeout> | undefined

  const remember = (key: string, value: unknown): void => {
    const values = own.get(key) ?? []
    values.push(JSON.stringify(value))
    if (values.length > MAX_OWN_VALUES) values.splice(0, values.length - MAX_OWN_VALUES)
    own.set(key, values)
  }

  // After the remote change is applied, as this person's own change, so that it is sent.
  const scheduleRewrite = (id: TLShapeId): void => {
    clearTimeout(rewrite)
    rewrite = setTimeout(() => {
      const shape = editor.getShape(id)
      if (shape === undefined) return
      const count = typeof shape.meta[REWRITE_META_KEY] === 'number' ? shape.meta[REWRITE_META_KEY] : 0
      editor.run(() => editor.updateShape({ id, type: shape.type, meta: { ...shape.meta, [REWRITE_META_KEY]: count + 1 } }), { history: 'ignore' })
    }, 0)
  }

  const stopWatchingEditing = react('the shape being edited here', () => {
    const id = editor.getEditingShapeId()
    if (id === editing) return
    editing = id
    own = new Map()
  })

  const stopHandling = editor.sideEffects.registerBeforeChangeHandler('shape', (prev: TLShape, next: TLShape, source) => {
    if (next.id !== editing) return next
    const before = prev.props as Record<string, unknown>
    const after = next.props as Record<string, unknown>
    if (source === 'user') {
      for (const key of Object.keys(after)) {
        if (after[key] === before[key]) continue
        remember(key, before[key])
        remember(key, after[key])
      }
      return next
    }
    let kept: Record<string, unknown> | undefined
    let older = false
    for (const key of Object.keys(after)) {
      if (after[key] === before[key]) continue
      const incoming = JSON.stringify(after[key])
      // The same text as a new object: kept as the object the text editor holds, which would
      // otherwise load it again and put its caret at the end.
      const same = incoming === JSON.stringify(before[key])
      if (!same && !(own.get(key)?.includes(incoming) ?? false)) continue
      if (!same) older = true
      kept = { ...(kept ?? after), [key]: before[key] }
    }
    if (kept === undefined) return next
    if (older) scheduleRewrite(next.id)
    return { ...next, props: kept } as TLShape
  })

  return () => {
    clearTimeout(rewrite)
    stopWatchingEditing()
    stopHandling()
  }
}
