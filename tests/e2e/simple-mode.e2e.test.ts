/**
 * Simple mode (a part of issue #14): a participant switches it on and it
 * stays on after a reload; every button on the board page is at least
 * 44 × 44 px and text at least 18 px; the facilitator's default turns it on
 * for someone who has not chosen; axe finds nothing at 1280, 390 and 320 px
 * on the board and the join page. On a phone, a pinch leaves no shape
 * behind, and the note being typed stays in the part of the canvas that can
 * be seen when the keyboard takes the lower half of the screen.
 */
import type { Page } from 'playwright-core'
import type { CreatedWorkshop } from '@werkraum/shared'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { axeViolations, TLDRAW_LICENCE_MARK, useBrowserSession } from './session.ts'
import { BoardPage } from './pages.ts'
import { FacilitatorConsole, JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

/** The parts of tldraw's editor these tests use (the page's own editor; the shared test hook types fewer). */
interface TestEditor {
  getCurrentPageShapes(): unknown[]
  setCurrentTool(id: string): void
  getZoomLevel(): number
  resetZoom(): void
  getEditingShapeId(): string | null
  getShape(id: string): { type: string } | undefined
  getShapeUtil(shape: { type: string }): { getText(shape: { type: string }): string | undefined }
  getShapePageBounds(id: string): { point: { x: number; y: number }; w: number; h: number; midX: number; maxY: number } | undefined
  getCamera(): { x: number; y: number; z: number }
  getViewportScreenBounds(): { w: number; h: number }
  setCamera(camera: { x: number; y: number; z: number }, options?: { immediate?: boolean }): void
  getContainer(): HTMLElement
  pageToViewport(point: { x: number; y: number }): { x: number; y: number }
}

const PHONE = { width: 390, height: 844 }
const WIDTHS = [1280, 390, 320] as const

/** Whether the page is in simple mode, as CSS sees it and as the switch says. */
async function simpleState(page: Page): Promise<{ root: boolean; pressed: string | null }> {
  return {
    root: await page.evaluate(() => document.documentElement.dataset.simple === 'true'),
    pressed: await page.getByTestId('simple-mode-switch').first().getAttribute('aria-pressed'),
  }
}

/** Every visible button (Werkraum's and tldraw's) smaller than 44 × 44 px, described. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((licenceMark) => {
    const small: string[] = []
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('button, [role="button"], a[href], select, input:not([type="hidden"]), summary'))) {
      // The licence mark is tldraw's; what is drawn on the canvas follows its zoom.
      if (element.closest(licenceMark) !== null || element.closest('.tl-canvas') !== null) continue
      // Not shown: in a closed <details>, hidden by an ancestor.
      if (!element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue
      const box = element.getBoundingClientRect()
      const style = getComputedStyle(element)
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
      // Inside the window (what is scrolled away counts too, but not what is clipped off as hidden).
      if (element.closest('.visually-hidden') !== null) continue
      // Links in running text are exempt (WCAG 2.5.8 "inline").
      if (element.tagName === 'A' && element.closest('p, li') !== null && getComputedStyle(element).display === 'inline') continue
      const checkable = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')
      const minimum = checkable ? 24 : 44
      if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
        const name = element.getAttribute('aria-label') ?? element.getAttribute('title') ?? element.textContent?.trim().slice(0, 30) ?? ''
        small.push(`${element.tagName.toLowerCase()}.${element.className} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`)
      }
    }
    return small
  }, TLDRAW_LICENCE_MARK)
}

/**
 * Buttons in the window that cannot be hit at their centre: cut off by a
 * panel too narrow for them, or covered by something else.
 */
async function coveredTargets(page: Page): Promise<string[]> {
  return page.evaluate((licenceMark) => {
    const covered: string[] = []
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('button, [role="button"], a[href], select, input:not([type="hidden"]), summary'))) {
      if (element.closest(licenceMark) !== null || element.closest('.visually-hidden') !== null || element.closest('.tl-canvas') !== null) continue
      if (!element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue
      const x = box.left + box.width / 2
      const y = box.top + box.height / 2
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue
      const hit = document.elementFromPoint(x, y)
      if (hit === null || (hit !== element && !element.contains(hit) && !hit.contains(element))) {
        const name = element.getAttribute('aria-label') ?? element.getAttribute('title') ?? element.textContent?.trim().slice(0, 30) ?? ''
        covered.push(`${element.tagName.toLowerCase()}.${element.className} "${name}" under ${hit?.tagName.toLowerCase()}.${hit?.className}`)
      }
    }
    return covered
  }, TLDRAW_LICENCE_MARK)
}

