/**
 * The concept catalogue as a PDF made here, without a print dialog (issue
 * #6): the same content as the HTML file, laid out on A4 by jsPDF (loaded only
 * when someone exports a PDF). Text wraps inside the margins and moves to the
 * next page whole line by line, so nothing is cut or overlaps; each board
 * section starts on a new page with the board's picture, except a board with
 * nothing on it, which is one line where its section would be.
 *
 * Tagged (issue 14): headings at the HTML catalogue's levels, paragraphs,
 * tables with column headers, lists, and each board picture a figure whose
 * text alternative says what is on the board (`pictureAlt`); the document
 * language and title are set, rules and frames are artifacts. jsPDF writes no
 * structure of its own, so `pdfTags.ts` adds it through jsPDF's internal API
 * while this file keeps the layout; `cataloguePdf.test.ts` reads it back.
 *
 * jsPDF's built-in Helvetica covers Windows-1252, which holds German
 * (ä ö ü ß „ “ – …); any other character is shown as "?" rather than as
 * garbage. Embedding a font would lift that, and is what still stands between
 * this file and PDF/UA (which wants every font embedded, and XMP metadata).
 */
import {
  catalogueDate,
  catalogueDateTime,
  catalogueLabels,
  catalogueNumber,
  copyNote,
  emptyBoardLine,
  itemPlaces,
  resultColumn,
  sectionGroups,
  sectionName,
  pictureAlt,
  voteTitle,
  type CatalogueLabels,
} from '@werkraum/shared'
import type { Catalogue, CatalogueSection } from '@werkraum/shared/schemas'
import type { jsPDF as JsPdf } from 'jspdf'
import { addXmpMetadata, PdfBookmarks } from './pdfNavigation.ts'
import { PdfTags, pdfTextString, type StructType } from './pdfTags.ts'

export interface PdfPicture {
  /** A JPEG. */
  readonly jpeg: Blob
  readonly width: number
  readonly height: number
}

/** Windows-1252 beyond Latin-1: what Helvetica in a PDF can show besides U+0020–U+007E and U+00A0–U+00FF. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

/** Text Helvetica can show: line breaks kept, tabs as spaces, anything else outside Windows-1252 as "?". */
export function pdfSafe(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!
    if (ch === '\n') out += ch
    else if (ch === '\t') out += '  '
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) out += ch
    else if (code < 0x20) continue
    else out += '?'
  }
  return out
}

const PAGE_W = 210
const PAGE_H = 297
const MARGIN = 18
const WIDTH = PAGE_W - 2 * MARGIN
const PT = 0.3528 // mm per point
/** PDF points per mm, for the figures' bounding boxes (PDF measures from the page's bottom left). */
const PT_PER_MM = 72 / 25.4
const TEXT: [number, number, number] = [28, 31, 36]
const MUTED: [number, number, number] = [74, 82, 96]
const PRIMARY: [number, number, number] = [29, 78, 137]

/**
 * A wrapped line as drawn: every line but the last ends in a space (invisible
 * at the end of a left-aligned line), so text read out of the PDF, by a screen
 * reader or by copying, keeps a space where the line broke instead of joining
 * the words.
 */
function spaced(lines: readonly string[], i: number): string {
  return i < lines.length - 1 ? `${lines[i]!} ` : lines[i]!
}

/**
 * `/ActualText` for an element whose drawn text differs from what it says:
 * characters Helvetica cannot show are drawn as "?", but a screen reader gets
 * the original ("Łukasz", not "?ukasz"); an upper-case label is read in its
 * own case. Nothing where they agree.
 */
function actualText(says: string, drawn = says): string {
  const text = says.normalize('NFC')
  return pdfSafe(drawn) === text ? '' : ` /ActualText ${pdfTextString(text)}`
}

type HeadingTag = 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6'

/** The heading tag of a level, as in the HTML catalogue (h1–h6). */
function headingTag(level: number): HeadingTag {
  return `H${Math.min(6, Math.max(1, level))}` as HeadingTag
}

class Layout {
  y = MARGIN
  readonly tags: PdfTags
  private readonly bookmarks: PdfBookmarks
  constructor(readonly doc: JsPdf) {
    this.tags = new PdfTags(doc)
    this.bookmarks = new PdfBookmarks(doc)
  }

