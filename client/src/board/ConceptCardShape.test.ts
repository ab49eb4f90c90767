import { CONCEPT_CARD_TYPE } from '@werkraum/shared'
import i18next from 'i18next'
import { createShapeId, type TLArrowShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { de } from '../i18n/de.ts'
import { en } from '../i18n/en.ts'
import { isTemplateDecoration } from '../workshop/templates.ts'
import { WerkraumArrowShapeUtil } from './ArrowShape.ts'
import {
  CONCEPT_CARD_MIN_HEIGHT,
  ConceptCardShapeUtil,
  conceptCardDescription,
  nextCardHeight,
  type ConceptCardProps,
  type ConceptCardShape,
} from './ConceptCardShape.tsx'

describe('concept card height', () => {
  it('follows the text exactly for whoever writes in the card, never below the minimum', () => {
    expect(nextCardHeight(612.4, 400, true)).toBe(613)
    expect(nextCardHeight(300, 613, true)).toBe(CONCEPT_CARD_MIN_HEIGHT)
    expect(nextCardHeight(612.6, 613, true)).toBeUndefined()
  })

  it('only grows for someone who has it selected, so two browsers cannot take turns shrinking and growing it', () => {
    // The writer's edit view measured 450 and wrote it; a viewer's read view measures 380.
    expect(nextCardHeight(380, 450, false)).toBeUndefined()
    expect(nextCardHeight(500, 450, false)).toBe(500)
    // After the viewer grew it to 500, the writer's own measurement of 450 sets it back once; the viewer then leaves it.
    expect(nextCardHeight(450, 500, true)).toBe(450)
    expect(nextCardHeight(380, 450, false)).toBeUndefined()
  })
})

describe('concept card for screen readers', () => {
  const util = new ConceptCardShapeUtil(undefined as never)
  const card = (props: Partial<ConceptCardProps>): ConceptCardShape =>
    ({ id: 'shape:card', type: CONCEPT_CARD_TYPE, props: { ...util.getDefaultProps(), ...props } }) as unknown as ConceptCardShape

  it('reads the title and each filled field with its label, in the chosen language', async () => {
    await i18next.init({ lng: 'de', resources: { de: { translation: de }, en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false })
    const shape = card({ title: 'Rufbus', challenge: 'Ältere kommen nicht zum Markt', idea: 'Ein Bus auf Anruf.', carriers: 'Seniorenbeirat' })
    expect(util.getAriaDescriptor(shape)).toBe('Rufbus. Herausforderung: Ältere kommen nicht zum Markt. Idee: Ein Bus auf Anruf. Wer trägt es weiter: Seniorenbeirat')
    // Search and tldraw's fallback read the plain text, every field on its own line.
    expect(util.getText(shape)).toBe('Rufbus\nÄltere kommen nicht zum Markt\nEin Bus auf Anruf.\nSeniorenbeirat')
    await i18next.changeLanguage('en')
    expect(util.getAriaDescriptor(card({ idea: 'A bus on call' }))).toBe('Untitled concept. Idea: A bus on call')
  })

  it('names an empty card rather than saying nothing', () => {
    expect(conceptCardDescription(util.getDefaultProps(), (key) => (key === 'untitled' ? 'Konzept ohne Titel' : key))).toBe('Konzept ohne Titel')
  })
})

describe('template decoration', () => {
  it('keeps the arrows between a template\'s areas out of the Tab order, and nothing else', () => {
    const arrows = new WerkraumArrowShapeUtil(undefined as never)
    const arrow = (id: string) => ({ id, type: 'arrow' }) as unknown as TLArrowShape
    expect(isTemplateDecoration(createShapeId('template-concept-arrow-1'))).toBe(true)
    expect(arrows.canTabTo(arrow(createShapeId('template-concept-arrow-3')))).toBe(false)
    // An arrow somebody drew, and a template's prompt, are content.
    expect(arrows.canTabTo(arrow(createShapeId()))).toBe(true)
    expect(isTemplateDecoration(createShapeId('template-concept-area-1-hint'))).toBe(false)
  })
})
