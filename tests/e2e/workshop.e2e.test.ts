/**
 * A workshop as the three people of issue #3 live it, in real browsers: the
 * facilitator creates it, a participant joins with the code, both draw on the
 * plenary board, an observer watches live and cannot change anything. Then the
 * facilitator locks the board and removes the participant.
 */
import { describe, expect, it } from 'vitest'
import type { WebSocketRoute } from 'playwright-core'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm, isReadonly } from './workshopPages.ts'

const skip = browserSkipReason()


describe.skipIf(skip !== undefined)('a workshop in real browsers', () => {
  const session = useBrowserSession()
  const newPage = session.newPage
  const foreign = session.foreign

  it('facilitator creates, participant joins with the code, both draw, the observer watches read-only', async () => {
    const facilitatorPage = await newPage('de-DE')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Digitaler Sprint Marktplatz', 'Moderatorin')
    const code = await facilitator.joinCode()
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{4}$/)
    const observerLink = await facilitator.observerLink()
    expect(observerLink).toMatch(new RegExp(`^${session.server.url}/w/[A-Za-z0-9]+#t=`))
    await expect.poll(() => facilitatorPage.getByTestId('join-qr').locator('path').getAttribute('d')).toMatch(/^M/)
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await screenshot(facilitatorPage, 'workshop-console')

    // The participant types the code as read aloud, in lower case.
    const participantPage = await newPage('en-US')
    const join = new JoinForm(participantPage)
    await join.openFromStart(session.server.url)
    expect(await axeViolations(participantPage)).toEqual([])
    await join.join(code.toLowerCase(), 'Ben')
    const ben = new BoardPage(participantPage)
    await ben.waitConnected()
    await expect.poll(() => isReadonly(participantPage), { timeout: 5000 }).toBe(false)
    expect(await axeViolations(participantPage)).toEqual([])

    // The facilitator sees Ben arrive.
    await facilitator.person('Ben').and(facilitatorPage.locator('[data-present="true"]')).waitFor({ timeout: 10_000 })

    // Both draw on the plenary board.
    await facilitator.openBoard('Plenum')
    const anna = new BoardPage(facilitatorPage)
    await anna.waitConnected()
    await anna.drawRectangle(-200, -100)
    await ben.writeStickyNote(150, 50, 'Bürgerbus')
    for (const person of [anna, ben]) {
      await expect
        .poll(async () => (await person.shapes()).map((s) => `${s.type}:${s.geo ?? s.text ?? ''}`).sort(), { timeout: 10_000 })
        .toEqual(['geo:rectangle', 'note:Bürgerbus'])
    }

    // The observer sees it live, with tldraw read-only, and cannot change it.
    const observerPage = await newPage('de-DE')
    await observerPage.goto(observerLink)
    const olga = new BoardPage(observerPage)
    await olga.enterName('Olga')
    await olga.waitConnected()
    // The token left the address bar.
    expect(observerPage.url()).not.toContain('#t=')
    await expect.poll(async () => (await olga.shapes()).length, { timeout: 10_000 }).toBe(2)
    await observerPage.getByTestId('readonly-note').waitFor()
    await expect.poll(() => isReadonly(observerPage), { timeout: 5000 }).toBe(true)
    expect(await axeViolations(observerPage)).toEqual([])
    await olga.drawRectangle(100, -150)
    await ben.writeStickyNote(-50, 150, 'Mitfahrbank')
    await expect.poll(async () => (await olga.shapes()).length, { timeout: 10_000 }).toBe(3)
    expect((await anna.shapes()).length).toBe(3)
    await screenshot(observerPage, 'workshop-observer')

    // A pasted image is uploaded to Werkraum: the board keeps only its address, and Ben sees it.
    await anna.pasteImage()
    await expect.poll(() => anna.assetSources(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^\/api\/workshops\/\w+\/images\/\w+$/)])
    await expect.poll(() => ben.assetSources(), { timeout: 10_000 }).toEqual(await anna.assetSources())
    await expect.poll(() => ben.loadedImages(), { timeout: 10_000 }).toBe(1)
    // Fetched with the token in a header: no image address carries it.
    const imageRequests = await participantPage.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/images/')))
    expect(imageRequests.length).toBeGreaterThan(0)
    expect(imageRequests.filter((n) => n.includes('token'))).toEqual([])

    // Making Ben an observer takes his pen away at once; making him a participant gives it back.
    await facilitator.openConsole()
    await facilitator.setRole('Ben', 'observer')
    await participantPage.getByTestId('readonly-note').waitFor({ timeout: 10_000 })
    await expect.poll(() => isReadonly(participantPage), { timeout: 5000 }).toBe(true)
    await facilitator.setRole('Ben', 'participant')
    await participantPage.getByTestId('readonly-note').waitFor({ state: 'detached', timeout: 10_000 })

    // A board added from the concept template is laid out once, the same for everyone.
    await facilitator.addBoard('Konzepte', 'concept')
    await participantPage.getByTestId('board-link').filter({ hasText: 'Konzepte' }).click()
    await ben.waitConnected()
    await expect.poll(async () => (await ben.shapes()).filter((s) => s.type === 'frame').length, { timeout: 10_000 }).toBe(4)
    await facilitator.openBoard('Konzepte')
    await anna.waitConnected()
    const concept = await anna.shapes()
    expect(concept.filter((s) => s.type === 'frame').length).toBe(4)
    await expect.poll(async () => (await ben.shapes()).length, { timeout: 10_000 }).toBe(concept.length)
    await screenshot(facilitatorPage, 'workshop-concept-template')
    await participantPage.getByTestId('board-link').filter({ hasText: 'Plenum' }).click()
    await ben.waitConnected()

    // Locking the board makes it read-only for Ben at once, unlocking gives it back.
    await facilitator.openConsole()
    await facilitator.toggleLock('Plenum')
    await participantPage.getByTestId('readonly-note').waitFor({ timeout: 10_000 })
    await expect.poll(() => isReadonly(participantPage), { timeout: 5000 }).toBe(true)
    await facilitator.toggleLock('Plenum')
    await participantPage.getByTestId('readonly-note').waitFor({ state: 'detached', timeout: 10_000 })
    await expect.poll(() => isReadonly(participantPage), { timeout: 5000 }).toBe(false)

    // Opening another link to the same workshop does not silently replace the facilitator's access.
    await facilitatorPage.goto(observerLink)
    await facilitatorPage.getByTestId('keep-access').waitFor()
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await facilitatorPage.getByTestId('keep-access').click()
    await facilitatorPage.getByTestId('console-link').waitFor({ timeout: 10_000 })
    await facilitator.openConsole()

    // Removing Ben disconnects him, and his browser cannot get back in; the server refuses his old token too.
    const workshopId = new URL(participantPage.url()).pathname.split('/')[2]!
    const bensToken = await participantPage.evaluate((id) => (JSON.parse(localStorage.getItem('werkraum.workshops') ?? '{}') as Record<string, { token: string }>)[id]?.token, workshopId)
    expect(bensToken).toBeTruthy()
    await facilitator.remove('Ben')
    await participantPage.getByTestId('workshop-refused').waitFor({ timeout: 10_000 })
    expect(await axeViolations(participantPage)).toEqual([])
    await participantPage.reload()
    await participantPage.getByTestId('workshop-no-access').waitFor({ timeout: 10_000 })
    expect(await participantPage.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('ws.')))).toEqual([])
    const refusedStatus = await participantPage.evaluate(
      async ({ id, token }) => (await fetch(`/api/workshops/${id}`, { headers: { authorization: `Bearer ${token}` } })).status,
      { id: workshopId, token: bensToken! },
    )
    expect(refusedStatus).toBe(403)
    await facilitator.person('Ben').waitFor({ state: 'detached', timeout: 10_000 })

    expect(foreign.flat(), 'requests to other origins').toEqual([])
    // The whole life of a workshop in one journey: a generous limit for a loaded machine (a limit, not a timing assertion).
  }, 180_000)

  it('tells someone who was removed while their connection was down', async () => {
    const created = (await (await fetch(`${session.server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Funkloch', locale: 'de' }) })).json()) as { id: string; joinCode: string; facilitatorToken: string }
    const page = await newPage('de-DE')
    // Every sync connection passes through here, so the test can cut them as a dead spot would.
    let cut = false
    const open: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = []
    await page.routeWebSocket(/\/sync\//, (ws) => {
      if (cut) {
        void ws.close({ code: 1011, reason: 'dead spot' })
        return
      }
      open.push({ page: ws, server: ws.connectToServer() })
    })
    await page.goto(`${session.server.url}/j/${created.joinCode}`)
    await new JoinForm(page).join(created.joinCode, 'Clara')
    await new BoardPage(page).waitConnected()
    const clara = await page.evaluate(async (id) => {
      const { token } = (JSON.parse(localStorage.getItem('werkraum.workshops') ?? '{}') as Record<string, { token: string }>)[id]!
      return ((await (await fetch(`/api/workshops/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { participantId: string }).participantId
    }, created.id)

    cut = true
    for (const route of open.splice(0)) {
      await route.server.close()
      await route.page.close({ code: 1011, reason: 'dead spot' })
    }
    // Removed while the connection is down: no close code can reach Clara's browser.
    const removed = await fetch(`${session.server.url}/api/workshops/${created.id}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.facilitatorToken}` },
      body: JSON.stringify({ type: 'removeParticipant', participantId: clara }),
    })
    expect(removed.status).toBe(200)
    const refused = page.getByTestId('workshop-refused')
    await refused.waitFor({ timeout: 20_000 })
    expect(await refused.getAttribute('data-status')).toBe('403')
  })

  it('runs the agenda: the timer shows for everyone, is announced politely, and the server ends the phase', async () => {
    const facilitatorPage = await newPage('en-US')
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Timed sprint', 'Fiona')
    const code = await facilitator.joinCode()
    await facilitatorPage.getByTestId('phase-title').fill('Group work')
    await facilitatorPage.getByTestId('phase-kind').selectOption('breakout')
    await facilitatorPage.getByTestId('phase-minutes').fill('1.05')
    await facilitatorPage.getByTestId('phase-add').click()
    await facilitatorPage.getByTestId('phase-admin').filter({ hasText: 'Group work' }).waitFor()

    // Paul's computer clock is three and a half minutes slow; he must still see the same time left.
    const participantPage = await newPage('de-DE')
    await participantPage.addInitScript(() => {
      const skewMs = -210_000
      const realNow = Date.now.bind(Date)
      Date.now = () => realNow() + skewMs
    })
    await new JoinForm(participantPage).openFromStart(session.server.url)
    await new JoinForm(participantPage).join(code, 'Paul')
    await new BoardPage(participantPage).waitConnected()

    await facilitatorPage.getByTestId('phase-start').first().click()
    // Everyone sees the countdown and the running phase in the agenda.
    for (const page of [facilitatorPage, participantPage]) {
      await page.getByTestId('phase-timer').waitFor({ timeout: 10_000 })
      await page.locator('[data-testid="agenda-item"][data-status="running"]').waitFor({ timeout: 10_000 })
    }
    // Right within a moment of the page measuring its clock (a device-clock countdown would show 4:3x for good).
    await expect.poll(() => participantPage.getByTestId('phase-timer-time').innerText(), { timeout: 5000 }).toMatch(/^1:0\d$/)
    // Both screens agree to the second (read back to back; at most one tick apart).
    const seconds = (text: string): number => Number(text.split(':')[0]) * 60 + Number(text.split(':')[1])
    const [a, b] = await Promise.all([facilitatorPage, participantPage].map((p) => p.getByTestId('phase-timer-time').innerText()))
    expect(Math.abs(seconds(a!) - seconds(b!))).toBeLessThanOrEqual(1)
    // At one minute left, screen readers hear it once (not every second).
    const announced = (): Promise<string[]> => participantPage.getByTestId('announcements').locator('p').allTextContents()
    await expect.poll(async () => (await announced()).at(-1), { timeout: 10_000 }).toBe('Noch 1 Minute.')
    // Each once, and none overwritten by the next: the phase's start is still there to be read.
    expect((await announced()).filter((text) => text === 'Noch 1 Minute.')).toHaveLength(1)
    expect((await announced()).some((text) => text.includes('Group work'))).toBe(true)
    expect(await participantPage.locator('.phase-timer--last-minute').count()).toBe(1)
    expect(await axeViolations(participantPage)).toEqual([])
    expect(await axeViolations(facilitatorPage)).toEqual([])
    await screenshot(participantPage, 'workshop-timer-participant')

    // Taking the minute away ends it; the server ends the phase.
    await facilitatorPage.getByTestId('timer-add--1').click()
    await expect.poll(async () => (await announced()).at(-1), { timeout: 10_000 }).toBe('„Group work“ ist beendet.')
    // Both said, one after the other: the end of the phase does not replace "time is up" (lines stay 15 s, see announcements.e2e.test.ts).
    expect(await announced()).toContain('Die Zeit ist um.')
    await participantPage.locator('[data-testid="agenda-item"][data-status="done"]').waitFor({ timeout: 10_000 })
    await participantPage.getByTestId('phase-timer').waitFor({ state: 'detached', timeout: 10_000 })
    expect(foreign.flat()).toEqual([])
  })

  it('explains a link that is not valid', async () => {
    const page = await newPage('en-US')
    const created = await (await fetch(`${session.server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'T', locale: 'en' }) })).json() as { id: string }
    await page.goto(`${session.server.url}/w/${created.id}#t=not-a-token`)
    const refused = page.getByTestId('workshop-refused')
    await refused.waitFor({ timeout: 10_000 })
    expect(await refused.getAttribute('data-status')).toBe('401')
    expect(await refused.innerText()).toContain('not valid')
    expect(await axeViolations(page)).toEqual([])
  })

  it('join page, console and workshop board work on a phone without sideways scrolling', async () => {
    const page = await newPage('de-DE', { width: 390, height: 844 })
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Sprint am Telefon', 'Mo')
    const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(await overflow()).toBeLessThanOrEqual(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'workshop-console-phone')
    await facilitator.openBoard('Plenum')
    await new BoardPage(page).waitConnected()
    expect(await overflow()).toBeLessThanOrEqual(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'workshop-board-phone')

    // Deleting asks first, then everything is gone and the facilitator link no longer works.
    await facilitator.openConsole()
    const facilitatorLink = await facilitator.facilitatorLink()
    await page.getByTestId('delete-workshop').click()
    await page.getByTestId('confirm-dialog').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByTestId('confirm-dialog-confirm').click()
    await page.getByTestId('workshop-deleted').waitFor({ timeout: 10_000 })
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('ws.')))).toEqual([])
    await page.goto(facilitatorLink)
    const refused = page.getByTestId('workshop-refused')
    await refused.waitFor({ timeout: 10_000 })
    expect(await refused.getAttribute('data-status')).toBe('403')
    expect(foreign.flat()).toEqual([])
  })
})