  newPage(): void {
    this.tags.pageBreak(() => this.doc.addPage())
    this.y = MARGIN
  }

  /** Room for `height` mm on this page, or a new page. */
  room(height: number): void {
    if (this.y + height > PAGE_H - MARGIN) this.newPage()
  }

  /** A paragraph (or what `options.tag` says it is), wrapped and moved on to the next page line by line. */
  text(text: string, size: number, options: { bold?: boolean; color?: [number, number, number]; indent?: number; after?: number; tag?: StructType; actualText?: string } = {}): void {
    const { doc } = this
    doc.setFont('helvetica', options.bold ? 'bold' : 'normal')
    doc.setFontSize(size)
    doc.setTextColor(...(options.color ?? TEXT))
    const indent = options.indent ?? 0
    const lineHeight = size * PT * 1.35
    const lines = doc.splitTextToSize(pdfSafe(text), WIDTH - indent) as string[]
    // The first line's room is found before the tag opens, so a paragraph that starts on the next page is tagged only there.
    this.room(lineHeight)
    const extra = actualText(options.actualText ?? text, text)
    this.tags.content(
      options.tag ?? 'P',
      () => {
        lines.forEach((_, i) => {
          this.room(lineHeight)
          doc.text(spaced(lines, i), MARGIN + indent, this.y + size * PT)
          this.y += lineHeight
        })
      },
      extra,
    )
    this.y += options.after ?? 1.5
  }

  /**
   * A heading that looks like `level` and is tagged as `tag` (the HTML
   * catalogue's level, which can be deeper); with `bookmark`, also a bookmark
   * at that depth (the catalogue's parts, and the boards and votes in them).
   */
  heading(text: string, level: 1 | 2 | 3 | 4, tag: HeadingTag = headingTag(level), bookmark?: 0 | 1): void {
    const size = [0, 22, 16, 13, 11.5][level]!
    // A heading never ends a page: keep room for it and two lines after.
    this.room(size * PT * 1.35 + 12)
    if (bookmark !== undefined) this.bookmarks.add(bookmark, text)
    this.y += level <= 2 ? 3 : 2
    this.text(text, size, { bold: true, color: level <= 2 ? PRIMARY : TEXT, after: level === 2 ? 0.5 : 1.5, tag })
    if (level === 2) {
      this.doc.setDrawColor(...PRIMARY)
      this.doc.setLineWidth(0.6)
      this.tags.artifact(() => this.doc.line(MARGIN, this.y, MARGIN + WIDTH, this.y))
      this.y += 3
    }
  }

  /** A table whose cells wrap; a row moves to the next page whole. */
  table(head: readonly string[], rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): void {
    const { doc } = this
    const size = 9.5
    const lineHeight = size * PT * 1.3
    const draw = (cells: readonly string[], bold: boolean): void => {
      doc.setFont('helvetica', bold ? 'bold' : 'normal')
      doc.setFontSize(size)
      doc.setTextColor(...TEXT)
      const wrapped = cells.map((cell, i) => doc.splitTextToSize(pdfSafe(cell), widths[i]! - 2) as string[])
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 2
      this.room(height)
      let x = MARGIN
      this.tags.group('TR', () => {
        wrapped.forEach((lines, i) => {
          // Header cells name their column, for a screen reader's table navigation.
          const scope = bold ? ' /A <</O /Table /Scope /Column>>' : ''
          this.tags.content(bold ? 'TH' : 'TD', () => lines.forEach((_, j) => doc.text(spaced(lines, j), x + 1, this.y + 1 + size * PT + j * lineHeight)), `${scope}${actualText(cells[i]!)}`)
          x += widths[i]!
        })
      })
      this.y += height
      doc.setDrawColor(197, 202, 211)
      doc.setLineWidth(0.2)
      this.tags.artifact(() => doc.line(MARGIN, this.y, MARGIN + WIDTH, this.y))
    }
    this.tags.group('Table', () => {
      draw(head, true)
      for (const row of rows) draw(row, false)
    })
    this.y += 4
  }

