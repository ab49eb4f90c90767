import { Box } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { freePlace } from './addConceptCard.ts'

describe('where a new concept card goes', () => {
  const size = { w: 320, h: 400 }

  it('goes to the middle of the view when nothing is there', () => {
    expect(freePlace({ x: 0, y: 0 }, size, [new Box(1000, 1000, 200, 200)])).toEqual({ x: 0, y: 0 })
  })

  it('never lands on top of a card someone else just added, but beside it', () => {
    const first = new Box(0, 0, 320, 400)
    const second = freePlace({ x: 0, y: 0 }, size, [first])
    expect(second).toEqual({ x: 344, y: 0 })
    const third = freePlace({ x: 0, y: 0 }, size, [first, new Box(second.x, second.y, 320, 400)])
    expect(third.x).toBeGreaterThan(second.x)
  })

  it('goes to the next row when the row is full, and back to the middle when nothing is free', () => {
    const row = [0, 1, 2, 3].map((i) => new Box(i * 344, 0, 320, 400))
    expect(freePlace({ x: 0, y: 0 }, size, row)).toEqual({ x: 0, y: 424 })
    expect(freePlace({ x: 0, y: 0 }, size, [new Box(-10000, -10000, 40000, 40000)])).toEqual({ x: 0, y: 0 })
  })
})
