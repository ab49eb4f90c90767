/**
 * The first note on an empty board, from the keyboard (a part of issue #14):
 * "Neue Haftnotiz" places a note in view and opens it for typing; what is
 * typed goes into the note (not to tldraw's single-key tool shortcuts), and a
 * second one goes beside the first.
 */
import { describe, expect, it } from 'vitest'
import { browserSkipReason } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole } from './workshopPages.ts'

const skip = browserSkipReason()

describe.skipIf(skip !== undefined)('a sticky note from the keyboard', () => {
  const session = useBrowserSession()

  it('writes the first and a second note on an empty board without a mouse', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Tastatur', 'Mia')
    await facilitator.openBoard('Plenum')
    const board = new BoardPage(page)
    await board.waitConnected()
    const notes = (): Promise<Array<{ text: string; x: number; y: number; tool: string }>> =>
      page.evaluate(() => {
        const editor = window.__werkraum!.editor as unknown as {
          getCurrentPageShapes(): Array<{ type: string; x: number; y: number; props: { richText?: { content?: Array<{ content?: Array<{ text?: string }> }> } } }>
          getCurrentToolId(): string
        }
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'note')
          .map((s) => ({ text: (s.props.richText?.content ?? []).flatMap((p) => (p.content ?? []).map((t) => t.text ?? '')).join(''), x: s.x, y: s.y, tool: editor.getCurrentToolId() }))
      })
    expect(await notes()).toEqual([])

    for (const text of ['Bänke am Weg', 'Rufbus']) {
      await page.getByTestId('add-note').focus()
      await page.keyboard.press('Enter')
      // The note's text field has the keyboard, as a person sees the note open before typing (phone-writing.e2e types at once).
      await page.locator('[contenteditable="true"]:focus').waitFor()
      // "r", "e", "o" would switch tldraw's tools if the letters did not go into the note.
      await page.keyboard.type(text)
      await page.keyboard.press('Escape')
      await expect.poll(async () => (await notes()).map((n) => n.text)).toContain(text)
    }
    const [first, second] = await notes()
    expect(first!.tool).toBe('select')
    // Beside each other, not one on top of the other.
    expect(Math.abs(first!.x - second!.x) >= 200 || Math.abs(first!.y - second!.y) >= 200).toBe(true)
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true)
    expect(await axeViolations(page)).toEqual([])
  })
})
