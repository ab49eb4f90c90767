import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SIMPLE_MODE_STORAGE_KEY, resolveSimpleMode, setSimpleChoice, storedSimpleChoice } from './simpleMode.ts'

describe('resolveSimpleMode', () => {
  it("lets the person's own choice win over the workshop's default", () => {
    expect(resolveSimpleMode('on', false)).toBe(true)
    expect(resolveSimpleMode('on', undefined)).toBe(true)
    expect(resolveSimpleMode('off', true)).toBe(false)
  })

  it('follows the workshop until the person chooses; off outside workshops', () => {
    expect(resolveSimpleMode('workshop', true)).toBe(true)
    expect(resolveSimpleMode('workshop', false)).toBe(false)
    expect(resolveSimpleMode('workshop', undefined)).toBe(false)
  })
})

describe('the choice in storage', () => {
  const items = new Map<string, string>()
  beforeEach(() => {
    items.clear()
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    }
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true })
  })
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage')
  })

  it('is kept, and "follow the workshop" leaves nothing behind', () => {
    expect(storedSimpleChoice()).toBe('workshop')
    setSimpleChoice('on')
    expect(storedSimpleChoice()).toBe('on')
    setSimpleChoice('off')
    expect(storedSimpleChoice()).toBe('off')
    setSimpleChoice('workshop')
    expect(items.has(SIMPLE_MODE_STORAGE_KEY)).toBe(false)
    expect(storedSimpleChoice()).toBe('workshop')
  })

  it('reads anything unexpected as "follow the workshop"', () => {
    items.set(SIMPLE_MODE_STORAGE_KEY, 'true')
    expect(storedSimpleChoice()).toBe('workshop')
  })

  it('counts as "follow the workshop" where storage is switched off', () => {
    Reflect.deleteProperty(globalThis, 'localStorage')
    expect(storedSimpleChoice()).toBe('workshop')
  })
})
