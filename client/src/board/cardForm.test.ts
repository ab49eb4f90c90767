import { describe, expect, it } from 'vitest'
import { changedFields, type CardTexts } from './cardForm.ts'

const card: CardTexts = { title: 'Rufbus', challenge: 'Kein Bus am Abend', idea: '', audience: '', nextSteps: '', carriers: '' }

describe('changedFields', () => {
  it('names only the fields the form changed, so another person’s change to another field stays', () => {
    expect(changedFields(card, { ...card, idea: 'Ein Bus auf Abruf', title: 'Rufbus' })).toEqual({ idea: 'Ein Bus auf Abruf' })
  })

  it('names a field that was emptied', () => {
    expect(changedFields(card, { ...card, challenge: '' })).toEqual({ challenge: '' })
  })

  it('names nothing when nothing changed', () => {
    expect(changedFields(card, { ...card })).toEqual({})
  })
})
