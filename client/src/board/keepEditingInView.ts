/**
 * The phone keyboard never covers the note being typed (issue #14). A phone's
 * keyboard shrinks the visual viewport, not the page: the canvas keeps its
 * size and the note being edited may sit under the keys. Whenever the visual
 * viewport changes (the keyboard opens, the window shrinks) or editing
 * starts, the shape being edited is moved into the part of the canvas that
 * can be seen, zoomed out only if it would not fit there.
 */
import { react, type Box, type Editor } from 'tldraw'

/** Room left between the shape and the edge of what can be seen, in screen pixels. */
const MARGIN_PX = 12
/** Less of the canvas than this on screen, in either direction, counts as none: the page scrolls it into view instead of zooming a note to a dot. */
const MIN_AREA_PX = 96

interface Area {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/** Starts watching; returns the function that stops it. */
export function keepEditingInView(editor: Editor): () => void {
  let frame = 0
  const schedule = (): void => {
    cancelAnimationFrame(frame)
    // After layout: the canvas may change size in the same resize.
    frame = requestAnimationFrame(() => revealEditingShape(editor))
  }
  const viewport = window.visualViewport
  viewport?.addEventListener('resize', schedule)
  viewport?.addEventListener('scroll', schedule)
  window.addEventListener('resize', schedule)
  const stopReacting = react('keep the edited shape in view', () => {
    if (editor.getEditingShapeId() !== null) schedule()
  })
  return () => {
    cancelAnimationFrame(frame)
    viewport?.removeEventListener('resize', schedule)
    viewport?.removeEventListener('scroll', schedule)
    window.removeEventListener('resize', schedule)
    stopReacting()
  }
}

/** The part of the canvas on screen, in client coordinates: the canvas cut by the visual viewport. */
function visibleArea(container: DOMRect): Area | undefined {
  const viewport = window.visualViewport
  const seen: Area = viewport
    ? { left: viewport.offsetLeft, top: viewport.offsetTop, right: viewport.offsetLeft + viewport.width, bottom: viewport.offsetTop + viewport.height }
    : { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
  const area = {
    left: Math.max(container.left, seen.left),
    top: Math.max(container.top, seen.top),
    right: Math.min(container.right, seen.right),
    bottom: Math.min(container.bottom, seen.bottom),
  }
  return area.right - area.left >= MIN_AREA_PX && area.bottom - area.top >= MIN_AREA_PX ? area : undefined
}

/** Moves the camera so that the shape being edited lies inside what can be seen; nothing if it does already. */
export function revealEditingShape(editor: Editor): void {
  const id = editor.getEditingShapeId()
  if (id === null) return
  const bounds: Box | undefined = editor.getShapePageBounds(id)
  if (bounds === undefined) return
  const container = editor.getContainer().getBoundingClientRect()
  const area = visibleArea(container)
  if (area === undefined) {
    // The page has scrolled the canvas away (a phone's page scrolls past its header): bring it back, then look again.
    // Only on a resize or as editing starts, never on the page's own scroll: a person may scroll up to read.
    editor.getContainer().scrollIntoView({ block: 'nearest' })
    if (visibleArea(editor.getContainer().getBoundingClientRect()) !== undefined) revealEditingShape(editor)
    return
  }
  const { z } = editor.getCamera()
  // Where the shape is now, from the canvas's current position (tldraw's own copy may lag a resize).
  const topLeft = editor.pageToViewport(bounds.point)
  const shape = { left: container.left + topLeft.x, top: container.top + topLeft.y, right: container.left + topLeft.x + bounds.w * z, bottom: container.top + topLeft.y + bounds.h * z }
  const inside = shape.left >= area.left && shape.top >= area.top && shape.right <= area.right && shape.bottom <= area.bottom
  if (inside) return

  const room = { w: area.right - area.left - 2 * MARGIN_PX, h: area.bottom - area.top - 2 * MARGIN_PX }
  const zoom = Math.min(z, room.w / bounds.w, room.h / bounds.h)
  // The shape's centre goes to the centre of the visible area (viewport coordinates: (page + camera) × zoom).
  const target = { x: (area.left + area.right) / 2 - container.left, y: (area.top + area.bottom) / 2 - container.top }
  editor.setCamera({ x: target.x / zoom - bounds.midX, y: target.y / zoom - bounds.midY, z: zoom }, { immediate: true, force: true })
}
