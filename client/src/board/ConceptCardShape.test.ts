import { describe, expect, it } from 'vitest'
import { CONCEPT_CARD_MIN_HEIGHT, nextCardHeight } from './ConceptCardShape.tsx'

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
