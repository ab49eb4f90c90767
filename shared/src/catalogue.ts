/**
 * The concept catalogue as text (issue #6): Markdown and CSV from the
 * catalogue's data (`catalogueSchema.ts`). Pure functions, used by the server's
 * export endpoint, the command-line export and the browser's ZIP. The labels
 * are in the workshop's language: the catalogue is a document of that
 * workshop, whoever exports it.
 *
 * Everything people wrote is escaped for the format it lands in: a note that
 * says `<script>` is text in every format, line breaks and umlauts stay.
 */
import type { PhaseKind } from './agenda.ts'
import type { Catalogue, CatalogueSection } from './catalogueSchema.ts'
import { CONCEPT_CARD_TYPE, isEmptyConceptCard } from './concept.ts'
import { itemKey, votableText } from './votes.ts'
import type { Locale } from './workshop.ts'

export const CATALOGUE_FORMAT = 'werkraum-catalogue'
export const CATALOGUE_VERSION = 1

/** Export formats: the text ones the server renders itself, the others the browser builds (they need board pictures). */
export const TEXT_EXPORT_FORMATS = ['json', 'md', 'csv'] as const
export type TextExportFormat = (typeof TEXT_EXPORT_FORMATS)[number]

const DE = {
  catalogue: 'Maßnahmenkatalog',
  exported: 'Exportiert am',
  agenda: 'Ablauf',
  phase: 'Phase',
  kind: 'Art',
  planned: 'Geplant (Min.)',
  actual: 'Tatsächlich (Min.)',
  notRun: 'nicht gelaufen',
  overview: 'Überblick: Konzepte nach Stimmen',
  rank: 'Rang',
  item: 'Konzept',
  board: 'Board',
  votes: 'Punkte',
  pledges: 'Würden mitmachen',
  room: 'Raum',
  emptyBoard: 'nichts auf diesem Board',
  noBallots: 'Keine Stimmen abgegeben',
  members: 'Mitglieder',
  challenge: 'Herausforderung',
  idea: 'Idee',
  audience: 'Zielgruppe',
  nextSteps: 'Nächste Schritte',
  carriers: 'Wer trägt es weiter',
  concepts: 'Konzepte',
  notes: 'Notizen',
  looseNotes: 'Notizen außerhalb der Bereiche',
  untitled: 'Konzept ohne Titel',
  untitledArea: 'Bereich ohne Namen',
  copyFrom: 'Kopie aus',
  voteResults: 'Abstimmungen',
  anonymous: 'anonym',
  named: 'namentlich',
  dots: 'Punkte-Abstimmung',
  pledge: '„Da mache ich mit“',
  picture: 'Bild des Boards',
  pictureCounts: { concept: ['Konzeptkarte', 'Konzeptkarten'], note: ['Notiz', 'Notizen'] },
  pictureText: 'Ihr Text folgt in diesem Abschnitt.',
  byVote: 'Stimmen',
  noVotes: 'Keine abgeschlossene Abstimmung.',
  kinds: { concept: 'Konzeptkarte', note: 'Notiz', board: 'Board' },
  phaseKinds: { plenary: 'Plenum', input: 'Impulsvortrag', breakout: 'Gruppenarbeit', vote: 'Abstimmung', pitches: 'Pitches', break: 'Pause' },
}
export type CatalogueLabels = typeof DE

