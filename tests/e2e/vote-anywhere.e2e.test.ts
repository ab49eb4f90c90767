/**
 * Voting from wherever one is (issue #13): a facilitator opens an anonymous
 * vote (the default) on a board with notes while the participants are on
 * another board. They see the items grouped by board and where the vote runs,
 * place a dot from the panel, jump to the board and place one on the canvas;
 * the result counts both, and once closed nothing suggests one can still vote.
 */
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { AgendaConsole } from './agendaPages.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

/** Of several buttons, the one furthest right on the screen. */
async function rightmost(buttons: Locator): Promise<Locator> {
  const xs = await buttons.evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().x))
  return buttons.nth(xs.indexOf(Math.max(...xs)))
}

describe.skipIf(skip !== undefined)('voting from any board', () => {
  const session = useBrowserSession()

  it('a participant on another board votes from the panel and on the canvas, and both dots count', async () => {
    const facilitatorPage = await session.newPage('de-DE')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Sprint', 'Mia')
    const code = await facilitator.joinCode()

    // Two ideas on a board of their own; the participants stay on the plenary.
    await facilitator.addBoard('Ideen', 'blank')
    await facilitator.openBoard('Ideen')
    const mia = new BoardPage(facilitatorPage)
    await mia.waitConnected()
    await mia.writeStickyNote(-150, 0, 'Bürgerbus')
    await mia.writeStickyNote(150, 0, 'Mitfahrbank')
    await expect.poll(async () => (await mia.shapes()).length, { timeout: 10_000 }).toBe(2)

    const people: BoardPage[] = []
    for (const name of ['Ada', 'Ben']) {
      const page = await session.newPage('de-DE')
      await page.goto(`${session.server.url}/j/${code.replace('-', '')}`)
      await new JoinForm(page).join(code, name)
      const board = new BoardPage(page)
      await board.waitConnected()
      await expect.poll(() => page.getByTestId('workshop-board').getAttribute('data-board-id')).not.toBeNull()
      people.push(board)
    }
    const [ada, ben] = people as [BoardPage, BoardPage]

    // The facilitator opens a vote on "Ideen" only, anonymous and hidden as the form suggests.
    await facilitator.openConsole()
    const form = facilitatorPage.getByTestId('votes-console')
    await form.getByTestId('vote-title').fill('Was nehmen wir mit?')
    await form.getByLabel('Plenum', { exact: true }).uncheck()
    await form.getByLabel('Ideen', { exact: true }).check()
    expect(await form.getByTestId('vote-anonymous').isChecked()).toBe(true)
    await form.getByTestId('vote-open').click()
    await facilitatorPage.locator('[data-testid="vote-session"][data-status="open"]').waitFor({ timeout: 10_000 })

    // On the plenary: the items of "Ideen" under its title, and a link there.
    for (const p of people) {
      const panel = p.page.getByTestId('vote-panel')
      await panel.waitFor({ timeout: 10_000 })
      await expect.poll(() => panel.getByTestId('vote-runs-on').innerText(), { timeout: 10_000 }).toContain('Die Abstimmung läuft auf: Ideen')
      const group = panel.getByTestId('vote-group')
      await expect.poll(() => group.locator('h3').allInnerTexts(), { timeout: 10_000 }).toEqual(['Ideen'])
      await expect.poll(() => group.getByTestId('vote-item').locator('.vote-text').allInnerTexts(), { timeout: 10_000 }).toEqual(['Bürgerbus', 'Mitfahrbank'])
      expect(await p.page.getByTestId('votes-remaining').innerText()).toContain('3 Punkte')
    }
    // Said once, politely, wherever one is.
    await expect.poll(() => ben.page.getByTestId('announcements').locator('p').allInnerTexts(), { timeout: 10_000 }).toContain('Abstimmung gestartet: „Was nehmen wir mit?“')
    expect(await axeViolations(ada.page)).toEqual([])
    await screenshot(ada.page, 'vote-anywhere-panel')

    // A dot from the panel, with the keyboard.
    const bus = ada.page.getByTestId('vote-item').filter({ hasText: 'Bürgerbus' })
    await bus.getByTestId('vote-add').focus()
    await ada.page.keyboard.press('Enter')
    await expect.poll(() => ada.page.getByTestId('votes-remaining').innerText(), { timeout: 10_000 }).toContain('2 Punkte')

    // To the board the vote runs on, and a dot on the canvas (+1 on the note on the right).
    await ada.page.getByTestId('vote-board-link').filter({ hasText: 'Ideen' }).click()
    await ada.page.locator('[data-testid="workshop-board"]').filter({ has: ada.page.getByRole('heading', { name: 'Ideen', exact: true }) }).waitFor({ timeout: 10_000 })
    await ada.waitConnected()
    // Anonymous: Ada's cursor is kept from the others, and she is told so.
    await ada.page.getByTestId('vote-cursor-hidden').waitFor({ timeout: 10_000 })
    await expect.poll(() => ada.page.getByTestId('vote-plus').count(), { timeout: 10_000 }).toBe(2)
    await (await rightmost(ada.page.getByTestId('vote-plus'))).click()
    await expect.poll(() => ada.page.getByTestId('votes-remaining').innerText(), { timeout: 10_000 }).toContain('1 Punkt')
    // No outline to click on the plenary, where no click would count.
    expect(await ben.page.getByTestId('vote-plus').count()).toBe(0)

    // Ben keeps the focus in the panel as the vote closes: it goes to the results, not to the page.
    await ben.page.getByTestId('vote-item').filter({ hasText: 'Mitfahrbank' }).getByTestId('vote-add').focus()
    await facilitatorPage.getByTestId('vote-close').click()

    for (const p of people) {
      const panel = p.page.getByTestId('vote-panel')
      await expect.poll(() => panel.getAttribute('data-status'), { timeout: 10_000 }).toBe('closed')
      await expect.poll(() => panel.getByTestId('vote-heading').innerText()).toBe('Abstimmung beendet: Was nehmen wir mit?')
      await expect.poll(() => panel.getByTestId('vote-ranking').getByTestId('vote-count').allInnerTexts(), { timeout: 10_000 }).toEqual(['1 Punkt', '1 Punkt'])
      // Nothing suggests one can still vote.
      expect(await p.page.getByTestId('vote-add').count()).toBe(0)
      expect(await p.page.getByTestId('votes-remaining').count()).toBe(0)
      expect(await p.page.getByTestId('vote-plus').count()).toBe(0)
      expect(await p.page.getByTestId('vote-cursor-hidden').count()).toBe(0)
      expect(await p.page.locator('body').innerText()).not.toContain('Die Abstimmung läuft')
    }
    await expect.poll(() => ben.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 10_000 }).toBe('vote-results-heading')
    await expect.poll(() => ben.page.getByTestId('announcements').locator('p').allInnerTexts(), { timeout: 10_000 }).toContain('Abstimmung beendet: „Was nehmen wir mit?“')
    expect(await axeViolations(ben.page)).toEqual([])
    await screenshot(ben.page, 'vote-anywhere-closed')
    // On a board the vote was not about, the closed vote can be put away.
    await ben.page.getByTestId('vote-dismiss').click()
    expect(await ben.page.getByTestId('vote-panel').count()).toBe(0)
    expect(session.foreign.flat()).toEqual([])
  }, 180_000)

  it('a vote phase is planned on the results of an earlier breakout, and cannot start before it has run', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(10_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Planung', 'Mia')
    const agenda = new AgendaConsole(page)
    await agenda.addPhase('Abstimmung vorab', 'vote', 5)
    await agenda.addPhase('Arbeitsphase 1', 'breakout', 20)
    await agenda.addPhase('Abstimmung', 'vote', 5)

    // Only breakouts before the vote are offered, and the latest of them is what a new plan is about.
    const early = await agenda.planVote('Abstimmung vorab')
    expect(await early.getByTestId('vote-results-of').count()).toBe(0)
    await early.getByRole('button', { name: 'Abbrechen' }).click()
    const dialog = await agenda.planVote('Abstimmung')
    const results = dialog.getByLabel('Ergebnisse von „Arbeitsphase 1“')
    expect(await results.isChecked()).toBe(true)
    expect(await dialog.getByLabel('Plenum', { exact: true }).isChecked()).toBe(false)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'vote-plan-results-of')
    await dialog.getByTestId('vote-title').fill('Welche Konzepte arbeiten wir aus?')
    await dialog.getByTestId('vote-open').click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => agenda.basis('Abstimmung')).toBe('Abstimmung über: Ergebnisse von Arbeitsphase 1')

    // Started before the breakout has run: refused in words the facilitator can act on.
    await agenda.phase('Abstimmung').getByTestId('phase-start').click()
    await expect.poll(() => page.getByTestId('command-error').innerText()).toContain('Die Ergebnisse, auf denen das aufbaut, gibt es noch nicht')
    // On the spot, nothing has run yet whose results one could vote on.
    expect(await page.getByTestId('votes-console').getByTestId('vote-results-of').count()).toBe(0)
    expect(session.foreign.flat()).toEqual([])
  }, 120_000)
})
