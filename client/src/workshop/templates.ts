/**
 * The layouts a workshop board starts from (`BoardTemplate`, recorded by the
 * server). The client lays one out when such a board is first opened empty.
 *
 * Two browsers may open the same empty board at the same moment and both lay
 * it out. Every record is therefore fully determined by template, locale and
 * page: fixed ids (the Yjs binding keys records by id, so both writes become
 * one copy), fixed indices, and every style prop and the opacity set, because
 * `createShapes` would otherwise fill them from each browser's "style for next
 * shape". Only what tldraw measures on creation (a note's growY) may differ.
 */
import { CONCEPT_CARD_TYPE, type BoardTemplate, type Locale } from '@werkraum/shared'
import { ConceptCardShapeUtil, type ConceptCardShape } from '../board/ConceptCardShape.tsx'
import {
  FONT_SIZES,
  LABEL_FONT_SIZES,
  createShapeId,
  getIndices,
  toRichText,
  type TLArrowShape,
  type TLDefaultColorStyle,
  type TLEditorRunOptions,
  type TLFrameShape,
  type TLNoteShape,
  type TLPageId,
  type TLShapeId,
  type TLShapePartial,
  type TLTextShape,
} from 'tldraw'

/** Document content in the workshop's language, not UI text: it stays as written whoever opens the board. */
const DE = {
  brainstormingTitle: 'Brainstorming',
  ideas: 'Ideen',
  questions: 'Fragen',
  nextSteps: 'Nächste Schritte',
  ideasNote1: 'Eine Idee pro Zettel',
  ideasNote2: 'Erst sammeln, später bewerten – auch verrückte Ideen zählen',
  conceptTitle: 'Konzept-Canvas',
  challenge: 'Herausforderung',
  challengeHint: 'Welches Problem lösen wir? Woran merken wir, dass es gelöst ist?',
  idea: 'Idee',
  ideaHint: 'Wie lösen wir es? Beschreibt die Idee in zwei, drei Sätzen.',
  audience: 'Zielgruppe',
  audienceHint: 'Für wen ist das? Was brauchen diese Menschen wirklich?',
  nextStepsHint: 'Was tun wir als Erstes? Wer macht was bis wann?',
}
type Texts = Record<keyof typeof DE, string>

const TEXTS: Record<Locale, Texts> = {
  de: DE,
  en: {
    brainstormingTitle: 'Brainstorming',
    ideas: 'Ideas',
    questions: 'Questions',
    nextSteps: 'Next steps',
    ideasNote1: 'One idea per note',
    ideasNote2: 'Collect first, judge later – wild ideas count too',
    conceptTitle: 'Concept canvas',
    challenge: 'Challenge',
    challengeHint: 'Which problem do we solve? How will we know it is solved?',
    idea: 'Idea',
    ideaHint: 'How do we solve it? Describe the idea in two or three sentences.',
    audience: 'Target group',
    audienceHint: 'Who is it for? What do these people really need?',
    nextStepsHint: 'What do we do first? Who does what by when?',
  },
}

const AREA_W = 560
const AREA_H = 640
const GAP = 120
const PADDING = 40
const TITLE_Y = -140

/** The shapes of a template, children after their frame. Top-level shapes get their page in `applyTemplate`. */
export function templateShapes(template: BoardTemplate, locale: Locale): TLShapePartial[] {
  const t = TEXTS[locale]
  const id = (key: string): TLShapeId => createShapeId(`template-${template}-${key}`)
  const areaX = (i: number): number => i * (AREA_W + GAP)
  switch (template) {
    case 'blank':
      return []
    case 'brainstorming':
      return [
        text(id('title'), undefined, 0, TITLE_Y, t.brainstormingTitle, 'xl'),
        ...[t.ideas, t.questions, t.nextSteps].map((name, i) => frame(id(`area-${i + 1}`), areaX(i), name)),
        note(id('area-1-note-1'), id('area-1'), PADDING, PADDING, t.ideasNote1),
        note(id('area-1-note-2'), id('area-1'), PADDING + 240, PADDING, t.ideasNote2),
      ]
    case 'concept': {
      const areas = [
        [t.challenge, t.challengeHint],
        [t.idea, t.ideaHint],
        [t.audience, t.audienceHint],
        [t.nextSteps, t.nextStepsHint],
      ] as const
      return [
        text(id('title'), undefined, 0, TITLE_Y, t.conceptTitle, 'xl'),
        ...areas.flatMap(([name, hint], i) => {
          const area = id(`area-${i + 1}`)
          const shapes: TLShapePartial[] = [frame(area, areaX(i), name), text(id(`area-${i + 1}-hint`), area, PADDING, PADDING, hint, 'm')]
          // An arrow in the gap after each area but the last reads as "leads to".
          if (i < areas.length - 1) shapes.push(arrow(id(`arrow-${i + 1}`), areaX(i) + AREA_W + 20, AREA_H / 2, GAP - 40))
          return shapes
        }),
        // Below the areas: the card the group's concept ends up on (read by votes and the catalogue).
        conceptCard(id('card'), 0, AREA_H + GAP),
      ]
    }
    default: {
      const unknown: never = template
      throw new Error(`unknown board template ${String(unknown)}`)
    }
  }
}

