/**
 * The canvas never collapses (issue #14). On a phone (390×844) the board
 * keeps at least 60 % of the screen, in the plenary with a timer and an open
 * vote and in a breakout room with its task, also after a reload; at 320×568
 * with a vote open, and at 1280×800 zoomed to 200 % and 400 %, it keeps at
 * least 40 % of the height or the page scrolls to it, never 0 px. The
 * console never scrolls sideways at 320 px.
 *
 * Zoom is emulated by the viewport in CSS pixels: 1280×800 at 200 % is a
 * 640×400 layout viewport, at 400 % 320×200. That is what browser zoom does
 * to layout and media queries; a device scale factor would only change how
 * finely the same layout is drawn.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreatedWorkshop } from '@werkraum/shared'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()
const PHONE = { width: 390, height: 844 }

interface CanvasPlace {
  /** The canvas's height in CSS pixels. */
  readonly height: number
  readonly viewportHeight: number
  /** Whether all of it is on the screen without scrolling. */
  readonly fits: boolean
  /** Whether all of it is on the screen once the page is scrolled to it. */
  readonly reachable: boolean
}

/** Where the board's canvas is, from the top of the page, and whether scrolling brings all of it into view. */
async function canvasPlace(page: Page): Promise<CanvasPlace> {
  // Two frames: media queries applied and React's effects run.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  return page.evaluate(() => {
    const canvas = document.querySelector('.tl-canvas')
    if (canvas === null) return { height: 0, viewportHeight: innerHeight, fits: false, reachable: false }
    window.scrollTo(0, 0)
    const before = canvas.getBoundingClientRect()
    const fits = before.height > 0 && before.top >= 0 && before.bottom <= innerHeight + 0.5
    canvas.scrollIntoView({ block: 'end' })
    const after = canvas.getBoundingClientRect()
    const reachable = after.height > 0 && after.top >= -0.5 && after.bottom <= innerHeight + 0.5
    window.scrollTo(0, 0)
    return { height: before.height, viewportHeight: innerHeight, fits, reachable }
  })
}

/** At least `share` of the screen's height, all of it on the screen (`fits`) or after scrolling to it. */
async function expectCanvas(page: Page, share: number, mustFit: boolean, state: string): Promise<void> {
  const place = await canvasPlace(page)
  const message = `${state}: ${JSON.stringify(place)}`
  // A pixel for rounding: 60 % of 844 px is 506.4 px, laid out as 506.39.
  expect(place.height, message).toBeGreaterThanOrEqual(share * place.viewportHeight - 1)
  expect(mustFit ? place.fits : place.reachable, message).toBe(true)
}

