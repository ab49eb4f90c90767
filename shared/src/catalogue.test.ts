import { describe, expect, it } from 'vitest'
import { catalogueDate, catalogueDateTime, catalogueNumber, isMadeShape } from './catalogue.ts'

const note = (id: string, text: string) => ({ id, type: 'note', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] } } })
const emptyCard = { title: '', challenge: '', idea: '', audience: '', nextSteps: '', carriers: '' }

describe('what counts as made on a board', () => {
  it('notes with text and cards with something written in them', () => {
    expect(isMadeShape(note('shape:a', 'Rufbus'))).toBe(true)
    expect(isMadeShape(note('shape:a', ''))).toBe(false)
    expect(isMadeShape(note('shape:a', '   '))).toBe(false)
    expect(isMadeShape({ id: 'shape:c', type: 'concept-card', props: { ...emptyCard, idea: 'Bank' } })).toBe(true)
    expect(isMadeShape({ id: 'shape:template-concept-card', type: 'concept-card', props: emptyCard })).toBe(false)
  })

  it('not frames, nor the title, hints and arrows a template laid out; anything else people put there', () => {
    expect(isMadeShape({ id: 'shape:f', type: 'frame', props: { name: 'Ideen' } })).toBe(false)
    expect(isMadeShape({ id: 'shape:template-concept-title', type: 'text', props: {} })).toBe(false)
    expect(isMadeShape({ id: 'shape:template-concept-arrow-1', type: 'arrow', props: {} })).toBe(false)
    expect(isMadeShape({ id: 'shape:mine', type: 'text', props: {} })).toBe(true)
    expect(isMadeShape({ id: 'shape:sketch', type: 'draw', props: {} })).toBe(true)
    // A template's sticky note may have been rewritten: it counts.
    expect(isMadeShape(note('shape:template-brainstorming-area-1-note-1', 'Eine Idee pro Zettel'))).toBe(true)
  })
})

describe('numbers and dates in the catalogue\'s language', () => {
  it('minutes with a decimal comma in German, a point in English', () => {
    expect(catalogueNumber(2.7, 'de')).toBe('2,7')
    expect(catalogueNumber(2.7, 'en')).toBe('2.7')
    expect(catalogueNumber(2.75, 'de')).toBe('2,8')
    expect(catalogueNumber(20, 'de')).toBe('20')
  })

  it('dates in the locale\'s format and in UTC, whatever the machine says', () => {
    expect(catalogueDate('2026-11-20T23:30:00.000Z', 'de')).toBe('20. November 2026')
    expect(catalogueDate('2026-11-20T23:30:00.000Z', 'en')).toBe('20 November 2026')
    expect(catalogueDateTime('2026-11-20T09:05:00.000Z', 'de')).toMatch(/^20\. November 2026.*09:05 UTC$/)
    expect(catalogueDateTime('2026-11-20T09:05:00.000Z', 'en')).toMatch(/^20 November 2026.*09:05 UTC$/)
  })
})
