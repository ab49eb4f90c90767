/**
 * A dot vote in real browsers (issue #5): three participants with three dots
 * each, one tries a fourth and is told there is none left, the facilitator
 * closes the vote, and everyone sees the same counts on the canvas and in the
 * ranking.
 */
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

/** Of several buttons, the one furthest left on the screen. */
async function leftmost(buttons: Locator): Promise<Locator> {
  const xs = await buttons.evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().x))
  return buttons.nth(xs.indexOf(Math.min(...xs)))
}


describe.skipIf(skip !== undefined)('a dot vote in real browsers', () => {
  const session = useBrowserSession()
  const newPage = session.newPage
  const foreign = session.foreign

  it('three people vote with three dots each, a fourth is refused, and everyone sees the same result', async () => {
    const facilitatorPage = await newPage('de-DE')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Abstimmung', 'Mia')
    const code = await facilitator.joinCode()

    // Two ideas on the plenary board.
    await facilitator.openBoard('Plenum')
    const mia = new BoardPage(facilitatorPage)
    await mia.waitConnected()
    await mia.writeStickyNote(-150, 0, 'Bürgerbus')
    await mia.writeStickyNote(150, 0, 'Mitfahrbank')
    await expect.poll(async () => (await mia.shapes()).length, { timeout: 10_000 }).toBe(2)

    const people: BoardPage[] = []
    for (const [i, name] of ['Ada', 'Ben', 'Cem'].entries()) {
      const page = await newPage(i === 1 ? 'en-US' : 'de-DE')
      await page.goto(`${session.server.url}/j/${code.replace('-', '')}`)
      await new JoinForm(page).join(code, name)
      const board = new BoardPage(page)
      await board.waitConnected()
      people.push(board)
    }

    // The facilitator starts a named, live dot vote: 3 dots each, at most 2 per note.
    await facilitator.openConsole()
    await facilitatorPage.getByTestId('vote-title').fill('Was nehmen wir mit?')
    await facilitatorPage.getByTestId('vote-budget').fill('3')
    await facilitatorPage.getByTestId('vote-per-item').fill('2')
    await facilitatorPage.getByTestId('vote-hidden').uncheck()
    await facilitatorPage.getByTestId('vote-anonymous').uncheck()
    await facilitatorPage.getByTestId('vote-open').click()
    await facilitatorPage.locator('[data-testid="vote-session"][data-status="open"]').waitFor({ timeout: 10_000 })

    const item = (p: BoardPage, text: string) => p.page.getByTestId('vote-item').filter({ hasText: text })
    // Ada: 2 on the bus, 1 on the bench. Ben: 1 and 2. Cem: 2 on the bus and tries a fourth.
    const plan: Array<[number, string]> = [
      [0, 'Bürgerbus'], [0, 'Bürgerbus'], [0, 'Mitfahrbank'],
      [1, 'Bürgerbus'], [1, 'Mitfahrbank'], [1, 'Mitfahrbank'],
      [2, 'Bürgerbus'], [2, 'Bürgerbus'], [2, 'Mitfahrbank'],
    ]
    for (const p of people) await p.page.getByTestId('vote-panel').waitFor({ timeout: 10_000 })
    expect(await axeViolations(people[0]!.page)).toEqual([])
    // On the canvas "+1" places a dot and "−1" takes it back.
    const ada = people[0]!
    await leftmost(ada.page.getByTestId('vote-plus')).then((plus) => plus.click())
    await expect.poll(() => ada.page.getByTestId('votes-remaining').innerText(), { timeout: 10_000 }).toMatch(/2/)
    await ada.page.getByTestId('vote-minus').click()
    await expect.poll(() => ada.page.getByTestId('votes-remaining').innerText(), { timeout: 10_000 }).toMatch(/3/)
    await expect.poll(() => ada.page.getByTestId('vote-minus').count()).toBe(0)
    for (const [n, [who, text]] of plan.entries()) {
      const before = await people[who]!.page.getByTestId('votes-remaining').innerText()
      // The first dot by clicking on the note on the canvas, the others with the panel's buttons.
      if (n === 0) {
        // Bürgerbus is the note on the left.
        await (await leftmost(people[who]!.page.getByTestId('vote-plus'))).click()
      }
      else await item(people[who]!, text).getByTestId('vote-add').click()
      await expect.poll(() => people[who]!.page.getByTestId('votes-remaining').innerText(), { timeout: 10_000 }).not.toBe(before)
    }
    const cem = people[2]!
    await expect.poll(() => cem.page.getByTestId('votes-remaining').innerText()).toMatch(/0/)
    await item(cem, 'Mitfahrbank').getByTestId('vote-add').click()
    await expect.poll(() => cem.page.getByTestId('vote-message').innerText(), { timeout: 10_000 }).toContain('keine Punkte mehr')
    await screenshot(cem.page, 'vote-no-dots-left')

    // Closed: the same counts on every canvas and in every ranking.
    await facilitatorPage.getByTestId('vote-close').click()
    for (const p of [...people, mia]) {
      if (p === mia) await facilitator.openBoard('Plenum')
      await p.page.getByTestId('vote-ranking').waitFor({ timeout: 10_000 })
      await expect.poll(() => p.page.getByTestId('vote-ranking').getByTestId('vote-count').allInnerTexts(), { timeout: 10_000 }).toEqual(
        p === people[1] ? ['5 dots', '4 dots'] : ['5 Punkte', '4 Punkte'],
      )
      await expect.poll(async () => (await p.page.getByTestId('vote-badge').allInnerTexts()).sort(), { timeout: 10_000 }).toEqual(['4', '5'])
    }
    expect((await people[0]!.page.getByTestId('vote-ranking').getByTestId('vote-item').first().innerText())).toContain('Bürgerbus')
    expect(await axeViolations(people[1]!.page)).toEqual([])
    await screenshot(people[1]!.page, 'vote-results')
    expect(foreign.flat()).toEqual([])
    // Four browsers through a whole vote: a limit that holds beside another browser test on two cores (a limit, not a timing assertion).
  }, 180_000)
})
