/**
 * The whole sprint as planned in advance, in real browsers (issue #13): the
 * facilitator builds the agenda in the console through the dialogs (an input
 * talk, a breakout in two rooms, a dot vote on "the results of" the breakout,
 * a second breakout with one room per top-2 concept of that vote, and a last
 * quick vote nobody casts a dot in), then only starts phases or lets their
 * timers end them. Three people take part, one of them on a phone.
 *
 * At the breakout's end everyone sees the gallery; the vote opens on the room
 * boards by itself; people on the plenary vote from the panel and a dot on
 * the canvas counts in the anonymous vote; the second breakout's rooms are
 * named after the top-2 cards and their boards hold them; the catalogue ranks
 * only cards with content, gives the empty plenary a line and the vote without
 * ballots no column.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { parseFacilitation, workshopControlDocName, type Facilitation } from '@werkraum/shared'
import { CatalogueSchema } from '@werkraum/shared/schemas'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { connectClient, waitSynced, type TestClient } from '../support/clients.ts'
import { AgendaConsole } from './agendaPages.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm, ResultsGalleryPage, isReadonly, openMenu, openVotePanel, writeConceptTitle } from './workshopPages.ts'

const skip = browserSkipReason()

const ROOMS = [
  { title: 'Dörfer', challenge: 'Wie kommen Menschen ohne Auto zum Arzt?' },
  { title: 'Innenstadt', challenge: 'Wie wird der Marktplatz autofrei?' },
]

interface Person {
  readonly name: string
  /** The concept card this person writes in the first breakout. */
  readonly concept: string
  readonly page: Page
}

/** What a link from the console carries: the workshop and the token in its fragment. */
function linkParts(link: string): { workshopId: string; token: string } {
  const url = new URL(link)
  return { workshopId: url.pathname.split('/').pop()!, token: new URLSearchParams(url.hash.slice(1)).get('t')! }
}

async function boardIdOf(page: Page): Promise<string | null> {
  return page.getByTestId('workshop-board').getAttribute('data-board-id')
}

/** The concept cards on the board a page shows, by title (untouched ones have an empty title). */
function conceptTitles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.__werkraum?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'concept-card').map((s) => String((s.props as { title?: unknown }).title ?? '')),
  )
}

/** Opens the plenary from the sidebar, as a person would. */
async function toPlenary(page: Page): Promise<void> {
  await openMenu(page)
  await page.getByTestId('board-link').filter({ hasText: 'Plenum' }).click()
  await page.getByTestId('workshop-board').waitFor()
  await new BoardPage(page).waitConnected()
}