/** Visible text outside the canvas's shapes set smaller than 18 px. */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement
      if (parent === null || (node.textContent ?? '').trim() === '') continue
      // The shapes' text follows the canvas's zoom; the licence mark is tldraw's.
      // tldraw's text measurer is an invisible copy.
      if (parent.closest('.tl-shapes, .tl-overlays, .tl-text-measure, .tl-watermark_SEE-LICENSE, .visually-hidden, [aria-hidden="true"], script, style') !== null) continue
      if (!parent.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue
      const box = parent.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const size = parseFloat(getComputedStyle(parent).fontSize)
      if (size < 17.5) small.add(`${parent.tagName.toLowerCase()}.${parent.className} "${(node.textContent ?? '').trim().slice(0, 30)}" ${size}px`)
    }
    return [...small]
  })
}

/** Clicks "Einfache Ansicht"; on a phone it sits in the folded menu, opened first. */
async function toggleSimpleMode(page: Page): Promise<void> {
  const toggle = page.getByTestId('simple-mode-switch').first()
  const inMenu = !(await toggle.isVisible())
  if (inMenu) await page.getByTestId('menu-toggle').click()
  await toggle.click()
  // And the menu folded again, as a person would, to get back to the board.
  if (inMenu) await page.getByTestId('menu-toggle').click()
}

/** The number of shapes on the board. */
function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => (window.__werkraum!.editor as unknown as TestEditor).getCurrentPageShapes().length)
}

/** Presses fingers on the touch screen through Chromium's DevTools protocol, as a phone's touch screen does. */
async function pinch(page: Page, center: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const point = (x: number, y: number, id: number) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 })
  // The first finger lands, then the second a moment later (a real pinch is never two at once).
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(center.x - 20, center.y, 0)] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(center.x - 24, center.y + 2, 0)] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(center.x - 24, center.y + 2, 0), point(center.x + 20, center.y, 1)] })
  for (let step = 1; step <= 8; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(center.x - 24 - step * 12, center.y + 2, 0), point(center.x + 20 + step * 12, center.y, 1)] })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [point(center.x - 120, center.y + 2, 0)] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

