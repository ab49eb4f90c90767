/** Small page objects for the browser tests: what a person does, in one place. */
import type { Page } from 'playwright-core'

export class StartPage {
  constructor(readonly page: Page) {}
  async open(origin: string): Promise<void> {
    await this.page.goto(origin + '/')
    await this.page.getByTestId('board-name-input').waitFor()
  }
  async openBoard(name: string): Promise<void> {
    await this.page.getByTestId('board-name-input').fill(name)
    await this.page.getByTestId('open-board').click()
  }
}

export class BoardPage {
  constructor(readonly page: Page) {}

  async open(origin: string, board: string, displayName: string): Promise<void> {
    await this.page.goto(`${origin}/b/${board}`)
    await this.enterName(displayName)
    await this.waitConnected()
  }

  /** Answers the name prompt if it is shown. */
  async enterName(displayName: string): Promise<void> {
    const input = this.page.getByTestId('name-input')
    await input.waitFor({ timeout: 10_000 })
    await input.fill(displayName)
    await this.page.getByTestId('name-submit').click()
  }

  async waitConnected(): Promise<void> {
    await this.page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 })
    await this.page.locator('.tl-canvas').waitFor({ timeout: 15_000 })
  }

  /** Middle of the canvas in page coordinates. */
  async canvasCenter(): Promise<{ x: number; y: number }> {
    const box = await this.page.locator('.tl-canvas').boundingBox()
    if (!box) throw new Error('canvas not visible')
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  }

  /** Draws a rectangle with the keyboard shortcut and a drag, as a person would. */
  async drawRectangle(dx: number, dy: number): Promise<void> {
    const c = await this.canvasCenter()
    // Focus the canvas on an empty spot (tldraw ignores shortcuts while unfocused).
    await this.page.mouse.click(c.x + dx - 40, c.y + dy - 40)
    await this.page.keyboard.press('r')
    await this.page.mouse.move(c.x + dx, c.y + dy)
    await this.page.mouse.down()
    await this.page.mouse.move(c.x + dx + 60, c.y + dy + 40, { steps: 5 })
    await this.page.mouse.move(c.x + dx + 120, c.y + dy + 80, { steps: 5 })
    await this.page.mouse.up()
    await this.page.keyboard.press('Escape')
  }

  /** Places a sticky note and types into it. */
  async writeStickyNote(dx: number, dy: number, text: string): Promise<void> {
    const c = await this.canvasCenter()
    await this.page.keyboard.press('n')
    await this.page.mouse.click(c.x + dx, c.y + dy)
    // The note opens its text editor; type only once it has focus.
    await this.page.locator('.tl-canvas [contenteditable="true"]:focus').waitFor({ timeout: 5000 })
    await this.page.keyboard.type(text, { delay: 20 })
    await this.page.keyboard.press('Escape')
    await this.page.keyboard.press('Escape')
  }

  /** The shapes on the current page, as the editor sees them. */
  async shapes(): Promise<Array<{ type: string; text?: string; geo?: string }>> {
    return this.page.evaluate(() => {
      const editor = window.__werkraum?.editor
      if (!editor) return []
      // tldraw 3.15 keeps text as rich text (a TipTap document); flatten it.
      const flatten = (node: unknown): string => {
        if (!node || typeof node !== 'object') return ''
        const n = node as { text?: string; content?: unknown[] }
        return (n.text ?? '') + (n.content ?? []).map(flatten).join('')
      }
      return editor.getCurrentPageShapes().map((s) => {
        const props = s.props as { text?: string; richText?: unknown; geo?: string }
        const text = props.text ?? flatten(props.richText)
        return { type: s.type, text: text === '' ? undefined : text, geo: props.geo }
      })
    })
  }

  /** Pastes a small PNG, as dropping a file onto the canvas does. */
  async pasteImage(): Promise<void> {
    await this.page.evaluate(async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 64
      canvas.height = 48
      const context = canvas.getContext('2d')
      if (!context) throw new Error('no 2d context')
      context.fillStyle = '#b42318'
      context.fillRect(0, 0, 64, 48)
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no blob'))), 'image/png'))
      const editor = window.__werkraum?.editor
      if (!editor) throw new Error('no editor')
      await editor.putExternalContent({ type: 'files', files: [new File([blob], 'skizze.png', { type: 'image/png' })], point: editor.getViewportPageBounds().center })
    })
  }

  /** Where the board's images live, as the document records them. */
  async assetSources(): Promise<string[]> {
    return this.page.evaluate(() => (window.__werkraum?.editor.getAssets() ?? []).map((a) => String(a.props.src)))
  }

  /** Images on the canvas that the browser has actually loaded. */
  async loadedImages(): Promise<number> {
    return this.page.evaluate(() => Array.from(document.querySelectorAll<HTMLImageElement>('.tl-canvas img')).filter((img) => img.complete && img.naturalWidth > 0).length)
  }
}
