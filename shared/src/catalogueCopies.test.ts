import { describe, expect, it } from 'vitest'
import { copiedFromItem, groupCopies, type CopyNode } from './catalogueCopies.ts'

const node = (item: string, from: string | null = null): CopyNode => ({ item, from })
const summary = (nodes: readonly CopyNode[]) =>
  groupCopies(nodes).map((g) => ({ original: g.original.item, latest: g.latest.item, members: g.members.map((m) => m.item) }))

describe('copies in the catalogue', () => {
  it('read where a shape was copied from, and nothing from what a client could write instead', () => {
    expect(copiedFromItem({ werkraumCopiedFrom: { boardId: 'room', shapeId: 'shape:a' } })).toBe('room/shape:a')
    for (const meta of [undefined, null, [], 'x', {}, { werkraumCopiedFrom: null }, { werkraumCopiedFrom: 'room/shape:a' }, { werkraumCopiedFrom: { boardId: 'room' } }, { werkraumCopiedFrom: { boardId: '', shapeId: 'shape:a' } }, { werkraumCopiedFrom: { boardId: 1, shapeId: 'shape:a' } }]) {
      expect(copiedFromItem(meta)).toBeNull()
    }
  })

  it('group a card with its copies: the original, the plenary copy and the copy in the new room', () => {
    const nodes = [node('room/shape:a'), node('room/shape:b'), node('plenary/shape:a2', 'room/shape:a'), node('plenary/shape:b2', 'room/shape:b'), node('new/shape:a3', 'plenary/shape:a2')]
    expect(summary(nodes)).toEqual([
      { original: 'room/shape:a', latest: 'new/shape:a3', members: ['room/shape:a', 'plenary/shape:a2', 'new/shape:a3'] },
      { original: 'room/shape:b', latest: 'plenary/shape:b2', members: ['room/shape:b', 'plenary/shape:b2'] },
    ])
  })

  it('give the farthest copy whatever order the items come in, and the original when nothing was copied', () => {
    const nodes = [node('new/shape:a3', 'plenary/shape:a2'), node('plenary/shape:a2', 'room/shape:a'), node('room/shape:a'), node('alone/shape:x')]
    expect(summary(nodes)).toEqual([
      { original: 'room/shape:a', latest: 'new/shape:a3', members: ['new/shape:a3', 'plenary/shape:a2', 'room/shape:a'] },
      { original: 'alone/shape:x', latest: 'alone/shape:x', members: ['alone/shape:x'] },
    ])
  })

  it('take the later of two equally far copies (a room listed after the plenary)', () => {
    expect(summary([node('room/shape:a'), node('plenary/shape:p', 'room/shape:a'), node('new/shape:n', 'room/shape:a')])).toEqual([
      { original: 'room/shape:a', latest: 'new/shape:n', members: ['room/shape:a', 'plenary/shape:p', 'new/shape:n'] },
    ])
  })

  it('keep copies together when their original is gone', () => {
    expect(summary([node('plenary/shape:p', 'room/shape:gone'), node('new/shape:n', 'room/shape:gone'), node('later/shape:l', 'new/shape:n')])).toEqual([
      { original: 'plenary/shape:p', latest: 'later/shape:l', members: ['plenary/shape:p', 'new/shape:n', 'later/shape:l'] },
    ])
  })

  it('end on a cycle a client wrote, the same for every member of it', () => {
    const nodes = [node('b/shape:2', 'a/shape:1'), node('a/shape:1', 'c/shape:3'), node('c/shape:3', 'b/shape:2'), node('d/shape:4', 'c/shape:3'), node('e/shape:5', 'e/shape:5')]
    expect(summary(nodes)).toEqual([
      { original: 'a/shape:1', latest: 'd/shape:4', members: ['b/shape:2', 'a/shape:1', 'c/shape:3', 'd/shape:4'] },
      { original: 'e/shape:5', latest: 'e/shape:5', members: ['e/shape:5'] },
    ])
  })

  it('take an item listed twice once', () => {
    expect(summary([node('room/shape:a'), node('room/shape:a', 'x/shape:y')])).toEqual([{ original: 'room/shape:a', latest: 'room/shape:a', members: ['room/shape:a'] }])
  })
})
