/**
 * The keyboard on the canvas (issue #14), on top of what tldraw 3.15 does:
 *
 * - Tab and Shift+Tab go through the shapes in reading order (top to bottom,
 *   left to right), into frames (a template's areas hold the notes), and after
 *   the last (before the first) leave the canvas. tldraw's own Tab goes round
 *   the top-level shapes for ever and never into a frame, so a keyboard user
 *   was caught on the canvas and never reached a note in an area.
 * - Esc with nothing selected leaves the canvas backwards, to the board's
 *   toolbar (with something selected, tldraw's Esc clears the selection first).
 * - "?" opens the list of keys.
 * - Single-key shortcuts can be switched off (WCAG 2.1.4): the key then never
 *   reaches tldraw, whose hotkeys listen on the document's body.
 *
 * Listeners sit on the document in the capture phase, so they run before
 * tldraw's (on the container and on the body) and can keep keys from it.
 */
import { isPageId, type Editor, type TLParentId, type TLShape, type TLShapeId } from 'tldraw'
import { singleKeyShortcutsOff } from '../settings/singleKeyShortcuts.ts'

interface CanvasKeyOptions {
  /** "?" was pressed on the canvas. */
  readonly onHelp: () => void
  /** The keyboard entered the canvas (true) or left it (false): show or hide the hint. */
  readonly onHint: (shown: boolean) => void
}

/** tldraw's "move focus to the canvas" button (first in its UI). */
const TLDRAW_SKIP_BUTTON = '.tl-skip-to-main-content'
/** How soon after a navigation key a focus on the canvas counts as brought by it. */
const MOVED_BY_KEY_MS = 1000

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function manageCanvasKeys(editor: Editor, { onHelp, onHint }: CanvasKeyOptions): () => void {
  const container = editor.getContainer()
  // The Tab whose keydown we handled: its keyup must not reach tldraw, which would move on once more.
  let swallowTabUp = false

  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target
    if (!(target instanceof HTMLElement) || isEditable(target)) return
    const onCanvas = target === container
    if (!onCanvas && target !== document.body && !container.contains(target)) return
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if (editor.getEditingShapeId() !== null) return

    if (event.key.length === 1) {
      if (singleKeyShortcutsOff()) {
        event.stopPropagation()
        return
      }
      if (event.key === '?' && !editor.menus.hasOpenMenus()) {
        event.preventDefault()
        event.stopPropagation()
        onHelp()
      }
      return
    }
    if (!onCanvas || editor.menus.hasOpenMenus() || !editor.isIn('select.idle')) return
    if (event.key === 'Tab') {
      event.preventDefault()
      event.stopPropagation()
      const next = adjacentShape(editor, event.shiftKey ? -1 : 1)
      if (next === undefined) {
        leave(event.shiftKey ? 'backward' : 'forward')
        return
      }
      swallowTabUp = true
      editor.select(next)
      editor.zoomToSelectionIfOffscreen(256, { animation: { duration: editor.options.animationMediumMs }, inset: 0 })
      return
    }
    if (event.key === 'Escape' && editor.getSelectedShapeIds().length === 0) {
      event.preventDefault()
      event.stopPropagation()
      leave('backward')
    }
  }

  const onKeyUp = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || !swallowTabUp) return
    swallowTabUp = false
    event.stopPropagation()
  }

  const leave = (direction: 'forward' | 'backward'): void => {
    editor.selectNone()
    const to = direction === 'forward' ? tabbableAfter(container) : tabbableBefore(container)
    ;(to ?? document.getElementById('main'))?.focus()
  }

  // The hint shows when someone moves onto the canvas with the keyboard (Tab, Shift+Tab, or tldraw's
  // "move focus to the canvas" button): not for a tap or a click, and not when focus comes back to the canvas
  // after typing in a note, or in the card form on a phone (there it covered the board after every card).
  let movedAt = -Infinity
  const onNavigationKey = (event: KeyboardEvent): void => {
    const onSkipButton = event.target instanceof Element && event.target.matches(TLDRAW_SKIP_BUTTON)
    if (event.key === 'Tab' || (onSkipButton && (event.key === 'Enter' || event.key === ' '))) movedAt = performance.now()
  }
  const onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget
    const fromInside = from instanceof Node && container.contains(from)
    onHint(event.target === container && !fromInside && performance.now() - movedAt < MOVED_BY_KEY_MS)
  }
  const onPointerDown = (): void => onHint(false)

  document.addEventListener('keydown', onNavigationKey, { capture: true })
  document.addEventListener('keydown', onKeyDown, { capture: true })
  document.addEventListener('keyup', onKeyUp, { capture: true })
  document.addEventListener('focusin', onFocusIn)
  container.addEventListener('pointerdown', onPointerDown, { capture: true })
  return () => {
    document.removeEventListener('keydown', onNavigationKey, { capture: true })
    document.removeEventListener('keydown', onKeyDown, { capture: true })
    document.removeEventListener('keyup', onKeyUp, { capture: true })
    document.removeEventListener('focusin', onFocusIn)
    container.removeEventListener('pointerdown', onPointerDown, { capture: true })
  }
}

