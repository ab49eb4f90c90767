import { BOARD_TEMPLATES, LOCALES } from '@werkraum/shared'
import {
  StyleProp,
  type Editor,
  type TLRichText,
  type TLShape,
  type TLShapePartial,
  type TLStore,
} from 'tldraw'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as Y from 'yjs'
import { bindStoreToDoc } from '../sync/storeBinding.ts'
import { documentRecords, exchange, geoShape, newStore } from '../sync/testStores.ts'
import { applyTemplate, readableZoom, templateShapes, type TemplateEditor } from './templates.ts'
import { storeEditor, utils } from './testEditor.ts'

// tldraw's Editor needs a DOM (its constructor measures text with `document`),
// and this suite runs in Node. So `applyTemplate` is driven through a stand-in
// that does what `Editor.createShapes` does with full partials: the shape
// util's default props under the given ones, then `store.put`, which validates
// every record against tldraw's schema. The first test keeps the real Editor
// a valid argument (checked by the typecheck).

const shapesOf = (store: TLStore): TLShape[] => store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')

function plainText(value: unknown): string {
  if (Array.isArray(value)) return value.map(plainText).join('')
  if (typeof value !== 'object' || value === null) return ''
  const node = value as { text?: unknown; content?: unknown }
  return (typeof node.text === 'string' ? node.text : '') + plainText(node.content)
}

/** What a person reads on a shape: its rich text, or a frame's name. */
function textOf(shape: TLShapePartial): string {
  const props = shape.props as { richText?: TLRichText; name?: string } | undefined
  return (props?.name ?? '') + plainText(props?.richText)
}

const LAID_OUT = BOARD_TEMPLATES.filter((template) => template !== 'blank')
const CASES = LAID_OUT.flatMap((template) => LOCALES.map((locale) => [template, locale] as const))

