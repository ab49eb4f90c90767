/**
 * Template boards as a person sees them when they open one (issue #13): the
 * prompts are readable on a laptop and on a phone, without zooming in first;
 * tldraw's English page menu ("Page 1") is nowhere, not even for screen readers.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm, openMenu } from './workshopPages.ts'

const skip = browserSkipReason()

/** The "at least about 14 px on screen". */
const MIN_TEXT_PX = 14
const CONCEPT_PROMPT = 'Welches Problem lösen wir?'
const BRAINSTORMING_NOTE = 'Eine Idee pro Zettel'

interface ShownText {
  /** Font size on screen, in CSS pixels: the computed size times the canvas's scale. */
  readonly px: number
  /** Whether all of the element is inside the window. */
  readonly inView: boolean
}

/** How the text element holding `snippet` is shown, once the board has drawn it. */
async function shownText(page: Page, snippet: string): Promise<ShownText | null> {
  return page.evaluate((snippet) => {
    const walker = document.createTreeWalker(document.querySelector('.tl-canvas') ?? document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const el = node.parentElement
      if (el === null || !(node.textContent ?? '').includes(snippet)) continue
      const rect = el.getBoundingClientRect()
      // The computed width is the untransformed one: the ratio is the zoom the canvas applies.
      const width = parseFloat(getComputedStyle(el).width)
      const scale = width > 0 ? rect.width / width : 0
      const inView = rect.left >= 0 && rect.top >= 0 && rect.right <= window.innerWidth && rect.bottom <= window.innerHeight
      return { px: parseFloat(getComputedStyle(el).fontSize) * scale, inView }
    }
    return null
  }, snippet)
}

/** Neither shown nor in the accessibility tree: tldraw's page menu says "Page 1" in English. */
async function expectNoPageName(page: Page): Promise<void> {
  expect(await page.getByText(/^(Page|Seite) 1$/).filter({ visible: true }).count()).toBe(0)
  expect(await page.locator('body').ariaSnapshot()).not.toMatch(/\b(Page|Seite) 1\b/)
}

describe.skipIf(skip !== undefined)('template boards in real browsers', () => {
  const session = useBrowserSession()

  it('open with readable prompts on a laptop and a phone, without an English page menu', async () => {
    const page = await session.newPage('de-DE', { width: 1280, height: 800 })
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Sprint Innenstadt', 'Moderatorin')
    const code = await facilitator.joinCode()
    await facilitator.addBoard('Konzepte', 'concept')
    await facilitator.addBoard('Ideen', 'brainstorming')

    // The concept template, laid out by the first browser that opens it.
    await facilitator.openBoard('Konzepte')
    const board = new BoardPage(page)
    await board.waitConnected()
    await expect.poll(() => shownText(page, CONCEPT_PROMPT), { timeout: 10_000 }).not.toBeNull()
    const prompt = await shownText(page, CONCEPT_PROMPT)
    expect(prompt!.px).toBeGreaterThanOrEqual(MIN_TEXT_PX)
    expect(prompt!.inView).toBe(true)
    await expectNoPageName(page)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'template-concept-1280x800')

    await facilitator.openBoard('Ideen')
    await board.waitConnected()
    await expect.poll(() => shownText(page, BRAINSTORMING_NOTE), { timeout: 10_000 }).not.toBeNull()
    const note = await shownText(page, BRAINSTORMING_NOTE)
    expect(note!.px).toBeGreaterThanOrEqual(MIN_TEXT_PX)
    expect(note!.inView).toBe(true)
    await expectNoPageName(page)
    await screenshot(page, 'template-brainstorming-1280x800')

    // A participant on a phone opens the board already laid out.
    const phone = await session.newPage('de-DE', { width: 390, height: 844 }, { touch: true })
    const join = new JoinForm(phone)
    await join.openFromStart(session.server.url)
    await join.join(code, 'Ben')
    const ben = new BoardPage(phone)
    await ben.waitConnected()
    // On a phone the boards are in the folded menu.
    await openMenu(phone)
    await phone.getByTestId('board-link').filter({ hasText: 'Konzepte' }).click()
    await ben.waitConnected()
    await expect.poll(() => shownText(phone, CONCEPT_PROMPT), { timeout: 10_000 }).not.toBeNull()
    const onPhone = await shownText(phone, CONCEPT_PROMPT)
    expect(onPhone!.px).toBeGreaterThanOrEqual(MIN_TEXT_PX)
    await expectNoPageName(phone)
    expect(await axeViolations(phone)).toEqual([])
    await screenshot(phone, 'template-concept-390x844')
    expect(session.foreign.flat()).toEqual([])
  })
})
