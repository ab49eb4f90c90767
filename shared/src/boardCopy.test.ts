import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONCEPT_CARD_TYPE } from './concept.ts'
import {
  ResultsLayout,
  contentBottom,
  currentRecords,
  indicesAbove,
  layOutResults,
  putRecords,
  resultShapes,
  seedCopy,
  shapeSize,
  topIndex,
  type BoardRecord,
  type ShapeRecord,
} from './boardCopy.ts'

const PAGE = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }

function card(id: string, x: number, y: number, title: string, extra: Record<string, unknown> = {}): ShapeRecord {
  return {
    id,
    typeName: 'shape',
    type: CONCEPT_CARD_TYPE,
    parentId: 'page:page',
    index: 'a1',
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 320, h: 400, title, challenge: '', idea: '', audience: '', nextSteps: '', carriers: '', ...extra },
  }
}

function note(id: string, x: number, y: number, text: string, parentId = 'page:page'): ShapeRecord {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    parentId,
    index: 'a2',
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { richText: { type: 'doc', content: text === '' ? [{ type: 'paragraph' }] : [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, growY: 0, scale: 1 },
  }
}

const byId = (records: readonly BoardRecord[]): Map<string, BoardRecord> => new Map(records.map((r) => [r.id, r]))

let ids = 0
const newId = (): string => `n${++ids}`

describe('what is copied', () => {
  it('takes cards with content (and notes with text, when asked) in reading order', () => {
    const frame: ShapeRecord = { ...card('shape:f', 0, 1000, ''), type: 'frame', props: { w: 1000, h: 1000, name: 'Ideen' } }
    const records = byId([
      PAGE,
      card('shape:empty', 0, 0, ''),
      card('shape:late', 0, 900, 'Spät'),
      card('shape:first', 400, 0, '', { idea: 'nur eine Idee' }),
      frame,
      note('shape:inFrame', 10, 10, 'im Rahmen', 'shape:f'),
      note('shape:blank', 0, 50, '  '),
    ])
    expect(resultShapes(records, false).map((s) => s.id)).toEqual(['shape:first', 'shape:late'])
    expect(resultShapes(records, true).map((s) => s.id)).toEqual(['shape:first', 'shape:late', 'shape:inFrame'])
  })
})

describe('index keys', () => {
  it('are ascending and above the given key, and distinct for many siblings', () => {
    const keys = indicesAbove('a5', 200)
    expect(keys.every((k) => k > 'a5')).toBe(true)
    expect([...keys].sort()).toEqual(keys)
    expect(new Set(keys).size).toBe(200)
    // The fraction never ends in 0 (tldraw would refuse such a key).
    expect(keys.some((k) => k.endsWith('0'))).toBe(false)
    expect(indicesAbove(null, 1)[0]! > 'a0').toBe(true)
  })
})

describe('the results layout', () => {
  const rooms = [
    { title: 'Raum 1', boardId: 'b1', shapes: [card('shape:a', 0, 0, 'A'), card('shape:b', 0, 0, 'B'), card('shape:c', 0, 0, 'C'), note('shape:d', 0, 0, 'D')] },
    { title: 'Raum 2', boardId: 'b2', shapes: [] },
    { title: 'Raum 3', boardId: 'b3', shapes: [card('shape:e', 0, 0, 'E')] },
    { title: 'Raum 4', boardId: 'b4', shapes: [card('shape:f', 0, 0, 'F')] },
  ]
  const laid = layOutResults(rooms, { pageId: 'page:page', topIndex: 'a3', left: 100, top: 2000 }, newId)
  const frames = laid.filter((r) => r.type === 'frame')

  it('makes one frame per room, named after it, below the existing content and above it in stacking order', () => {
    expect(frames.map((f) => f.props.name)).toEqual(['Raum 1', 'Raum 2', 'Raum 3', 'Raum 4'])
    expect(frames.every((f) => f.parentId === 'page:page' && f.y >= 2000 && f.index > 'a3')).toBe(true)
    // The fourth frame starts a new row.
    expect(frames[3]!.x).toBe(100)
    expect(frames[3]!.y).toBeGreaterThan(frames[0]!.y + (frames[0]!.props.h as number))
    expect(frames[1]!.props).toMatchObject(ResultsLayout.EMPTY_FRAME)
  })

  it('puts copies inside their room’s frame without overlapping, with new ids and where they came from', () => {
    const copies = laid.filter((r) => r.type !== 'frame')
    expect(copies).toHaveLength(6)
    for (const frame of frames) {
      const inside = copies.filter((c) => c.parentId === frame.id)
      for (const c of inside) {
        const size = shapeSize(c)
        expect(c.x).toBeGreaterThanOrEqual(0)
        expect(c.y).toBeGreaterThanOrEqual(0)
        expect(c.x + size.w).toBeLessThanOrEqual(frame.props.w as number)
        expect(c.y + size.h).toBeLessThanOrEqual(frame.props.h as number)
      }
      for (const [i, a] of inside.entries()) {
        for (const b of inside.slice(i + 1)) {
          const apart = a.x + shapeSize(a).w <= b.x || b.x + shapeSize(b).w <= a.x || a.y + shapeSize(a).h <= b.y || b.y + shapeSize(b).h <= a.y
          expect(apart).toBe(true)
        }
      }
    }
    expect(copies.map((c) => (c.meta as { werkraumCopiedFrom: { shapeId: string } }).werkraumCopiedFrom.shapeId)).toEqual(['shape:a', 'shape:b', 'shape:c', 'shape:d', 'shape:e', 'shape:f'])
    expect(new Set(laid.map((r) => r.id)).size).toBe(laid.length)
    expect(copies.some((c) => ['shape:a', 'shape:e'].includes(c.id))).toBe(false)
  })

  it('leaves who wrote the original behind: a copy is a new shape on another board', () => {
    const written = { ...card('shape:w', 0, 0, 'W'), meta: { werkraumAuthors: [{ id: 'ada', name: 'Ada' }], other: 1 } }
    const [copy] = layOutResults([{ title: 'R', boardId: 'b1', shapes: [written] }], { pageId: 'page:page', topIndex: null, left: 0, top: 0 }, newId).filter((r) => r.type !== 'frame')
    expect(copy!.meta).toEqual({ other: 1, werkraumCopiedFrom: { boardId: 'b1', shapeId: 'shape:w' } })
    expect(seedCopy(written, 'page:page', { boardId: 'b1' }, newId).meta).toEqual({ other: 1, werkraumCopiedFrom: { boardId: 'b1', shapeId: 'shape:w' } })
  })

  it('places a seed alone at the top left of a new page', () => {
    const seed = seedCopy(card('shape:a', 500, 700, 'A'), 'page:new', { boardId: 'b1' }, newId)
    expect(seed).toMatchObject({ parentId: 'page:new', x: 0, y: 0, props: { title: 'A' } })
    expect(seed.id).not.toBe('shape:a')
  })
})

describe('records in a board document', () => {
  it('are added and replaced the way the clients read them', () => {
    const doc = new Y.Doc()
    putRecords(doc, [PAGE, card('shape:a', 0, 0, 'A')])
    putRecords(doc, [card('shape:a', 10, 10, 'A2')])
    const records = currentRecords(doc)
    expect(records.size).toBe(2)
    expect((records.get('shape:a') as ShapeRecord).props.title).toBe('A2')
    expect(doc.getArray('tl_records').length).toBe(2)
    expect(topIndex(records, 'page:page')).toBe('a1')
    expect(contentBottom(records, 'page:page')).toEqual({ left: 10, bottom: 410 })
    expect(contentBottom(records, 'page:other')).toBeUndefined()
  })
})
