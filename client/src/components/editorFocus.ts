import type { Editor } from 'tldraw'

/**
 * tldraw's `autoFocus` moves the browser focus into the canvas on load, so a
 * keyboard or screen-reader user would start in the middle of the page,
 * after our header. We keep `autoFocus` off and manage tldraw's *focused
 * mode* ourselves (it decides whether tldraw handles shortcuts, wheel and
 * pointer moves, which drive the cursor others see):
 *
 * - on, from the start, without moving the browser focus;
 * - on, whenever the pointer or the keyboard focus enters the canvas;
 * - off, while the keyboard focus is elsewhere on the page (header, dialog),
 *   so Space and Enter there activate our buttons instead of tldraw tools.
 */
export function manageEditorFocus(editor: Editor): () => void {
  const container = editor.getContainer()
  const focusEditor = (): void => {
    editor.focus({ focusContainer: false })
  }
  const onDocumentFocusIn = (event: FocusEvent): void => {
    if (event.target instanceof Node && container.contains(event.target)) focusEditor()
    else editor.blur({ blurContainer: false })
  }

  focusEditor()
  container.addEventListener('pointerdown', focusEditor, { capture: true })
  document.addEventListener('focusin', onDocumentFocusIn)
  return () => {
    container.removeEventListener('pointerdown', focusEditor, { capture: true })
    document.removeEventListener('focusin', onDocumentFocusIn)
  }
}
