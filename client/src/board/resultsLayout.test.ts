/**
 * The server lays out copied results (shared/src/boardCopy.ts) without tldraw;
 * tldraw's own store must accept what it writes, or the plenary board would
 * not load in the browser.
 */
import { CONCEPT_CARD_TYPE, layOutResults, seedCopy, type ShapeRecord } from '@werkraum/shared'
import { PageRecordType, toRichText } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { newStore } from '../sync/testStores.ts'

const PAGE_ID = PageRecordType.createId('page')

function withPage(): ReturnType<typeof newStore> {
  const store = newStore()
  store.put([PageRecordType.create({ id: PAGE_ID, name: 'Tafel', index: 'a1' as never })])
  return store
}

function source(): ShapeRecord[] {
  const base = { typeName: 'shape', parentId: PAGE_ID, rotation: 0, isLocked: false, opacity: 1, meta: {} } as const
  return [
    {
      ...base,
      id: 'shape:card',
      type: CONCEPT_CARD_TYPE,
      index: 'a1',
      x: 0,
      y: 0,
      props: { w: 320, h: 480, title: 'Rufbus', challenge: 'Wie kommen Ältere zum Markt?', idea: '', audience: '', nextSteps: '', carriers: '' },
    },
    {
      ...base,
      id: 'shape:note',
      type: 'note',
      index: 'a2',
      x: 400,
      y: 0,
      props: {
        color: 'yellow',
        labelColor: 'black',
        size: 'm',
        font: 'draw',
        fontSizeAdjustment: 0,
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        richText: toRichText('Bänke am Weg'),
        scale: 1,
      },
    },
  ]
}

describe('copied results in a tldraw store', () => {
  it('are valid records: frames, copied cards and notes', () => {
    const store = withPage()
    // The originals are valid: what a client in the room wrote.
    store.put(source() as never)
    let n = 0
    const laid = layOutResults(
      [
        { title: 'Raum 1', boardId: 'b1', shapes: source() },
        { title: 'Raum 2', boardId: 'b2', shapes: [] },
      ],
      { pageId: PAGE_ID, topIndex: 'a2', left: 0, top: 800 },
      () => `copy${++n}`,
    )
    expect(() => store.put(laid as never)).not.toThrow()
    const frames = store.allRecords().filter((r) => r.typeName === 'shape' && r.type === 'frame')
    expect(frames).toHaveLength(2)
    expect(store.allRecords().filter((r) => r.typeName === 'shape' && r.type === CONCEPT_CARD_TYPE)).toHaveLength(2)
  })

  it('accepts a top-voted card seeded onto a new page', () => {
    const store = withPage()
    const seed = seedCopy(source()[0]!, PAGE_ID, { boardId: 'b1' }, () => 'seed1')
    expect(() => store.put([seed] as never)).not.toThrow()
  })
})
