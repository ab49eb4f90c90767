/**
 * Concept cards (issue #6): a tldraw shape of Werkraum's own that holds one
 * concept in a fixed structure. The client draws and edits it; the server
 * reads it for votes and the concept catalogue. Both agree on its type name
 * and fields here.
 */

/** The tldraw shape type of a concept card. */
export const CONCEPT_CARD_TYPE = 'concept-card'

/** The card's text fields, in the order they are shown and exported. */
export const CONCEPT_FIELDS = ['title', 'challenge', 'idea', 'audience', 'nextSteps', 'carriers'] as const
export type ConceptField = (typeof CONCEPT_FIELDS)[number]

export type ConceptCardText = Readonly<Record<ConceptField, string>>

export const ConceptLimits = {
  /** Per field: a concept is a page, not a book; bounded so one card cannot bloat a board. */
  MAX_FIELD_CHARS: 4000,
} as const

/** The fields of a card's props, each a string ('' where missing or not text): props come from a board anyone in it could write. */
export function conceptCardText(props: unknown): ConceptCardText {
  const p = (typeof props === 'object' && props !== null ? props : {}) as Record<string, unknown>
  const field = (key: ConceptField): string => (typeof p[key] === 'string' ? (p[key] as string) : '')
  return {
    title: field('title'),
    challenge: field('challenge'),
    idea: field('idea'),
    audience: field('audience'),
    nextSteps: field('nextSteps'),
    carriers: field('carriers'),
  }
}

/**
 * Whether a card holds nothing anyone wrote: every field empty or only
 * whitespace. The concept template lays its card out like that (every field
 * ''), so an untouched template card is empty; such a card is left out of the
 * catalogue, its ranking and a follow-up workshop (issue #13).
 */
export function isEmptyConceptCard(props: unknown): boolean {
  const text = conceptCardText(props)
  return CONCEPT_FIELDS.every((field) => text[field].trim() === '')
}
