import { adjustTimer, pauseTimer, startTimer, type Facilitation, type Phase } from '@werkraum/shared'
import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { de } from '../../i18n/de.ts'
import { en } from '../../i18n/en.ts'
import { phaseProgress, progressText } from './phaseProgress.ts'

const MIN = 60_000
const START = 1_000_000

const texts: Record<'de' | 'en', TFunction> = {} as Record<'de' | 'en', TFunction>
beforeAll(async () => {
  for (const lng of ['de', 'en'] as const) {
    const instance = i18next.createInstance()
    await instance.init({ lng, resources: { [lng]: { translation: lng === 'de' ? de : en } }, interpolation: { escapeValue: false }, showSupportNotice: false })
    texts[lng] = instance.t
  }
})

const phase = (over: Partial<Phase> = {}): Phase => ({ id: 'p', title: 'Arbeitsphase', kind: 'plenary', plannedMs: 2 * MIN, status: 'running', startedAt: START, ...over })

function say(p: Phase, state: Pick<Facilitation, 'timer' | 'timerPhaseId'>, now: number): { de: string; en: string } {
  const progress = phaseProgress(p, state, now)
  return { de: progressText(progress, texts.de), en: progressText(progress, texts.en) }
}

describe('what the agenda says about a phase', () => {
  it('a running phase tells the minutes left of its countdown and its plan', () => {
    const timer = startTimer(2 * MIN, START)
    expect(say(phase(), { timer, timerPhaseId: 'p' }, START + 30_000)).toEqual({
      de: 'läuft, noch 2 Min. (geplant 2)',
      en: 'running, 2 min left (planned 2)',
    })
    // The last seconds still read as a minute, not "0 min left".
    expect(say(phase(), { timer, timerPhaseId: 'p' }, START + 2 * MIN - 5_000).de).toBe('läuft, noch 1 Min. (geplant 2)')
  })

  it('an extended phase reads naturally: minutes left, planned, by how much it was extended', () => {
    // Two minutes planned, one and a half gone, five added: the "4 of 2 min" case.
    const now = START + 90_000
    const timer = adjustTimer(startTimer(2 * MIN, START), 5 * MIN, now)
    expect(say(phase(), { timer, timerPhaseId: 'p' }, now)).toEqual({
      de: 'läuft, noch 6 Min. (geplant 2, verlängert um 5)',
      en: 'running, 6 min left (planned 2, extended by 5)',
    })
    expect(say(phase(), { timer, timerPhaseId: 'p' }, now + 3 * MIN).de).toBe('läuft, noch 3 Min. (geplant 2, verlängert um 5)')
  })

  it('a shortened phase says so', () => {
    const timer = adjustTimer(startTimer(10 * MIN, START), -3 * MIN, START)
    expect(say(phase({ plannedMs: 10 * MIN }), { timer, timerPhaseId: 'p' }, START)).toEqual({
      de: 'läuft, noch 7 Min. (geplant 10, gekürzt um 3)',
      en: 'running, 7 min left (planned 10, shortened by 3)',
    })
  })

  it('a paused phase says it is paused, with the minutes it will have left', () => {
    const timer = pauseTimer(adjustTimer(startTimer(2 * MIN, START), 5 * MIN, START), START + MIN)
    expect(say(phase(), { timer, timerPhaseId: 'p' }, START + 20 * MIN)).toEqual({
      de: 'angehalten, noch 6 Min. (geplant 2, verlängert um 5)',
      en: 'paused, 6 min left (planned 2, extended by 5)',
    })
  })

  it('a phase running without its countdown tells how long it runs, and how far over its plan', () => {
    const idle = { timer: { status: 'idle' } as const, timerPhaseId: null }
    expect(say(phase(), idle, START + MIN)).toEqual({ de: 'läuft seit 1 Min. (geplant 2)', en: 'running for 1 min (planned 2)' })
    expect(say(phase(), idle, START + 7 * MIN)).toEqual({
      de: 'läuft seit 7 Min., 5 Min. über der Zeit (geplant 2)',
      en: 'running for 7 min, 5 min over time (planned 2)',
    })
    // A pitch timer of its own does not count as the phase's countdown.
    expect(say(phase(), { timer: startTimer(3 * MIN, START + 6 * MIN), timerPhaseId: null }, START + 7 * MIN).de).toBe('läuft seit 7 Min., 5 Min. über der Zeit (geplant 2)')
    expect(say(phase({ plannedMs: 0 }), idle, START + 4 * MIN)).toEqual({ de: 'läuft seit 4 Min.', en: 'running for 4 min' })
  })

  it('planned, done and skipped phases', () => {
    const idle = { timer: { status: 'idle' } as const, timerPhaseId: null }
    expect(say(phase({ status: 'planned', startedAt: undefined }), idle, START)).toEqual({ de: '2 Min. geplant', en: '2 min planned' })
    expect(say(phase({ status: 'done', endedAt: START + 7 * MIN }), idle, START + 9 * MIN)).toEqual({ de: '7 Min. (geplant 2)', en: '7 min (planned 2)' })
    expect(say(phase({ status: 'skipped', startedAt: undefined }), idle, START)).toEqual({ de: 'übersprungen', en: 'skipped' })
  })
})
