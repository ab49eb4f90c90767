import { describe, expect, it } from 'vitest'
import { checkBallot, normaliseSession, plainText, readingOrder, resultsCsv, type VoteSession } from './votes.ts'

const open: VoteSession = {
  id: 'v1',
  kind: 'dots',
  title: 'T',
  target: 'notes',
  boardIds: ['b'],
  votesPerPerson: 3,
  maxPerItem: 2,
  anonymous: false,
  hidden: false,
  status: 'open',
  openedAt: 0,
}

describe('votes', () => {
  it('checks the budget, the per-item maximum and the session state', () => {
    expect(checkBallot(open, 0, 0)).toBeUndefined()
    expect(checkBallot(open, 3, 0)).toBe('no_votes_left')
    expect(checkBallot(open, 2, 2)).toBe('item_full')
    expect(checkBallot({ ...open, status: 'closed' }, 0, 0)).toBe('closed')
  })

  it('makes pledges named, visible and one per item; caps a per-item maximum at the budget', () => {
    expect(normaliseSession({ kind: 'pledge', votesPerPerson: 1, maxPerItem: 5, anonymous: true, hidden: true })).toMatchObject({ maxPerItem: 1, anonymous: false, hidden: false })
    expect(normaliseSession({ kind: 'dots', votesPerPerson: 2, maxPerItem: 5, anonymous: true, hidden: true })).toEqual({ votesPerPerson: 2, maxPerItem: 2, anonymous: true, hidden: true })
  })

  it('reads rich text as plain text with its line breaks', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Grüße' }, { type: 'hardBreak' }, { type: 'text', text: 'an alle' }] }, { type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: '<b>x</b>' }] }] }
    expect(plainText(doc)).toBe('Grüße\nan alle\n\n<b>x</b>')
    expect(plainText(null)).toBe('')
  })

  it('writes CSV that spreadsheets cannot mistake for formulas', () => {
    const csv = resultsCsv([{ item: 'b/s', board: 'Plenum', text: '=SUM(A1)\n"x"', count: 2, names: ['Jörg', 'Ada'] }], true)
    expect(csv).toBe('\uFEFF"item","board","text","count","names"\r\n"b/s","Plenum","\'=SUM(A1)\n""x""","2","Jörg; Ada"\r\n')
    expect(resultsCsv([{ item: 'b', board: 'B', text: '', count: 1 }], false)).not.toContain('names')
  })
})

describe('readingOrder', () => {
  it('reads rows from top to bottom, each from left to right, with notes placed a little off the row', () => {
    const at = (id: string, x: number, y: number) => ({ id, x, y })
    const order = readingOrder([at('below', 0, 400), at('right', 300, 0), at('left', 0, 60), at('lowerRight', 300, 420)])
    expect(order.map((i) => i.id)).toEqual(['left', 'right', 'below', 'lowerRight'])
    expect(readingOrder([])).toEqual([])
  })
})
