/**
 * The list view's reading of the board and its changes to it. Every change
 * goes through the tldraw editor, as a change on the canvas would: authorship
 * is recorded (authorship.ts), undo works, and the board syncs as usual.
 */
import { CONCEPT_CARD_TYPE, conceptCardText, type ConceptField } from '@werkraum/shared'
import { createShapeId, toRichText, useValue, type Box, type Editor, type TLFrameShape, type TLNoteShape, type TLShape, type TLShapeId } from 'tldraw'
import { authorsOf } from '../authorship.ts'
import { LISTED_TYPES, groupIntoAreas, placeInArea, placeOutside, type ListArea, type ListFrame, type ListItem } from './boardList.ts'

export interface BoardListView {
  readonly areas: readonly ListArea[]
  /** Frames, in reading order: the areas a note can be put into. */
  readonly frames: readonly ListFrame[]
  /** How many items the list shows (notes, texts, concept cards). */
  readonly count: number
}

/** The board as the list shows it, kept up to date as anyone changes it. */
export function useBoardList(editor: Editor): BoardListView {
  return useValue('board list', () => readBoardList(editor), [editor])
}

export function readBoardList(editor: Editor): BoardListView {
  const frames: ListFrame[] = []
  const items: ListItem[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const bounds = editor.getShapePageBounds(shape.id)
    const x = bounds?.x ?? 0
    const y = bounds?.y ?? 0
    if (shape.type === 'frame') {
      frames.push({ id: shape.id, name: (shape as TLFrameShape).props.name, x, y })
      continue
    }
    if (!LISTED_TYPES.includes(shape.type)) continue
    const area = editor.findShapeAncestor(shape, (parent) => parent.type === 'frame')
    const authors = authorsOf(shape.meta).map((a) => a.name)
    if (shape.type === CONCEPT_CARD_TYPE) {
      const card = conceptCardText(shape.props)
      items.push({ id: shape.id, type: shape.type, areaId: area?.id ?? null, x, y, text: card.title, authors, card })
    } else {
      items.push({ id: shape.id, type: shape.type, areaId: area?.id ?? null, x, y, text: editor.getShapeUtil(shape).getText(shape) ?? '', authors })
    }
  }
  const areas = groupIntoAreas(frames, items)
  return { areas, frames: areas.flatMap((a) => (a.id === null ? [] : frames.filter((f) => f.id === a.id))), count: items.length }
}

/** tldraw's note at scale 1. */
const NOTE_SIZE = { w: 200, h: 200 }

function takenBoxes(editor: Editor, except?: TLShapeId): Box[] {
  return editor
    .getCurrentPageShapes()
    .filter((s) => s.id !== except && LISTED_TYPES.includes(s.type))
    .map((s) => editor.getShapePageBounds(s.id))
    .filter((b): b is Box => b !== undefined)
}

/**
 * Puts `id` into the frame `areaId` (null: onto the page, outside every
 * frame) at a free place there, growing the frame when it is full.
 */
function placeShape(editor: Editor, id: TLShapeId, areaId: TLShapeId | null): void {
  const shape = editor.getShape(id)
  if (shape === undefined) return
  const size = editor.getShapePageBounds(id) ?? { w: NOTE_SIZE.w, h: NOTE_SIZE.h }
  const taken = takenBoxes(editor, id)
  const frame = areaId === null ? undefined : editor.getShape<TLFrameShape>(areaId)
  const frameBounds = frame === undefined ? undefined : editor.getShapePageBounds(frame.id)
  if (frame === undefined || frameBounds === undefined) {
    const outside = placeOutside([...taken, ...editor.getCurrentPageShapes().filter((s) => s.type === 'frame').flatMap((s) => editor.getShapePageBounds(s.id) ?? [])])
    editor.reparentShapes([id], editor.getCurrentPageId())
    editor.updateShape({ id, type: shape.type, x: outside.x, y: outside.y })
    return
  }
  const at = placeInArea(frameBounds, { w: size.w, h: size.h }, taken)
  if (at.growTo !== undefined) editor.updateShape<TLFrameShape>({ id: frame.id, type: 'frame', props: { h: at.growTo } })
  if (shape.parentId !== frame.id) editor.reparentShapes([id], frame.id)
  const local = editor.getPointInParentSpace(id, { x: at.x, y: at.y })
  editor.updateShape({ id, type: shape.type, x: local.x, y: local.y })
}

/** A new sticky note with `text` in the area `areaId` (null: outside the areas). Returns its id. */
export function addNoteToArea(editor: Editor, text: string, areaId: string | null): TLShapeId {
  const id = createShapeId()
  editor.markHistoryStoppingPoint('add note from list')
  editor.run(() => {
    editor.createShape<TLNoteShape>({ id, type: 'note', x: 0, y: 0, props: { richText: toRichText(text) } })
    placeShape(editor, id, areaId as TLShapeId | null)
  })
  return id
}

/** Moves `id` into another area (at a free place there). */
export function moveToArea(editor: Editor, id: string, areaId: string | null): void {
  editor.markHistoryStoppingPoint('move from list')
  editor.run(() => placeShape(editor, id as TLShapeId, areaId as TLShapeId | null))
}

/** Replaces the text of a note or a text shape. */
export function setItemText(editor: Editor, id: string, text: string): void {
  const shape = editor.getShape(id as TLShapeId)
  if (shape === undefined || (shape.type !== 'note' && shape.type !== 'text')) return
  if ((editor.getShapeUtil(shape).getText(shape) ?? '') === text) return
  editor.markHistoryStoppingPoint('edit from list')
  editor.updateShape({ id: shape.id, type: shape.type, props: { richText: toRichText(text) } } as TLShape)
}

/** Replaces fields of a concept card (only those that changed). */
export function setCardFields(editor: Editor, id: string, fields: Partial<Record<ConceptField, string>>): void {
  const shape = editor.getShape(id as TLShapeId)
  if (shape === undefined || shape.type !== CONCEPT_CARD_TYPE) return
  const before = conceptCardText(shape.props)
  const changed = Object.fromEntries(Object.entries(fields).filter(([key, value]) => before[key as ConceptField] !== value))
  if (Object.keys(changed).length === 0) return
  editor.markHistoryStoppingPoint('edit card from list')
  editor.updateShape({ id: shape.id, type: shape.type, props: changed } as unknown as TLShape)
}

export function deleteItem(editor: Editor, id: string): void {
  editor.markHistoryStoppingPoint('delete from list')
  editor.deleteShapes([id as TLShapeId])
}
