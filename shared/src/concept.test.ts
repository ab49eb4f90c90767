import { describe, expect, it } from 'vitest'
import { isEmptyConceptCard } from './concept.ts'

describe('concept cards', () => {
  it('a card is empty when every field is empty or whitespace, as the template lays it out', () => {
    const template = { w: 420, h: 360, title: '', challenge: '', idea: '', audience: '', nextSteps: '', carriers: '' }
    expect(isEmptyConceptCard(template)).toBe(true)
    expect(isEmptyConceptCard({ ...template, title: '  \n', idea: '\t' })).toBe(true)
    // Read defensively: props come from a board anyone in it could write.
    expect(isEmptyConceptCard(undefined)).toBe(true)
    expect(isEmptyConceptCard({ title: 42, idea: null })).toBe(true)
  })

  it('one written field is enough to make it a concept, title or not', () => {
    const template = { title: '', challenge: '', idea: '', audience: '', nextSteps: '', carriers: '' }
    expect(isEmptyConceptCard({ ...template, title: 'Rufbus' })).toBe(false)
    expect(isEmptyConceptCard({ ...template, carriers: 'Ada' })).toBe(false)
  })
})
