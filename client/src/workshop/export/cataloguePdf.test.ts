/**
 * The PDF catalogue is tagged (issue 14): made from a small catalogue here in
 * Node, read back with `readTaggedPdf`, it has a structure tree whose headings
 * are the HTML catalogue's (level for level, in order), tables with header
 * cells, lists, a figure with a text alternative for each board picture, a
 * document language, and nothing drawn outside a tag. A paragraph that runs
 * over a page break stays one element.
 */
import { describe, expect, it } from 'vitest'
import { catalogueHtml, catalogueLabels, catalogueNumber, pictureAlt } from '@werkraum/shared'
import type { Catalogue, CatalogueSection } from '@werkraum/shared/schemas'
import { cataloguePdf, type PdfPicture } from './cataloguePdf.ts'
import { readTaggedPdf, taggedElements, type TaggedElement, type TaggedPdf } from './readTaggedPdf.ts'

/** An 8×6 JPEG, one colour. */
const JPEG = Uint8Array.from(
  atob(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCwASCn/9k=',
  ),
  (c) => c.charCodeAt(0),
)

const LONG_NOTE = `Anfang der langen Notiz. ${'Viele Wörter über den Bus am Sonntag. '.repeat(160)}Ende der langen Notiz.`
const TIME = '2026-05-04T10:00:00.000Z'
const noPledges = { count: 0 }

const SECTIONS: CatalogueSection[] = [
  {
    boardId: 'plenum',
    title: 'Plenum',
    phase: null,
    room: null,
    empty: false,
    concepts: [
      {
        id: 'shape:bank',
        title: 'Mitfahrbank & Co.',
        challenge: 'Sonntags fährt kein Bus',
        idea: 'Bänke mit Schild\n„Ich will mit“',
        audience: '',
        nextSteps: '',
        carriers: 'Ada',
        votes: [{ sessionId: 'v1', count: 3 }],
        pledges: noPledges,
      },
    ],
    noteGroups: [
      {
        area: 'Ideen',
        notes: [
          { id: 'shape:n1', text: 'Rufbus', votes: [], pledges: noPledges },
          { id: 'shape:n4', text: 'Grüße von Łukasz 🚌', votes: [], pledges: noPledges },
          { id: 'shape:n2', text: LONG_NOTE, votes: [], pledges: noPledges },
        ],
      },
    ],
    votes: [],
  },
  {
    boardId: 'raum-1',
    title: 'Gruppenarbeit: Mobilität',
    phase: { id: 'p2', title: 'Gruppenarbeit' },
    room: { title: 'Mobilität', challenge: 'Wie kommen Ältere zum Arzt?' },
    empty: false,
    concepts: [{ id: 'shape:arzt', title: 'Arztbus', challenge: '', idea: 'Ein Bus zur Praxis', audience: '', nextSteps: '', carriers: '', votes: [], pledges: noPledges }],
    noteGroups: [{ area: null, notes: [{ id: 'shape:n3', text: 'Taxi-Gutschein', votes: [], pledges: noPledges }] }],
    votes: [],
  },
  { boardId: 'raum-2', title: 'Gruppenarbeit: Leer', phase: { id: 'p2', title: 'Gruppenarbeit' }, room: { title: 'Leer', challenge: '' }, empty: true, concepts: [], noteGroups: [], votes: [] },
]