const EN: CatalogueLabels = {
  catalogue: 'Concept catalogue',
  exported: 'Exported on',
  agenda: 'Agenda',
  phase: 'Phase',
  kind: 'Kind',
  planned: 'Planned (min)',
  actual: 'Actual (min)',
  notRun: 'did not run',
  overview: 'Overview: concepts by votes',
  rank: 'Rank',
  item: 'Concept',
  board: 'Board',
  votes: 'Votes',
  pledges: 'Would work on this',
  room: 'Room',
  emptyBoard: 'nothing on this board',
  noBallots: 'No votes were cast',
  members: 'Members',
  challenge: 'Challenge',
  idea: 'Idea',
  audience: 'Target group',
  nextSteps: 'Next steps',
  carriers: 'Who carries it on',
  concepts: 'Concepts',
  notes: 'Notes',
  looseNotes: 'Notes outside the areas',
  untitled: 'Untitled concept',
  untitledArea: 'Unnamed area',
  copyFrom: 'copy from',
  voteResults: 'Votes',
  anonymous: 'anonymous',
  named: 'named',
  dots: 'Dot vote',
  pledge: '"I\'d work on this"',
  picture: 'Picture of the board',
  pictureCounts: { concept: ['concept card', 'concept cards'], note: ['note', 'notes'] },
  pictureText: 'Their text follows in this section.',
  byVote: 'votes',
  noVotes: 'No closed vote.',
  kinds: { concept: 'Concept card', note: 'Note', board: 'Board' },
  phaseKinds: { plenary: 'Plenary', input: 'Input talk', breakout: 'Breakout work', vote: 'Vote', pitches: 'Pitches', break: 'Break' },
}

export function catalogueLabels(locale: Locale): CatalogueLabels {
  return locale === 'de' ? DE : EN
}

/**
 * The language tag numbers and dates are written in: the catalogue's own,
 * never the browser's or the machine's, so the server, the command line and
 * every browser print the same.
 */
function localeTag(locale: Locale): string {
  return locale === 'de' ? 'de-DE' : 'en-GB'
}

/** A date in the workshop's language, without a time: the catalogue's cover. */
export function catalogueDate(isoTime: string, locale: Locale): string {
  return new Date(isoTime).toLocaleDateString(localeTag(locale), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
}

/** A date with its time in the workshop's language, in UTC (the server knows no one's time zone): the export's moment. */
export function catalogueDateTime(isoTime: string, locale: Locale): string {
  return new Date(isoTime).toLocaleString(localeTag(locale), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  })
}

/** A number in the workshop's language ("2,7" in German, "2.7" in English), to one decimal place. */
export function catalogueNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(value)
}

/**
 * Ids the board templates give the shapes they lay out
 * (`createShapeId('template-…')` in the client's `templates.ts`).
 */
export const TEMPLATE_SHAPE_ID_PREFIX = 'shape:template-'

/** Shapes that only arrange a board: what counts is what sits in them. */
const ARRANGING_SHAPE_TYPES: ReadonlySet<string> = new Set(['frame', 'group'])
/** What a template lays out around the work: its title, hints and arrows. */
const TEMPLATE_LAYOUT_TYPES: ReadonlySet<string> = new Set(['text', 'arrow'])

/**
 * Whether a shape is something people made (issue #13): a concept card with
 * something written in it, a sticky note with text, anything drawn, written or
 * pasted. Not: an untouched card, an empty note, frames and groups, or the
 * title, hints and arrows a template laid out. A template's sticky notes count
 * (whether someone rewrote one cannot be told from the board).
 */
export function isMadeShape(shape: { readonly id: string; readonly type: string; readonly props: unknown }): boolean {
  if (shape.type === CONCEPT_CARD_TYPE) return !isEmptyConceptCard(shape.props)
  if (shape.type === 'note') return votableText('note', shape.props).trim() !== ''
  if (ARRANGING_SHAPE_TYPES.has(shape.type)) return false
  return !(shape.id.startsWith(TEMPLATE_SHAPE_ID_PREFIX) && TEMPLATE_LAYOUT_TYPES.has(shape.type))
}

/** A board's name in one line of the catalogue: a room under its phase, any other board by its title. */
export function sectionName(section: CatalogueSection, labels: CatalogueLabels): string {
  return section.room ? `${labels.room}: ${section.room.title}` : section.title
}

