/**
 * Concept cards in real browsers (issue #6, and the items of issue #5's
 * votes): added from the toolbar, written in place with the keyboard, grown
 * with their text, seen by everyone else, taken back with undo, and voted on
 * like sticky notes.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

/** The concept cards on the page, as the editor holds them. */
function cards(page: Page): Promise<Array<{ title: string; idea: string; h: number }>> {
  return page.evaluate(() =>
    (window.__werkraum?.editor?.getCurrentPageShapes() ?? [])
      .filter((s) => s.type === 'concept-card')
      .map((s) => {
        const p = s.props as { title: string; idea: string; h: number }
        return { title: p.title, idea: p.idea, h: p.h }
      }),
  )
}

describe.skipIf(skip !== undefined)('concept cards in real browsers', () => {
  const session = useBrowserSession()

  it('a card is written in place, grows with its text, reaches everyone, and can be voted on', async () => {
    const facilitatorPage = await session.newPage('de-DE')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Konzepte', 'Mia')
    const code = await facilitator.joinCode()
    await facilitator.openBoard('Plenum')
    await new BoardPage(facilitatorPage).waitConnected()

    const adaPage = await session.newPage('de-DE')
    await adaPage.goto(`${session.server.url}/j/${code.replace('-', '')}`)
    await new JoinForm(adaPage).join(code, 'Ada')
    await new BoardPage(adaPage).waitConnected()

    // Added from the toolbar, the card opens with its title field focused: keyboard only from here.
    await adaPage.getByTestId('add-concept-card').click()
    await adaPage.locator('[data-testid="concept-title"]:focus').waitFor({ timeout: 5000 })
    expect(await axeViolations(adaPage)).toEqual([])
    await adaPage.keyboard.type('Mitfahrbank am Markt')
    await adaPage.keyboard.press('Tab')
    await adaPage.keyboard.type('Sonntags fährt kein Bus')
    await adaPage.keyboard.press('Tab')
    const before = (await cards(adaPage))[0]!.h
    const idea = 'Bänke mit Schild <b>fett</b>\nZweite Zeile\nDritte Zeile\nVierte Zeile\nFünfte Zeile\nSechste Zeile'
    for (const [i, line] of idea.split('\n').entries()) {
      if (i > 0) await adaPage.keyboard.press('Enter')
      await adaPage.keyboard.type(line)
    }
    await expect.poll(async () => (await cards(adaPage))[0]!.h, { timeout: 5000 }).toBeGreaterThan(before)
    await screenshot(adaPage, 'concept-card-editing')
    await adaPage.keyboard.press('Escape')
    await adaPage.locator('[data-testid="concept-title"]').waitFor({ state: 'detached', timeout: 5000 })

    // The facilitator sees the same card, its text as text (no markup made of it).
    await expect.poll(async () => (await cards(facilitatorPage))[0], { timeout: 10_000 }).toMatchObject({ title: 'Mitfahrbank am Markt', idea })
    const shown = facilitatorPage.getByTestId('concept-card')
    await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('<b>fett</b>')
    expect(await shown.locator('b').count()).toBe(0)

    // A vote on the plenary board lists the card by its title.
    await facilitator.openConsole()
    await facilitatorPage.getByTestId('vote-title').fill('Welches Konzept?')
    await facilitatorPage.getByTestId('vote-hidden').uncheck()
    await facilitatorPage.getByTestId('vote-anonymous').uncheck()
    await facilitatorPage.getByTestId('vote-open').click()
    const item = adaPage.getByTestId('vote-item').filter({ hasText: 'Mitfahrbank am Markt' })
    await item.getByTestId('vote-add').click()
    await expect.poll(() => item.getByTestId('vote-count').innerText(), { timeout: 10_000 }).toBe('1 Punkt')

    // Undo takes a card added by mistake back.
    await adaPage.getByTestId('add-concept-card').click()
    await adaPage.locator('[data-testid="concept-title"]:focus').waitFor({ timeout: 5000 })
    await adaPage.keyboard.press('Escape')
    await expect.poll(async () => (await cards(adaPage)).length).toBe(2)
    await adaPage.keyboard.press('Control+z')
    await expect.poll(async () => (await cards(adaPage)).length).toBe(1)
    expect(session.foreign.flat()).toEqual([])
  })
})