/** What reaches past the right edge of the screen (empty when the page does not scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= innerWidth) return []
    const wide = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
    // The innermost ones say what is too wide.
    return wide.filter((e) => !wide.some((other) => other !== e && e.contains(other))).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.dataset.testid ?? ''} ${Math.round(e.getBoundingClientRect().right)}`)
  })
}

describe.skipIf(skip !== undefined)('the canvas never collapses', () => {
  const session = useBrowserSession()

  const post = session.post

  it('keeps the board on a phone, at 320 px and zoomed, with a timer, a vote and a room', async () => {
    const origin = session.server.url
    const created = await post<CreatedWorkshop>('/api/workshops', { title: 'Mobilität im Quartier: wie kommen alle zum Markt?', locale: 'de' })
    const command = (body: unknown): Promise<unknown> => post(`/api/workshops/${created.id}/commands`, body, created.facilitatorToken)
    const facilitation = () => session.server.workshops.facilitation(created.id)
    await command({ type: 'addPhase', title: 'Ideen sammeln', kind: 'input', plannedMinutes: 15 })
    await command({ type: 'addPhase', title: 'Gruppenarbeit', kind: 'breakout', plannedMinutes: 20 })
    const [ideas, breakout] = facilitation().phases.map((p) => p.id)
    const challenge = 'Wie kommen ältere Menschen ohne Auto zum Wochenmarkt, und wer hilft ihnen beim Tragen der Einkäufe nach Hause?'
    await command({ type: 'configureBreakout', phaseId: breakout, plan: { rooms: [{ title: 'Mobilität', challenge }], template: 'brainstorming', mode: 'random' } })
    await command({ type: 'addBoard', title: 'Ideen', template: 'blank' })
    await command({ type: 'updatePhase', phaseId: ideas, watchOnly: false })
    await command({ type: 'startPhase', phaseId: ideas })

    // A participant on a phone, in the plenary, with the phase's timer running and a vote open.
    const phone = await session.newPage('de-DE', PHONE, { touch: true })
    phone.setDefaultTimeout(15_000)
    await phone.goto(`${origin}/j/${created.joinCode.replace('-', '')}`)
    await new JoinForm(phone).join(created.joinCode, 'Erika')
    const board = new BoardPage(phone)
    await board.waitConnected()
    const plenary = (await phone.getByTestId('workshop-board').getAttribute('data-board-id'))!
    await command({ type: 'openVote', title: 'Was zuerst?', kind: 'dots', target: 'notes', boardIds: [plenary], votesPerPerson: 3, maxPerItem: 3, anonymous: false, hidden: false })
    await phone.getByTestId('vote-panel').waitFor()
    await phone.getByTestId('phase-timer').waitFor()
    await screenshot(phone, 'layout-plenary-390')

    // One bar: the menu, the vote and the task folded; the board gets 60 % and is all on the screen.
    const menu = phone.getByTestId('menu-toggle')
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await phone.getByTestId('board-list').isVisible()).toBe(false)
    expect(await phone.getByTestId('vote-toggle').getAttribute('aria-expanded')).toBe('false')
    expect(await phone.getByTestId('votes-remaining').isVisible()).toBe(true)
    await expectCanvas(phone, 0.6, true, 'plenary 390×844, timer and vote')
    expect(await axeViolations(phone)).toEqual([])

    // The menu opens the boards, the agenda, the language and who one is; Esc folds it again.
    await menu.click()
    expect(await menu.getAttribute('aria-expanded')).toBe('true')
    await phone.getByTestId('board-list').waitFor()
    expect(await phone.getByTestId('language-switch').isVisible()).toBe(true)
    expect(await phone.getByTestId('agenda').isVisible()).toBe(true)
    await expectCanvas(phone, 0.4, false, 'plenary 390×844, menu open')
    await screenshot(phone, 'layout-menu-390')
    expect(await axeViolations(phone)).toEqual([])
    await phone.getByTestId('board-link').first().focus()
    await phone.keyboard.press('Escape')
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await phone.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-toggle')

    // A board chosen in the menu: the menu folds, and the keyboard goes on at the page's main content.
    await menu.click()
    await phone.getByTestId('board-link').filter({ hasText: 'Ideen' }).focus()
    await phone.keyboard.press('Enter')
    await expect.poll(() => phone.getByTestId('workshop-board').getAttribute('data-board-id')).not.toBe(plenary)
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await phone.evaluate(() => document.activeElement?.id)).toBe('main')
    await menu.click()
    await phone.getByTestId('board-link').filter({ hasText: 'Plenum' }).click()
    await board.waitConnected()
    expect(await phone.getByTestId('workshop-board').getAttribute('data-board-id')).toBe(plenary)

    // The vote's list opens on demand; the board then is further down the page, never smaller.
    await phone.getByTestId('vote-toggle').click()
    await phone.getByTestId('vote-group').first().waitFor()
    await expectCanvas(phone, 0.6, false, 'plenary 390×844, vote opened')
    expect(await axeViolations(phone)).toEqual([])
    await phone.getByTestId('vote-toggle').click()

    // 320×568 with the vote open.
    await phone.setViewportSize({ width: 320, height: 568 })
    await expectCanvas(phone, 0.4, false, 'plenary 320×568, vote')
    expect(await axeViolations(phone)).toEqual([])
    await screenshot(phone, 'layout-plenary-320')

    // The facilitator's laptop: the desktop layout as it was, then 200 % and 400 % zoom.
    const laptop = await session.newPage('de-DE')
    laptop.setDefaultTimeout(15_000)
    await laptop.goto(created.links.facilitator.replace(/^https?:\/\/[^/]+/, origin))
    await new BoardPage(laptop).enterName('Mia')
    await new BoardPage(laptop).waitConnected()
    await laptop.getByTestId('vote-panel').waitFor()
    // A vote list as long as a workshop makes it: twenty notes on the plenary.
    await laptop.evaluate((texts) => {
      const editor = window.__werkraum!.editor as unknown as { createShapes(shapes: unknown[]): void }
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
      editor.createShapes(texts.map((text, i) => ({ type: 'note', x: (i % 5) * 230, y: Math.floor(i / 5) * 230, props: { richText: doc(text) } })))
    }, Array.from({ length: 20 }, (_, i) => `Idee ${i + 1}: Bänke am Weg zum Markt`))
    await expect.poll(() => laptop.getByTestId('vote-item').count()).toBe(20)
    expect(await laptop.getByTestId('menu-toggle').isVisible()).toBe(false)
    expect(await laptop.getByTestId('board-list').isVisible()).toBe(true)
    expect(await laptop.getByTestId('vote-group').first().isVisible()).toBe(true)
    await expectCanvas(laptop, 0.4, true, '1280×800, vote')
    await screenshot(laptop, 'layout-desktop-1280')
    // A laptop's window (1366×768 less the browser's bars) is no phone: the desktop layout, and still 40 % for the board.
    await laptop.setViewportSize({ width: 1366, height: 650 })
    expect(await laptop.getByTestId('menu-toggle').isVisible()).toBe(false)
    await expectCanvas(laptop, 0.4, false, '1366×650, long vote list')
    for (const [zoom, size] of [
      ['1280×800 at 200 %', { width: 640, height: 400 }],
      ['1280×800 at 400 %', { width: 320, height: 200 }],
      ['a phone on its side', { width: 844, height: 390 }],
    ] as const) {
      await laptop.setViewportSize(size)
      expect(await laptop.getByTestId('menu-toggle').isVisible()).toBe(true)
      await expectCanvas(laptop, 0.4, false, `${zoom}, vote`)
      await screenshot(laptop, `layout-zoom-${size.width}x${size.height}`)
    }

    // The console at 320 px: nothing sideways.
    await laptop.setViewportSize({ width: 320, height: 568 })
    await laptop.goto(`${origin}/w/${created.id}/console`)
    await laptop.getByTestId('console').waitFor()
    await laptop.getByTestId('phase-start').first().waitFor()
    expect(await sidewaysOverflow(laptop)).toEqual([])
    expect(await axeViolations(laptop)).toEqual([])
    await laptop.setViewportSize({ width: 390, height: 844 })
    expect(await axeViolations(laptop)).toEqual([])

    // The breakout: the phone is taken to its room, whose task shows as one line.
    // A vote that closes while the keyboard is on its folded panel: the panel opens, the focus lands on the results.
    await phone.setViewportSize(PHONE)
    expect(await phone.getByTestId('vote-toggle').getAttribute('aria-expanded')).toBe('false')
    await phone.getByTestId('vote-toggle').focus()
    const vote = session.server.workshops.votes.sessions(created.id).at(-1)!
    await command({ type: 'closeVote', sessionId: vote.id })
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('vote-results-heading')
    expect(await phone.getByTestId('vote-toggle').getAttribute('aria-expanded')).toBe('true')
    await phone.getByTestId('vote-toggle').click()
    await command({ type: 'startPhase', phaseId: breakout })
    await phone.getByTestId('room-header').waitFor()
    await board.waitConnected()
    const task = phone.getByTestId('task-toggle')
    expect(await task.getAttribute('aria-expanded')).toBe('false')
    expect(await phone.getByTestId('room-challenge').isVisible()).toBe(true)
    await expectCanvas(phone, 0.6, true, 'room 390×844, task folded')
    expect(await axeViolations(phone)).toEqual([])
    await screenshot(phone, 'layout-room-390')

    // Opened, the whole task and who is in the room; the board keeps its size further down.
    await task.click()
    expect(await task.getAttribute('aria-expanded')).toBe('true')
    await expectCanvas(phone, 0.6, false, 'room 390×844, task open')

    // Folded again, and the agenda folded in the menu: after a reload both stay folded and the board fits.
    await task.click()
    await menu.click()
    const agenda = phone.getByTestId('agenda')
    if ((await agenda.getAttribute('open')) !== null) await agenda.locator('summary').click()
    expect(await agenda.getAttribute('open')).toBeNull()
    await phone.reload()
    await board.waitConnected()
    await phone.getByTestId('room-header').waitFor()
    expect(await task.getAttribute('aria-expanded')).toBe('false')
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    await expectCanvas(phone, 0.6, true, 'room 390×844 after a reload')
    await menu.click()
    expect(await phone.getByTestId('agenda').getAttribute('open')).toBeNull()

    // A task left open stays open after a reload too.
    await menu.click()
    await task.click()
    await phone.reload()
    await phone.getByTestId('room-header').waitFor()
    expect(await task.getAttribute('aria-expanded')).toBe('true')
    await expectCanvas(phone, 0.6, false, 'room 390×844, task open after a reload')

    expect(session.foreign.flat()).toEqual([])
  }, 240_000)
})