/**
 * Whether a shape is a template's decoration: the arrows between its areas,
 * which say only "leads to" and carry no words. Keyboard and screen-reader
 * users skip them (ArrowShape.ts); the titles, areas and prompts are content.
 */
export function isTemplateDecoration(id: TLShapeId): boolean {
  return /^shape:template-[a-z]+-arrow-\d+$/.test(id)
}

/** Smallest text a person should have to read on screen, in CSS pixels (the "about 14 px" on a laptop). */
export const MIN_READABLE_TEXT_PX = 14

/**
 * The zoom at which a template's smallest text (its prompts and example
 * notes) reads at `MIN_READABLE_TEXT_PX` or more, or undefined for a template without
 * text. A board opens no further out than this, however wide the template.
 */
export function readableZoom(template: BoardTemplate): number | undefined {
  const sizes = templateShapes(template, 'en').flatMap((shape) => {
    const props = shape.props as { size?: keyof typeof FONT_SIZES; scale?: number } | undefined
    if (props?.size === undefined) return []
    const scale = props.scale ?? 1
    if (shape.type === 'text') return [FONT_SIZES[props.size] * scale]
    if (shape.type === 'note') return [LABEL_FONT_SIZES[props.size] * scale]
    return []
  })
  if (sizes.length === 0) return undefined
  // Rounded up to whole 5 %: the zoom menu then shows a plain figure, and the text is not a hair under.
  return Math.ceil((MIN_READABLE_TEXT_PX / Math.min(...sizes)) * 20) / 20
}

/**
 * What `applyTemplate` needs of tldraw's `Editor`, which satisfies it. Its own
 * interface because an `Editor` cannot be constructed without a DOM, so the
 * Node tests drive a store-backed stand-in.
 */
export interface TemplateEditor {
  getIsReadonly(): boolean
  getCurrentPageId(): TLPageId
  getCurrentPageShapeIds(): ReadonlySet<TLShapeId>
  createShapes(shapes: TLShapePartial[]): unknown
  run(fn: () => void, opts?: TLEditorRunOptions): unknown
}

/**
 * Lays `template` out on the current page if that page has no shapes yet and
 * the editor may write. Returns whether it did. Call it only once the board's
 * document is synced, or an empty local copy would be mistaken for an empty board.
 */
export function applyTemplate(editor: TemplateEditor, template: BoardTemplate, locale: Locale): boolean {
  if (editor.getIsReadonly() || editor.getCurrentPageShapeIds().size > 0) return false
  const shapes = templateShapes(template, locale)
  if (shapes.length === 0) return false
  const pageId = editor.getCurrentPageId()
  const indices = getIndices(shapes.length)
  const records = shapes.map((shape, i) => ({ ...shape, parentId: shape.parentId ?? pageId, index: indices[i] }))
  // Outside the undo history: the layout is where the board starts, and the
  // first ctrl+z must not wipe it (nor, synced, everyone else's copy of it).
  editor.run(() => editor.createShapes(records), { history: 'ignore' })
  return true
}

const COLOR: TLDefaultColorStyle = 'black'
const BASE = { rotation: 0, opacity: 1, isLocked: false } as const

function frame(id: TLShapeId, x: number, name: string): TLShapePartial<TLFrameShape> {
  return { ...BASE, id, type: 'frame', x, y: 0, props: { w: AREA_W, h: AREA_H, name, color: COLOR } }
}

function text(id: TLShapeId, parentId: TLShapeId | undefined, x: number, y: number, content: string, size: 'm' | 'xl'): TLShapePartial<TLTextShape> {
  const props = { richText: toRichText(content), color: COLOR, size, font: 'sans', textAlign: 'start', scale: 1 } as const
  // A hint wraps inside its area; a title grows with its text.
  const width = parentId ? { autoSize: false, w: AREA_W - 2 * PADDING } : { autoSize: true, w: 8 }
  return { ...BASE, id, type: 'text', ...(parentId && { parentId }), x, y, props: { ...props, ...width } }
}

function conceptCard(id: TLShapeId, x: number, y: number): TLShapePartial<ConceptCardShape> {
  // Every prop set (the defaults never read the editor), so two browsers laying the board out write the same.
  return { ...BASE, id, type: CONCEPT_CARD_TYPE, x, y, props: new ConceptCardShapeUtil(undefined as never).getDefaultProps() }
}

function note(id: TLShapeId, parentId: TLShapeId, x: number, y: number, content: string): TLShapePartial<TLNoteShape> {
  return {
    ...BASE,
    id,
    type: 'note',
    parentId,
    x,
    y,
    props: { richText: toRichText(content), color: 'yellow', labelColor: COLOR, size: 'm', font: 'sans', align: 'middle', verticalAlign: 'middle', scale: 1 },
  }
}

function arrow(id: TLShapeId, x: number, y: number, length: number): TLShapePartial<TLArrowShape> {
  return {
    ...BASE,
    id,
    type: 'arrow',
    x,
    y,
    props: {
      kind: 'arc',
      start: { x: 0, y: 0 },
      end: { x: length, y: 0 },
      bend: 0,
      color: 'grey',
      labelColor: COLOR,
      fill: 'none',
      dash: 'solid',
      size: 'm',
      font: 'sans',
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      scale: 1,
    },
  }
}
