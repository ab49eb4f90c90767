/**
 * The concept catalogue's text formats (issue #6): JSON, Markdown and CSV of a
 * fixture workshop built through the real server, compared with golden files
 * in tests/golden/ (ids and times replaced by names). Run with
 * UPDATE_GOLDEN=1 to write them anew, then read the diff before committing.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogueCsv, catalogueDate, catalogueDateTime, catalogueHtml, catalogueMarkdown } from '@werkraum/shared'
import { CatalogueSchema, catalogueJsonSchema, type Catalogue } from '@werkraum/shared/schemas'
import { buildFixtureWorkshop, type FixtureWorkshop } from './support/catalogueFixture.ts'
import { removeDir, repoRoot, startTestServer } from './support/server.ts'
import type { TestServer } from './support/server.ts'

/** A "<" that Markdown reads as markup: after no backslash, or after an even number of them (which escape each other). */
const UNESCAPED_LT = /(^|[^\\])(\\\\)*</m

const GOLDEN_DIR = path.join(repoRoot, 'tests/golden')
const update = process.env.UPDATE_GOLDEN === '1'

let server: TestServer
let fixture: FixtureWorkshop
beforeAll(async () => {
  server = await startTestServer()
  fixture = await buildFixtureWorkshop(server)
}, 30_000)
afterAll(async () => {
  for (const c of fixture?.clients ?? []) c.destroy()
  await server?.close()
  if (server) removeDir(server.dataDir)
})

