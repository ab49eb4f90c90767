/**
 * The concept catalogue as one self-contained HTML file (issue #6): readable
 * on screen, printable to PDF from any browser (a print stylesheet, a page
 * per section, nothing cut), with each board's picture inline as an SVG image.
 *
 * Everything people wrote goes through `htmlText`; the file's own Content
 * Security Policy allows no script and no request, so even a mistake here
 * could not make a sticky note run code or call home.
 */
import type { PhaseKind } from './agenda.ts'
import {
  catalogueDate,
  catalogueDateTime,
  catalogueLabels,
  catalogueNumber,
  copyNote,
  emptyBoardLine,
  itemPlaces,
  pictureAlt,
  resultColumn,
  sectionGroups,
  sectionName,
  voteTitle,
  type CatalogueLabels,
} from './catalogue.ts'
import type { Catalogue, CatalogueSection } from './catalogueSchema.ts'

/** Text as HTML text: the five characters that could start markup are escaped. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const STYLE = `
:root { color: #1c1f24; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; line-height: 1.5; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2.2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.6rem; margin: 2.5rem 0 .75rem; border-bottom: 3px solid #1d4e89; padding-bottom: .25rem; }
h3 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
h4 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.subtitle { color: #4a5260; margin: 0 0 1.5rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
/* On a phone a wide table scrolls inside its own box (reachable by keyboard), not the page; words stay whole. */
.table-scroll { overflow-x: auto; margin: .5rem 0 1.5rem; }
.table-scroll:focus-visible { outline: 3px solid #1d4e89; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #c5cad3; overflow-wrap: break-word; white-space: pre-wrap; }
td .text { overflow-wrap: break-word; }
th { background: #eef1f6; }
td.number, th.number { text-align: right; }
td.number { white-space: nowrap; }
@media (max-width: 30rem) {
  main { padding: 1.25rem .75rem 3rem; }
  th, td { padding: .3rem .35rem; }
}
.bar { display: inline-block; height: .8rem; background: #6941c6; border-radius: 2px; vertical-align: middle; margin-right: .4rem; }
figure { margin: 1rem 0 1.5rem; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #c5cad3; border-radius: 6px; }
figcaption { color: #4a5260; font-size: .9rem; margin-top: .25rem; }
.concept { border: 2px solid #1d4e89; border-top-width: 8px; border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
.concept h4 { margin-top: 0; }
.concept dl { margin: 0; }
.concept dt { font-weight: 700; font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: #4a5260; margin-top: .5rem; }
.concept dd { margin: 0; }
.meta { color: #4a5260; margin: .25rem 0; }
.board-empty { color: #4a5260; margin: 1rem 0; }
ul.notes { padding-left: 1.25rem; }
ul.notes li { margin: .25rem 0; }
@media print {
  :root { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  @page { margin: 18mm 16mm; }
  .board, .votes, h2.phase:not(.phase--empty) { break-before: page; }
  /* A phase's heading and its first room share a page. */
  h2.phase + .board { break-before: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .concept, figure, tr, li { break-inside: avoid; }
  figure img { max-height: 240mm; object-fit: contain; }
  .table-scroll { overflow: visible; }
}
`

/** A table in a box named `label` that scrolls sideways on its own where the screen is narrower than the table. */
function table(label: string, head: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: ReadonlySet<number> = new Set()): string {
  const cell = (tag: 'th' | 'td', html: string, i: number) => `<${tag}${numeric.has(i) ? ' class="number"' : ''}${tag === 'th' ? ' scope="col"' : ''}>${html}</${tag}>`
  return `<div class="table-scroll" role="region" aria-label="${htmlText(label)}" tabindex="0"><table><thead><tr>${head.map((h, i) => cell('th', htmlText(h), i)).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((html, i) => cell('td', html, i)).join('')}</tr>`)
    .join('')}</tbody></table></div>`
}

/** What the sections need besides themselves: the votes' titles, the labels and how numbers are written. */
interface Context {
  readonly titles: ReadonlyMap<string, string>
  readonly l: CatalogueLabels
  readonly num: (n: number) => string
  /** Where each card and note sits, for the note beside a copy. */
  readonly places: ReadonlyMap<string, string>
}

/** "(Kopie aus Mobilität)" beside a copy, nothing beside an original. */
function copyLine(copyOf: string | undefined, { places, l }: Context): string {
  return copyOf === undefined ? '' : `<p class="meta">(${htmlText(copyNote(copyOf, places, l))})</p>`
}

function votesLine(votes: ReadonlyArray<{ sessionId: string; count: number }>, { titles, l, num }: Context): string {
  if (votes.length === 0) return ''
  return `<p class="meta"><strong>${htmlText(l.votes)}:</strong> ${votes.map((v) => `${htmlText(titles.get(v.sessionId) ?? v.sessionId)}: ${num(v.count)}`).join(', ')}</p>`
}

function pledgesLine(pledges: { count: number; names?: readonly string[] | undefined }, { l, num }: Context): string {
  if (pledges.count === 0) return ''
  return `<p class="meta"><strong>${htmlText(l.pledges)}:</strong> ${pledges.names ? htmlText(pledges.names.join(', ')) : num(pledges.count)}</p>`
}

function sectionHtml(s: CatalogueSection, level: number, picture: string | undefined, context: Context): string {
  const { l } = context
  // Nothing made there: a line, not a section (and so no page of its own in print).
  if (s.empty) return `<p class="board-empty" id="board-${htmlText(s.boardId)}">${htmlText(emptyBoardLine(s, l))}</p>`
  const h = (n: number, html: string) => `<h${n}>${html}</h${n}>`
  const out: string[] = [`<section class="board" id="board-${htmlText(s.boardId)}">`, h(level, htmlText(sectionName(s, l)))]
  if (s.room && s.room.challenge !== '') out.push(`<p class="meta"><strong>${htmlText(l.challenge)}:</strong> <span class="text">${htmlText(s.room.challenge)}</span></p>`)
  if (s.room?.members && s.room.members.length > 0) out.push(`<p class="meta"><strong>${htmlText(l.members)}:</strong> ${htmlText(s.room.members.join(', '))}</p>`)
  out.push(votesLine(s.votes, context))
  // Only pictures inside the file: the file must make no request.
  if (picture !== undefined && picture.startsWith('data:image/')) {
    out.push(`<figure><img src="${htmlText(picture)}" alt="${htmlText(pictureAlt(s, l, context.num))}"><figcaption>${htmlText(`${l.picture}: ${s.title}`)}</figcaption></figure>`)
  }
  if (s.concepts.length > 0) {
    out.push(h(level + 1, htmlText(l.concepts)))
    for (const c of s.concepts) {
      const fields = (['challenge', 'idea', 'audience', 'nextSteps', 'carriers'] as const)
        .filter((f) => c[f] !== '')
        .map((f) => `<dt>${htmlText(l[f])}</dt><dd class="text">${htmlText(c[f])}</dd>`)
        .join('')
      out.push(
        `<article class="concept">${h(level + 2, htmlText(c.title || l.untitled))}${copyLine(c.copyOf, context)}${fields ? `<dl>${fields}</dl>` : ''}${votesLine(c.votes, context)}${pledgesLine(c.pledges, context)}</article>`,
      )
    }
  }
  if (s.noteGroups.length > 0) {
    out.push(h(level + 1, htmlText(l.notes)))
    for (const g of s.noteGroups) {
      out.push(h(Math.min(level + 2, 6), htmlText(g.area === null ? l.looseNotes : g.area || l.untitledArea)))
      out.push(
        `<ul class="notes">${g.notes
          .map((n) => `<li><p class="text">${htmlText(n.text)}</p>${copyLine(n.copyOf, context)}${votesLine(n.votes, context)}${pledgesLine(n.pledges, context)}</li>`)
          .join('')}</ul>`,
      )
    }
  }
  out.push('</section>')
  return out.filter((part) => part !== '').join('\n')
}

/**
 * The catalogue as one HTML document. `pictures` maps board ids to their
 * picture as a `data:image/…` URL (an SVG as an image cannot run scripts, and
 * its ids cannot clash with another picture's); boards without one get none.
 */
export function catalogueHtml(catalogue: Catalogue, pictures: ReadonlyMap<string, string> = new Map()): string {
  const { locale } = catalogue.workshop
  const l = catalogueLabels(locale)
  const num = (n: number): string => catalogueNumber(n, locale)
  const context: Context = { titles: new Map(catalogue.votes.map((v) => [v.id, v.title])), l, num, places: itemPlaces(catalogue) }
  const body: string[] = []
  body.push(`<header><h1>${htmlText(catalogue.workshop.title)}</h1><p class="subtitle">${htmlText(`${l.catalogue} · ${catalogueDate(catalogue.workshop.createdAt, locale)}`)}</p></header>`)
  if (catalogue.agenda.length > 0) {
    body.push(`<section class="agenda"><h2>${htmlText(l.agenda)}</h2>`)
    body.push(
      table(
        l.agenda,
        [l.phase, l.kind, l.planned, l.actual],
        catalogue.agenda.map((p) => [htmlText(p.title), htmlText(l.phaseKinds[p.kind as PhaseKind]), num(p.plannedMinutes), p.actualMinutes === null ? htmlText(l.notRun) : num(p.actualMinutes)]),
        new Set([2, 3]),
      ),
      '</section>',
    )
  }
  const most = Math.max(1, ...catalogue.ranking.map((r) => r.votes))
  body.push(`<section class="overview"><h2>${htmlText(l.overview)}</h2>`)
  body.push(
    table(
      l.overview,
      [l.rank, l.item, l.board, l.votes, l.pledges],
      catalogue.ranking.map((r) => [
        num(r.rank),
        `<span class="text">${htmlText(r.title || l.untitled)}</span>`,
        htmlText(r.board),
        `<span class="bar" style="width:${Math.round((r.votes / most) * 6 * 10) / 10}rem" aria-hidden="true"></span>${num(r.votes)}`,
        num(r.pledges),
      ]),
      new Set([0, 3, 4]),
    ),
    '</section>',
  )
  for (const group of sectionGroups(catalogue)) {
    // A phase whose rooms all stayed empty gets its lines where it is, not a page of its own.
    const cls = group.sections.every((s) => s.empty) ? 'phase phase--empty' : 'phase'
    if (group.phase) body.push(`<h2 class="${cls}">${htmlText(`${l.phase}: ${group.phase.title}`)}</h2>`)
    for (const s of group.sections) body.push(sectionHtml(s, group.phase ? 3 : 2, pictures.get(s.boardId), context))
  }
  body.push(`<section class="votes"><h2>${htmlText(l.voteResults)}</h2>`)
  if (catalogue.votes.length === 0) body.push(`<p>${htmlText(l.noVotes)}</p>`)
  for (const v of catalogue.votes) {
    const named = v.results.some((r) => r.names !== undefined)
    body.push(`<h3>${htmlText(voteTitle(v, l))}</h3>`)
    // A session nobody voted in says so, rather than showing an empty table.
    if (v.ballots === 0) {
      body.push(`<p>${htmlText(`${l.noBallots}.`)}</p>`)
      continue
    }
    body.push(
      table(
        voteTitle(v, l),
        [l.item, l.board, resultColumn(v, l), ...(named ? [l.members] : [])],
        v.results.map((r) => [`<span class="text">${htmlText(r.text || l.untitled)}</span>`, htmlText(r.board), num(r.count), ...(named ? [htmlText((r.names ?? []).join(', '))] : [])]),
        new Set([2]),
      ),
    )
  }
  body.push('</section>', `<p class="meta">${htmlText(`${l.exported} ${catalogueDateTime(catalogue.workshop.exportedAt, locale)}`)}</p>`)
  return [
    '<!doctype html>',
    `<html lang="${catalogue.workshop.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No script, no request: pictures and fonts are inside the file.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(`${catalogue.workshop.title} – ${l.catalogue}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
