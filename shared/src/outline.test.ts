import { describe, expect, it } from 'vitest'
import { MAX_OUTLINE_BOXES, boardResults, conceptSummaries, outline } from './outline.ts'

describe('outline', () => {
  it('places shapes on the page, nested ones moved by their frame, and skips what is not a shape', () => {
    const boxes = outline([
      { typeName: 'shape', id: 'shape:f', type: 'frame', x: 100, y: 50, parentId: 'page:1', props: { w: 400, h: 300 } },
      { typeName: 'shape', id: 'shape:n', type: 'note', x: 10, y: 20, parentId: 'shape:f', props: { scale: 1, growY: 40 } },
      { typeName: 'shape', id: 'shape:d', type: 'draw', x: 0, y: 0, parentId: 'page:1', props: { segments: [{ points: [{ x: -5, y: 2 }, { x: 15, y: 12 }] }] } },
      { typeName: 'shape', id: 'shape:bad', type: 'geo', x: Number.NaN, y: 0, parentId: 'page:1', props: {} },
      { typeName: 'page', id: 'page:1' },
      'junk',
    ])
    expect(boxes).toEqual([
      { x: 100, y: 50, w: 400, h: 300, kind: 'frame' },
      { x: 110, y: 70, w: 200, h: 240, kind: 'note' },
      { x: -5, y: 2, w: 20, h: 10, kind: 'other' },
    ])
  })

  it('survives a parent cycle', () => {
    const boxes = outline([
      { typeName: 'shape', id: 'shape:a', type: 'geo', x: 1, y: 1, parentId: 'shape:b', props: { w: 10, h: 10 } },
      { typeName: 'shape', id: 'shape:b', type: 'geo', x: 1, y: 1, parentId: 'shape:a', props: { w: 10, h: 10 } },
    ])
    expect(boxes).toHaveLength(2)
  })
})

describe('conceptSummaries', () => {
  const card = (id: string, x: number, y: number, props: Record<string, unknown>) => ({ typeName: 'shape', id, type: 'concept-card', x, y, parentId: 'page:1', props })

  it('lists written cards in reading order and leaves out untouched ones', () => {
    const summaries = conceptSummaries([
      card('shape:b', 0, 500, { title: ' Mitfahrbank ', idea: '' }),
      card('shape:a', 600, 0, { title: 'Rufbus', idea: 'Per App' }),
      card('shape:empty', 0, 0, { title: '', idea: '  ', challenge: '' }),
      card('shape:untitled', 900, 0, { title: '', idea: 'Nur eine Idee' }),
      card('shape:odd', 0, 900, { title: 42 }),
      { typeName: 'shape', id: 'shape:n', type: 'note', x: 0, y: 0, parentId: 'page:1', props: { title: 'kein Konzept' } },
    ])
    expect(summaries).toEqual([
      { id: 'shape:a', title: 'Rufbus' },
      { id: 'shape:untitled', title: '' },
      { id: 'shape:b', title: 'Mitfahrbank' },
    ])
  })

  it('places cards inside a frame by the frame', () => {
    const summaries = conceptSummaries([
      { typeName: 'shape', id: 'shape:f', type: 'frame', x: 0, y: 1000, parentId: 'page:1', props: { w: 800, h: 600 } },
      card('shape:inner', 0, 0, { title: 'Unten' }),
      card('shape:outer', 0, 500, { title: 'Oben' }),
    ].map((r) => (r.id === 'shape:inner' ? { ...r, parentId: 'shape:f' } : r)))
    expect(summaries.map((s) => s.title)).toEqual(['Oben', 'Unten'])
  })
})

describe('boardResults', () => {
  it('caps the outline but counts every shape, frames and arrows left out', () => {
    const notes = Array.from({ length: MAX_OUTLINE_BOXES + 20 }, (_, i) => ({ typeName: 'shape', id: `shape:n${i}`, type: 'note', x: i, y: 0, parentId: 'page:1', props: {} }))
    const results = boardResults([
      { typeName: 'shape', id: 'shape:f', type: 'frame', x: 0, y: 0, parentId: 'page:1', props: { w: 10, h: 10 } },
      { typeName: 'shape', id: 'shape:a', type: 'arrow', x: 0, y: 0, parentId: 'page:1', props: {} },
      { typeName: 'shape', id: 'shape:c', type: 'concept-card', x: 0, y: 0, parentId: 'page:1', props: { title: 'Rufbus' } },
      ...notes,
    ])
    expect(results.outline).toHaveLength(MAX_OUTLINE_BOXES)
    expect(results.shapes).toBe(MAX_OUTLINE_BOXES + 21)
    expect(results.concepts).toEqual(['Rufbus'])
  })
})
