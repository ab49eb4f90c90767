/**
 * A whole sprint's part for a participant who uses only the keyboard (issue
 * #14), in German: join with the code and a name, write the first note on a
 * board that has areas but no note yet, write a second, move one into another
 * area, place a dot on it, and read the vote's results when it closes. The
 * page is driven by key presses alone: Tab to reach a control, Enter and
 * letters to use it; an init script counts every trusted mouse or pointer
 * event, and the test ends with none. The facilitator's part (the board, the
 * vote) runs through the HTTP API, as a console would send it.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreatedWorkshop } from '@werkraum/shared'
import { browserSkipReason } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'

const skip = browserSkipReason()

declare global {
  interface Window {
    __pointerEvents?: number
  }
}

/**
 * Presses Tab until the focused element matches `selector`, as a keyboard user
 * moves through a page; fails after `limit` presses.
 */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))
  throw new Error(`${selector} not reached with ${limit} presses of Tab; focus is on ${at}`)
}

interface NoteOnBoard {
  readonly id: string
  readonly text: string
  readonly area: string | undefined
}

/** The notes on the open board, with the name of the area (frame) each sits in. */
function notesOn(page: Page): Promise<NoteOnBoard[]> {
  return page.evaluate(() => {
    const editor = window.__werkraum!.editor as unknown as {
      getCurrentPageShapes(): Array<{ id: string; type: string; parentId: string; props: { name?: string; richText?: { content?: Array<{ content?: Array<{ text?: string }> }> } } }>
    }
    const shapes = editor.getCurrentPageShapes()
    return shapes
      .filter((s) => s.type === 'note')
      .map((s) => ({
        id: s.id,
        text: (s.props.richText?.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n'),
        area: shapes.find((f) => f.id === s.parentId && f.type === 'frame')?.props.name,
      }))
  })
}

describe.skipIf(skip !== undefined)('a participant with only a keyboard', () => {
  const session = useBrowserSession()

  const post = session.post

  it('joins, writes two notes, moves one into another area, votes and reads the results, without a mouse', async () => {
    const origin = session.server.url
    const created = await post<CreatedWorkshop>('/api/workshops', { title: 'Mobilität im Dorf', locale: 'de' })
    const command = <T = unknown>(body: unknown): Promise<T> => post<T>(`/api/workshops/${created.id}/commands`, body, created.facilitatorToken)
    // The board people land on: the brainstorming template's areas, no note yet.
    const { boardId } = await command<{ boardId: string }>({ type: 'addBoard', title: 'Ideensammlung', template: 'brainstorming' })
    await command({ type: 'moveBoard', boardId, position: 0 })

    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    await page.addInitScript(() => {
      window.__pointerEvents = 0
      for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'touchstart', 'wheel']) {
        // A click that Enter or Space fires on a button has no pointer behind it (detail 0).
        document.addEventListener(type, (e) => {
          if (e.isTrusted && !(e instanceof MouseEvent && e.type === 'click' && e.detail === 0)) window.__pointerEvents! += 1
        }, true)
      }
    })

    // Join: the code, then the name.
    await page.goto(`${origin}/j`)
    await tabTo(page, '[data-testid="join-code-input"]')
    await page.keyboard.type(created.joinCode)
    await page.keyboard.press('Enter')
    await page.getByTestId('join-name-input').waitFor()
    await tabTo(page, '[data-testid="join-name-input"]')
    await page.keyboard.type('Erika')
    await page.keyboard.press('Enter')
    const board = new BoardPage(page)
    await board.waitConnected()
    await expect.poll(() => page.getByTestId('workshop-board').getAttribute('data-board-id')).toBe(boardId)
    // The template is laid out: three areas, and its hints on how to write (nobody's note).
    await expect.poll(async () => page.evaluate(() => (window.__werkraum?.editor as unknown as { getCurrentPageShapes(): Array<{ type: string }> } | undefined)?.getCurrentPageShapes().filter((s) => s.type === 'frame').length)).toBe(3)
    const hints = new Set((await notesOn(page)).map((n) => n.id))
    const written = async (): Promise<NoteOnBoard[]> => (await notesOn(page)).filter((n) => !hints.has(n.id))
    expect(await written()).toEqual([])

    // The first note and a second, each from "Neue Haftnotiz".
    for (const text of ['Bänke am Weg', 'Rufbus am Abend']) {
      await tabTo(page, '[data-testid="add-note"]')
      await page.keyboard.press('Enter')
      await page.locator('[contenteditable="true"]:focus').waitFor()
      await page.keyboard.type(text)
      await page.keyboard.press('Escape')
      await expect.poll(async () => (await written()).map((n) => n.text)).toContain(text)
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true)
    }

    // The list: "Rufbus am Abend" moves into "Fragen".
    await tabTo(page, '[data-testid="list-toggle"]')
    await page.keyboard.press('Enter')
    await page.getByTestId('notes-list').waitFor()
    await expect.poll(() => page.locator('[data-testid="board-list-item"][data-type="note"]').count()).toBe(hints.size + 2)
    await tabTo(page, '[data-testid="board-list-edit"][aria-label$="Rufbus am Abend"]')
    await page.keyboard.press('Enter')
    await tabTo(page, '[data-testid="board-list-edit-area"]')
    // A closed select takes typed letters: "Fragen" is chosen by its name.
    await page.keyboard.type('Fragen')
    await expect.poll(() => page.getByTestId('board-list-edit-area').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('Fragen')
    await tabTo(page, '[data-testid="board-list-save"]')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await written()).find((n) => n.text === 'Rufbus am Abend')?.area).toBe('Fragen')
    expect((await written()).find((n) => n.text === 'Bänke am Weg')?.area).not.toBe('Fragen')
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true)

    // A vote opens on this board: a dot on "Rufbus am Abend", from the list.
    await command({ type: 'openVote', title: 'Was zuerst?', kind: 'dots', target: 'notes', boardIds: [boardId], votesPerPerson: 3, maxPerItem: 3, anonymous: false, hidden: false })
    const vote = session.server.workshops.votes.sessions(created.id).at(-1)!
    await page.locator('[data-testid="board-list-dot-add"][aria-label$="Rufbus am Abend"]').waitFor()
    await tabTo(page, '[data-testid="board-list-dot-add"][aria-label$="Rufbus am Abend"]')
    await page.keyboard.press('Enter')
    await expect.poll(() => [...session.server.workshops.votes.counts(session.server.workshops.votes.session(created.id, vote.id)!).values()]).toEqual([1])
    await expect.poll(() => page.getByTestId('votes-remaining').innerText()).toMatch(/2/)

    // The vote closes: the keyboard is on its results, which name the note and its dot.
    await command({ type: 'closeVote', sessionId: vote.id })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('vote-results-heading')
    const results = await page.getByTestId('vote-panel').innerText()
    expect(results).toContain('Ergebnis')
    expect(results).toMatch(/Rufbus am Abend[\s\S]*1/)

    expect(await page.evaluate(() => window.__pointerEvents)).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    expect(session.foreign.flat()).toEqual([])
  }, 240_000)
})