const CATALOGUE: Catalogue = {
  format: 'werkraum-catalogue',
  version: 1,
  workshop: { id: 'w', title: 'Werkstatt Dorfmitte', locale: 'de', createdAt: TIME, exportedAt: TIME, names: false },
  agenda: [
    { id: 'p1', title: 'Begrüßung', kind: 'plenary', status: 'done', plannedMinutes: 10, startedAt: TIME, endedAt: TIME, actualMinutes: 12 },
    { id: 'p2', title: 'Gruppenarbeit', kind: 'breakout', status: 'done', plannedMinutes: 20, startedAt: TIME, endedAt: TIME, actualMinutes: 20 },
  ],
  sections: SECTIONS,
  votes: [
    {
      id: 'v1',
      title: 'Was nehmen wir mit?',
      kind: 'dots',
      target: 'notes',
      anonymous: true,
      votesPerPerson: 3,
      maxPerItem: 3,
      openedAt: TIME,
      closedAt: TIME,
      ballots: 3,
      results: [{ item: 'plenum/shape:bank', boardId: 'plenum', board: 'Plenum', text: 'Mitfahrbank & Co.', count: 3 }],
    },
    { id: 'v2', title: 'Leere Runde', kind: 'dots', target: 'notes', anonymous: true, votesPerPerson: 3, maxPerItem: 3, openedAt: TIME, closedAt: TIME, ballots: 0, results: [] },
  ],
  ranking: [
    { rank: 1, kind: 'concept', item: 'plenum/shape:bank', boardId: 'plenum', board: 'Plenum', title: 'Mitfahrbank & Co.', votes: 3, pledges: 0 },
    { rank: 2, kind: 'concept', item: 'raum-1/shape:arzt', boardId: 'raum-1', board: 'Gruppenarbeit: Mobilität', title: 'Arztbus', votes: 0, pledges: 0 },
  ],
}

async function tagged(catalogue: Catalogue): Promise<TaggedPdf> {
  const picture: PdfPicture = { jpeg: new Blob([JPEG], { type: 'image/jpeg' }), width: 800, height: 600 }
  const pictures = new Map(catalogue.sections.filter((s) => !s.empty).map((s) => [s.boardId, picture]))
  const pdf = await cataloguePdf(catalogue, pictures)
  return readTaggedPdf(new Uint8Array(await pdf.arrayBuffer()))
}

/** The HTML catalogue's headings, as `H<level>` and text. */
function htmlHeadings(html: string): Array<[string, string]> {
  const unescape = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
  return [...html.matchAll(/<h(\d)[^>]*>(.*?)<\/h\1>/g)].map((m) => [`H${m[1]!}`, unescape(m[2]!)])
}

const ofType = (pdf: TaggedPdf, ...types: string[]): TaggedElement[] => taggedElements(pdf.root).filter((e) => types.includes(e.type))

