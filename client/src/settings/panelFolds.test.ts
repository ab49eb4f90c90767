import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { forgetFolds, parseFolds, storedOpen, storeOpen } from './panelFolds.ts'

describe('parseFolds', () => {
  it('keeps the open state of known panels and drops everything else', () => {
    const raw = JSON.stringify({ Ab12: { task: false, agenda: true, vote: 'yes', menu: true }, Cd34: 'open', Ef56: null })
    expect(parseFolds(raw)).toEqual({ Ab12: { task: false, agenda: true } })
  })

  it('reads nothing from missing or broken storage', () => {
    expect(parseFolds(null)).toEqual({})
    expect(parseFolds('{')).toEqual({})
    expect(parseFolds('[1,2]')).toEqual({})
  })
})

describe('in storage', () => {
  const items = new Map<string, string>()
  beforeEach(() => {
    items.clear()
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) }
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true })
  })
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage')
  })

  it('keeps each workshop its own panels, until the workshop is forgotten', () => {
    expect(storedOpen('Ab12', 'task')).toBeUndefined()
    storeOpen('Ab12', 'task', true)
    storeOpen('Ab12', 'agenda', false)
    storeOpen('Cd34', 'task', false)
    expect(storedOpen('Ab12', 'task')).toBe(true)
    expect(storedOpen('Ab12', 'agenda')).toBe(false)
    expect(storedOpen('Cd34', 'task')).toBe(false)
    forgetFolds('Ab12')
    expect(storedOpen('Ab12', 'task')).toBeUndefined()
    expect(storedOpen('Cd34', 'task')).toBe(false)
  })

  it('works without storage (private mode): nothing is kept, nothing throws', () => {
    Reflect.deleteProperty(globalThis, 'localStorage')
    expect(() => storeOpen('Ab12', 'vote', true)).not.toThrow()
    expect(storedOpen('Ab12', 'vote')).toBeUndefined()
  })
})
