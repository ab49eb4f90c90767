/**
 * A follow-up workshop that builds on an earlier one (issue #6). The
 * facilitator's browser takes the earlier workshop's concepts from its
 * catalogue, creates the new workshop, and keeps the concepts for this tab
 * until the new workshop's plenary board is first opened empty; they are then
 * laid out there as concept cards, each with its votes and pledges above it.
 *
 * Every record is fully determined by the seed (fixed ids, every prop set),
 * like the board templates, so a second browser laying the same seed out
 * writes the same shapes.
 */
import { CONCEPT_CARD_TYPE, catalogueDate, catalogueLabels, isEmptyConceptCard, itemKey, type Locale } from '@werkraum/shared'
import type { Catalogue } from '@werkraum/shared/schemas'
import { createShapeId, getIndices, toRichText, type TLShapePartial, type TLTextShape } from 'tldraw'
import { CONCEPT_CARD_MIN_HEIGHT, CONCEPT_CARD_WIDTH, type ConceptCardShape } from '../board/ConceptCardShape.tsx'
import type { TemplateEditor } from './templates.ts'

export interface FollowUpConcept {
  readonly title: string
  readonly challenge: string
  readonly idea: string
  readonly audience: string
  readonly nextSteps: string
  readonly carriers: string
  readonly votes: number
  readonly pledges: number
  /** Who said "I'd work on this"; only when the facilitator chose to bring names along. */
  readonly pledgedBy?: readonly string[]
}

export interface FollowUpSeed {
  readonly sourceTitle: string
  readonly sourceDate: string
  readonly locale: Locale
  readonly concepts: readonly FollowUpConcept[]
}

/**
 * The earlier workshop's concept cards, most votes first (the catalogue's
 * ranking). An untouched card is nothing to build on: left behind, even if a
 * catalogue from elsewhere should still list one. A card copied between boards
 * is one entry of the ranking (its most developed copy, with the votes and
 * pledges of all copies), so it comes once; who pledged is gathered over all copies.
 */
export function seedFromCatalogue(catalogue: Catalogue): FollowUpSeed {
  const cards = new Map<string, Catalogue['sections'][number]['concepts'][number]>(catalogue.sections.flatMap((s) => s.concepts.map((c) => [itemKey(s.boardId, c.id), c] as const)))
  const pledgedOn = (items: readonly string[]): string[] => [...new Set(items.flatMap((item) => cards.get(item)?.pledges.names ?? []))]
  const concepts: FollowUpConcept[] = []
  for (const entry of catalogue.ranking) {
    const card = entry.kind === 'concept' ? cards.get(entry.item) : undefined
    if (!card || isEmptyConceptCard(card)) continue
    concepts.push({
      title: card.title,
      challenge: card.challenge,
      idea: card.idea,
      audience: card.audience,
      nextSteps: card.nextSteps,
      carriers: card.carriers,
      votes: entry.votes,
      pledges: entry.pledges,
      ...(card.pledges.names !== undefined ? { pledgedBy: pledgedOn([entry.item, ...(entry.copies ?? [])]) } : {}),
    })
  }
  return { sourceTitle: catalogue.workshop.title, sourceDate: catalogue.workshop.createdAt, locale: catalogue.workshop.locale, concepts }
}

const COLUMNS = 3
const COLUMN_W = CONCEPT_CARD_WIDTH + 80
/** Room for a card that grows with its text, and its context line above. */
const ROW_H = CONCEPT_CARD_MIN_HEIGHT + 340
const BASE = { rotation: 0, opacity: 1, isLocked: false } as const

function text(key: string, x: number, y: number, content: string, size: 'm' | 'xl', w: number | undefined): TLShapePartial<TLTextShape> {
  return {
    ...BASE,
    id: createShapeId(`followup-${key}`),
    type: 'text',
    x,
    y,
    props: { richText: toRichText(content), color: 'black', size, font: 'sans', textAlign: 'start', scale: 1, ...(w === undefined ? { autoSize: true, w: 8 } : { autoSize: false, w }) },
  }
}

/** The shapes the seed lays out: a heading, then a grid of cards, each with its votes and pledges above it. */
export function followUpShapes(seed: FollowUpSeed, locale: Locale): TLShapePartial[] {
  const l = catalogueLabels(locale)
  const shapes: TLShapePartial[] = [text('title', 0, -160, `${l.concepts}: ${seed.sourceTitle} (${catalogueDate(seed.sourceDate, locale)})`, 'xl', undefined)]
  seed.concepts.forEach((c, i) => {
    const x = (i % COLUMNS) * COLUMN_W
    const y = Math.floor(i / COLUMNS) * ROW_H
    const pledged = c.pledgedBy && c.pledgedBy.length > 0 ? `${l.pledges}: ${c.pledgedBy.join(', ')}` : `${l.pledges}: ${c.pledges}`
    shapes.push(text(`context-${i}`, x, y, `${l.votes}: ${c.votes} · ${pledged}`, 'm', CONCEPT_CARD_WIDTH))
    const card: TLShapePartial<ConceptCardShape> = {
      ...BASE,
      id: createShapeId(`followup-card-${i}`),
      type: CONCEPT_CARD_TYPE,
      x,
      y: y + 70,
      props: { w: CONCEPT_CARD_WIDTH, h: CONCEPT_CARD_MIN_HEIGHT, title: c.title, challenge: c.challenge, idea: c.idea, audience: c.audience, nextSteps: c.nextSteps, carriers: c.carriers },
    }
    shapes.push(card)
  })
  return shapes
}

/** Lays the seed out on the current page if it is empty and writable; returns whether it did. */
export function applyFollowUp(editor: TemplateEditor, seed: FollowUpSeed): boolean {
  if (editor.getIsReadonly() || editor.getCurrentPageShapeIds().size > 0 || seed.concepts.length === 0) return false
  const shapes = followUpShapes(seed, seed.locale)
  const pageId = editor.getCurrentPageId()
  const indices = getIndices(shapes.length)
  const records = shapes.map((shape, i) => ({ ...shape, parentId: pageId, index: indices[i] }))
  // Outside undo: the board starts like this, as with a template.
  editor.run(() => editor.createShapes(records), { history: 'ignore' })
  return true
}

const seedKey = (workshopId: string): string => `werkraum.followUp.${workshopId}`

/** Kept for this tab until the new workshop's plenary board is opened. */
export function keepSeed(workshopId: string, seed: FollowUpSeed): void {
  sessionStorage.setItem(seedKey(workshopId), JSON.stringify(seed))
}

/** The seed kept for a workshop, if any (written by this tab, but read defensively all the same). */
export function takeSeed(workshopId: string): FollowUpSeed | undefined {
  const raw = sessionStorage.getItem(seedKey(workshopId))
  if (raw === null) return undefined
  try {
    const seed: unknown = JSON.parse(raw)
    const s = seed as Partial<FollowUpSeed> | null
    const valid =
      typeof s?.sourceTitle === 'string' &&
      typeof s.sourceDate === 'string' &&
      (s.locale === 'de' || s.locale === 'en') &&
      Array.isArray(s.concepts) &&
      s.concepts.every((c: Partial<FollowUpConcept> | null) => typeof c?.title === 'string' && typeof c.votes === 'number' && typeof c.pledges === 'number')
    return valid ? (seed as FollowUpSeed) : undefined
  } catch {
    return undefined
  }
}

export function dropSeed(workshopId: string): void {
  sessionStorage.removeItem(seedKey(workshopId))
}
