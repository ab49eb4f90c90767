/**
 * A three-room breakout in real browsers (issue #4): four participants land in
 * their rooms and draw, the facilitator watches the rooms and broadcasts a
 * message, the timer ends, everyone lands on the gallery of results, which
 * leads to the three room boards with their drawings.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm, ResultsGalleryPage, isReadonly } from './workshopPages.ts'

const skip = browserSkipReason()


describe.skipIf(skip !== undefined)('breakout rooms in real browsers', () => {
  const session = useBrowserSession()
  const newPage = session.newPage
  const foreign = session.foreign

  it('runs a three-room breakout from start to gallery', async () => {
    const facilitatorPage = await newPage('de-DE')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Sprint Mobilität', 'Mia')
    const code = await facilitator.joinCode()

    // A breakout phase with three rooms.
    await facilitatorPage.getByTestId('phase-title').fill('Gruppenarbeit')
    await facilitatorPage.getByTestId('phase-kind').selectOption('breakout')
    await facilitatorPage.getByTestId('phase-minutes').fill('1')
    await facilitatorPage.getByTestId('phase-add').click()
    await facilitatorPage.getByTestId('phase-rooms').click()
    await facilitatorPage.getByTestId('plan-room-count').fill('3')
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await facilitatorPage.getByTestId('plan-save').click()
    await facilitatorPage.getByTestId('phase-rooms').filter({ hasText: '3' }).waitFor({ timeout: 10_000 })

    // Four participants join and wait in the plenary.
    const participants: BoardPage[] = []
    for (const [i, name] of ['Ada', 'Ben', 'Cem', 'Dana'].entries()) {
      const page = await newPage(i % 2 === 0 ? 'de-DE' : 'en-US')
      const join = new JoinForm(page)
      await page.goto(`${session.server.url}/j/${code.replace('-', '')}`)
      await join.join(code, name)
      const board = new BoardPage(page)
      await board.waitConnected()
      participants.push(board)
    }
    await expect.poll(() => facilitatorPage.locator('[data-testid="person"][data-present="true"]').count(), { timeout: 15_000 }).toBe(4)

    // Start: everyone lands in a room, with its header.
    await facilitatorPage.getByTestId('phase-start').first().click()
    const roomBoards = new Set<string>()
    for (const p of participants) {
      await p.page.getByTestId('room-header').waitFor({ timeout: 15_000 })
      await p.waitConnected()
      await expect.poll(() => isReadonly(p.page), { timeout: 5000 }).toBe(false)
      roomBoards.add((await p.page.getByTestId('workshop-board').getAttribute('data-board-id'))!)
    }
    expect(roomBoards.size).toBe(3)
    expect(await axeViolations(participants[0]!.page)).toEqual([])
    for (const [i, p] of participants.entries()) await p.drawRectangle(-150 + i * 40, -80)
    await screenshot(participants[0]!.page, 'breakout-room')

    // The facilitator sees all rooms with their members, and outlines that follow the drawing.
    await expect.poll(() => facilitatorPage.getByTestId('room-card').count(), { timeout: 10_000 }).toBe(3)
    const expected = new Map<string, number>()
    for (const p of participants) {
      await expect.poll(async () => (await p.shapes()).some((shape) => shape.geo === 'rectangle'), { timeout: 10_000 }).toBe(true)
      const board = (await p.page.getByTestId('workshop-board').getAttribute('data-board-id'))!
      await expect.poll(async () => (await p.shapes()).filter((shape) => shape.geo === 'rectangle').length, { timeout: 10_000 }).toBe(participants.filter((q) => q.page.url().endsWith(board)).length)
      expected.set(board, (await p.shapes()).filter((shape) => shape.type !== 'frame' && shape.type !== 'arrow').length)
    }
    const outlined = async (): Promise<number> =>
      (await facilitatorPage.getByTestId('room-thumbnail').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-shapes'))))).reduce((a, b) => a + b, 0)
    await expect.poll(outlined, { timeout: 10_000 }).toBe([...expected.values()].reduce((a, b) => a + b, 0))
    expect(await facilitatorPage.getByTestId('move-select').count()).toBe(4)
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await facilitatorPage.getByTestId('room-grid').scrollIntoViewIfNeeded()
    await screenshot(facilitatorPage, 'breakout-console')
    // And a broadcast reaches every room.
    await facilitatorPage.getByTestId('broadcast-text').fill('Noch fünf Minuten – bitte Ergebnisse festhalten!')
    await facilitatorPage.getByTestId('broadcast-send').click()
    for (const p of participants) await p.page.getByTestId('broadcast').filter({ hasText: 'Ergebnisse festhalten' }).waitFor({ timeout: 10_000 })

    // Time is up (the facilitator takes the last minute away): everyone lands on the gallery of results.
    await facilitatorPage.getByTestId('timer-add--1').click()
    for (const p of participants) {
      await new ResultsGalleryPage(p.page).waitOpen()
      await p.page.getByTestId('room-header').waitFor({ state: 'detached', timeout: 10_000 })
    }

    // The gallery leads to the three room boards with their drawings, read-only.
    const ada = participants[0]!
    expect(await ada.page.getByTestId('gallery-open-board').count()).toBe(3)
    let shapes = 0
    for (let i = 0; i < 3; i++) {
      if (i > 0) await ada.page.getByTestId('gallery-link').click()
      await ada.page.getByTestId('gallery-open-board').nth(i).click()
      await ada.waitConnected()
      await expect.poll(async () => (await ada.shapes()).length, { timeout: 10_000 }).toBeGreaterThan(0)
      shapes += (await ada.shapes()).length
      await expect.poll(() => isReadonly(ada.page), { timeout: 5000 }).toBe(true)
    }
    // Each person drew one rectangle on top of the concept template's shapes: four rectangles in all.
    expect(shapes).toBeGreaterThanOrEqual(4)
    await screenshot(ada.page, 'breakout-gallery')

    // Pitches: the facilitator puts one room on everyone's screen, with a timer.
    await facilitatorPage.getByTestId('pitch-room').first().click()
    for (const p of participants) {
      await p.page.getByTestId('phase-timer').waitFor({ timeout: 10_000 })
      await p.page.getByTestId('room-header').waitFor({ timeout: 10_000 })
    }
    const shown = await Promise.all(participants.map((p) => p.page.getByTestId('workshop-board').getAttribute('data-board-id')))
    expect(new Set(shown).size).toBe(1)
    expect(roomBoards.has(shown[0]!)).toBe(true)

    // "Bring everyone here": the facilitator's board and view, on every screen.
    await facilitator.openBoard('Plenum')
    await new BoardPage(facilitatorPage).waitConnected()
    await facilitatorPage.getByTestId('summon-everyone').click()
    for (const p of participants) await p.page.waitForURL((url) => url.pathname.endsWith(new URL(facilitatorPage.url()).pathname.split('/').pop()!), { timeout: 10_000 })

    // Following: Ada follows Mia's view until she moves herself.
    await ada.waitConnected()
    const mia = ada.page.getByTestId('presence-item').filter({ hasText: 'Mia' })
    await mia.getByTestId('follow').click()
    const centre = (page: Page) => page.evaluate(() => window.__werkraum!.editor.getViewportPageBounds().center)
    await facilitatorPage.evaluate(() => window.__werkraum!.editor.setCamera({ x: -1500, y: -900, z: 1 }))
    const target = await centre(facilitatorPage)
    await expect.poll(async () => {
      const c = await centre(ada.page)
      return Math.hypot(c.x - target.x, c.y - target.y)
    }, { timeout: 10_000 }).toBeLessThan(50)
    expect(foreign.flat()).toEqual([])
    // Five people through a whole breakout, pitches and following: more than one step's default on a loaded machine.
  }, 180_000)
})
