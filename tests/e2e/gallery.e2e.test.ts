/**
 * The gallery of a breakout's results in real browsers (issue #13, "results
 * come back"): two participants write a concept card each in their rooms; when
 * the facilitator ends the phase both land on the gallery by themselves and
 * see every room with its members and card titles, one of them on a phone;
 * from there a person opens another room's board, and a reload does not move
 * them again. The facilitator stays in the console, finds the gallery there,
 * and brings the results into the plenary.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm, ResultsGalleryPage, isReadonly, writeConceptTitle } from './workshopPages.ts'

const skip = browserSkipReason()

const ROOMS = [
  { title: 'Dörfer', challenge: 'Wie kommen Menschen ohne Auto zum Arzt?' },
  { title: 'Innenstadt', challenge: 'Wie wird der Marktplatz autofrei?' },
]

async function boardIdOf(page: Page): Promise<string> {
  return (await page.getByTestId('workshop-board').getAttribute('data-board-id'))!
}

describe.skipIf(skip !== undefined)('the gallery of a breakout in real browsers', () => {
  const session = useBrowserSession()

  it('takes everyone to the gallery when the breakout ends, with every room, its members and its concepts', async () => {
    const facilitatorPage = await session.newPage('de-DE')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Sprint Mobilität', 'Mia')
    const code = await facilitator.joinCode()

    // A breakout phase with two named rooms, each with its task.
    await facilitatorPage.getByTestId('phase-title').fill('Gruppenarbeit')
    await facilitatorPage.getByTestId('phase-kind').selectOption('breakout')
    await facilitatorPage.getByTestId('phase-add').click()
    await facilitatorPage.getByTestId('phase-rooms').click()
    await facilitatorPage.getByTestId('plan-room-count').fill('2')
    for (const [i, room] of ROOMS.entries()) {
      await facilitatorPage.getByLabel(`Name von Raum ${i + 1}`, { exact: true }).fill(room.title)
      await facilitatorPage.getByLabel(`Aufgabe für Raum ${i + 1}`).fill(room.challenge)
    }
    await facilitatorPage.getByTestId('plan-save').click()
    await facilitatorPage.getByTestId('phase-rooms').filter({ hasText: '2' }).waitFor({ timeout: 10_000 })

    // Ada on a laptop in German, Ben on a phone in English.
    const people: Array<{ name: string; concept: string; page: Page }> = []
    for (const [name, concept, locale, viewport, touch] of [
      ['Ada', 'Mitfahrbank am Markt', 'de-DE', { width: 1280, height: 800 }, false],
      ['Ben', 'Rufbus für Dörfer', 'en-US', { width: 390, height: 844 }, true],
    ] as const) {
      const page = await session.newPage(locale, viewport, { touch })
      await page.goto(`${session.server.url}/j/${code.replace('-', '')}`)
      await new JoinForm(page).join(code, name)
      await new BoardPage(page).waitConnected()
      people.push({ name, concept, page })
    }
    await expect.poll(() => facilitatorPage.locator('[data-testid="person"][data-present="true"]').count(), { timeout: 15_000 }).toBe(2)

    // The breakout starts: each lands in a room and writes a concept card's title there.
    await facilitatorPage.getByTestId('phase-start').first().click()
    const roomOf = new Map<string, string>()
    for (const person of people) {
      await person.page.getByTestId('room-header').waitFor({ timeout: 15_000 })
      await new BoardPage(person.page).waitConnected()
      await expect.poll(() => isReadonly(person.page), { timeout: 5000 }).toBe(false)
      roomOf.set(person.name, await boardIdOf(person.page))
      await writeConceptTitle(person.page, person.concept)
    }
    expect(new Set(roomOf.values()).size).toBe(2)

    // Board connections each page opens from here on: the gallery reads a summary over HTTP, not one connection per room.
    const roomSockets = (urls: readonly string[]): string[] => urls.filter((url) => url.includes('/sync/') && [...roomOf.values()].some((boardId) => url.includes(`.board.${boardId}`)))
    const socketsOf = new Map<Page, string[]>()
    for (const page of [facilitatorPage, ...people.map((p) => p.page)]) {
      const urls: string[] = []
      socketsOf.set(page, urls)
      page.on('websocket', (socket) => urls.push(socket.url()))
    }

    // The facilitator ends the phase: both land on the gallery by themselves.
    await facilitatorPage.getByTestId('phase-end').click()
    const galleries = people.map((person) => new ResultsGalleryPage(person.page))
    for (const gallery of galleries) await gallery.waitOpen()

    // Every room, its task, its members and the title of its card, live from the room boards.
    for (const gallery of galleries) {
      await expect.poll(() => gallery.page.getByTestId('gallery-room').count(), { timeout: 10_000 }).toBe(2)
      await expect.poll(async () => (await gallery.rooms()).flatMap((r) => r.concepts).sort(), { timeout: 15_000 }).toEqual(people.map((p) => p.concept).sort())
      const rooms = await gallery.rooms()
      for (const person of people) {
        // The room whose board the person wrote on names them and holds their card.
        const boardId = roomOf.get(person.name)!
        const card = gallery.page.locator(`[data-testid="gallery-room"][data-board-id="${boardId}"]`)
        await expect.poll(() => card.getByTestId('gallery-room-members').innerText()).toBe(person.name)
        expect(await card.getByTestId('gallery-concept').allInnerTexts()).toEqual([person.concept])
      }
      expect(rooms.map((r) => r.title)).toEqual(ROOMS.map((r) => r.title))
      expect(await gallery.page.getByTestId('gallery-room-task').allInnerTexts()).toEqual(ROOMS.map((r) => r.challenge))
      // Each picture shows what is on its board (the template's card and frame, and the new card).
      for (const count of await gallery.page.getByTestId('room-thumbnail').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-shapes'))))) expect(count).toBeGreaterThan(0)
    }
    for (const person of people) expect(roomSockets(socketsOf.get(person.page)!)).toEqual([])
    const [ada, ben] = galleries as [ResultsGalleryPage, ResultsGalleryPage]
    await expect.poll(() => ada.page.getByRole('heading', { level: 2, name: 'Ergebnisse: Gruppenarbeit' }).count()).toBe(1)
    await expect.poll(() => ben.page.getByRole('heading', { level: 2, name: 'Results: Gruppenarbeit' }).count()).toBe(1)
    expect(await axeViolations(ada.page)).toEqual([])
    expect(await axeViolations(ben.page)).toEqual([])
    // Nothing wider than the phone: no sideways scrolling.
    expect(await ben.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(ada.page, 'gallery-laptop')
    await screenshot(ben.page, 'gallery-phone')
    await ben.room(ROOMS[1]!.title).scrollIntoViewIfNeeded()
    await screenshot(ben.page, 'gallery-phone-second-room')

    // The sidebar links the gallery by the phase's title.
    expect(await ada.page.getByTestId('gallery-link').innerText()).toBe('Ergebnisse: Gruppenarbeit')
    expect(await ada.page.getByTestId('gallery-link').getAttribute('aria-current')).toBe('page')

    // Ben opens Ada's room's board from the gallery: read-only, as results are.
    const adasRoom = roomOf.get('Ada')!
    await ben.page.locator(`[data-testid="gallery-room"][data-board-id="${adasRoom}"]`).getByTestId('gallery-open-board').click()
    await new BoardPage(ben.page).waitConnected()
    expect(await boardIdOf(ben.page)).toBe(adasRoom)
    await expect.poll(() => isReadonly(ben.page), { timeout: 5000 }).toBe(true)
    // A reload after the end moves nobody again.
    await ben.page.reload()
    await new BoardPage(ben.page).waitConnected()
    expect(await boardIdOf(ben.page)).toBe(adasRoom)

    // The facilitator stayed in the console; the rooms panel leads to the gallery and brings the results into the plenary.
    expect(new URL(facilitatorPage.url()).pathname).toMatch(/\/console$/)
    await facilitatorPage.getByTestId('open-gallery').waitFor({ timeout: 10_000 })
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await facilitatorPage.getByTestId('open-gallery').click()
    const mia = new ResultsGalleryPage(facilitatorPage)
    await mia.waitOpen()
    await facilitatorPage.getByTestId('bring-results-notes').check()
    await expect.poll(() => facilitatorPage.locator('[data-testid="room-thumbnail"][data-loaded="true"]').count(), { timeout: 10_000 }).toBe(2)
    await screenshot(facilitatorPage, 'gallery-facilitator')
    // The console's overview watched the rooms live before; the gallery itself opens none.
    socketsOf.get(facilitatorPage)!.length = 0
    await facilitatorPage.reload()
    await mia.waitOpen()
    await expect.poll(() => facilitatorPage.locator('[data-testid="room-thumbnail"][data-loaded="true"]').count(), { timeout: 10_000 }).toBe(2)
    expect(roomSockets(socketsOf.get(facilitatorPage)!)).toEqual([])
    await facilitatorPage.getByTestId('bring-results-notes').check()
    await facilitatorPage.getByTestId('bring-results-button').click()
    await expect.poll(() => facilitatorPage.getByTestId('bring-results-status').innerText(), { timeout: 10_000 }).toContain('Ergebnisse liegen auf „Plenum“')
    await facilitatorPage.getByTestId('bring-results-button').waitFor({ state: 'detached', timeout: 10_000 })
    // The focused button went with the form: focus is on the way to the results, not dropped on the page.
    await expect.poll(() => facilitatorPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bring-results-open')
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await facilitatorPage.getByTestId('bring-results-open').click()
    await new BoardPage(facilitatorPage).waitConnected()
    expect(await facilitatorPage.getByTestId('board-link').filter({ hasText: 'Plenum' }).getAttribute('aria-current')).toBe('page')
    // There they are: the written cards (the rooms' untouched template cards left out), in a frame per room.
    const plenary = (): Promise<{ frames: string[]; cards: string[] }> =>
      facilitatorPage.evaluate(() => {
        const shapes = window.__werkraum?.editor.getCurrentPageShapes() ?? []
        const text = (s: (typeof shapes)[number], key: string): string => String((s.props as Record<string, unknown>)[key] ?? '')
        return { frames: shapes.filter((s) => s.type === 'frame').map((s) => text(s, 'name')), cards: shapes.filter((s) => s.type === 'concept-card').map((s) => text(s, 'title')) }
      })
    await expect.poll(async () => (await plenary()).cards.filter((c) => c !== '').sort(), { timeout: 10_000 }).toEqual(people.map((p) => p.concept).sort())
    expect((await plenary()).frames.filter((name) => ROOMS.some((r) => name.includes(r.title)))).toHaveLength(2)
    await screenshot(facilitatorPage, 'gallery-brought-to-plenary')

    // Back in the console, the rooms panel says where the results are instead of offering them again.
    await facilitator.openConsole()
    await expect.poll(() => facilitatorPage.getByTestId('rooms-panel').getByTestId('bring-results-status').innerText(), { timeout: 10_000 }).toContain('Plenum')
    expect(await facilitatorPage.getByTestId('bring-results-button').count()).toBe(0)
    await facilitatorPage.getByTestId('ended-results').scrollIntoViewIfNeeded()
    await screenshot(facilitatorPage, 'gallery-console-results')
    expect(session.foreign.flat()).toEqual([])
    // Three people through a whole breakout: longer than one step's default.
  }, 180_000)
})