  /** A board's picture: a figure with its text alternative (`alt`), then its caption. */
  async picture(picture: PdfPicture, alt: string, caption: string): Promise<void> {
    if (picture.width <= 0 || picture.height <= 0) return
    const maxHeight = PAGE_H - 2 * MARGIN - 20
    let w = WIDTH
    let h = (picture.height / picture.width) * w
    if (h > maxHeight) {
      h = maxHeight
      w = (picture.width / picture.height) * h
    }
    this.room(h + 8)
    const data = new Uint8Array(await picture.jpeg.arrayBuffer())
    const box = [MARGIN, PAGE_H - this.y - h, MARGIN + w, PAGE_H - this.y].map((mm) => (mm * PT_PER_MM).toFixed(2)).join(' ')
    this.tags.content('Figure', () => this.doc.addImage(data, 'JPEG', MARGIN, this.y, w, h), ` /Alt ${pdfTextString(alt)} /A <</O /Layout /BBox [${box}]>>`)
    this.doc.setDrawColor(197, 202, 211)
    this.tags.artifact(() => this.doc.rect(MARGIN, this.y, w, h))
    this.y += h + 1.5
    this.text(caption, 8.5, { color: MUTED, after: 4 })
  }
}

/** What a section needs besides itself: the votes' titles, the labels and how numbers are written. */
interface Context {
  readonly titles: ReadonlyMap<string, string>
  readonly l: CatalogueLabels
  readonly num: (n: number) => string
  /** Where each card and note sits, for the note beside a copy. */
  readonly places: ReadonlyMap<string, string>
}

function votesLine(votes: ReadonlyArray<{ sessionId: string; count: number }>, { titles, num }: Context): string {
  return votes.map((v) => `${titles.get(v.sessionId) ?? v.sessionId}: ${num(v.count)}`).join(', ')
}

/** A board's section; `level` is its heading's level in the HTML catalogue (2, or 3 for a room under its phase), which the tags follow. */
async function section(layout: Layout, s: CatalogueSection, level: number, picture: PdfPicture | undefined, context: Context): Promise<void> {
  const { l, num } = context
  const { tags } = layout
  layout.heading(sectionName(s, l), s.room ? 3 : 2, headingTag(level), level === 2 ? 0 : 1)
  if (s.room && s.room.challenge !== '') layout.text(`${l.challenge}: ${s.room.challenge}`, 10.5)
  if (s.room?.members && s.room.members.length > 0) layout.text(`${l.members}: ${s.room.members.join(', ')}`, 10.5)
  if (s.votes.length > 0) layout.text(`${l.votes}: ${votesLine(s.votes, context)}`, 10.5)
  if (picture) await layout.picture(picture, pictureAlt(s, l, num), `${l.picture}: ${s.title}`)
  if (s.concepts.length > 0) layout.heading(l.concepts, 3, headingTag(level + 1))
  for (const c of s.concepts) {
    layout.heading(c.title || l.untitled, 4, headingTag(level + 2))
    if (c.copyOf !== undefined) layout.text(`(${copyNote(c.copyOf, context.places, l)})`, 10, { color: MUTED })
    const fields = (['challenge', 'idea', 'audience', 'nextSteps', 'carriers'] as const).filter((field) => c[field] !== '')
    // The card's fields as a list of label and text (the HTML's <dl>).
    if (fields.length > 0) {
      tags.group('L', () => {
        for (const field of fields) {
          tags.group('LI', () => {
            layout.text(l[field].toUpperCase(), 8, { bold: true, color: MUTED, after: 0.3, tag: 'Lbl', actualText: l[field] })
            layout.text(c[field], 10.5, { tag: 'LBody' })
          })
        }
      })
    }
    if (c.votes.length > 0) layout.text(`${l.votes}: ${votesLine(c.votes, context)}`, 10, { color: MUTED })
    if (c.pledges.count > 0) layout.text(`${l.pledges}: ${c.pledges.names ? c.pledges.names.join(', ') : num(c.pledges.count)}`, 10, { color: MUTED })
    layout.y += 2
  }
  if (s.noteGroups.length > 0) layout.heading(l.notes, 3, headingTag(level + 1))
  for (const g of s.noteGroups) {
    // Looks like a line in bold, but is the area's heading, as in the HTML.
    layout.text(g.area === null ? l.looseNotes : g.area || l.untitledArea, 10.5, { bold: true, tag: headingTag(level + 2) })
    tags.group('L', () => {
      for (const n of g.notes) {
        const extra = [copyNote(n.copyOf, context.places, l), n.votes.length > 0 ? `${l.votes}: ${votesLine(n.votes, context)}` : '', n.pledges.count > 0 ? `${l.pledges}: ${num(n.pledges.count)}` : ''].filter((e) => e !== '')
        tags.group('LI', () => layout.text(`• ${n.text}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`, 10.5, { indent: 3, after: 1, tag: 'LBody' }))
      }
    })
    layout.y += 2
  }
}

