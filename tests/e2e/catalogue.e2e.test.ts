/**
 * The concept catalogue exported in a real browser (issue #6): a workshop
 * with two breakout boards and three votes (tests/support/catalogueFixture.ts)
 * is exported as HTML and as a Markdown ZIP from the facilitator's console.
 * The HTML holds every concept title and vote count, has no axe violations,
 * and prints to PDF; the ZIP holds one SVG per board. The PDF Werkraum makes
 * is tagged (issue 14): poppler's `pdfinfo` says so and reads its structure,
 * whose headings are the HTML file's. Files are kept in test-artifacts/.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { inflateSync } from 'node:zlib'
import { strFromU8, unzipSync } from 'fflate'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { workshopBoardDocName } from '@werkraum/shared'
import type { Catalogue } from '@werkraum/shared/schemas'
import { readTaggedPdf, taggedElements } from '../../client/src/workshop/export/readTaggedPdf.ts'
import { ARTIFACTS_DIR, browserSkipReason, pdfPagesToPng, screenshot } from '../support/browser.ts'
import { buildFixtureWorkshop, type FixtureWorkshop } from '../support/catalogueFixture.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'

const skip = browserSkipReason()

async function exportAs(page: Page, format: string): Promise<{ file: string; bytes: Buffer }> {
  await page.getByTestId(`export-format-${format}`).check()
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-catalogue').click()])) as [Download, void]
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, `catalogue-${download.suggestedFilename()}`)
  await download.saveAs(file)
  return { file, bytes: readFileSync(file) }
}

/**
 * The text each page of a PDF shows, roughly: its compressed streams
 * inflated, and the strings of their text operators joined (jsPDF writes
 * Windows-1252, which matches Latin-1 for German letters, and one content
 * stream per page, in page order).
 */
function pdfPageTexts(pdf: Buffer): string[] {
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const raw = pdf.toString('latin1')
  const pages: string[] = []
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length
    const end = raw.indexOf('endstream', start)
    let content: string
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1')
    } catch {
      // Not a compressed content stream (an image, for example).
      continue
    }
    const strings = [...content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)].map((m) => m[1]!.replace(/\\([()\\])/g, '$1'))
    // Wrapped lines end in a space (for text read out of the file); one space is enough here.
    if (strings.length > 0) pages.push(strings.join(' ').replace(/\s+/g, ' '))
  }
  return pages
}

