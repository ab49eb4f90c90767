import { toRichText, type TLShape, type TLStore } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { geoShape, newStore } from '../sync/testStores.ts'
import {
  AUTHORS_META_KEY,
  MAX_AUTHORS_PER_SHAPE,
  authorsOf,
  boardAuthors,
  recordAuthorship,
  withAuthor,
  withoutAuthorship,
  writersBesides,
  type AuthorshipEditor,
} from './authorship.ts'

const ada = { id: 'p-ada', name: 'Ada' }
const ben = { id: 'p-ben', name: 'Ben' }

describe('authorsOf / withAuthor', () => {
  it('adds a writer once, after those already listed', () => {
    const once = withAuthor({ other: 1 }, ada)!
    expect(once).toEqual({ other: 1, [AUTHORS_META_KEY]: [ada] })
    expect(withAuthor(once, { id: ada.id, name: 'Ada L.' })).toBeUndefined()
    expect(authorsOf(withAuthor(once, ben))).toEqual([ada, ben])
  })

  it('reads only well-formed entries: meta comes from other browsers', () => {
    const meta = { [AUTHORS_META_KEY]: [ada, null, 'Ben', { id: 3, name: 'x' }, { id: '', name: 'x' }, { id: 'p-cem', name: 'C'.repeat(500) }, [1]] }
    expect(authorsOf(meta)).toEqual([ada, { id: 'p-cem', name: 'C'.repeat(80) }])
    expect(authorsOf({ [AUTHORS_META_KEY]: 'Ada' })).toEqual([])
    expect(authorsOf(undefined)).toEqual([])
  })

  it('lists no more than MAX_AUTHORS_PER_SHAPE writers on one shape', () => {
    const full = { [AUTHORS_META_KEY]: Array.from({ length: MAX_AUTHORS_PER_SHAPE }, (_, i) => ({ id: `p-${i}`, name: `P${i}` })) }
    expect(withAuthor(full, ada)).toBeUndefined()
  })
})

describe('boardAuthors / writersBesides', () => {
  const shapes = [
    { meta: { [AUTHORS_META_KEY]: [ada] } },
    { meta: {} },
    { meta: { [AUTHORS_META_KEY]: [ben, ada] } },
    { meta: { [AUTHORS_META_KEY]: [{ id: 'p-cem', name: 'Cem' }] } },
  ]

  it('finds everyone who wrote on a board, once each, in the order met', () => {
    expect(boardAuthors(shapes).map((a) => a.name)).toEqual(['Ada', 'Ben', 'Cem'])
  })

  it('names the writers who are not the room’s members, under their current name', () => {
    const authors = boardAuthors(shapes)
    // Ben was moved to another room and has renamed himself since.
    const people = [ada, { id: ben.id, name: 'Benedikt' }]
    expect(writersBesides([ada.id], authors, people)).toEqual(['Benedikt', 'Cem'])
    expect(writersBesides([ada.id, ben.id, 'p-cem'], authors, people)).toEqual([])
    expect(writersBesides([], [], people)).toEqual([])
  })
})

/** The store's side effects with a text reader, as the real Editor offers them. */
function storeEditor(store: TLStore): AuthorshipEditor {
  const getText = (shape: TLShape): string => JSON.stringify((shape.props as { richText?: unknown }).richText ?? '')
  return { sideEffects: store.sideEffects, getShapeUtil: (() => ({ getText })) as unknown as AuthorshipEditor['getShapeUtil'] }
}

const shapeIn = (store: TLStore, id: string): TLShape => store.get(geoShape(id, '').id)!

describe('recordAuthorship', () => {
  it('marks what this person creates and the text they change, not moves or what others send', () => {
    const store = newStore()
    const editor = storeEditor(store)
    let me = ada
    const stop = recordAuthorship(editor, () => me)

    store.put([geoShape('mine', 'Bürgerbus')])
    expect(authorsOf(shapeIn(store, 'mine').meta)).toEqual([ada])

    // A shape from another browser keeps what it carries.
    store.mergeRemoteChanges(() => store.put([{ ...geoShape('theirs', 'Mitfahrbank'), meta: { [AUTHORS_META_KEY]: [ben] } }]))
    expect(authorsOf(shapeIn(store, 'theirs').meta)).toEqual([ben])

    // Moving it or resizing it is no writing.
    const theirs = shapeIn(store, 'theirs')
    store.put([{ ...theirs, x: 300, props: { ...theirs.props, w: 400 } } as TLShape])
    expect(authorsOf(shapeIn(store, 'theirs').meta)).toEqual([ben])

    // Changing its text is.
    const moved = shapeIn(store, 'theirs')
    store.put([{ ...moved, props: { ...moved.props, richText: toRichText('Mitfahrbank am Markt') } } as TLShape])
    expect(authorsOf(shapeIn(store, 'theirs').meta)).toEqual([ben, ada])

    // A remote text change records nobody here.
    me = { id: 'p-cem', name: 'Cem' }
    const changed = shapeIn(store, 'theirs')
    store.mergeRemoteChanges(() => store.put([{ ...changed, props: { ...changed.props, richText: toRichText('anders') } } as TLShape]))
    expect(authorsOf(shapeIn(store, 'theirs').meta)).toEqual([ben, ada])

    stop()
    store.put([geoShape('after', 'x')])
    expect(authorsOf(shapeIn(store, 'after').meta)).toEqual([])
  })

  it('leaves out what Werkraum lays out itself', () => {
    const store = newStore()
    const editor = storeEditor(store)
    recordAuthorship(editor, () => ada)
    withoutAuthorship(editor, () => store.put([geoShape('template', 'Herausforderung')]))
    expect(authorsOf(shapeIn(store, 'template').meta)).toEqual([])
    // Whoever then writes in it is its writer.
    const template = shapeIn(store, 'template')
    store.put([{ ...template, props: { ...template.props, richText: toRichText('Unser Problem') } } as TLShape])
    expect(authorsOf(shapeIn(store, 'template').meta)).toEqual([ada])
  })
})