describe('templateShapes', () => {
  it('gives nothing for a blank board', () => {
    for (const locale of LOCALES) expect(templateShapes('blank', locale)).toEqual([])
  })

  it.each(CASES)('%s (%s) is the same on every call, with ids independent of the locale', (template, locale) => {
    const first = templateShapes(template, locale)
    expect(templateShapes(template, locale)).toEqual(first)
    const ids = first.map((shape) => shape.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(templateShapes(template, locale === 'de' ? 'en' : 'de').map((shape) => shape.id)).toEqual(ids)
  })

  it.each(CASES)('%s (%s) sets every style prop, so no browser fills in its own', (template, locale) => {
    for (const shape of templateShapes(template, locale)) {
      const styles = Object.entries(utils.get(shape.type)!.props ?? {}).filter(([, prop]) => prop instanceof StyleProp)
      for (const [key] of styles) expect(shape.props, `${shape.id} ${key}`).toHaveProperty(key)
      expect(shape.opacity, shape.id).toBe(1)
    }
  })

  it('lays the concept canvas out as four areas from challenge to next steps, left to right', () => {
    const names = (locale: 'de' | 'en') =>
      templateShapes('concept', locale)
        .flatMap((shape) => (shape.type === 'frame' ? [{ x: shape.x ?? 0, name: (shape.props as { name: string }).name }] : []))
        .sort((a, b) => a.x - b.x)
        .map((area) => area.name)
    expect(names('de')).toEqual(['Herausforderung', 'Idee', 'Zielgruppe', 'Nächste Schritte'])
    expect(names('en')).toEqual(['Challenge', 'Idea', 'Target group', 'Next steps'])
    expect(templateShapes('concept', 'de').filter((shape) => shape.type === 'arrow')).toHaveLength(3)
    // And one empty concept card, below the areas.
    const cards = templateShapes('concept', 'de').filter((shape) => shape.type === 'concept-card')
    expect(cards).toHaveLength(1)
    expect(cards[0]!.props).toMatchObject({ title: '', idea: '' })
  })

  it('gives the brainstorming board labelled areas and example notes in the first', () => {
    const shapes = templateShapes('brainstorming', 'de')
    const areas = shapes.filter((shape) => shape.type === 'frame')
    expect(areas.map((area) => (area.props as { name: string }).name)).toEqual(['Ideen', 'Fragen', 'Nächste Schritte'])
    const notes = shapes.filter((shape) => shape.type === 'note')
    expect(notes.length).toBeGreaterThanOrEqual(2)
    for (const note of notes) expect(note.parentId).toBe(areas[0]!.id)
  })
})

describe('applyTemplate', () => {
  it('takes a tldraw Editor', () => {
    expectTypeOf<Editor>().toExtend<TemplateEditor>()
  })

  it.each(CASES)('%s (%s) makes records that tldraw validates, with German umlauts intact', (template, locale) => {
    const editor = storeEditor()
    expect(applyTemplate(editor, template, locale)).toBe(true)
    const stored = shapesOf(editor.store)
    expect(stored).toHaveLength(templateShapes(template, locale).length)
    const pageId = editor.getCurrentPageId()
    const ids = new Set<string>(stored.map((shape) => shape.id))
    for (const shape of stored) expect(shape.parentId === pageId || ids.has(shape.parentId), shape.id).toBe(true)
    // Siblings need distinct indices for a stable stacking order.
    expect(new Set(stored.map((shape) => `${shape.parentId} ${shape.index}`)).size).toBe(stored.length)
    if (locale === 'de') {
      const text = stored.map(textOf).join('\n')
      expect(text).toMatch(/[äöüß]/)
      expect(text.normalize('NFC')).toBe(text)
      for (const shape of templateShapes(template, 'de')) expect(textOf(editor.store.get(shape.id)!)).toBe(textOf(shape))
    }
  })

  it('the stand-in store really validates: a bad record is refused', () => {
    const editor = storeEditor()
    const bad = { ...templateShapes('concept', 'de')[1]!, props: { color: 'rainbow' } } as TLShapePartial
    expect(() => editor.run(() => editor.createShapes([{ ...bad, parentId: editor.getCurrentPageId() }]))).toThrow()
  })

  it('writes in one run that stays out of the undo history', () => {
    const editor = storeEditor()
    applyTemplate(editor, 'concept', 'en')
    expect(editor.runs).toEqual([{ opts: { history: 'ignore' }, created: templateShapes('concept', 'en').length }])
  })

  it('does nothing the second time, nor on a page that has shapes', () => {
    const editor = storeEditor()
    expect(applyTemplate(editor, 'brainstorming', 'de')).toBe(true)
    const once = shapesOf(editor.store)
    expect(applyTemplate(editor, 'brainstorming', 'de')).toBe(false)
    expect(applyTemplate(editor, 'concept', 'de')).toBe(false)
    expect(shapesOf(editor.store)).toEqual(once)

    const used = storeEditor()
    used.store.put([geoShape('mine', 'Hallo')])
    expect(applyTemplate(used, 'concept', 'de')).toBe(false)
    expect(shapesOf(used.store)).toHaveLength(1)
  })

  it('does nothing for a blank board or a read-only editor', () => {
    const blank = storeEditor()
    expect(applyTemplate(blank, 'blank', 'de')).toBe(false)
    expect(blank.runs).toEqual([])
    const readonly = storeEditor(newStore(), true)
    expect(applyTemplate(readonly, 'concept', 'de')).toBe(false)
    expect(shapesOf(readonly.store)).toEqual([])
  })

  it('two browsers laying out the same new board at once end up with one copy', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const storeA = newStore()
    const storeB = newStore()
    expect(bindStoreToDoc(storeA, docA).kind).toBe('bound')
    expect(bindStoreToDoc(storeB, docB).kind).toBe('bound')
    exchange(docA, docB)
    expect(applyTemplate(storeEditor(storeA), 'concept', 'de')).toBe(true)
    expect(applyTemplate(storeEditor(storeB), 'concept', 'de')).toBe(true)
    exchange(docA, docB)
    const count = templateShapes('concept', 'de').length
    expect(shapesOf(storeA)).toHaveLength(count)
    expect(shapesOf(storeB)).toHaveLength(count)
    expect(documentRecords(storeA)).toEqual(documentRecords(storeB))
  })
})

describe('readableZoom', () => {
  it('is the zoom at which the smallest text of a template is at least 14 px on screen, in whole 5 %', () => {
    // The concept template's prompts are tldraw text of size m (24 px); brainstorming has notes of size m (22 px).
    expect(readableZoom('concept')).toBe(0.6)
    expect(readableZoom('brainstorming')).toBe(0.65)
    expect(readableZoom('blank')).toBeUndefined()
  })
})