async function download(query: string, token = fixture.created.facilitatorToken): Promise<{ status: number; type: string; disposition: string; text: string }> {
  const res = await fetch(`${server.url}/api/workshops/${fixture.created.id}/export${query}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', text: await res.text() }
}

/** Ids and times differ in every run: named placeholders instead, so the rest can be compared exactly. */
function normalise(text: string, catalogue: Catalogue): string {
  const names: Array<[string, string]> = [
    [fixture.created.id, 'WORKSHOP'],
    [fixture.boards.plenary, 'BOARD_PLENARY'],
    [fixture.boards.results, 'BOARD_RESULTS'],
    [fixture.boards.empty, 'BOARD_EMPTY'],
    ...fixture.boards.rooms.map((id, i): [string, string] => [id, `BOARD_ROOM_${i + 1}`]),
    ...fixture.sessionIds.map((id, i): [string, string] => [id, `VOTE_${i + 1}`]),
    ...catalogue.agenda.map((p, i): [string, string] => [p.id, `PHASE_${i + 1}`]),
  ]
  let out = text
  for (const [id, name] of names) out = out.split(id).join(name)
  out = out.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'TIME')
  out = out.split(catalogueDateTime(catalogue.workshop.exportedAt, catalogue.workshop.locale)).join('DATETIME')
  out = out.split(catalogueDate(catalogue.workshop.createdAt, catalogue.workshop.locale)).join('DATE')
  // How long a phase ran depends on the machine's speed.
  out = out.replace(/"actualMinutes": [\d.]+/g, '"actualMinutes": "RAN"')
  out = out.replace(/^(\| [^|\n]+ \| [^|\n]+ \| [\d,]+ \| )[\d,]+( \|)$/gm, '$1RAN$2')
  return out
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name)
  if (update || !existsSync(file)) {
    if (!update) throw new Error(`no golden file ${file}: run with UPDATE_GOLDEN=1 and check what it wrote`)
    mkdirSync(GOLDEN_DIR, { recursive: true })
    writeFileSync(file, actual)
    return
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('the concept catalogue as JSON, Markdown and CSV', () => {
  it('JSON follows the published schema and matches the golden file', async () => {
    const res = await download('?format=json')
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/json; charset=utf-8')
    expect(res.disposition).toContain("filename*=UTF-8''sprint-oelmuehle-catalogue.json")
    const catalogue = CatalogueSchema.parse(JSON.parse(res.text))
    // The published schema is the one the server builds against.
    expect(JSON.parse(readFileSync(path.join(repoRoot, 'docs/catalogue-schema.json'), 'utf8'))).toEqual(catalogueJsonSchema())
    golden('catalogue.json', normalise(res.text, catalogue))
  })

  it('Markdown and CSV match their golden files', async () => {
    const catalogue = CatalogueSchema.parse(JSON.parse((await download('?format=json')).text))
    const md = await download('?format=md')
    expect(md.type).toBe('text/markdown; charset=utf-8')
    golden('catalogue.md', normalise(md.text, catalogue))
    const csv = await download('?format=csv')
    expect(csv.type).toBe('text/csv; charset=utf-8')
    golden('catalogue.csv', normalise(csv.text, catalogue))
  })

  it('a note with <script> and HTML is text in every format; line breaks and umlauts are kept', async () => {
    const json = JSON.parse((await download('?format=json')).text) as Catalogue
    const bus = json.sections[0]!.noteGroups[0]!.notes.find((n) => n.id === 'shape:bus')!
    expect(bus.text).toBe('Bürgerbus <script>alert(1)</script>\nzweite Zeile')
    const md = (await download('?format=md')).text
    expect(md).toContain('Bürgerbus \\<script\\>alert(1)\\</script\\>\\\n  zweite Zeile')
    // Not one unescaped "<" anywhere: no Markdown renderer can make markup of what people wrote.
    expect(md).not.toMatch(UNESCAPED_LT)
    const csv = (await download('?format=csv')).text
    expect(csv).toContain('"Bürgerbus <script>alert(1)</script>\nzweite Zeile"')
    // A cell that starts like a formula is not one.
    expect(csv).toContain(`"'=HYPERLINK(""http://example.org"")"`)
    // The ZIP's Markdown links each board's picture under the board's title (facilitators write those).
    const hostile = { ...json, sections: json.sections.map((sec, i) => (i === 0 ? { ...sec, title: '[<img src=x onerror=alert(1)>[' } : sec)) }
    const withPictures = catalogueMarkdown(hostile, { pictures: true })
    expect(withPictures).toContain(`](boards/${fixture.boards.plenary}.svg)`)
    expect(withPictures).not.toMatch(UNESCAPED_LT)
    // The browser's HTML catalogue is built from the same JSON.
    const html = catalogueHtml(json, new Map([[fixture.boards.plenary, 'data:image/svg+xml;base64,PHN2Zy8+'], [fixture.boards.results, 'https://example.org/tracker.svg']]))
    expect(html).toContain('Bürgerbus &lt;script&gt;alert(1)&lt;/script&gt;\nzweite Zeile')
    expect(html).toContain('Mitfahrbank &amp; &lt;b&gt;Bank&lt;/b&gt;')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<b>')
    expect(html).toContain('<img src="data:image/svg+xml;base64,PHN2Zy8+"')
    // A picture from elsewhere would be a request from the file: left out.
    expect(html).not.toContain('example.org/tracker')
  })

  it('leaves out what nobody made: untouched cards, empty notes, an empty board gets a line, a vote without ballots says so', async () => {
    const json = CatalogueSchema.parse(JSON.parse((await download('?format=json')).text))
    const ids = json.sections.flatMap((s) => [...s.concepts.map((c) => c.id), ...s.noteGroups.flatMap((g) => g.notes.map((n) => n.id))])
    for (const id of ['shape:template-concept-card', 'shape:room-empty-note', 'shape:pinned-empty-note']) expect(ids).not.toContain(id)
    expect(json.ranking.filter((r) => r.title.trim() === '')).toEqual([])
    expect(json.ranking.map((r) => r.item)).not.toContain(`${fixture.boards.rooms[1]}/shape:template-concept-card`)
    const pinned = json.sections.find((s) => s.boardId === fixture.boards.empty)!
    expect(pinned).toMatchObject({ title: 'Pinnwand', empty: true, concepts: [], noteGroups: [] })
    // A room with one note and an untouched card has something on it.
    expect(json.sections.filter((s) => s.empty).map((s) => s.title)).toEqual(['Pinnwand'])
    const abandoned = json.votes.find((v) => v.title === 'Abgebrochene Runde')!
    expect(abandoned).toMatchObject({ ballots: 0, results: [] })
    expect(json.votes.find((v) => v.title === 'Was nehmen wir mit?')!.ballots).toBe(6)

    const md = (await download('?format=md')).text
    expect(md).toContain('\nPinnwand: nichts auf diesem Board\n')
    expect(md).not.toContain('## Pinnwand')
    expect(md).toContain('### Abgebrochene Runde (Punkte-Abstimmung, anonym)\n\nKeine Stimmen abgegeben.\n')
    expect(md).not.toContain('Konzept ohne Titel')
    // Pledges are counted as pledges, not as dots.
    expect(md).toContain('### Wer macht mit? („Da mache ich mit“, namentlich)\n\n| Konzept | Board | Würden mitmachen |')
    const csv = (await download('?format=csv')).text
    expect(csv).not.toContain('Abgebrochene Runde')
    expect(csv).not.toContain('template-concept-card')

    const html = catalogueHtml(json, new Map(json.sections.map((s) => [s.boardId, 'data:image/svg+xml;base64,PHN2Zy8+'])))
    expect(html).toContain(`<p class="board-empty" id="board-${fixture.boards.empty}">Pinnwand: nichts auf diesem Board</p>`)
    expect(html).not.toContain(`<section class="board" id="board-${fixture.boards.empty}"`)
    expect(html.match(/<img /g)).toHaveLength(json.sections.length - 1)
    expect(html).toContain('<h3>Abgebrochene Runde (Punkte-Abstimmung, anonym)</h3>\n<p>Keine Stimmen abgegeben.</p>')
    expect(catalogueCsv(json).split('\r\n')[0]).toBe(
      '\uFEFF"kind","board","phase","room","area","id","title","text","challenge","idea","audience","nextSteps","carriers","votes: Was nehmen wir mit?","votes: Geheime Runde","votes","pledges","pledgedBy"',
    )
  })

  it('numbers and dates in the catalogue\'s language, the same wherever it is made', async () => {
    const json = CatalogueSchema.parse(JSON.parse((await download('?format=json')).text))
    const ran = { ...json, agenda: json.agenda.map((p, i) => (i === 0 ? { ...p, plannedMinutes: 2.7, actualMinutes: 3.2 } : p)) }
    const de = catalogueMarkdown(ran)
    expect(de).toContain('| Begrüßung | Plenum | 2,7 | 3,2 |')
    expect(de).toMatch(/^Exportiert am \d{1,2}\. [A-Za-zä]+ \d{4} um \d\d:\d\d UTC$/m)
    expect(catalogueHtml(ran)).toContain('<td class="number">2,7</td><td class="number">3,2</td>')
    const en = catalogueMarkdown({ ...ran, workshop: { ...ran.workshop, locale: 'en' } })
    expect(en).toContain('| Begrüßung | Plenary | 2.7 | 3.2 |')
    expect(en).toMatch(/^Exported on \d{1,2} [A-Za-z]+ \d{4} at \d\d:\d\d UTC$/m)
    expect(en).toContain('\nPinnwand: nothing on this board\n')
    expect(en).toContain('No votes were cast.')
    expect(en).toContain('| Concept | Board | Would work on this |')
  })

  it('names only when asked for; anonymous votes never have any', async () => {
    const without = await download('?format=json')
    for (const name of ['Ada Lovelace', 'Ben Öztürk']) expect(without.text).not.toContain(name)
    const withNames = JSON.parse((await download('?format=json&names=1')).text) as Catalogue
    expect(withNames.sections.find((s) => s.room?.title === 'Mobilität')!.room!.members).toEqual(['Ada Lovelace'])
    const bench = withNames.sections[0]!.concepts.find((c) => c.id === 'shape:card-bench')!
    expect(bench.pledges).toEqual({ count: 2, names: ['Ada Lovelace', 'Ben Öztürk'] })
    const secret = withNames.votes.find((v) => v.anonymous)!
    expect(secret.results.every((r) => r.names === undefined)).toBe(true)
  })

  it('only facilitators and moderators may export, in a known format', async () => {
    const participant = fixture.people[0]!.token
    expect((await download('?format=json', participant)).status).toBe(403)
    const bad = await download('?format=pdf')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.text).error.code).toBe('unknown_format')
    const res = await fetch(`${server.url}/api/workshops/${fixture.created.id}/export`)
    expect(res.status).toBe(401)
  })

  it('the command line exports what the API exports', async () => {
    const api = await download('?format=md')
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/exportCli.ts', fixture.created.id, '--format', 'md'], {
      cwd: path.join(repoRoot, 'server'),
      env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' },
    })
    const strip = (md: string) => md.replace(/^(Exportiert am|Exported on) .*$/m, '')
    expect(strip(stdout)).toBe(strip(api.text))
    const wrong = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/exportCli.ts', 'nope'], {
      cwd: path.join(repoRoot, 'server'),
      env: { ...process.env, DATA_DIR: server.dataDir },
    }).catch((error: { code: number; stderr: string }) => error)
    expect(wrong).toMatchObject({ code: 1 })
    expect((wrong as { stderr: string }).stderr).toContain('no workshop nope')
  }, 30_000)
})
