/**
 * The list view of a board (issue #14): every note on a board of 30, read
 * from Chromium's accessibility tree, including notes another person writes
 * while the list is open (announced once, batched); and from the list, with
 * the keyboard only, a note is added into an area, edited, moved, deleted,
 * and a dot placed and taken back. What the list did is checked in the other
 * person's browser, the board's records as they synced.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

interface Seeded {
  readonly type: string
  readonly text: string
  readonly parentId: string
}

/** The written shapes of the board as `page`'s editor holds them. */
function records(page: Page): Promise<Seeded[]> {
  return page.evaluate(() => {
    const editor = window.__werkraum!.editor as unknown as {
      getCurrentPageShapes(): Array<{ id: string; type: string; parentId: string }>
      getShapeUtil(shape: unknown): { getText(shape: unknown): string | undefined }
    }
    return editor
      .getCurrentPageShapes()
      .filter((s) => ['note', 'text', 'concept-card'].includes(s.type))
      .map((s) => ({ type: s.type, text: editor.getShapeUtil(s).getText(s) ?? '', parentId: s.parentId }))
  })
}

/** Whether the note with `text` lies wholly inside the frame `frameId` on the page, as people see it there. */
function insideFrame(page: Page, text: string, frameId: string): Promise<boolean> {
  return page.evaluate(
    ([text, frameId]) => {
      type Bounds = { minX: number; minY: number; maxX: number; maxY: number }
      const editor = window.__werkraum!.editor as unknown as {
        getCurrentPageShapes(): Array<{ id: string; type: string }>
        getShapeUtil(shape: unknown): { getText(shape: unknown): string | undefined }
        getShapePageBounds(id: string): Bounds | undefined
      }
      const note = editor.getCurrentPageShapes().find((s) => editor.getShapeUtil(s).getText(s) === text)
      const a = note === undefined ? undefined : editor.getShapePageBounds(note.id)
      const b = editor.getShapePageBounds(frameId!)
      return a !== undefined && b !== undefined && a.minX >= b.minX && a.maxX <= b.maxX && a.minY >= b.minY && a.maxY <= b.maxY
    },
    [text, frameId],
  )
}

const textOf = (n: number): string => `Gedanke ${String(n).padStart(2, '0')}`