/** The one line an empty board gets instead of a section ("Plenum: nichts auf diesem Board"). */
export function emptyBoardLine(section: CatalogueSection, labels: CatalogueLabels): string {
  return `${section.room ? section.room.title : section.title}: ${labels.emptyBoard}`
}

/**
 * A board picture's text alternative (HTML `alt`, the PDF figure's `/Alt`):
 * which board and what is on it, and that the words follow as text, since the
 * picture adds the layout and not the words ("Bild des Boards Plenum:
 * 2 Konzeptkarten, 5 Notizen. Ihr Text folgt in diesem Abschnitt.").
 */
export function pictureAlt(section: CatalogueSection, labels: CatalogueLabels, num: (n: number) => string): string {
  const notes = section.noteGroups.reduce((sum, g) => sum + g.notes.length, 0)
  const counts = (
    [
      [section.concepts.length, labels.pictureCounts.concept],
      [notes, labels.pictureCounts.note],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, [one, many]]) => `${num(n)} ${n === 1 ? one : many}`)
  const name = `${labels.picture} ${section.room ? section.room.title : section.title}`
  return counts.length === 0 ? `${name}.` : `${name}: ${counts.join(', ')}. ${labels.pictureText}`
}

/**
 * Where each card and note of the catalogue sits, by item key: its room's
 * title, or its board's. What a copy's note names (`copyNote`).
 */
export function itemPlaces(catalogue: Catalogue): Map<string, string> {
  const places = new Map<string, string>()
  for (const s of catalogue.sections) {
    const place = s.room ? s.room.title : s.title
    for (const c of s.concepts) places.set(itemKey(s.boardId, c.id), place)
    for (const n of s.noteGroups.flatMap((g) => g.notes)) places.set(itemKey(s.boardId, n.id), place)
  }
  return places
}

/** The short note beside a copy: "Kopie aus Mobilität", or '' for an original. */
export function copyNote(copyOf: string | undefined, places: ReadonlyMap<string, string>, labels: CatalogueLabels): string {
  if (copyOf === undefined) return ''
  return `${labels.copyFrom} ${places.get(copyOf) ?? copyOf.split('/')[0]}`
}

/** Board sections grouped for reading: plenary boards alone, breakout rooms under their phase. */
export function sectionGroups(catalogue: Catalogue): Array<{ phase: { id: string; title: string } | null; sections: CatalogueSection[] }> {
  const groups: Array<{ phase: { id: string; title: string } | null; sections: CatalogueSection[] }> = []
  for (const section of catalogue.sections) {
    const last = groups[groups.length - 1]
    if (section.phase !== null && last?.phase?.id === section.phase.id) last.sections.push(section)
    else groups.push({ phase: section.phase, sections: [section] })
  }
  return groups
}

/** The heading of a vote's count column: dots, or the people who would work on an item. */
export function resultColumn(vote: Catalogue['votes'][number], labels: CatalogueLabels): string {
  return vote.kind === 'pledge' ? labels.pledges : labels.byVote
}

/** A closed vote's title for headings and columns, with its kind. */
export function voteTitle(vote: Catalogue['votes'][number], labels: CatalogueLabels): string {
  return `${vote.title} (${vote.kind === 'pledge' ? labels.pledge : labels.dots}, ${vote.anonymous ? labels.anonymous : labels.named})`
}

// ---------------------------------------------------------------- Markdown

/**
 * Text that stays text in Markdown: every character CommonMark could read as
 * markup (or raw HTML) gets a backslash; line breaks become hard breaks.
 */
export function markdownText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
        // What only counts at the start of a line: headings, lists, quotes, setext underlines.
        .replace(/^(\s*)([#+\-=])/, '$1\\$2')
        // An ordered list's marker needs a space or the line's end after it: "2.7" stays as it is.
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2'),
    )
    .join('\\\n')
}

/** A table cell: escaped, and one line (a table row cannot break). */
function markdownCell(text: string): string {
  return markdownText(text.replace(/\s*(\r\n|\r|\n)\s*/g, ' '))
}

function markdownTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [`| ${head.map(markdownCell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`)]
}

