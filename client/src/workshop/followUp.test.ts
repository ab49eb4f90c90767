import type { Catalogue } from '@werkraum/shared/schemas'
import type { TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { applyFollowUp, followUpShapes, seedFromCatalogue, type FollowUpSeed } from './followUp.ts'
import { storeEditor } from './testEditor.ts'

const concept = (id: string, title: string, names?: string[]) => ({
  id,
  title,
  challenge: '',
  idea: title === '' ? ' ' : `Idee zu ${title}\nzweite Zeile`,
  audience: '',
  nextSteps: '',
  carriers: '',
  votes: [],
  pledges: { count: names?.length ?? 0, ...(names ? { names } : {}) },
})

const catalogue = {
  format: 'werkraum-catalogue',
  version: 1,
  workshop: { id: 'w1', title: 'Sprint', locale: 'de', createdAt: '2026-11-20T09:00:00.000Z', exportedAt: '2026-11-21T09:00:00.000Z', names: true },
  agenda: [],
  sections: [
    {
      boardId: 'b1',
      title: 'Plenum',
      phase: null,
      room: null,
      empty: false,
      // An untouched card, as a catalogue made before they were left out would still list it.
      concepts: [concept('shape:a', 'Rufbus'), concept('shape:b', 'Mitfahrbank', ['Ada']), concept('shape:untouched', '')],
      noteGroups: [],
      votes: [],
    },
  ],
  votes: [],
  ranking: [
    { rank: 1, kind: 'concept', item: 'b1/shape:b', boardId: 'b1', board: 'Plenum', title: 'Mitfahrbank', votes: 4, pledges: 1 },
    { rank: 2, kind: 'note', item: 'b1/shape:n', boardId: 'b1', board: 'Plenum', title: 'Eine Notiz', votes: 2, pledges: 0 },
    { rank: 3, kind: 'concept', item: 'b1/shape:a', boardId: 'b1', board: 'Plenum', title: 'Rufbus', votes: 0, pledges: 0 },
    { rank: 3, kind: 'concept', item: 'b1/shape:untouched', boardId: 'b1', board: 'Plenum', title: '', votes: 0, pledges: 0 },
  ],
} satisfies Catalogue

describe('follow-up workshops', () => {
  it('take the concept cards in the order of the ranking, with votes and pledges, and no notes and no untouched cards', () => {
    const seed = seedFromCatalogue(catalogue)
    expect(seed.concepts.map((c) => [c.title, c.votes, c.pledges, c.pledgedBy])).toEqual([
      ['Mitfahrbank', 4, 1, ['Ada']],
      ['Rufbus', 0, 0, undefined],
    ])
    expect(seed.concepts[0]!.idea).toBe('Idee zu Mitfahrbank\nzweite Zeile')
  })

  it('take a card copied between boards once: its most developed copy, with the pledges of every copy', () => {
    const copied = {
      ...catalogue,
      sections: [
        { ...catalogue.sections[0]!, boardId: 'room', title: 'Raum', concepts: [concept('shape:o', 'Rufbus', ['Ben'])] },
        { ...catalogue.sections[0]!, boardId: 'b1', concepts: [{ ...concept('shape:c', 'Rufbus, geschärft', ['Ada', 'Ben']), copyOf: 'room/shape:o' }] },
      ],
      ranking: [{ rank: 1, kind: 'concept', item: 'b1/shape:c', boardId: 'b1', board: 'Plenum', title: 'Rufbus, geschärft', votes: 5, pledges: 3, copies: ['room/shape:o'] }],
    } satisfies Catalogue
    const seed = seedFromCatalogue(copied)
    expect(seed.concepts.map((c) => [c.title, c.votes, c.pledges, c.pledgedBy])).toEqual([['Rufbus, geschärft', 5, 3, ['Ada', 'Ben']]])
  })

  it('lay the cards out as valid records on an empty board, once, outside the undo history', () => {
    const seed: FollowUpSeed = seedFromCatalogue(catalogue)
    const editor = storeEditor()
    expect(applyFollowUp(editor, seed)).toBe(true)
    expect(editor.runs).toEqual([{ opts: { history: 'ignore' }, created: followUpShapes(seed, 'de').length }])
    const shapes = editor.store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')
    const cards = shapes.filter((s) => s.type === 'concept-card').sort((a, b) => a.x - b.x)
    expect(cards.map((c) => (c.props as { title: string }).title)).toEqual(['Mitfahrbank', 'Rufbus'])
    const texts = JSON.stringify(shapes.filter((s) => s.type === 'text').map((s) => s.props))
    expect(texts).toContain('Punkte: 4 · Würden mitmachen: Ada')
    // Not twice, and not on a board that already has something on it.
    expect(applyFollowUp(editor, seed)).toBe(false)
  })

  it('write the same records in two browsers (fixed ids)', () => {
    const seed = seedFromCatalogue(catalogue)
    expect(followUpShapes(seed, 'de')).toEqual(followUpShapes(seed, 'de'))
    expect(new Set(followUpShapes(seed, 'de').map((s) => s.id)).size).toBe(followUpShapes(seed, 'de').length)
  })
})
