import { EMPTY_FACILITATION, type AfterBreakout, type Facilitation, type Phase } from '@werkraum/shared'
import { describe, expect, it } from 'vitest'
import { landingAfterBreakout } from './useBreakoutNavigation.ts'

function withBreakoutPhase(after: AfterBreakout | undefined): Facilitation {
  const phase: Phase = {
    id: 'pWork',
    title: 'Gruppenarbeit',
    kind: 'breakout',
    plannedMs: 15 * 60_000,
    status: 'done',
    breakout: { rooms: [{ title: 'Raum 1', challenge: '' }], template: 'concept', mode: 'random', ...(after !== undefined ? { after } : {}) },
  }
  return { ...EMPTY_FACILITATION, phases: [phase] }
}

describe('landingAfterBreakout', () => {
  it('goes to the gallery of the phase unless the plan says otherwise', () => {
    expect(landingAfterBreakout('W1', withBreakoutPhase(undefined), 'pWork')).toBe('/w/W1/results/pWork')
    expect(landingAfterBreakout('W1', withBreakoutPhase('gallery'), 'pWork')).toBe('/w/W1/results/pWork')
  })

  it('goes to the first board for "plenary" and nowhere for "stay"', () => {
    expect(landingAfterBreakout('W1', withBreakoutPhase('plenary'), 'pWork')).toBe('/w/W1')
    expect(landingAfterBreakout('W1', withBreakoutPhase('stay'), 'pWork')).toBeUndefined()
  })

  it('takes a phase removed since to its gallery, the default', () => {
    expect(landingAfterBreakout('W1', EMPTY_FACILITATION, 'pGone')).toBe('/w/W1/results/pGone')
  })
})