/** The catalogue as a PDF; `pictures` maps board ids to JPEG pictures. */
export async function cataloguePdf(catalogue: Catalogue, pictures: ReadonlyMap<string, PdfPicture>): Promise<Blob> {
  const { jsPDF } = await import('jspdf')
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true })
  const { locale } = catalogue.workshop
  const l = catalogueLabels(locale)
  const num = (n: number): string => catalogueNumber(n, locale)
  const title = `${catalogue.workshop.title} – ${l.catalogue}`
  const lang = catalogue.workshop.locale === 'de' ? 'de-DE' : 'en-GB'
  doc.setProperties({ title: pdfSafe(title), creator: 'Werkraum' })
  doc.setLanguage(lang)
  addXmpMetadata(doc, title, lang)
  // A reader shows the title, not the file name.
  doc.viewerPreferences({ DisplayDocTitle: true })
  const context: Context = { titles: new Map(catalogue.votes.map((v) => [v.id, v.title])), l, num, places: itemPlaces(catalogue) }
  const layout = new Layout(doc)

  layout.heading(catalogue.workshop.title, 1)
  layout.text(`${l.catalogue} · ${catalogueDate(catalogue.workshop.createdAt, catalogue.workshop.locale)}`, 12, { color: MUTED, after: 6 })
  if (catalogue.agenda.length > 0) {
    layout.heading(l.agenda, 2, 'H2', 0)
    layout.table(
      [l.phase, l.kind, l.planned, l.actual],
      catalogue.agenda.map((p) => [p.title, l.phaseKinds[p.kind], num(p.plannedMinutes), p.actualMinutes === null ? l.notRun : num(p.actualMinutes)]),
      [70, 44, 30, 30],
    )
  }
  layout.heading(l.overview, 2, 'H2', 0)
  layout.table(
    [l.rank, l.item, l.board, l.votes, l.pledges],
    catalogue.ranking.map((r) => [num(r.rank), r.title || l.untitled, r.board, num(r.votes), num(r.pledges)]),
    [14, 72, 46, 20, 22],
  )
  for (const group of sectionGroups(catalogue)) {
    // A board with nothing on it is one line where it stands, and a phase whose rooms all stayed empty starts no page either.
    if (group.sections.some((s) => !s.empty)) layout.newPage()
    if (group.phase) layout.heading(`${l.phase}: ${group.phase.title}`, 2, 'H2', 0)
    let first = true
    for (const s of group.sections) {
      if (s.empty) {
        // Set apart from the board above, so it does not read as part of it.
        layout.y += 4
        layout.text(emptyBoardLine(s, l), 10.5, { color: MUTED })
        continue
      }
      if (group.phase && !first) layout.newPage()
      first = false
      await section(layout, s, group.phase ? 3 : 2, pictures.get(s.boardId), context)
    }
  }
  layout.newPage()
  layout.heading(l.voteResults, 2, 'H2', 0)
  if (catalogue.votes.length === 0) layout.text(l.noVotes, 10.5)
  for (const v of catalogue.votes) {
    layout.heading(voteTitle(v, l), 3, 'H3', 1)
    // A session nobody voted in says so, rather than showing an empty table.
    if (v.ballots === 0) {
      layout.text(`${l.noBallots}.`, 10.5)
      continue
    }
    const named = v.results.some((r) => r.names !== undefined)
    layout.table(
      [l.item, l.board, resultColumn(v, l), ...(named ? [l.members] : [])],
      v.results.map((r) => [r.text || l.untitled, r.board, num(r.count), ...(named ? [(r.names ?? []).join(', ')] : [])]),
      named ? [70, 40, 20, 44] : [100, 54, 20],
    )
  }
  layout.text(`${l.exported} ${catalogueDateTime(catalogue.workshop.exportedAt, locale)}`, 8.5, { color: MUTED })
  return doc.output('blob')
}