/** `pdfinfo` with its arguments, or undefined (and the reason printed) where poppler-utils is not installed. */
function pdfinfo(...args: string[]): string | undefined {
  try {
    return execFileSync('pdfinfo', args, { encoding: 'utf8' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    console.log('pdfinfo is not installed (Debian: poppler-utils): the PDF\'s tags are checked by the test\'s own reader only')
    return undefined
  }
}

/** The headings of an HTML file, as `H<level>` and text. */
function htmlHeadings(html: string): Array<[string, string]> {
  const unescape = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
  return [...html.matchAll(/<h(\d)[^>]*>(.*?)<\/h\1>/g)].map((m) => [`H${m[1]!}`, unescape(m[2]!)])
}

function pdfTextOf(pdf: Buffer): string {
  return pdfPageTexts(pdf).join(' ')
}

describe.skipIf(skip !== undefined)('the concept catalogue in a real browser', () => {
  const session = useBrowserSession()

  /** The fixture's facilitator, in the console, from the facilitator link. */
  async function openConsole(fixture: FixtureWorkshop): Promise<Page> {
    const page = await session.newPage('de-DE')
    await page.goto(fixture.created.links.facilitator)
    await new BoardPage(page).enterName('Mia')
    await page.getByTestId('console-link').click()
    return page
  }

  it('exports HTML (readable, accessible, printable) and a ZIP with a picture of every board', async () => {
    const fixture = await buildFixtureWorkshop(session.server)
    try {
      const page = await openConsole(fixture)
      await page.getByTestId('catalogue-panel').waitFor({ timeout: 15_000 })
      expect(await axeViolations(page)).toEqual([])

      const catalogue = (await (
        await fetch(`${session.server.url}/api/workshops/${fixture.created.id}/export?format=json`, { headers: { authorization: `Bearer ${fixture.created.facilitatorToken}` } })
      ).json()) as Catalogue
      // Boards with something on them get a picture; the fixture's empty one gets a line.
      const drawn = catalogue.sections.filter((s) => !s.empty)
      const empty = catalogue.sections.find((s) => s.empty)!
      expect(drawn.length).toBe(catalogue.sections.length - 1)

      // HTML: every board drawn, one after another, with a progress bar.
      const progress = page.getByTestId('export-progress')
      const html = exportAs(page, 'html')
      await progress.waitFor({ timeout: 20_000 })
      const { file: htmlFile, bytes } = await html
      await expect.poll(() => page.getByTestId('export-status').innerText()).toContain('Fertig')
      const text = bytes.toString('utf8')
      expect(text.match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(drawn.length)
      expect(text).toContain('Bürgerbus &lt;script&gt;alert(1)&lt;/script&gt;')

      // Opened as a reader would: every concept title and vote count is on the page.
      const reader = await session.newPage('de-DE')
      await reader.goto(`file://${htmlFile}`)
      const shown = await reader.locator('main').innerText()
      for (const concept of catalogue.sections.flatMap((s) => s.concepts)) expect(shown).toContain(concept.title)
      for (const vote of catalogue.votes) for (const row of vote.results) expect(shown).toContain(`${row.count}`)
      expect(await reader.locator('.concept').count()).toBe(catalogue.sections.flatMap((s) => s.concepts).length)
      expect(shown).toContain(`${empty.title}: nichts auf diesem Board`)
      expect(shown).toContain('Keine Stimmen abgegeben.')
      expect(shown).not.toContain('Konzept ohne Titel')
      // The pictures are drawn (an image that failed has no width).
      const widths = await reader
        .locator('figure img')
        .evaluateAll((images) => Promise.all(images.map((img) => (img as HTMLImageElement).decode().then(() => (img as HTMLImageElement).naturalWidth, () => 0))))
      expect(widths).toHaveLength(drawn.length)
      expect(widths.filter((w) => w <= 10)).toEqual([])
      expect(await axeViolations(reader)).toEqual([])
      await screenshot(reader, 'catalogue-html')
      // On a phone too: the page never scrolls sideways (a wide table scrolls in its own box), and axe finds nothing.
      for (const width of [390, 320]) {
        await reader.setViewportSize({ width, height: 700 })
        expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        expect(await axeViolations(reader)).toEqual([])
      }
      await screenshot(reader, 'catalogue-html-320')
      await reader.setViewportSize({ width: 1280, height: 800 })
      // Printed to PDF as any browser would (the print stylesheet applies).
      const pdf = await reader.pdf({ format: 'A4', printBackground: true })
      const printed = path.join(ARTIFACTS_DIR, 'catalogue-printed.pdf')
      writeFileSync(printed, pdf)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      // A cover and overview, a page per board (rooms under their phase), and the votes.
      expect((await pdfPagesToPng(() => session.newPage('de-DE'), printed, 'catalogue-printed')).length).toBeGreaterThanOrEqual(drawn.length + 2)

      // The PDF Werkraum makes itself: every concept title and the vote titles in its text.
      const made = await exportAs(page, 'pdf')
      const pdfText = pdfTextOf(made.bytes)
      const pdfPages = pdfPageTexts(made.bytes)
      expect((await pdfPagesToPng(() => session.newPage('de-DE'), made.file, 'catalogue-pdf')).length).toBe(pdfPages.length)
      expect(pdfPages.length).toBeGreaterThanOrEqual(drawn.length + 1)
      // The empty board is a line on a page that holds more, not a page of its own; nothing untouched is listed.
      const emptyLine = `${empty.title}: nichts auf diesem Board`
      const withLine = pdfPages.filter((p) => p.includes(emptyLine))
      expect(withLine).toHaveLength(1)
      expect(withLine[0]!.replace(emptyLine, '').trim().length).toBeGreaterThan(100)
      expect(pdfText).toContain('Keine Stimmen abgegeben.')
      expect(pdfText).not.toContain('Konzept ohne Titel')
      for (const concept of catalogue.sections.flatMap((s) => s.concepts)) expect(pdfText).toContain(concept.title)
      for (const vote of catalogue.votes) expect(pdfText).toContain(vote.title)
      expect(pdfText).toContain('Bürgerbus <script>alert(1)</script>')
      // Tagged: the HTML file's headings in the same order, a figure with a text alternative per board picture, nothing untagged.
      const tagged = await readTaggedPdf(new Uint8Array(made.bytes))
      expect(tagged).toMatchObject({ marked: true, lang: 'de-DE', untagged: [], parentTreeErrors: [] })
      const elements = taggedElements(tagged.root)
      expect(elements.filter((e) => /^H\d$/.test(e.type)).map((e) => [e.type, e.text])).toEqual(htmlHeadings(text))
      const figures = elements.filter((e) => e.type === 'Figure')
      expect(figures.map((f) => f.alt)).toEqual(await reader.locator('figure img').evaluateAll((images) => images.map((img) => img.getAttribute('alt'))))
      expect(figures.every((f) => f.image)).toBe(true)
      expect(figures[0]!.alt).toMatch(/^Bild des Boards Plenum: \d+ Konzeptkarten?, \d+ Notiz(en)?\. Ihr Text folgt in diesem Abschnitt\.$/)
      // And as poppler reads it, independently of the test's reader.
      const info = pdfinfo(made.file)
      if (info !== undefined) {
        expect(info).toMatch(/^Tagged:\s+yes$/m)
        expect(info).toMatch(/^Title:\s+Sprint Ölmühle – Maßnahmenkatalog$/m)
        const structure = pdfinfo('-struct-text', made.file)!
        expect(structure).toMatch(new RegExp(`^Document\\n  H1 \\(block\\)\\n    "${catalogue.workshop.title}"`, 'm'))
        expect(structure.match(/^ {2}Figure\b/gm)).toHaveLength(drawn.length)
        writeFileSync(path.join(ARTIFACTS_DIR, 'catalogue-pdf-structure.txt'), structure)
      }

      // The Markdown ZIP: the catalogue and one SVG per board.
      const zip = unzipSync(new Uint8Array((await exportAs(page, 'zip')).bytes))
      const names = Object.keys(zip)
      expect(names.filter((n) => n.endsWith('.svg'))).toHaveLength(drawn.length)
      const md = strFromU8(zip[names.find((n) => n.endsWith('catalogue.md'))!]!)
      for (const section of drawn) expect(md).toContain(`boards/${section.boardId}.svg`)
      expect(md).not.toContain(`boards/${empty.boardId}.svg`)
      for (const svgName of names.filter((n) => n.endsWith('.svg'))) expect(strFromU8(zip[svgName]!)).toMatch(/^<svg/)

      // One board on its own, as PNG.
      await page.getByTestId('export-board').selectOption({ label: 'Plenum' })
      const [png] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-board-png').click()])) as [Download, void]
      const pngFile = path.join(ARTIFACTS_DIR, 'board-plenum.png')
      await png.saveAs(pngFile)
      expect(readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG')
      await screenshot(page, 'catalogue-console')
      // The console made no request elsewhere; the file itself loads nothing but itself (pictures and fonts are inside).
      const [consoleRequests, readerRequests] = session.foreign
      expect(consoleRequests).toEqual([])
      expect(readerRequests!.filter((url) => url !== `file://${htmlFile}` && !url.startsWith('data:'))).toEqual([])
    } finally {
      for (const c of fixture.clients) c.destroy()
    }
  }, 360_000)

  it('a follow-up workshop starts with the earlier concept cards, most votes first, with their votes and pledges', async () => {
    const fixture = await buildFixtureWorkshop(session.server)
    try {
      const page = await openConsole(fixture)
      const panel = page.getByTestId('follow-up-panel')
      await panel.waitFor({ timeout: 15_000 })
      expect(await panel.getByTestId('create-title').inputValue()).toBe('Sprint Ölmühle – Folgetermin')
      await panel.getByTestId('follow-up-names').check()
      await panel.getByTestId('create-workshop').click()
      // The new workshop's plenary board, with the concepts laid out.
      await page.waitForURL((url) => url.pathname.startsWith('/w/') && !url.pathname.includes(fixture.created.id), { timeout: 15_000 })
      const board = new BoardPage(page)
      await board.waitConnected()
      const expected = ['Mitfahrbank am Markt', 'Rufbus', 'Dorfladen', 'Arztbus']
      await expect
        .poll(async () => (await cardsOf(page)).map((c) => c.title), { timeout: 15_000 })
        .toEqual(expected)
      const context = await page.evaluate(() =>
        (window.__werkraum?.editor?.getCurrentPageShapes() ?? [])
          .filter((s) => s.type === 'text')
          .map((s) => JSON.stringify((s.props as { richText?: unknown }).richText)),
      )
      expect(context.join(' ')).toContain('Punkte: 3 · Würden mitmachen: Ada Lovelace, Ben Öztürk')
      expect((await cardsOf(page))[0]).toMatchObject({ idea: 'Bänke mit Schild\n„Ich will mit“' })
      // On the server too, not only on this screen.
      const newId = new URL(page.url()).pathname.split('/')[2]!
      const plenary = session.server.workshops.boards(newId)[0]!.id
      await expect
        .poll(
          () => {
            const records = (session.server.rooms.peek(workshopBoardDocName(newId, plenary))?.doc.getArray('tl_records').toJSON() ?? []) as Array<{ val?: { type?: string } }>
            return records.filter((r) => r.val?.type === 'concept-card').length
          },
          { timeout: 15_000 },
        )
        .toBe(expected.length)
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'follow-up-board')
    } finally {
      for (const c of fixture.clients) c.destroy()
    }
  }, 60_000)
})

/** The concept cards on the page a browser shows, top left first. */
function cardsOf(page: Page): Promise<Array<{ title: string; idea: string }>> {
  return page.evaluate(() =>
    (window.__werkraum?.editor?.getCurrentPageShapes() ?? [])
      .filter((s) => s.type === 'concept-card')
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((s) => {
        const p = s.props as { title: string; idea: string }
        return { title: p.title, idea: p.idea }
      }),
  )
}
