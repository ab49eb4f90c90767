/**
 * tldraw's words, as Werkraum says them (a first part of issue #14): the note
 * tool is a "Haftnotiz", not a "Hinweis"; a selected concept card is announced
 * as "Konzeptkarte", not as the raw key "tool.concept-card"; and in English
 * the tool is a "Sticky note".
 */
import { describe, expect, it } from 'vitest'
import { browserSkipReason } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { useBrowserSession } from './session.ts'
import { FacilitatorConsole, writeConceptTitle } from './workshopPages.ts'

const skip = browserSkipReason()

describe.skipIf(skip !== undefined)('tldraw’s words in Werkraum', () => {
  const session = useBrowserSession()

  it('names the sticky note and the concept card in German and English, also to screen readers', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Wörter', 'Mia')
    await facilitator.openBoard('Plenum')
    await new BoardPage(page).waitConnected()

    const noteTool = page.getByTestId('tools.note')
    await expect.poll(() => noteTool.getAttribute('aria-label')).toBe('Haftnotiz')

    await writeConceptTitle(page, 'Rufbus')
    // Selected, the card is announced with its kind in words.
    await page.evaluate(() => {
      const editor = window.__werkraum!.editor as unknown as { getCurrentPageShapes(): Array<{ id: string; type: string }>; select(id: string): void }
      editor.select(editor.getCurrentPageShapes().find((s) => s.type === 'concept-card')!.id)
    })
    const announcer = page.locator('[role="status"][aria-live]').filter({ hasText: 'Rufbus' })
    await expect.poll(() => announcer.innerText()).toContain('Konzeptkarte')
    expect(await page.locator('body').innerText()).not.toContain('tool.concept-card')

    await page.getByRole('button', { name: 'English', exact: true }).click()
    await expect.poll(() => noteTool.getAttribute('aria-label')).toBe('Sticky note')
  })
})