/**
 * Every shape a keyboard user can reach, in reading order: each top-level
 * shape, and right after a frame the shapes in it (again in reading order).
 * Shapes whose util says `canTabTo` false (a template's decoration) are left out.
 */
export function tabOrder(editor: Editor): TLShapeId[] {
  const order: TLShapeId[] = []
  const visit = (shapes: readonly TLShape[]): void => {
    for (const shape of shapes) {
      order.push(shape.id)
      if (shape.type === 'frame') visit(readingOrder(editor, shape.id))
    }
  }
  visit(editor.getCurrentPageShapesInReadingOrder())
  return order
}

/** The shape Tab (+1) or Shift+Tab (-1) goes to, or undefined to leave the canvas. */
export function adjacentShape(editor: Editor, step: 1 | -1): TLShapeId | undefined {
  const order = tabOrder(editor)
  const selected = editor.getSelectedShapeIds()
  if (selected.length === 0) return step === 1 ? order[0] : undefined
  const positions = selected.map((id) => order.indexOf(id)).filter((i) => i >= 0)
  if (positions.length === 0) return step === 1 ? order[0] : undefined
  const from = step === 1 ? Math.max(...positions) : Math.min(...positions)
  return order[from + step]
}

/** tldraw's reading order of a parent's children (it keeps that method private; the page's is public). */
function readingOrder(editor: Editor, parentId: TLParentId): TLShape[] {
  if (isPageId(parentId)) return editor.getCurrentPageShapesInReadingOrder()
  const children = editor.getSortedChildIdsForParent(parentId).flatMap((id) => editor.getShape(id) ?? [])
  const withOrder = editor as unknown as { _getShapesInReadingOrder?: (shapes: TLShape[]) => TLShape[] }
  if (typeof withOrder._getShapesInReadingOrder !== 'function') return children.filter((s) => editor.getShapeUtil(s).canTabTo(s))
  return withOrder._getShapesInReadingOrder.call(editor, children)
}

function isEditable(element: HTMLElement): boolean {
  return element.isContentEditable || element.matches('input, textarea, select')
}

function shown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden'
}

/**
 * Where Tab after the last shape goes: tldraw's own controls (menu, style
 * panel, tools), which follow the canvas in the page, but not its "move focus
 * to the canvas" button, which would only lead back in.
 */
function tabbableAfter(container: HTMLElement): HTMLElement | undefined {
  const inside = [...container.querySelectorAll<HTMLElement>(TABBABLE)].find(
    (el) => shown(el) && el.closest('.tl-canvas') === null && !el.classList.contains('tl-skip-to-main-content'),
  )
  if (inside !== undefined) return inside
  return [...document.querySelectorAll<HTMLElement>(TABBABLE)].find(
    (el) => shown(el) && !container.contains(el) && (container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  )
}

/** Where Shift+Tab before the first shape and Esc go: the last control before the canvas (the board's toolbar). */
function tabbableBefore(container: HTMLElement): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>(TABBABLE)]
    .filter((el) => shown(el) && !container.contains(el) && (container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0)
    .at(-1)
}
