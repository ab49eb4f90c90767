/**
 * A room's banner names everyone who wrote on its board (issue #13): Ada
 * writes a note in her room, the facilitator moves her to another room, and
 * her first room's board still says she wrote there.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

const boardIdOf = (page: Page): Promise<string | null> => page.getByTestId('workshop-board').getAttribute('data-board-id')

describe.skipIf(skip !== undefined)('who wrote on a board, in real browsers', () => {
  const session = useBrowserSession()

  it('a room’s banner names someone who wrote there and was moved to another room', async () => {
    const facilitatorPage = await session.newPage('de-DE')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Sprint Quartier', 'Mia')
    const code = await facilitator.joinCode()
    await facilitatorPage.getByTestId('phase-title').fill('Gruppenarbeit')
    await facilitatorPage.getByTestId('phase-kind').selectOption('breakout')
    await facilitatorPage.getByTestId('phase-minutes').fill('10')
    await facilitatorPage.getByTestId('phase-add').click()
    await facilitatorPage.getByTestId('phase-rooms').click()
    await facilitatorPage.getByTestId('plan-room-count').fill('2')
    await facilitatorPage.getByTestId('plan-save').click()
    await facilitatorPage.getByTestId('phase-rooms').filter({ hasText: '2' }).waitFor({ timeout: 10_000 })

    const people: BoardPage[] = []
    for (const name of ['Ada', 'Ben']) {
      const page = await session.newPage('de-DE')
      await page.goto(`${session.server.url}/j/${code.replace('-', '')}`)
      await new JoinForm(page).join(code, name)
      const board = new BoardPage(page)
      await board.waitConnected()
      people.push(board)
    }
    const [ada, ben] = people as [BoardPage, BoardPage]
    await expect.poll(() => facilitatorPage.locator('[data-testid="person"][data-present="true"]').count(), { timeout: 15_000 }).toBe(2)

    await facilitatorPage.getByTestId('phase-start').first().click()
    for (const p of people) {
      await p.page.getByTestId('room-header').waitFor({ timeout: 15_000 })
      await p.waitConnected()
    }
    const adasRoom = (await boardIdOf(ada.page))!
    const bensRoom = (await boardIdOf(ben.page))!
    expect(adasRoom).not.toBe(bensRoom)

    // Ada writes a note: it carries her participant id and name.
    await ada.writeStickyNote(-100, -60, 'Mehr Bänke am Platz')
    await expect.poll(() => ada.shapes().then((shapes) => shapes.some((s) => s.text === 'Mehr Bänke am Platz')), { timeout: 10_000 }).toBe(true)
    const authors = await ada.page.evaluate(() => window.__werkraum!.editor.getCurrentPageShapes().filter((s) => s.type === 'note').map((s) => s.meta.werkraumAuthors))
    expect(authors).toEqual([[{ id: expect.any(String), name: 'Ada' }]])

    // The facilitator moves Ada into Ben's room.
    const adaInConsole = facilitatorPage.locator('.room-members-list li').filter({ hasText: 'Ada' })
    const enterRoom = (boardId: string) => facilitatorPage.locator(`[data-testid="enter-room"][href$="${boardId}"]`)
    const bensRoomTitle = await facilitatorPage.getByTestId('room-card').filter({ has: enterRoom(bensRoom) }).locator('h4').innerText()
    await adaInConsole.getByTestId('move-select').selectOption({ label: bensRoomTitle })
    await adaInConsole.getByTestId('move-apply').click()
    await expect.poll(() => boardIdOf(ada.page), { timeout: 10_000 }).toBe(bensRoom)

    // Ada's first room has no members now, and its banner still says who wrote there.
    await enterRoom(adasRoom).click()
    await new BoardPage(facilitatorPage).waitConnected()
    const writers = facilitatorPage.getByTestId('room-writers')
    await writers.waitFor({ timeout: 10_000 })
    expect(await writers.innerText()).toBe('Geschrieben von: Ada')
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await screenshot(facilitatorPage, 'room-banner-writers')

    // In Ben's room, where Ada is a member now, nobody else is named: the facilitator wrote nowhere.
    await ben.page.getByTestId('room-header').filter({ hasText: 'Ada' }).waitFor({ timeout: 10_000 })
    expect(await ben.page.getByTestId('room-writers').count()).toBe(0)
    expect(session.foreign.flat()).toEqual([])
  }, 120_000)
})