describe.skipIf(skip !== undefined)('simple mode', () => {
  const session = useBrowserSession()

  /** A workshop with its facilitator in the console; answers the join code. */
  async function workshop(title: string): Promise<{ facilitator: FacilitatorConsole; code: string }> {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, title, 'Mia')
    return { facilitator, code: await facilitator.joinCode() }
  }

  async function participant(code: string, name: string, viewport = PHONE): Promise<Page> {
    const page = await session.newPage('de-DE', viewport, { touch: true })
    page.setDefaultTimeout(15_000)
    const join = new JoinForm(page)
    await join.openFromStart(session.server.url)
    await join.join(code, name)
    await page.getByTestId('workshop-board').waitFor()
    await page.locator('.tl-canvas').waitFor()
    return page
  }

  it('a participant switches it on; it stays on after a reload, with large targets and text, and axe finds nothing', async () => {
    const { code } = await workshop('Einfach')
    const page = await participant(code, 'Erna')
    expect(await simpleState(page)).toEqual({ root: false, pressed: 'false' })

    await toggleSimpleMode(page)
    expect(await simpleState(page)).toEqual({ root: true, pressed: 'true' })
    await page.reload()
    await page.locator('.tl-canvas').waitFor()
    expect(await simpleState(page)).toEqual({ root: true, pressed: 'true' })

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 })
      // Layout settles on the next frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
      await screenshot(page, `simple-mode-board-${width}`)
      expect(await smallTargets(page), `targets at ${width} px`).toEqual([])
      expect(await smallText(page), `text at ${width} px`).toEqual([])
      expect(await coveredTargets(page), `targets cut off or covered at ${width} px`).toEqual([])
      expect(await axeViolations(page), `axe on the board at ${width} px`).toEqual([])
    }
    // tldraw's own menu, opened: its entries are large too.
    await page.getByTestId('main-menu.button').click()
    await page.locator('.tlui-menu').first().waitFor()
    await screenshot(page, 'simple-mode-menu')
    expect(await smallTargets(page), 'targets with the menu open').toEqual([])
    expect(await smallText(page), 'text with the menu open').toEqual([])
    await page.keyboard.press('Escape')

    // The join page follows this browser's choice too.
    await page.goto(session.server.url + '/j')
    await page.getByTestId('join-code-input').waitFor()
    expect(await page.evaluate(() => document.documentElement.dataset.simple)).toBe('true')
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 })
      await screenshot(page, `simple-mode-join-${width}`)
      expect(await smallTargets(page), `join page targets at ${width} px`).toEqual([])
      expect(await axeViolations(page), `axe on the join page at ${width} px`).toEqual([])
    }
  }, 180_000)

  it("the facilitator's default turns it on for a newcomer who has not chosen; their own choice wins", async () => {
    const { facilitator, code } = await workshop('Vorgabe')
    const box = facilitator.page.getByTestId('simple-default')
    expect(await box.isChecked()).toBe(false)
    await box.check()
    await expect.poll(() => box.isChecked()).toBe(true)

    const page = await participant(code, 'Otto')
    await expect.poll(() => simpleState(page)).toEqual({ root: true, pressed: 'true' })

    // Turned off by the person: off, and it stays off although the workshop says on.
    await toggleSimpleMode(page)
    expect(await simpleState(page)).toEqual({ root: false, pressed: 'false' })
    await page.reload()
    await page.locator('.tl-canvas').waitFor()
    expect(await simpleState(page)).toEqual({ root: false, pressed: 'false' })

    // The facilitator takes the default back: the console's checkbox follows the server.
    await box.uncheck()
    await expect.poll(() => box.isChecked()).toBe(false)
    expect(await axeViolations(facilitator.page)).toEqual([])
  }, 120_000)

  it('on a phone, a pinch leaves no shape behind, whichever tool is chosen', async () => {
    const { code } = await workshop('Zoomen')
    const page = await participant(code, 'Karl')
    await toggleSimpleMode(page)
    const canvas = await page.locator('.tl-canvas').boundingBox()
    const center = { x: canvas!.x + canvas!.width / 2, y: canvas!.y + canvas!.height / 2 }
    for (const tool of ['select', 'note', 'hand']) {
      const before = await shapeCount(page)
      const zoom = await page.evaluate((id) => {
        const editor = (window.__werkraum!.editor as unknown as TestEditor)
        editor.setCurrentTool(id)
        return editor.getZoomLevel()
      }, tool)
      await pinch(page, center)
      // The pinch zoomed the canvas: the fingers were read as a pinch, not as a tap or a drag.
      await expect.poll(() => page.evaluate(() => (window.__werkraum!.editor as unknown as TestEditor).getZoomLevel()), { message: `zoom with ${tool}` }).toBeGreaterThan(zoom)
      expect(await shapeCount(page), `shapes after a pinch with ${tool}`).toBe(before)
      await page.evaluate(() => (window.__werkraum!.editor as unknown as TestEditor).resetZoom())
    }
    // The same fingers one at a time do write: a tap with the note tool places a note (so the count above could change).
    const before = await shapeCount(page)
    await page.evaluate(() => (window.__werkraum!.editor as unknown as TestEditor).setCurrentTool('note'))
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: center.x, y: center.y, id: 0 }] })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await cdp.detach()
    await expect.poll(() => shapeCount(page)).toBe(before + 1)
  }, 120_000)

  it('the note being typed stays in view when the keyboard takes the lower part of the screen', async () => {
    const { code } = await workshop('Tastatur')
    const page = await participant(code, 'Hilde')
    await toggleSimpleMode(page)
    await page.getByTestId('add-note').click()
    await page.locator('[contenteditable="true"]:focus').waitFor()
    // The note near the bottom of the canvas, where a phone's keyboard comes up.
    await page.evaluate(() => {
      const editor = (window.__werkraum!.editor as unknown as TestEditor)
      const bounds = editor.getShapePageBounds(editor.getEditingShapeId()!)!
      const { z } = editor.getCamera()
      const viewport = editor.getViewportScreenBounds()
      editor.setCamera({ x: viewport.w / 2 / z - bounds.midX, y: (viewport.h - 20) / z - bounds.maxY, z }, { immediate: true })
    })
    const editingBox = () =>
      page.evaluate(() => {
        const editor = (window.__werkraum!.editor as unknown as TestEditor)
        const id = editor.getEditingShapeId()
        if (id === null) return undefined
        const bounds = editor.getShapePageBounds(id)!
        const canvas = editor.getContainer().getBoundingClientRect()
        const topLeft = editor.pageToViewport(bounds.point)
        const z = editor.getZoomLevel()
        const shape = { left: canvas.left + topLeft.x, top: canvas.top + topLeft.y, right: canvas.left + topLeft.x + bounds.w * z, bottom: canvas.top + topLeft.y + bounds.h * z }
        const seen = { left: Math.max(canvas.left, 0), top: Math.max(canvas.top, 0), right: Math.min(canvas.right, window.innerWidth), bottom: Math.min(canvas.bottom, window.innerHeight) }
        return { inside: shape.left >= seen.left && shape.top >= seen.top && shape.right <= seen.right && shape.bottom <= seen.bottom, shape, seen }
      })
    // What a keyboard does to the window: 844 px high before, 400 px after.
    await page.setViewportSize({ width: 390, height: 400 })
    await expect.poll(async () => (await editingBox())?.inside, { timeout: 5000 }).toBe(true)
    await screenshot(page, 'simple-mode-keyboard')
    // Still being typed into: the letters go into the note.
    await page.keyboard.type('Mehr Bänke')
    await expect.poll(() => page.evaluate(() => {
      const editor = (window.__werkraum!.editor as unknown as TestEditor)
      const id = editor.getEditingShapeId()
      const shape = id === null ? undefined : editor.getShape(id)
      return shape === undefined ? '' : (editor.getShapeUtil(shape).getText(shape) ?? '')
    })).toBe('Mehr Bänke')
  }, 120_000)

  it("keeps to a newcomer's tools: the toolbar shows only those, and single-key shortcuts do not reach the others", async () => {
    const { facilitator } = await workshop('Werkzeuge')
    const page = facilitator.page
    await facilitator.openBoard('Plenum')
    await page.locator('.tl-canvas').waitFor()
    const tools = () => page.locator('[data-testid^="tools."]:visible').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')))
    const toolAfterPressing = async (key: string): Promise<string> => {
      // The canvas has the keyboard, as after a click on it (clicks one after the other would be a double click, which writes).
      await page.evaluate(() => {
        const editor = window.__werkraum!.editor as unknown as TestEditor & { focus(): void }
        editor.setCurrentTool('select')
        editor.focus()
      })
      await page.keyboard.press(key)
      return page.evaluate(() => (window.__werkraum!.editor as unknown as { getCurrentToolId(): string }).getCurrentToolId())
    }
    // Without simple mode "d" draws: the shortcut works, so the check below can fail.
    expect(await toolAfterPressing('d')).toBe('draw')

    await toggleSimpleMode(page)
    // The pen had no button any more: simple mode starts with select.
    expect(await page.evaluate(() => (window.__werkraum!.editor as unknown as { getCurrentToolId(): string }).getCurrentToolId())).toBe('select')
    await expect.poll(tools).toEqual(['tools.select', 'tools.hand', 'tools.note', 'tools.concept-card'])
    for (const key of ['d', 'r', 'e', 'a', 't']) expect(await toolAfterPressing(key), `after "${key}"`).toBe('select')
    // The tools simple mode keeps answer their keys as before.
    expect(await toolAfterPressing('h')).toBe('hand')
    // Switched off again, every tool is back at once.
    await toggleSimpleMode(page)
    expect(await toolAfterPressing('d')).toBe('draw')
  }, 120_000)

  it('every screen in simple mode: axe clean, targets at least 44 px and text at least 18 px at 1280, 390 and 320 px', async () => {
    const origin = session.server.url
    const found: string[] = []
    /** A person who switched simple mode on in an earlier visit. */
    const simplePage = async (locale: string): Promise<Page> => {
      const page = await session.newPage(locale)
      page.setDefaultTimeout(15_000)
      await page.addInitScript(() => localStorage.setItem('werkraum.simpleMode', 'on'))
      return page
    }
    const check = async (page: Page, screen: string, ready?: () => Promise<unknown>): Promise<void> => {
      for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }, { width: 320, height: 568 }]) {
        await page.setViewportSize(size)
        await ready?.()
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
        if (!(await page.evaluate(() => document.documentElement.dataset.simple === 'true'))) found.push(`${screen} @${size.width}: not in simple mode`)
        for (const problem of [...(await axeViolations(page)), ...(await smallTargets(page)), ...(await smallText(page)), ...(await coveredTargets(page))]) {
          found.push(`${screen} @${size.width}: ${problem}`)
        }
      }
    }
    const post = async <T,>(path: string, body: unknown, token?: string): Promise<T> => {
      const answer = await fetch(origin + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      expect(answer.status, path).toBeLessThan(300)
      return (await answer.json()) as T
    }
    const created = await post<CreatedWorkshop>('/api/workshops', { title: 'Für alle einfach', locale: 'de' })
    const command = (body: unknown): Promise<unknown> => post(`/api/workshops/${created.id}/commands`, body, created.facilitatorToken)
    await command({ type: 'addPhase', title: 'Gruppenarbeit', kind: 'breakout', plannedMinutes: 20 })
    const breakout = session.server.workshops.facilitation(created.id).phases.at(-1)!.id
    const rooms = [{ title: 'Mobilität', challenge: 'Wie kommen Ältere ohne Auto zum Markt?' }, { title: 'Einkauf', challenge: 'Wer bringt den Einkauf?' }]
    await command({ type: 'configureBreakout', phaseId: breakout, plan: { rooms, template: 'brainstorming', mode: 'random' } })

    const participant = await simplePage('de-DE')
    await participant.goto(origin)
    await check(participant, 'start')
    await participant.goto(`${origin}/j/${created.joinCode.replace('-', '')}`)
    await check(participant, 'join with code')
    await participant.goto(`${origin}/nicht-vorhanden`)
    await check(participant, 'not found')
    await participant.goto(`${origin}/j/${created.joinCode.replace('-', '')}`)
    await new JoinForm(participant).join(created.joinCode, 'Erika')
    const board = new BoardPage(participant)
    await board.waitConnected()
    await check(participant, 'plenary', () => board.waitConnected())

    const facilitator = await simplePage('en-US')
    await facilitator.goto(created.links.facilitator.replace(/^https?:\/\/[^/]+/, origin))
    await facilitator.getByRole('textbox').first().waitFor()
    await check(facilitator, 'name prompt')
    await facilitator.getByRole('textbox').first().fill('Mia')
    await facilitator.keyboard.press('Enter')
    await new BoardPage(facilitator).waitConnected()
    await facilitator.goto(`${origin}/w/${created.id}/console`)
    await facilitator.getByTestId('phase-start').first().waitFor()
    await check(facilitator, 'console')

    const plenary = (await participant.getByTestId('workshop-board').getAttribute('data-board-id'))!
    await command({ type: 'startTimer', minutes: 5 })
    await command({ type: 'openVote', title: 'Was zuerst?', kind: 'dots', target: 'notes', boardIds: [plenary], votesPerPerson: 3, maxPerItem: 3, anonymous: false, hidden: false })
    await participant.getByTestId('vote-panel').waitFor()
    await check(participant, 'plenary with timer and open vote')
    const vote = session.server.workshops.votes.sessions(created.id).at(-1)!
    await command({ type: 'closeVote', sessionId: vote.id })
    // Folded on a phone (the last width checked): there, not necessarily shown.
    await participant.getByTestId('vote-results-heading').waitFor({ state: 'attached' })
    await check(participant, 'closed vote')

    await command({ type: 'startPhase', phaseId: breakout })
    await participant.getByTestId('room-header').waitFor({ state: 'attached' })
    await board.waitConnected()
    await check(participant, 'breakout room')
    await command({ type: 'endPhase' })
    await participant.waitForURL(/\/results\//)
    await participant.getByTestId('gallery-room').first().waitFor()
    await check(participant, 'results gallery')

    const visitor = await simplePage('en-US')
    await visitor.goto(`${origin}/b/einfach-fuer-alle`)
    const free = new BoardPage(visitor)
    await free.enterName('Ole')
    await free.waitConnected()
    await check(visitor, 'board outside a workshop')

    expect(found).toEqual([])
  }, 360_000)
})
