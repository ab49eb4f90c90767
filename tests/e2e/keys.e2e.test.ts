/**
 * The keyboard on the canvas (issue #14): a hint says how to get around when
 * the keyboard enters the canvas; Tab goes through the notes in reading order
 * (into a template's areas, past its decorative arrows) and after the last one
 * leaves the canvas, as do Shift+Tab before the first and Esc; "?" and the
 * toolbar's button open the list of keys, whose switch turns single-key
 * shortcuts off (WCAG 2.1.4) and is kept across a reload.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole } from './workshopPages.ts'

const skip = browserSkipReason()

interface KeyEditor {
  getSelectedShapeIds(): string[]
  getCurrentToolId(): string
  getCurrentPageShapes(): Array<{ id: string; type: string }>
}

/** Where the keyboard is: on the canvas itself, in tldraw's controls after it, before the canvas, or lost on the page. */
function focusPlace(page: Page): Promise<'canvas' | 'tldraw-controls' | 'before-canvas' | 'page' | 'elsewhere'> {
  return page.evaluate(() => {
    const active = document.activeElement
    const container = document.querySelector('.tl-container')
    if (active === null || active === document.body) return 'page'
    if (active === container) return 'canvas'
    if (container?.contains(active)) return active.closest('.tl-canvas') === null ? 'tldraw-controls' : 'elsewhere'
    return container !== null && (container.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_PRECEDING) !== 0 ? 'before-canvas' : 'elsewhere'
  })
}

const selected = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window.__werkraum!.editor as unknown as KeyEditor).getSelectedShapeIds())
const tool = (page: Page): Promise<string> => page.evaluate(() => (window.__werkraum!.editor as unknown as KeyEditor).getCurrentToolId())

/** Into the canvas as a keyboard user does: tldraw's "move focus to the canvas" button, which picks the first shape. */
async function enterCanvas(page: Page): Promise<void> {
  const skipButton = page.locator('.tl-skip-to-main-content')
  await skipButton.focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => focusPlace(page)).toBe('canvas')
}