describe.skipIf(skip !== undefined)('the list view of a board', () => {
  const session = useBrowserSession()

  it('reads all 30 notes and new ones by others from the accessibility tree, and changes the board with the keyboard alone', async () => {
    // Mia, the facilitator, fills the plenary board: two areas with ten notes each, ten more below them.
    const miaPage = await session.newPage('de-DE')
    miaPage.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(miaPage)
    await facilitator.create(session.server.url, 'Liste', 'Mia')
    const code = await facilitator.joinCode()
    await facilitator.openBoard('Plenum')
    await new BoardPage(miaPage).waitConnected()
    await miaPage.evaluate((texts) => {
      const editor = window.__werkraum!.editor as unknown as { createShapes(shapes: unknown[]): void }
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
      editor.createShapes([
        { id: 'shape:ideen', type: 'frame', x: 0, y: 0, props: { w: 720, h: 1000, name: 'Ideen' } },
        { id: 'shape:fragen', type: 'frame', x: 800, y: 0, props: { w: 720, h: 1000, name: 'Fragen' } },
      ])
      editor.createShapes(
        texts.map((text, i) => {
          const area = i < 10 ? 'shape:ideen' : i < 20 ? 'shape:fragen' : undefined
          const n = i % 10
          return area !== undefined
            ? { type: 'note', parentId: area, x: 24 + (n % 3) * 230, y: 24 + Math.floor(n / 3) * 230, props: { richText: doc(text) } }
            : { type: 'note', x: n * 230, y: 1200, props: { richText: doc(text) } }
        }),
      )
    }, Array.from({ length: 30 }, (_, i) => textOf(i + 1)))

    // Ada joins and opens the list from the board's toolbar with the keyboard.
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    await page.goto(`${session.server.url}/j/${code.replace('-', '')}`)
    await new JoinForm(page).join(code, 'Ada')
    await new BoardPage(page).waitConnected()
    await expect.poll(async () => (await records(page)).length).toBe(30)
    await page.getByTestId('list-toggle').focus()
    await page.keyboard.press('Enter')
    expect(await page.getByTestId('list-toggle').getAttribute('aria-pressed')).toBe('true')
    // The keyboard is taken to the list.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Alles auf diesem Board')

    // Chromium's accessibility tree of the whole page names every note, under its area.
    const tree = await page.locator('body').ariaSnapshot()
    for (let n = 1; n <= 30; n++) expect(tree).toContain(textOf(n))
    expect(tree).toContain('heading "Ideen (10)"')
    expect(tree).toContain('heading "Fragen (10)"')
    expect(tree).toContain('heading "Außerhalb der Bereiche (10)"')
    expect(await page.getByTestId('board-list-count').innerText()).toBe('30 Einträge')
    // In reading order within an area: rows top to bottom, each left to right.
    const ideas = await page.getByTestId('board-list-area').filter({ hasText: 'Ideen' }).getByTestId('board-list-item-text').allInnerTexts()
    expect(ideas).toEqual(Array.from({ length: 10 }, (_, i) => textOf(i + 1)))
    expect(await axeViolations(page)).toEqual([])

    // What is said politely, recorded as it is said.
    await page.evaluate(() => {
      const said: string[] = []
      ;(window as unknown as { said: string[] }).said = said
      // The page's one polite region: each announcement a line of its own.
      const region = document.querySelector('[data-testid="announcements"]')!
      new MutationObserver((mutations) => {
        for (const m of mutations) for (const node of Array.from(m.addedNodes)) if (/Notiz/.test(node.textContent ?? '')) said.push(node.textContent ?? '')
      }).observe(region, { childList: true })
    })
    const said = (): Promise<string[]> => page.evaluate(() => (window as unknown as { said: string[] }).said)

    // Mia writes a note letter by letter, while Ada's list is open: it appears, and is announced once, not per letter.
    await miaPage.getByTestId('add-note').focus()
    await miaPage.keyboard.press('Enter')
    await miaPage.locator('[contenteditable="true"]:focus').waitFor()
    await miaPage.keyboard.type('Spielplatz am Bach')
    await miaPage.keyboard.press('Escape')
    await page.getByTestId('board-list-item-text').filter({ hasText: 'Spielplatz am Bach' }).waitFor()
    await expect.poll(said, { timeout: 15_000 }).toEqual(['Neue Notiz von Mia'])
    // Three at once (a paste): one announcement for the three.
    await miaPage.evaluate(() => {
      const editor = window.__werkraum!.editor as unknown as { createShapes(shapes: unknown[]): void }
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
      editor.createShapes(['Bänke', 'Licht', 'Wasser'].map((text, i) => ({ type: 'note', x: 2000 + i * 230, y: 0, props: { richText: doc(text) } })))
    })
    await expect.poll(said, { timeout: 15_000 }).toEqual(['Neue Notiz von Mia', '3 neue Notizen von Mia'])
    const tree2 = await page.locator('body').ariaSnapshot()
    for (const text of ['Spielplatz am Bach', 'Bänke', 'Licht', 'Wasser']) expect(tree2).toContain(text)
    // The list's count is the canvas's.
    expect(await page.getByTestId('board-list-count').innerText()).toBe('34 Einträge')
    expect(await page.getByTestId('board-list-item').count()).toBe((await records(page)).length)

    // Add a note into "Fragen": keyboard only.
    await page.getByTestId('board-list-add-text').focus()
    await page.keyboard.type('Wo parken Fahrräder?')
    await page.keyboard.press('Tab')
    await page.getByTestId('board-list-add-area').selectOption({ label: 'Fragen' })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await records(miaPage)).find((r) => r.text === 'Wo parken Fahrräder?')?.parentId).toBe('shape:fragen')
    expect(await insideFrame(miaPage, 'Wo parken Fahrräder?', 'shape:fragen')).toBe(true)
    // Written by Ada, as on the canvas.
    const authors = await miaPage.evaluate(() => window.__werkraum!.editor.getCurrentPageShapes().filter((s) => s.meta.werkraumAuthors !== undefined && JSON.stringify(s.props).includes('Fahrräder')).map((s) => s.meta.werkraumAuthors))
    expect(authors).toEqual([[{ id: expect.any(String), name: 'Ada' }]])

    // Edit "Gedanke 05".
    const editButton = (text: string) => page.getByRole('button', { name: `Bearbeiten: ${text}`, exact: true })
    await editButton(textOf(5)).focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('board-list-edit-text').and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Gedanke 05 geändert')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await records(miaPage)).find((r) => r.text === 'Gedanke 05 geändert')?.parentId).toBe('shape:ideen')
    // The keyboard stays with the note.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bearbeiten: Gedanke 05 geändert')

    // Move "Gedanke 25" (outside the areas) into "Ideen".
    await editButton(textOf(25)).focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('board-list-edit-text').and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Tab')
    await page.getByTestId('board-list-edit-area').selectOption({ label: 'Ideen' })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await records(miaPage)).find((r) => r.text === textOf(25))?.parentId).toBe('shape:ideen')
    expect(await insideFrame(miaPage, textOf(25), 'shape:ideen')).toBe(true)
    await expect.poll(() => page.getByTestId('board-list-area').filter({ hasText: 'Ideen' }).getByTestId('board-list-item-text').allInnerTexts()).toContain(textOf(25))
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Bearbeiten: ${textOf(25)}`)
    // And it is said where the note went.
    await expect.poll(() => page.getByTestId('announcements').textContent()).toContain('Verschoben nach „Ideen“.')

    // Delete "Gedanke 12".
    await editButton(textOf(12)).focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('board-list-edit-text').and(page.locator(':focus')).waitFor()
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Löschen')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await records(miaPage)).some((r) => r.text === textOf(12))).toBe(false)
    // Focus goes on to the next note, never to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Haftnotiz: ${textOf(13)}`)
    expect(await page.getByTestId('board-list-count').innerText()).toBe('34 Einträge')
    await screenshot(page, 'list-view')

    // A dot vote on this board: a dot placed from the list, and taken back.
    await facilitator.openConsole()
    await miaPage.getByTestId('vote-title').fill('Was zuerst?')
    await miaPage.getByTestId('vote-open').click()
    await miaPage.locator('[data-testid="vote-session"][data-status="open"]').waitFor()
    const remaining = page.getByTestId('votes-remaining')
    await remaining.waitFor()
    const before = await remaining.innerText()
    // The vote panel lists the notes too, with the same buttons: these are the list's.
    const list = page.getByTestId('notes-list')
    await list.getByRole('button', { name: `Punkt setzen: ${textOf(1)}`, exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => remaining.innerText()).not.toBe(before)
    const mine = page.getByTestId('board-list-item').filter({ has: page.getByText(textOf(1), { exact: true }) })
    await expect.poll(() => mine.innerText()).toContain('davon 1 von Ihnen')
    await list.getByRole('button', { name: `Punkt zurücknehmen: ${textOf(1)}`, exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => remaining.innerText()).toBe(before)
    expect(await axeViolations(page)).toEqual([])

    // A reload keeps the list open.
    await page.reload()
    await new BoardPage(page).waitConnected()
    await page.getByTestId('notes-list').waitFor()
    expect(await page.getByTestId('list-toggle').getAttribute('aria-pressed')).toBe('true')
    expect(session.foreign.flat()).toEqual([])
  }, 180_000)

  it('on a phone the list takes the canvas’s place: an observer reads it without ways to change the board, a participant adds from it', async () => {
    const miaPage = await session.newPage('de-DE')
    miaPage.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(miaPage)
    await facilitator.create(session.server.url, 'Liste am Telefon', 'Mia')
    const observerLink = await facilitator.observerLink()
    const code = await facilitator.joinCode()
    await facilitator.openBoard('Plenum')
    await new BoardPage(miaPage).waitConnected()
    await miaPage.evaluate(() => {
      const editor = window.__werkraum!.editor as unknown as { createShapes(shapes: unknown[]): void }
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
      editor.createShapes([
        { type: 'note', x: 0, y: 0, props: { richText: doc('Mehr Bänke') } },
        { type: 'concept-card', x: 300, y: 0, props: { w: 420, h: 360, title: 'Rufbus', challenge: 'Kein Bus am Abend', idea: '', audience: '', nextSteps: '', carriers: '' } },
      ])
    })

    const page = await session.newPage('de-DE', { width: 390, height: 844 }, { touch: true })
    page.setDefaultTimeout(15_000)
    await page.goto(observerLink)
    const olga = new BoardPage(page)
    await olga.enterName('Olga')
    await olga.waitConnected()
    await page.getByTestId('readonly-note').waitFor()
    await page.getByTestId('list-toggle').tap()
    const list = page.getByTestId('notes-list')
    await list.getByTestId('board-list-item-text').filter({ hasText: 'Rufbus' }).waitFor()
    const tree = await page.locator('body').ariaSnapshot()
    for (const text of ['Mehr Bänke', 'Rufbus', 'Kein Bus am Abend']) expect(tree).toContain(text)
    // Read-only: nothing to add, edit or delete.
    expect(await list.getByTestId('board-list-add').count()).toBe(0)
    expect(await list.getByTestId('board-list-edit').count()).toBe(0)
    // The list has the canvas's place: as wide as the screen, the canvas hidden behind it.
    const box = (await list.boundingBox())!
    expect(box.width).toBeGreaterThan(350)
    expect(await page.locator('.board-canvas').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'list-view-phone')
    await page.setViewportSize({ width: 320, height: 568 })
    expect(await axeViolations(page)).toEqual([])
    // Back to the canvas.
    await page.getByTestId('list-toggle').tap()
    await expect.poll(() => list.count()).toBe(0)
    expect(await page.locator('.board-canvas').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible')

    // A participant on a phone: with the list open nothing offers to type onto the hidden canvas; the list adds notes instead.
    const adaPage = await session.newPage('de-DE', { width: 390, height: 844 }, { touch: true })
    adaPage.setDefaultTimeout(15_000)
    await adaPage.goto(`${session.server.url}/j/${code.replace('-', '')}`)
    await new JoinForm(adaPage).join(code, 'Ada')
    await new BoardPage(adaPage).waitConnected()
    await adaPage.getByTestId('add-note').waitFor()
    await adaPage.getByTestId('list-toggle').tap()
    await adaPage.getByTestId('notes-list').waitFor()
    expect(await adaPage.getByTestId('add-note').isVisible()).toBe(false)
    expect(await adaPage.getByTestId('add-concept-card').isVisible()).toBe(false)
    await adaPage.getByTestId('board-list-add-text').fill('Trinkbrunnen')
    await adaPage.getByTestId('board-list-add-submit').tap()
    await adaPage.getByTestId('board-list-item-text').filter({ hasText: 'Trinkbrunnen' }).waitFor()
    expect(await axeViolations(adaPage)).toEqual([])
    // In simple mode (switched on in this browser) the list's buttons are large too; a reload keeps the list.
    await adaPage.evaluate(() => localStorage.setItem('werkraum.simpleMode', 'on'))
    await adaPage.reload()
    // The list, not the canvas (hidden behind it on a phone).
    const edit = adaPage.getByRole('button', { name: 'Bearbeiten: Trinkbrunnen', exact: true })
    await edit.waitFor()
    expect((await edit.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    expect(await axeViolations(adaPage)).toEqual([])
    await screenshot(adaPage, 'list-view-phone-simple')
  }, 120_000)

  it('on a board outside workshops: a concept card is edited and a note added from the list, and focus survives someone else deleting it', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const ada = new BoardPage(page)
    await ada.open(session.server.url, 'liste-schnell', 'Ada')
    await page.evaluate(() => {
      const editor = window.__werkraum!.editor as unknown as { createShapes(shapes: unknown[]): void }
      editor.createShapes([{ type: 'concept-card', x: 0, y: 0, props: { w: 420, h: 360, title: 'Rufbus', challenge: 'Kein Bus am Abend', idea: '', audience: '', nextSteps: '', carriers: '' } }])
    })
    await page.getByTestId('list-toggle').focus()
    await page.keyboard.press('Enter')
    const list = page.getByTestId('notes-list')
    await list.getByRole('button', { name: 'Bearbeiten: Rufbus', exact: true }).focus()
    await page.keyboard.press('Enter')
    // The form opens on the card's first field; the idea is the third.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Ein Bus auf Abruf')
    await list.getByTestId('board-list-save').focus()
    await page.keyboard.press('Enter')
    const cards = (): Promise<unknown[]> => page.evaluate(() => window.__werkraum!.editor.getCurrentPageShapes().filter((s) => s.type === 'concept-card').map((s) => s.props))
    await expect.poll(cards).toEqual([expect.objectContaining({ title: 'Rufbus', challenge: 'Kein Bus am Abend', idea: 'Ein Bus auf Abruf' })])
    expect(await list.innerText()).toContain('Ein Bus auf Abruf')

    // A note on a board without areas: Enter in the text adds it.
    await list.getByTestId('board-list-add-text').focus()
    await page.keyboard.type('Mehr Licht')
    await page.keyboard.press('Enter')
    await list.getByRole('button', { name: 'Bearbeiten: Mehr Licht', exact: true }).waitFor()
    expect(await list.getByTestId('board-list-count').innerText()).toBe('2 Einträge')
    expect(await axeViolations(page)).toEqual([])

    // Ben deletes the note Ada's keyboard is on: Ada's focus goes to the list's heading, not to the page.
    const benPage = await session.newPage('de-DE')
    const ben = new BoardPage(benPage)
    await ben.open(session.server.url, 'liste-schnell', 'Ben')
    await list.getByRole('button', { name: 'Bearbeiten: Mehr Licht', exact: true }).focus()
    await benPage.evaluate(() => {
      const editor = window.__werkraum!.editor as unknown as { getCurrentPageShapes(): Array<{ id: string; type: string }>; deleteShapes(ids: string[]): void }
      editor.deleteShapes(editor.getCurrentPageShapes().filter((s) => s.type === 'note').map((s) => s.id))
    })
    await expect.poll(() => list.getByTestId('board-list-count').innerText()).toBe('1 Eintrag')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Alles auf diesem Board')
  }, 120_000)
})