export interface MarkdownOptions {
  /** Link each board's picture from `boards/<boardId>.svg` (the ZIP holds them). */
  readonly pictures?: boolean
}

/** The catalogue as one Markdown document. */
export function catalogueMarkdown(catalogue: Catalogue, options: MarkdownOptions = {}): string {
  const { locale } = catalogue.workshop
  const l = catalogueLabels(locale)
  const num = (n: number): string => catalogueNumber(n, locale)
  const voteTitles = new Map(catalogue.votes.map((v) => [v.id, v.title]))
  const places = itemPlaces(catalogue)
  const out: string[] = []
  out.push(`# ${markdownCell(catalogue.workshop.title)}`, '', `${l.catalogue} · ${catalogueDate(catalogue.workshop.createdAt, locale)}`, '')

  if (catalogue.agenda.length > 0) {
    out.push(`## ${l.agenda}`, '')
    out.push(
      ...markdownTable(
        [l.phase, l.kind, l.planned, l.actual],
        catalogue.agenda.map((p) => [p.title, l.phaseKinds[p.kind as PhaseKind], num(p.plannedMinutes), p.actualMinutes === null ? l.notRun : num(p.actualMinutes)]),
      ),
      '',
    )
  }

  out.push(`## ${l.overview}`, '')
  out.push(...markdownTable([l.rank, l.item, l.board, l.votes, l.pledges], catalogue.ranking.map((r) => [num(r.rank), r.title || l.untitled, r.board, num(r.votes), num(r.pledges)])), '')

  const votesLine = (votes: ReadonlyArray<{ sessionId: string; count: number }>): string =>
    votes.map((v) => `${markdownText(voteTitles.get(v.sessionId) ?? v.sessionId)}: ${num(v.count)}`).join(', ')

  for (const group of sectionGroups(catalogue)) {
    const level = group.phase ? '###' : '##'
    if (group.phase) out.push(`## ${l.phase}: ${markdownCell(group.phase.title)}`, '')
    for (const s of group.sections) {
      // Nothing made there: a line, not a section.
      if (s.empty) {
        out.push(markdownCell(emptyBoardLine(s, l)), '')
        continue
      }
      out.push(`${level} ${markdownCell(sectionName(s, l))}`, '')
      if (s.room && s.room.challenge !== '') out.push(`**${l.challenge}:** ${markdownText(s.room.challenge)}`, '')
      if (s.room?.members && s.room.members.length > 0) out.push(`**${l.members}:** ${s.room.members.map(markdownCell).join(', ')}`, '')
      if (s.votes.length > 0) out.push(`**${l.votes}:** ${votesLine(s.votes)}`, '')
      // Brackets out before escaping: removed afterwards, they would leave a backslash that escapes the next character.
      if (options.pictures) out.push(`![${l.picture}: ${markdownCell(s.title.replace(/[[\]]/g, ''))}](boards/${encodeURIComponent(s.boardId)}.svg)`, '')
      if (s.concepts.length > 0) {
        out.push(`${level}# ${l.concepts}`, '')
        for (const c of s.concepts) {
          out.push(`${level}## ${markdownCell(c.title || l.untitled)}`, '')
          if (c.copyOf !== undefined) out.push(`(${markdownCell(copyNote(c.copyOf, places, l))})`, '')
          for (const field of ['challenge', 'idea', 'audience', 'nextSteps', 'carriers'] as const) {
            if (c[field] !== '') out.push(`**${l[field]}:**\\`, markdownText(c[field]), '')
          }
          if (c.votes.length > 0) out.push(`**${l.votes}:** ${votesLine(c.votes)}`, '')
          if (c.pledges.count > 0) out.push(`**${l.pledges}:** ${c.pledges.names ? c.pledges.names.map(markdownCell).join(', ') : num(c.pledges.count)}`, '')
        }
      }
      if (s.noteGroups.length > 0) {
        out.push(`${level}# ${l.notes}`, '')
        for (const g of s.noteGroups) {
          out.push(`**${markdownCell(g.area === null ? l.looseNotes : g.area || l.untitledArea)}**`, '')
          for (const n of g.notes) {
            const extra = [markdownCell(copyNote(n.copyOf, places, l)), n.votes.length > 0 ? `${l.votes}: ${votesLine(n.votes)}` : '', n.pledges.count > 0 ? `${l.pledges}: ${n.pledges.names ? n.pledges.names.map(markdownCell).join(', ') : num(n.pledges.count)}` : '']
              .filter((e) => e !== '')
              .join('; ')
            // Continuation lines of a list item are indented to stay in it.
            out.push(`- ${markdownText(n.text).replace(/\n/g, '\n  ')}${extra ? ` (${extra})` : ''}`)
          }
          out.push('')
        }
      }
    }
  }

  out.push(`## ${l.voteResults}`, '')
  if (catalogue.votes.length === 0) out.push(l.noVotes, '')
  for (const v of catalogue.votes) {
    out.push(`### ${markdownCell(voteTitle(v, l))}`, '')
    // A session nobody voted in says so, rather than showing an empty table.
    if (v.ballots === 0) {
      out.push(`${l.noBallots}.`, '')
      continue
    }
    const named = v.results.some((r) => r.names !== undefined)
    out.push(
      ...markdownTable(
        [l.item, l.board, resultColumn(v, l), ...(named ? [l.members] : [])],
        v.results.map((r) => [r.text || l.untitled, r.board, num(r.count), ...(named ? [(r.names ?? []).join(', ')] : [])]),
      ),
      '',
    )
  }
  out.push(`${l.exported} ${catalogueDateTime(catalogue.workshop.exportedAt, locale)}`, '')
  return out.join('\n')
}

