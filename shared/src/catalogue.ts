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
  voteResults: 'Abstimmungen',
  anonymous: 'anonym',
  named: 'namentlich',
  dots: 'Punkte-Abstimmung',
  pledge: '„Da mache ich mit“',
  picture: 'Bild des Boards',
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
  pledges: 'Would work on it',
  room: 'Room',
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
  voteResults: 'Votes',
  anonymous: 'anonymous',
  named: 'named',
  dots: 'Dot vote',
  pledge: '"I\'d work on this"',
  picture: 'Picture of the board',
  byVote: 'votes',
  noVotes: 'No closed vote.',
  kinds: { concept: 'Concept card', note: 'Note', board: 'Board' },
  phaseKinds: { plenary: 'Plenary', input: 'Input talk', breakout: 'Breakout work', vote: 'Vote', pitches: 'Pitches', break: 'Break' },
}

export function catalogueLabels(locale: Locale): CatalogueLabels {
  return locale === 'de' ? DE : EN
}

/** A date in the workshop's language, without a time: the catalogue's cover. */
export function catalogueDate(isoTime: string, locale: Locale): string {
  return new Date(isoTime).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
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
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
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
  const l = catalogueLabels(catalogue.workshop.locale)
  const voteTitles = new Map(catalogue.votes.map((v) => [v.id, v.title]))
  const out: string[] = []
  out.push(`# ${markdownCell(catalogue.workshop.title)}`, '', `${l.catalogue} · ${catalogueDate(catalogue.workshop.createdAt, catalogue.workshop.locale)}`, '')

  if (catalogue.agenda.length > 0) {
    out.push(`## ${l.agenda}`, '')
    out.push(
      ...markdownTable(
        [l.phase, l.kind, l.planned, l.actual],
        catalogue.agenda.map((p) => [p.title, l.phaseKinds[p.kind as PhaseKind], String(p.plannedMinutes), p.actualMinutes === null ? l.notRun : String(p.actualMinutes)]),
      ),
      '',
    )
  }

  out.push(`## ${l.overview}`, '')
  out.push(...markdownTable([l.rank, l.item, l.board, l.votes, l.pledges], catalogue.ranking.map((r) => [String(r.rank), r.title || l.untitled, r.board, String(r.votes), String(r.pledges)])), '')

  const votesLine = (votes: ReadonlyArray<{ sessionId: string; count: number }>): string =>
    votes.map((v) => `${markdownText(voteTitles.get(v.sessionId) ?? v.sessionId)}: ${v.count}`).join(', ')

  for (const group of sectionGroups(catalogue)) {
    const level = group.phase ? '###' : '##'
    if (group.phase) out.push(`## ${l.phase}: ${markdownCell(group.phase.title)}`, '')
    for (const s of group.sections) {
      out.push(`${level} ${markdownCell(s.room ? `${l.room}: ${s.room.title}` : s.title)}`, '')
      if (s.room && s.room.challenge !== '') out.push(`**${l.challenge}:** ${markdownText(s.room.challenge)}`, '')
      if (s.room?.members && s.room.members.length > 0) out.push(`**${l.members}:** ${s.room.members.map(markdownCell).join(', ')}`, '')
      if (s.votes.length > 0) out.push(`**${l.votes}:** ${votesLine(s.votes)}`, '')
      // Brackets out before escaping: removed afterwards, they would leave a backslash that escapes the next character.
      if (options.pictures) out.push(`![${l.picture}: ${markdownCell(s.title.replace(/[[\]]/g, ''))}](boards/${encodeURIComponent(s.boardId)}.svg)`, '')
      if (s.concepts.length > 0) {
        out.push(`${level}# ${l.concepts}`, '')
        for (const c of s.concepts) {
          out.push(`${level}## ${markdownCell(c.title || l.untitled)}`, '')
          for (const field of ['challenge', 'idea', 'audience', 'nextSteps', 'carriers'] as const) {
            if (c[field] !== '') out.push(`**${l[field]}:**\\`, markdownText(c[field]), '')
          }
          if (c.votes.length > 0) out.push(`**${l.votes}:** ${votesLine(c.votes)}`, '')
          if (c.pledges.count > 0) out.push(`**${l.pledges}:** ${c.pledges.names ? c.pledges.names.map(markdownCell).join(', ') : String(c.pledges.count)}`, '')
        }
      }
      if (s.noteGroups.length > 0) {
        out.push(`${level}# ${l.notes}`, '')
        for (const g of s.noteGroups) {
          out.push(`**${markdownCell(g.area === null ? l.looseNotes : g.area || l.untitledArea)}**`, '')
          for (const n of g.notes) {
            const extra = [n.votes.length > 0 ? `${l.votes}: ${votesLine(n.votes)}` : '', n.pledges.count > 0 ? `${l.pledges}: ${n.pledges.names ? n.pledges.names.map(markdownCell).join(', ') : n.pledges.count}` : '']
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
    const named = v.results.some((r) => r.names !== undefined)
    out.push(
      ...markdownTable(
        [l.item, l.board, l.byVote, ...(named ? [l.members] : [])],
        v.results.map((r) => [r.text || l.untitled, r.board, String(r.count), ...(named ? [(r.names ?? []).join(', ')] : [])]),
      ),
      '',
    )
  }
  out.push(`${l.exported} ${catalogue.workshop.exportedAt}`, '')
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
 * closed dot vote and the pledges. UTF-8 with a byte-order mark, so
 * spreadsheets read the umlauts.
 */
export function catalogueCsv(catalogue: Catalogue): string {
  const dotVotes = catalogue.votes.filter((v) => v.kind === 'dots')
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
