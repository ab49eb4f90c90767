/**
 * Two people in two browsers on one board: the promise of issue #2 as a person
 * experiences it. Runs Debian's Chromium against the real server serving the
 * real production build.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { CLIENT_DIST, browserSkipReason, launchBrowser, screenshot, watchForeignRequests } from '../support/browser.ts'
import { removeDir, startTestServer } from '../support/server.ts'
import type { TestServer } from '../support/server.ts'
import { BoardPage, StartPage } from './pages.ts'
import { axeViolations } from './session.ts'

const skip = browserSkipReason()

describe.skipIf(skip !== undefined)('two people on one board in real browsers', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const foreign: string[][] = []

  async function person(locale: string): Promise<BoardPage> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } })
    contexts.push(context)
    foreign.push(watchForeignRequests(context, server.url))
    return new BoardPage(await context.newPage())
  }

  beforeAll(async () => {
    server = await startTestServer({ CLIENT_DIR: CLIENT_DIST })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
    if (server) removeDir(server.dataDir)
  })

  it('draws, writes, shows cursors with names, survives a reload, and asks nobody else for anything', async () => {
    const board = `e2e-${randomBytes(3).toString('hex')}`
    const anna = await person('de-DE')
    const ben = await person('en-US')
    await anna.open(server.url, board, 'Anna')
    await ben.open(server.url, board, 'Ben')

    await anna.drawRectangle(-200, -100)
    await anna.writeStickyNote(150, 50, 'Bürgerbus')
    await expect.poll(() => anna.shapes(), { timeout: 5000 }).toHaveLength(2)

    // Ben sees both within a couple of seconds.
    await expect
      .poll(async () => (await ben.shapes()).map((s) => `${s.type}:${s.geo ?? s.text ?? ''}`).sort(), { timeout: 5000 })
      .toEqual(['geo:rectangle', 'note:Bürgerbus'])

    // Ben sees Anna's cursor with her name while she moves.
    const c = await anna.canvasCenter()
    for (let i = 0; i < 5; i++) await anna.page.mouse.move(c.x + i * 10, c.y + i * 5)
    await ben.page.locator('.tl-nametag', { hasText: 'Anna' }).waitFor({ timeout: 10_000 })
    await expect.poll(() => ben.page.getByTestId('presence-list').innerText(), { timeout: 10_000 }).toContain('Anna')
    await screenshot(anna.page, 'board-anna')
    await screenshot(ben.page, 'board-ben-sees-anna')

    // A reload keeps everything.
    await ben.page.reload()
    await ben.waitConnected()
    await expect.poll(async () => (await ben.shapes()).length, { timeout: 5000 }).toBe(2)
    await screenshot(ben.page, 'board-ben-after-reload')

    // Someone new, with nothing stored in their browser, gets it all from the server.
    const carla = await person('de-DE')
    await carla.open(server.url, board, 'Carla')
    await expect.poll(async () => (await carla.shapes()).length, { timeout: 10_000 }).toBe(2)

    expect(foreign.flat(), 'requests to other origins').toEqual([])
  })

  it('start page and board page have no accessibility violations', async () => {
    const visitor = await person('de-DE')
    const start = new StartPage(visitor.page)
    await start.open(server.url)
    const startViolations = await axeViolations(visitor.page)
    await screenshot(visitor.page, 'start-page')
    expect(startViolations).toEqual([])

    await start.openBoard('Barrierefreiheit prüfen')
    await visitor.enterName('Prüferin')
    await visitor.waitConnected()
    expect(visitor.page.url()).toContain('/b/barrierefreiheit-pruefen')
    expect(await axeViolations(visitor.page)).toEqual([])
    expect(foreign.flat(), 'requests to other origins').toEqual([])
  })

  for (const [label, viewport] of [
    ['a phone', { width: 390, height: 844 }],
    ['200% zoom of a laptop screen', { width: 640, height: 400 }],
  ] as const) {
    it(`works on ${label}: no sideways scrolling, no accessibility violations`, async () => {
      const context = await browser.newContext({ locale: 'de-DE', viewport })
      contexts.push(context)
      foreign.push(watchForeignRequests(context, server.url))
      const page = await context.newPage()
      const start = new StartPage(page)
      await start.open(server.url)
      const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(await overflow()).toBeLessThanOrEqual(0)
      expect(await axeViolations(page)).toEqual([])
      await start.openBoard(`klein-${viewport.width}`)
      const board = new BoardPage(page)
      await board.enterName('Erika')
      await board.waitConnected()
      expect(await overflow()).toBeLessThanOrEqual(0)
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, `board-${viewport.width}x${viewport.height}`)
      expect(foreign.flat()).toEqual([])
    })
  }
})