// ---------------------------------------------------------------- CSV

function csvField(value: string): string {
  // Quoted always; a leading = + - @ would start a formula in spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/**
 * Every concept card and sticky note, one row each, with a column of dots per
 * closed dot vote that got any and the pledges. UTF-8 with a byte-order mark, so
 * spreadsheets read the umlauts.
 */
export function catalogueCsv(catalogue: Catalogue): string {
  // A session nobody voted in gets no column of zeros.
  const dotVotes = catalogue.votes.filter((v) => v.kind === 'dots' && v.ballots > 0)
  const head = ['kind', 'board', 'phase', 'room', 'area', 'id', 'title', 'text', 'challenge', 'idea', 'audience', 'nextSteps', 'carriers', ...dotVotes.map((v) => `votes: ${v.title}`), 'votes', 'pledges', 'pledgedBy']
  const rows: string[][] = []
  for (const s of catalogue.sections) {
    const where = [s.title, s.phase?.title ?? '', s.room?.title ?? '']
    const counts = (votes: ReadonlyArray<{ sessionId: string; count: number }>): string[] => {
      const per = dotVotes.map((v) => String(votes.find((x) => x.sessionId === v.id)?.count ?? 0))
      return [...per, String(votes.reduce((a, b) => a + b.count, 0))]
    }
    for (const c of s.concepts) {
      rows.push(['concept', ...where, '', c.id, c.title, '', c.challenge, c.idea, c.audience, c.nextSteps, c.carriers, ...counts(c.votes), String(c.pledges.count), (c.pledges.names ?? []).join('; ')])
    }
    for (const g of s.noteGroups) {
      for (const n of g.notes) rows.push(['note', ...where, g.area ?? '', n.id, '', n.text, '', '', '', '', '', ...counts(n.votes), String(n.pledges.count), (n.pledges.names ?? []).join('; ')])
    }
  }
  return '\uFEFF' + [head, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