describe('the tagged PDF catalogue', () => {
  it('is marked as tagged, in the workshop\'s language, with its title shown', async () => {
    const pdf = await tagged(CATALOGUE)
    expect(pdf.marked).toBe(true)
    expect(pdf.lang).toBe('de-DE')
    expect(pdf.catalog).toMatch(/\/ViewerPreferences\s*<<\s*\/DisplayDocTitle true\s*>>/)
    expect(pdf.root?.type).toBe('Document')
    expect(pdf.metadata).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Werkstatt Dorfmitte – Maßnahmenkatalog</rdf:li></rdf:Alt></dc:title>')
    const english = await tagged({ ...CATALOGUE, workshop: { ...CATALOGUE.workshop, locale: 'en', title: 'Łódź & friends' } })
    expect(english.lang).toBe('en-GB')
    // The title in full, where the Info dictionary can only hold "?ód?".
    expect(english.metadata).toContain('<rdf:li xml:lang="x-default">Łódź &amp; friends – Concept catalogue</rdf:li>')
    expect(english.metadata).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>')
  })

  it('has the HTML catalogue\'s headings, level for level and in reading order', async () => {
    const pdf = await tagged(CATALOGUE)
    const headings = ofType(pdf, 'H1', 'H2', 'H3', 'H4', 'H5', 'H6').map((h) => [h.type, h.text])
    expect(headings).toEqual(htmlHeadings(catalogueHtml(CATALOGUE, new Map(SECTIONS.map((s) => [s.boardId, 'data:image/svg+xml;base64,PHN2Zy8+'])))))
    // Spot checks that the comparison is about something: the room's concept sits two levels under the room.
    expect(headings).toContainEqual(['H3', 'Raum: Mobilität'])
    expect(headings).toContainEqual(['H5', 'Arztbus'])
    expect(pdf.root!.kids.slice(0, 4).map((e) => [e.type, e.text])).toEqual([
      ['H1', 'Werkstatt Dorfmitte'],
      ['P', 'Maßnahmenkatalog · 4. Mai 2026'],
      ['H2', 'Ablauf'],
      ['Table', expect.stringContaining('Phase Art Geplant (Min.) Tatsächlich (Min.) Begrüßung Plenum 10 12')],
    ])
  })

  it('gives each board picture a figure with its text alternative, and tags everything else or marks it as decoration', async () => {
    const pdf = await tagged(CATALOGUE)
    const l = catalogueLabels('de')
    const figures = ofType(pdf, 'Figure')
    expect(figures.map((f) => f.alt)).toEqual(SECTIONS.filter((s) => !s.empty).map((s) => pictureAlt(s, l, (n) => catalogueNumber(n, 'de'))))
    expect(figures[0]!.alt).toBe('Bild des Boards Plenum: 1 Konzeptkarte, 3 Notizen. Ihr Text folgt in diesem Abschnitt.')
    for (const figure of figures) {
      expect(figure.image).toBe(true)
      expect(figure.dictionary).toMatch(/\/BBox \[[\d. ]+\]/)
    }
    expect(pdf.untagged).toEqual([])
    expect(pdf.parentTreeErrors).toEqual([])
  })

  it('tags tables with column headers, and a card\'s fields and the notes as lists', async () => {
    const pdf = await tagged(CATALOGUE)
    const [agenda] = ofType(pdf, 'Table')
    const [head, ...rows] = agenda!.kids
    expect(head!.kids.map((cell) => [cell.type, cell.text])).toEqual([
      ['TH', 'Phase'],
      ['TH', 'Art'],
      ['TH', 'Geplant (Min.)'],
      ['TH', 'Tatsächlich (Min.)'],
    ])
    for (const cell of head!.kids) expect(cell.dictionary).toContain('/Scope /Column')
    expect(rows.map((row) => row.kids.map((cell) => cell.type).join())).toEqual(['TD,TD,TD,TD', 'TD,TD,TD,TD'])

    const labels = ofType(pdf, 'Lbl')
    expect(labels[0]).toMatchObject({ text: 'HERAUSFORDERUNG', actualText: 'Herausforderung' })
    const idea = ofType(pdf, 'LI').find((item) => item.kids[0]?.actualText === 'Idee')!
    // A line break in the card is a space for someone reading it out, not two words run together.
    expect(idea.kids[1]).toMatchObject({ type: 'LBody', text: 'Bänke mit Schild „Ich will mit“' })
    const notes = ofType(pdf, 'LBody').filter((body) => body.text.startsWith('• '))
    expect(notes.map((n) => n.text.slice(0, 20))).toEqual(['• Rufbus', '• Grüße von ?ukasz ?', `• ${LONG_NOTE.slice(0, 18)}`, '• Taxi-Gutschein'])
    // What Helvetica cannot draw is a "?" on paper, but read out as written.
    expect(notes.map((n) => n.actualText)).toEqual([undefined, '• Grüße von Łukasz 🚌', undefined, undefined])
  })

  it('has bookmarks for its parts and for the boards and votes in them, each to the page of its heading', async () => {
    const pdf = await tagged(CATALOGUE)
    expect(pdf.catalog).toContain('/PageMode /UseOutlines')
    expect(pdf.outline.map(({ depth, title }) => [depth, title])).toEqual([
      [0, 'Ablauf'],
      [0, 'Überblick: Konzepte nach Stimmen'],
      [0, 'Plenum'],
      [0, 'Phase: Gruppenarbeit'],
      [1, 'Raum: Mobilität'],
      [0, 'Abstimmungen'],
      [1, 'Was nehmen wir mit? (Punkte-Abstimmung, anonym)'],
      [1, 'Leere Runde (Punkte-Abstimmung, anonym)'],
    ])
    const headings = ofType(pdf, 'H2', 'H3')
    for (const bookmark of pdf.outline) expect(headings.find((h) => h.text === bookmark.title)?.pages).toEqual([bookmark.page])
  })

  it('keeps a paragraph that runs over a page break one element, its words whole', async () => {
    const pdf = await tagged(CATALOGUE)
    const long = ofType(pdf, 'LBody').find((body) => body.text.includes('Anfang der langen Notiz'))!
    expect(long.pages.length).toBeGreaterThan(1)
    expect(long.text).toBe(`• ${LONG_NOTE.trim()}`)
  })
})
