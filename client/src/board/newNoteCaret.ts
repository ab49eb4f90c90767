/**
 * Letters typed into a new note stay in the order they were typed (issue #14).
 *
 * tldraw 3.15 focuses a note's text as soon as editing starts, but the text
 * editor inside (TipTap) is made with `autofocus: true` and puts its caret at
 * the *start* one task later, when it is ready. A letter typed in between
 * ends up behind the caret: "Rufbus" became "ufbusR" after "Neue Haftnotiz",
 * "Bank" became "aBnk" after a tap with the note tool on a phone. 100 ms later
 * tldraw moves the caret to the end, which scrambles a fast typist once more.
 *
 * A note that was empty when its editing began holds only what was typed
 * since, so its caret belongs at the end: it is put there the moment the text
 * editor is ready (the same moment TipTap put it at the start). Notes that
 * already had text keep tldraw's own caret (where they were tapped, or all
 * selected).
 */
import { react, renderPlaintextFromRichText, type Editor, type TLNoteShape, type TLShapeId } from 'tldraw'

function isEmptyNote(editor: Editor, id: TLShapeId): boolean {
  const shape = editor.store.unsafeGetWithoutCapture(id)
  if (shape?.typeName !== 'shape' || shape.type !== 'note') return false
  return renderPlaintextFromRichText(editor, (shape as TLNoteShape).props.richText) === ''
}

/** Starts watching; returns the function that stops it. */
export function keepNewNoteCaret(editor: Editor): () => void {
  let newNote: TLShapeId | null = null
  const stopWatchingEditing = react('a new note starts being edited', () => {
    const id = editor.getEditingShapeId()
    newNote = id !== null && isEmptyNote(editor, id) ? id : null
  })
  const stopWatchingTextEditor = react('the note text editor is ready', () => {
    const textEditor = editor.getRichTextEditor()
    if (textEditor === null || newNote === null || editor.getEditingShapeId() !== newNote) return
    newNote = null
    textEditor.commands.focus('end')
  })
  return () => {
    stopWatchingEditing()
    stopWatchingTextEditor()
  }
}
