/**
 * Words tldraw says that Werkraum says better (issue #14): tldraw's German
 * calls a sticky note "Hinweis" (a notice) and leaves most of its
 * accessibility strings in English, and it knows no name for Werkraum's own
 * concept card (a screen reader heard the raw key "tool.concept-card").
 * Module-level, so tldraw does not load its translations again on every render.
 */
import type { TLUiOverrides } from 'tldraw'
import { CONCEPT_CARD_TYPE } from '@werkraum/shared'

const de: Record<string, string> = {
  'tool.note': 'Haftnotiz',
  [`tool.${CONCEPT_CARD_TYPE}`]: 'Konzeptkarte',
  'a11y.status': 'Status',
  'a11y.skip-to-main-content': 'Fokus auf die Tafel setzen',
  'a11y.shape-index': '{num} von {total}',
  'a11y.shape-image': 'Bild',
  'a11y.shape-video': 'Video',
  'a11y.multiple-shapes': '{num} Formen ausgewählt',
  'a11y.select-shape': 'Nächste Form auswählen',
  'a11y.select-shape-direction': 'Form in dieser Richtung auswählen',
  'a11y.enter-leave-container': 'In einen Rahmen hinein oder heraus',
  'a11y.repeat-shape': 'Form wiederholen',
  'a11y.move-shape': 'Form bewegen',
  'a11y.move-shape-faster': 'Form schneller bewegen',
  'a11y.enlarge-shape': 'Form vergrößern',
  'a11y.shrink-shape': 'Form verkleinern',
  'a11y.pan-camera': 'Ansicht verschieben',
  'a11y.adjust-shape-styles': 'Aussehen der Form ändern',
  'a11y.open-context-menu': 'Kontextmenü öffnen',
  'a11y.open-keyboard-shortcuts': 'Tastenkürzel anzeigen',
}

const en: Record<string, string> = {
  'tool.note': 'Sticky note',
  [`tool.${CONCEPT_CARD_TYPE}`]: 'Concept card',
}

export const TLDRAW_OVERRIDES: TLUiOverrides = { translations: { de, en } }