describe.skipIf(skip !== undefined)('a sprint as planned in advance', () => {
  const session = useBrowserSession()
  let reader: TestClient | undefined

  it('runs from the input talk to the catalogue with the facilitator only starting phases', async () => {
    const facilitatorPage = await session.newPage('de-DE')
    facilitatorPage.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(facilitatorPage)
    await facilitator.create(session.server.url, 'Sprint Mobilität', 'Mia')
    const code = await facilitator.joinCode()
    const agenda = new AgendaConsole(facilitatorPage)

    // The control document as an observer reads it: for what the screens do not say (which board a vote runs on).
    const observer = linkParts(await facilitator.observerLink())
    reader = connectClient(session.server.wsUrl, workshopControlDocName(observer.workshopId), { params: { token: observer.token } })
    await waitSynced(reader)
    const control = (): Facilitation => parseFacilitation(reader!.doc.getMap('facilitation').toJSON())
    const phaseId = (title: string): string => control().phases.find((p) => p.title === title)!.id

    try {
      // ---------------------------------------------------------------- The agenda, planned in advance.
      // The input talk takes a few seconds here: its timer ends it.
      await agenda.addPhase('Impuls', 'input', 0.1)
      await agenda.addPhase('Arbeitsphase', 'breakout', 20)
      await agenda.addPhase('Abstimmung', 'vote', 10)
      await agenda.addPhase('Maßnahmen schärfen', 'breakout', 20)
      // A last quick vote nobody gets to: it ends by its timer without a dot.
      await agenda.addPhase('Blitzlicht', 'vote', 0.1)

      // Two rooms, each with its task, on the concept template, people assigned at random (the dialog's defaults).
      const rooms = await agenda.planRooms('Arbeitsphase')
      await rooms.freshRooms(2)
      for (const [i, room] of ROOMS.entries()) {
        await rooms.dialog.getByLabel(`Name von Raum ${i + 1}`, { exact: true }).fill(room.title)
        await rooms.dialog.getByLabel(`Aufgabe für Raum ${i + 1}`).fill(room.challenge)
      }
      expect(await rooms.dialog.getByTestId('plan-mode').inputValue()).toBe('random')
      await rooms.save()

      // The vote on the results of the breakout, which does not exist yet: the dialog offers it, and takes it by default.
      const vote = await agenda.planVote('Abstimmung')
      expect(await vote.getByLabel('Ergebnisse von „Arbeitsphase“').isChecked()).toBe(true)
      await vote.getByTestId('vote-title').fill('Welche Konzepte arbeiten wir aus?')
      expect(await vote.getByTestId('vote-anonymous').isChecked()).toBe(true)
      await vote.getByTestId('vote-open').click()
      await vote.waitFor({ state: 'detached' })

      const sharpen = await agenda.planRooms('Maßnahmen schärfen')
      await sharpen.topVoted('Abstimmung', 2, 'Maßnahmen schärfen')
      await sharpen.save()

      // The last vote, on what the second breakout made (the dialog's default: the latest breakout before it).
      const quick = await agenda.planVote('Blitzlicht')
      expect(await quick.getByLabel('Ergebnisse von „Maßnahmen schärfen“').isChecked()).toBe(true)
      await quick.getByTestId('vote-title').fill('Was fehlt noch?')
      await quick.getByTestId('vote-open').click()
      await quick.waitFor({ state: 'detached' })

      await expect.poll(() => agenda.basis('Abstimmung')).toBe('Abstimmung über: Ergebnisse von Arbeitsphase')
      await expect.poll(() => agenda.basis('Maßnahmen schärfen')).toBe('Top 2 aus: Abstimmung')
      await facilitatorPage.getByTestId('phase-admin').first().scrollIntoViewIfNeeded()
      await screenshot(facilitatorPage, 'sprint-agenda')

      // ---------------------------------------------------------------- Three people join, Ben on a phone.
      const people: Person[] = []
      for (const [name, concept, viewport, touch] of [
        ['Ada', 'Rufbus für Dörfer', { width: 1280, height: 800 }, false],
        ['Ben', 'Mitfahrbank am Markt', { width: 390, height: 844 }, true],
        ['Cem', 'Lieferdienst vom Hofladen', { width: 1280, height: 800 }, false],
      ] as const) {
        const page = await session.newPage('de-DE', viewport, { touch })
        page.setDefaultTimeout(15_000)
        await page.goto(`${session.server.url}/j/${code.replace('-', '')}`)
        await new JoinForm(page).join(code, name)
        await new BoardPage(page).waitConnected()
        people.push({ name, concept, page })
      }
      const [ada, ben, cem] = people as [Person, Person, Person]
      await expect.poll(() => facilitatorPage.locator('[data-testid="person"][data-present="true"]').count()).toBe(3)

      // ---------------------------------------------------------------- The input talk: everyone watches until its timer ends it.
      await agenda.phase('Impuls').getByTestId('phase-start').click()
      await expect.poll(() => isReadonly(ada.page)).toBe(true)
      await expect.poll(() => agenda.phase('Impuls').getAttribute('data-status'), { timeout: 30_000 }).toBe('done')
      await expect.poll(() => isReadonly(ada.page)).toBe(false)

      // ---------------------------------------------------------------- The breakout: each writes a concept card in their room.
      await agenda.phase('Arbeitsphase').getByTestId('phase-start').click()
      const roomOf = new Map<string, string>()
      for (const person of people) {
        await person.page.getByTestId('room-header').waitFor()
        await new BoardPage(person.page).waitConnected()
        await expect.poll(() => isReadonly(person.page)).toBe(false)
        roomOf.set(person.name, (await boardIdOf(person.page))!)
        await writeConceptTitle(person.page, person.concept)
      }
      expect(new Set(roomOf.values()).size).toBe(2)
      // The concept template put an untouched card on each room board: it must not end up in the ranking.
      expect(await conceptTitles(ada.page)).toContain('')
      await screenshot(ben.page, 'sprint-room-phone')

      // ---------------------------------------------------------------- The vote phase starts: the breakout ends, everyone sees the gallery.
      await agenda.phase('Abstimmung').getByTestId('phase-start').click()
      const galleries = people.map((p) => new ResultsGalleryPage(p.page))
      for (const gallery of galleries) {
        await gallery.waitOpen()
        await expect.poll(() => gallery.page.getByTestId('gallery-room').count()).toBe(2)
        await expect.poll(async () => (await gallery.rooms()).flatMap((r) => r.concepts).sort()).toEqual(people.map((p) => p.concept).sort())
        // The vote that opened as the breakout ended is there too: what it is about, and where it runs.
        await expect.poll(() => gallery.page.getByTestId('vote-panel').getByTestId('vote-runs-on').innerText()).toContain('Die Abstimmung läuft auf')
        await expect.poll(() => gallery.page.getByTestId('vote-panel').getByTestId('vote-item').count()).toBe(people.length)
      }
      await expect.poll(() => ada.page.locator('[data-testid="room-thumbnail"][data-loaded="true"]').count()).toBe(2)
      expect(await axeViolations(ada.page)).toEqual([])
      expect(await axeViolations(ben.page)).toEqual([])
      expect(await ben.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      await screenshot(ada.page, 'sprint-gallery-laptop')
      await screenshot(ben.page, 'sprint-gallery-phone')

      // The vote opened by itself, on the two room boards.
      const firstBreakout = control().breakouts.find((b) => b.phaseId === phaseId('Arbeitsphase'))!
      expect(firstBreakout.status).toBe('ended')
      const roomBoards = firstBreakout.rooms.map((r) => r.boardId)
      await facilitatorPage.locator('[data-testid="vote-session"][data-status="open"]').waitFor()
      expect([...roomBoards].sort()).toEqual([...new Set(roomOf.values())].sort())

      // ---------------------------------------------------------------- Voting: Ada and Ben from the plenary's panel, Cem on the canvas of his room.
      for (const person of [ada, ben]) {
        await toPlenary(person.page)
        const panel = person.page.getByTestId('vote-panel')
        await panel.waitFor()
        await openVotePanel(person.page)
        await expect.poll(() => panel.getByTestId('vote-runs-on').innerText()).toContain('Die Abstimmung läuft auf')
        // Every content card of both rooms, grouped by room board; the untouched template cards are not offered.
        await expect.poll(() => panel.getByTestId('vote-group').locator('h3').allInnerTexts()).toEqual(ROOMS.map((r) => `Arbeitsphase: ${r.title}`))
        await expect.poll(async () => (await panel.getByTestId('vote-item').locator('.vote-text').allInnerTexts()).sort()).toEqual(people.map((p) => p.concept).sort())
        expect(await person.page.getByTestId('votes-remaining').innerText()).toContain('3 Punkte')
      }
      expect(await axeViolations(ada.page)).toEqual([])
      expect(await axeViolations(ben.page)).toEqual([])
      await screenshot(ada.page, 'sprint-vote-plenary-laptop')
      await screenshot(ben.page, 'sprint-vote-plenary-phone')

      // Ada and Ben each give a dot to Ada's and Ben's concepts.
      for (const person of [ada, ben]) {
        for (const [n, concept] of [ada.concept, ben.concept].entries()) {
          await person.page.getByTestId('vote-item').filter({ hasText: concept }).getByTestId('vote-add').click()
          await expect.poll(() => person.page.getByTestId('votes-remaining').innerText()).toContain(n === 0 ? '2 Punkte' : '1 Punkt')
        }
      }
      await screenshot(ben.page, 'sprint-vote-phone-voted')

      // Cem goes back to his room's board from the gallery and clicks "+1" on his card there.
      await cem.page.locator(`[data-testid="gallery-room"][data-board-id="${roomOf.get('Cem')}"]`).getByTestId('gallery-open-board').click()
      await new BoardPage(cem.page).waitConnected()
      expect(await boardIdOf(cem.page)).toBe(roomOf.get('Cem'))
      const card = cem.page.getByTestId('concept-card').filter({ hasText: cem.concept })
      await expect.poll(() => cem.page.getByTestId('vote-plus').count()).toBe([...roomOf.values()].filter((b) => b === roomOf.get('Cem')).length)
      const plus = await plusOn(cem.page, card)
      await screenshot(cem.page, 'sprint-vote-canvas')
      await plus.click()
      await expect.poll(() => cem.page.getByTestId('votes-remaining').innerText()).toContain('2 Punkte')

      // ---------------------------------------------------------------- The second breakout: one room per top-2 concept.
      // Started while the vote phase runs: that ends the vote, whose top 2 the rooms are made of.
      await agenda.phase('Maßnahmen schärfen').getByTestId('phase-start').click()
      await expect.poll(() => agenda.phase('Maßnahmen schärfen').getAttribute('data-status')).toBe('running')
      expect(await agenda.phase('Abstimmung').getAttribute('data-status')).toBe('done')
      const second = control().breakouts.find((b) => b.phaseId === phaseId('Maßnahmen schärfen'))!
      expect(second.rooms.map((r) => r.title).sort()).toEqual([ada.concept, ben.concept].sort())
      expect(second.rooms.every((r) => r.challenge === 'Maßnahmen schärfen')).toBe(true)

      // People choose their room; the room's board holds the card it is named after.
      for (const person of [ada, ben]) {
        const chooser = person.page.getByTestId('room-chooser')
        await chooser.waitFor()
        await chooser.getByRole('button', { name: `Raum „${person.concept}“ beitreten` }).click()
        await person.page.getByTestId('room-header').filter({ hasText: person.concept }).waitFor()
        await new BoardPage(person.page).waitConnected()
        expect(await boardIdOf(person.page)).toBe(second.rooms.find((r) => r.title === person.concept)!.boardId)
        await expect.poll(() => conceptTitles(person.page)).toEqual([person.concept])
        await expect.poll(() => isReadonly(person.page)).toBe(false)
      }
      await screenshot(ben.page, 'sprint-second-room-phone')
      await screenshot(ada.page, 'sprint-second-room-laptop')

      // ---------------------------------------------------------------- The last vote: started, nobody votes, its timer ends it.
      await agenda.phase('Blitzlicht').getByTestId('phase-start').click()
      await expect.poll(() => agenda.phase('Blitzlicht').getAttribute('data-status'), { timeout: 30_000 }).toBe('done')
      // Those who chose a room land on its gallery (Cem chose none and stays where he is).
      for (const person of [ada, ben]) await new ResultsGalleryPage(person.page).waitOpen()
      await screenshot(ben.page, 'sprint-second-gallery-phone')

      // ---------------------------------------------------------------- The catalogue holds what people made.
      const { workshopId, token } = linkParts(await facilitator.facilitatorLink())
      const exported = async (format: 'json' | 'md' | 'csv'): Promise<string> => {
        const res = await fetch(`${session.server.url}/api/workshops/${workshopId}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } })
        expect(res.status).toBe(200)
        return res.text()
      }
      const catalogue = CatalogueSchema.parse(JSON.parse(await exported('json')))
      // Only cards with content are ranked, each concept once: the three written ones (their copies in the
      // second breakout count with them).
      const ranked = catalogue.ranking.filter((r) => r.kind === 'concept')
      expect(ranked.every((r) => r.title !== '')).toBe(true)
      expect(ranked.map((r) => r.title).sort()).toEqual(people.map((p) => p.concept).sort())
      const votesOf = (title: string): number[] => ranked.filter((r) => r.title === title).map((r) => r.votes)
      // Cem's single dot was the one from the canvas.
      expect(votesOf(cem.concept)).toEqual([1])
      expect(votesOf(ada.concept)).toEqual([2])
      expect(votesOf(ben.concept)).toEqual([2])
      expect(ranked.filter((r) => (r.copies ?? []).length === 1).map((r) => r.title).sort()).toEqual([ada.concept, ben.concept].sort())
      // The plenary, where nobody wrote anything, is a line, not a section (and no page in print).
      const plenary = catalogue.sections.find((s) => s.title === 'Plenum')!
      expect(plenary.empty).toBe(true)
      for (const section of catalogue.sections.filter((s) => !s.empty)) expect(section.concepts.length + section.noteGroups.length).toBeGreaterThan(0)
      expect(catalogue.sections.filter((s) => s.room !== null).every((s) => !s.empty && s.concepts.every((c) => c.title !== ''))).toBe(true)
      // Both votes closed; the one without ballots says so and has no results.
      expect(catalogue.votes.map((v) => [v.title, v.ballots])).toEqual([
        ['Welche Konzepte arbeiten wir aus?', 5],
        ['Was fehlt noch?', 0],
      ])
      expect(catalogue.votes[1]!.results).toEqual([])
      const markdown = await exported('md')
      expect(markdown).toContain('Plenum: nichts auf diesem Board')
      expect(markdown).not.toMatch(/^## Plenum/m)
      expect(markdown).not.toContain('Konzept ohne Titel')
      expect(markdown).toContain('Keine Stimmen abgegeben.')
      // The spreadsheet gets a column for the vote with dots, none of zeros for the other.
      const head = (await exported('csv')).split('\r\n')[0]!
      expect(head).toContain('votes: Welche Konzepte arbeiten wir aus?')
      expect(head).not.toContain('Was fehlt noch?')
      expect(session.foreign.flat()).toEqual([])
    } finally {
      reader?.destroy()
    }
    // Four people through five phases on a loaded machine: a generous bound, each step fails on its own after 15 s.
  }, 300_000)
})

/** The "+1" over a card on the canvas (tldraw draws it in its own layer, inside the card's outline). */
async function plusOn(page: Page, card: ReturnType<Page['getByTestId']>): Promise<ReturnType<Page['getByTestId']>> {
  const inside = async (): Promise<number> => {
    const box = await card.boundingBox()
    if (!box) return -1
    const centres = await page.getByTestId('vote-plus').evaluateAll((nodes) =>
      nodes.map((n) => {
        const r = n.getBoundingClientRect()
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 }
      }),
    )
    return centres.findIndex((c) => c.x >= box.x && c.x <= box.x + box.width && c.y >= box.y && c.y <= box.y + box.height && c.y <= page.viewportSize()!.height)
  }
  let index = await inside()
  if (index < 0) {
    // Out of view: the person scrolls to it (tldraw's "zoom to fit").
    await page.evaluate(() => {
      ;(window.__werkraum?.editor as unknown as { zoomToFit(): void }).zoomToFit()
    })
    await expect.poll(inside).toBeGreaterThanOrEqual(0)
    index = await inside()
  }
  return page.getByTestId('vote-plus').nth(index)
}
