import { describe, expect, it } from 'vitest'
import { PLACE_GAP, addArrivals, groupIntoAreas, NO_ARRIVALS, placeInArea, placeOutside, type ListItem } from './boardList.ts'

const item = (id: string, x: number, y: number, areaId: string | null = null): ListItem => ({ id, type: 'note', areaId, x, y, text: id, authors: [] })

describe('groupIntoAreas', () => {
  it('groups by frame, areas and their items in reading order, rows left to right', () => {
    const frames = [
      { id: 'right', name: 'Fragen', x: 800, y: 0 },
      { id: 'left', name: 'Ideen', x: 0, y: 0 },
    ]
    const items = [
      item('b', 260, 30, 'left'),
      item('a', 20, 50, 'left'),
      item('c', 20, 300, 'left'),
      item('q', 820, 20, 'right'),
    ]
    expect(groupIntoAreas(frames, items).map((a) => [a.name, a.items.map((i) => i.id)])).toEqual([
      ['Ideen', ['a', 'b', 'c']],
      ['Fragen', ['q']],
    ])
  })

  it('puts what lies outside every frame in one group where its first item is, and keeps empty frames', () => {
    const frames = [{ id: 'f', name: 'Ideen', x: 0, y: 0 }]
    const items = [item('below', 0, 900), item('title', 0, -200), item('lost', 10, 10, 'gone')]
    const areas = groupIntoAreas(frames, items)
    expect(areas.map((a) => [a.id, a.items.map((i) => i.id)])).toEqual([
      [null, ['title', 'lost', 'below']],
      ['f', []],
    ])
  })

  it('is empty for an empty board', () => {
    expect(groupIntoAreas([], [])).toEqual([])
  })
})

describe('placeInArea', () => {
  const area = { x: 100, y: 100, w: 720, h: 500 }
  const size = { w: 200, h: 200 }

  it('takes the first free place in rows from the top left', () => {
    expect(placeInArea(area, size, [])).toEqual({ x: 100 + PLACE_GAP, y: 100 + PLACE_GAP })
    const first = { x: 100 + PLACE_GAP, y: 100 + PLACE_GAP, ...size }
    expect(placeInArea(area, size, [first])).toEqual({ x: 100 + PLACE_GAP * 2 + 200, y: 100 + PLACE_GAP })
  })

  it('goes below everything and says how tall the area must grow when it is full', () => {
    const full = [{ x: 100, y: 100, w: 720, h: 480 }]
    const at = placeInArea(area, size, full)
    expect(at).toEqual({ x: 100 + PLACE_GAP, y: 580 + PLACE_GAP, growTo: 580 + PLACE_GAP + 200 + PLACE_GAP - 100 })
  })
})

describe('placeOutside', () => {
  it('goes below everything at its left edge', () => {
    expect(placeOutside([])).toEqual({ x: 0, y: 0 })
    expect(placeOutside([{ x: 50, y: 0, w: 10, h: 100 }, { x: -20, y: 300, w: 10, h: 10 }])).toEqual({ x: -20, y: 310 + PLACE_GAP * 2 })
  })
})

describe('addArrivals', () => {
  it('counts every new note and names each writer once', () => {
    const a = addArrivals(NO_ARRIVALS, 1, ['Ada'])
    const b = addArrivals(a, 2, ['Ben', 'Ada', ''])
    expect(b).toEqual({ count: 3, names: ['Ada', 'Ben'] })
  })
})