describe.skipIf(skip !== undefined)('the keyboard on the canvas', () => {
  const session = useBrowserSession()

  it('says how to get around, goes through the notes with Tab and leaves with Tab, Shift+Tab and Esc', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Tastatur', 'Mia')
    await facilitator.openBoard('Plenum')
    await new BoardPage(page).waitConnected()
    for (const text of ['Bänke am Weg', 'Rufbus']) {
      await page.getByTestId('add-note').focus()
      await page.keyboard.press('Enter')
      await page.locator('[contenteditable="true"]:focus').waitFor()
      await page.keyboard.type(text)
      await page.keyboard.press('Escape')
    }
    const notes = await page.evaluate(() => (window.__werkraum!.editor as unknown as KeyEditor).getCurrentPageShapes().map((s) => s.id))
    expect(notes).toHaveLength(2)

    // Esc clears the selection, and a second Esc leaves the canvas backwards, to the board's toolbar.
    await expect.poll(() => focusPlace(page)).toBe('canvas')
    // Back on the canvas after typing, the hint stays away: it is for arriving with Tab (on a phone it covered the board).
    expect(await page.getByTestId('canvas-key-hint').getAttribute('data-shown')).not.toBe('true')
    await page.keyboard.press('Escape')
    expect(await selected(page)).toEqual([])
    await page.keyboard.press('Escape')
    expect(await focusPlace(page)).toBe('before-canvas')

    // In again: the hint shows, and is the canvas's description for screen readers.
    await enterCanvas(page)
    const hint = page.getByTestId('canvas-key-hint')
    await expect.poll(() => hint.getAttribute('data-shown')).toBe('true')
    expect((await hint.boundingBox())!.width).toBeGreaterThan(100)
    expect(await hint.innerText()).toContain('Esc oder Tab')
    const description = await page.evaluate(() => {
      const id = document.querySelector('.tl-container')?.getAttribute('aria-describedby')
      return id ? document.getElementById(id)?.textContent : undefined
    })
    expect(description).toContain('Esc oder Tab nach der letzten Notiz verlässt die Zeichenfläche')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'keys-canvas-hint')

    // Tab: the other note, then out to tldraw's controls that follow the canvas (never round and round).
    const first = await selected(page)
    expect(first).toHaveLength(1)
    await page.keyboard.press('Tab')
    const second = await selected(page)
    expect(second).toHaveLength(1)
    expect(second).not.toEqual(first)
    expect([...first, ...second].sort()).toEqual([...notes].sort())
    await page.keyboard.press('Tab')
    expect(await focusPlace(page)).toBe('tldraw-controls')
    expect(await selected(page)).toEqual([])
    expect(await hint.getAttribute('data-shown')).toBe('false')

    // Shift+Tab before the first note leaves backwards.
    await enterCanvas(page)
    await page.keyboard.press('Shift+Tab')
    expect(await focusPlace(page)).toBe('before-canvas')
  }, 120_000)

  it('reaches every note and prompt of a template in its areas, but not its decorative arrows', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Vorlage', 'Mia')
    await facilitator.addBoard('Konzept', 'concept')
    await facilitator.openBoard('Konzept')
    await new BoardPage(page).waitConnected()
    const shapes = async (): Promise<Array<{ id: string; type: string }>> =>
      page.evaluate(() => (window.__werkraum!.editor as unknown as KeyEditor).getCurrentPageShapes().map((s) => ({ id: s.id, type: s.type })))
    await expect.poll(async () => (await shapes()).some((s) => s.type === 'arrow')).toBe(true)
    const all = await shapes()

    await enterCanvas(page)
    const reached: string[] = [...(await selected(page))]
    for (let i = 0; i < all.length + 2 && (await focusPlace(page)) === 'canvas'; i++) {
      await page.keyboard.press('Tab')
      reached.push(...(await selected(page)))
    }
    expect(await focusPlace(page)).toBe('tldraw-controls')
    const expected = all.filter((s) => s.type !== 'arrow').map((s) => s.id)
    // Each once: the title, the four areas with the prompt inside each, and the concept card.
    expect([...reached].sort()).toEqual([...expected].sort())

    // A prompt inside an area is announced with its area and its true place (tldraw's own count said "0 von …").
    await enterCanvas(page)
    const announcer = page.locator('[role="status"][aria-live]').filter({ hasText: 'im Bereich' })
    for (let i = 0; i < 3 && (await announcer.count()) === 0; i++) await page.keyboard.press('Tab')
    await expect.poll(() => announcer.innerText()).toMatch(new RegExp(`^Welches Problem lösen wir\\?.*, Text im Bereich „Herausforderung“\\. 3 von ${expected.length}$`))
  }, 120_000)

  it('lists the keys, and switches single-key shortcuts off and on again, kept across a reload', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Kürzel', 'Mia')
    await facilitator.openBoard('Plenum')
    const board = new BoardPage(page)
    await board.waitConnected()
    const canvas = page.locator('.tl-container')
    const dialog = page.getByTestId('shortcut-help-dialog')

    // "?" on the canvas opens the list; the switch is in it.
    await canvas.focus()
    await page.keyboard.press('?')
    await dialog.waitFor()
    expect(await dialog.getByRole('heading', { name: 'Tastenkürzel' }).count()).toBe(1)
    expect(await dialog.innerText()).toContain('Strg+Z')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'keys-dialog')
    const off = page.getByTestId('single-keys-off')
    expect(await off.isChecked()).toBe(false)
    await off.check()
    await page.getByTestId('shortcut-help-close').click()
    await dialog.waitFor({ state: 'detached' })

    // Off: "r" on the canvas changes no tool, and "?" no longer opens the list.
    await canvas.focus()
    await page.keyboard.press('r')
    expect(await tool(page)).toBe('select')
    await page.keyboard.press('?')
    expect(await dialog.count()).toBe(0)

    // Kept across a reload; the toolbar's button opens the list, and the switch turns them on again.
    await page.reload()
    await board.waitConnected()
    await page.getByTestId('shortcut-help').click()
    await dialog.waitFor()
    expect(await off.isChecked()).toBe(true)
    await off.uncheck()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('shortcut-help')
    await canvas.focus()
    await page.keyboard.press('r')
    expect(await tool(page)).not.toBe('select')
  }, 120_000)
})
