/**
 * Where a concept card is written (issue #14). On a phone, a tablet or in
 * simple mode it opens in a form (ConceptCardForm.tsx) that fits the screen
 * and the keyboard, whatever the canvas zoom: on the canvas a card can be
 * 21×28 px wide there, and its fields can only be reached after pinching.
 * With a mouse on a wide screen it is written in place, as before.
 *
 * "Touch" is the primary pointer being coarse: a laptop with a touch screen
 * but a mouse keeps the in-place card; a phone turned sideways (wider than
 * the narrow limit) still gets the form.
 */
import { CONCEPT_FIELDS, type ConceptField } from '@werkraum/shared'
import { useSyncExternalStore } from 'react'
import { useSimpleMode } from '../settings/simpleMode.ts'

/** A touch screen, or a window too narrow for a 420 px card beside anything else. */
export const CARD_FORM_MEDIA = '(pointer: coarse), (max-width: 600px)'

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia(CARD_FORM_MEDIA)
  query.addEventListener('change', listener)
  return () => query.removeEventListener('change', listener)
}

function snapshot(): boolean {
  return window.matchMedia(CARD_FORM_MEDIA).matches
}

/** Whether concept cards open in the form here (instead of being written on the canvas). */
export function useCardForm(): boolean {
  const device = useSyncExternalStore(subscribe, snapshot, () => false)
  return useSimpleMode() || device
}

export type CardTexts = Record<ConceptField, string>

/**
 * The fields a form changed, to be written alone: a field someone else
 * wrote meanwhile, and this person did not touch, keeps their text.
 */
export function changedFields(before: CardTexts, after: CardTexts): Partial<CardTexts> {
  const changed: Partial<CardTexts> = {}
  for (const field of CONCEPT_FIELDS) if (after[field] !== before[field]) changed[field] = after[field]
  return changed
}
