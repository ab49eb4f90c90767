/**
 * Every screen of Werkraum at a laptop's width, a phone's (390 px) and the
 * narrowest WCAG asks for (320 px, i.e. 1280 px at 400 % zoom), checked by axe
 * for what BITV 2.0 asks (issue #14): the start and join pages, the name
 * prompts, a page that does not exist, a board outside a workshop, the
 * facilitator's console, the plenary with a timer and an open vote, the vote's
 * results, a breakout room with its task, the results gallery, and the
 * information pages (accessibility statement, privacy, Leichte Sprache, feedback). All violations of a run are collected, so one failure
 * lists every screen that has one.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreatedWorkshop } from '@werkraum/shared'
import { browserSkipReason } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { JoinForm, openVotePanel } from './workshopPages.ts'

const skip = browserSkipReason()

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 320, height: 568 },
] as const

describe.skipIf(skip !== undefined)('every screen at 1280, 390 and 320 px', () => {
  const session = useBrowserSession()
  const found: string[] = []

  /** axe on `page` as it is, at each width in turn (the layout follows the window, as at a zoom). */
  async function check(page: Page, screen: string, ready?: () => Promise<unknown>): Promise<void> {
    for (const size of WIDTHS) {
      await page.setViewportSize(size)
      await ready?.()
      // Two frames: media queries applied and React's layout effects run.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
      for (const violation of await axeViolations(page)) found.push(`${screen} @${size.width}: ${violation}`)
    }
  }

  const post = session.post

  it('has no accessibility violations on any screen, in German and English', async () => {
    const origin = session.server.url
    const created = await post<CreatedWorkshop>('/api/workshops', { title: 'Prüfung für alle', locale: 'de' })
    const command = (body: unknown): Promise<unknown> => post(`/api/workshops/${created.id}/commands`, body, created.facilitatorToken)
    const phaseIds = (): string[] => session.server.workshops.facilitation(created.id).phases.map((p) => p.id)
    await command({ type: 'addPhase', title: 'Gruppenarbeit', kind: 'breakout', plannedMinutes: 20 })
    const breakout = phaseIds().at(-1)!
    const rooms = [
      { title: 'Mobilität', challenge: 'Wie kommen Ältere ohne Auto zum Markt?' },
      { title: 'Einkauf', challenge: 'Wer bringt den Einkauf nach Hause?' },
    ]
    await command({ type: 'configureBreakout', phaseId: breakout, plan: { rooms, template: 'brainstorming', mode: 'random' } })

    // A participant, from the start page through the join form (German).
    const participant = await session.newPage('de-DE')
    participant.setDefaultTimeout(15_000)
    await participant.goto(origin)
    await check(participant, 'start')
    await participant.goto(`${origin}/j`)
    await check(participant, 'join')
    await participant.goto(`${origin}/j/${created.joinCode.replace('-', '')}`)
    await check(participant, 'join with code')
    await participant.goto(`${origin}/nicht-vorhanden`)
    await check(participant, 'not found')
    for (const info of ['/barrierefreiheit', '/datenschutz', '/leichte-sprache', '/feedback']) {
      await participant.goto(origin + info)
      await participant.getByRole('heading', { level: 1 }).waitFor()
      await check(participant, info)
    }
    await participant.goto(`${origin}/j/${created.joinCode.replace('-', '')}`)
    await new JoinForm(participant).join(created.joinCode, 'Erika')
    const board = new BoardPage(participant)
    await board.waitConnected()
    await check(participant, 'plenary', () => board.waitConnected())

    // The facilitator through the shared link (English): its name prompt, then the console.
    const facilitator = await session.newPage('en-US')
    facilitator.setDefaultTimeout(15_000)
    await facilitator.goto(created.links.facilitator.replace(/^https?:\/\/[^/]+/, origin))
    await facilitator.getByRole('textbox').first().waitFor()
    await check(facilitator, 'name prompt (facilitator link)')
    await facilitator.getByRole('textbox').first().fill('Mia')
    await facilitator.keyboard.press('Enter')
    await new BoardPage(facilitator).waitConnected()
    await facilitator.goto(`${origin}/w/${created.id}/console`)
    await facilitator.getByTestId('phase-start').first().waitFor()
    await check(facilitator, 'console')

    // A timer and an open vote on the plenary, then its results.
    const plenary = await boardIdOn(participant)
    await command({ type: 'startTimer', minutes: 5 })
    await command({ type: 'openVote', title: 'Was zuerst?', kind: 'dots', target: 'notes', boardIds: [plenary], votesPerPerson: 3, maxPerItem: 3, anonymous: false, hidden: false })
    await participant.getByTestId('vote-panel').waitFor()
    // On a phone the vote panel is one line until opened: checked opened, with its items.
    await check(participant, 'plenary with timer and open vote', () => openVotePanel(participant))
    const vote = session.server.workshops.votes.sessions(created.id).at(-1)!
    await command({ type: 'closeVote', sessionId: vote.id })
    await participant.getByTestId('vote-results-heading').waitFor({ state: 'attached' })
    await check(participant, 'closed vote', () => openVotePanel(participant))

    // The breakout: a room with its task; when it ends, the gallery.
    await command({ type: 'startPhase', phaseId: breakout })
    await participant.getByTestId('room-header').waitFor()
    await board.waitConnected()
    await check(participant, 'breakout room')
    await command({ type: 'endPhase' })
    await participant.waitForURL(/\/results\//)
    await participant.getByTestId('gallery-room').first().waitFor()
    await check(participant, 'results gallery')

    // A board outside a workshop, with its name prompt.
    const visitor = await session.newPage('en-US')
    await visitor.goto(`${origin}/b/fuer-alle`)
    await visitor.getByRole('textbox').first().waitFor()
    await check(visitor, 'name prompt (board)')
    const free = new BoardPage(visitor)
    await free.enterName('Ole')
    await free.waitConnected()
    await check(visitor, 'board outside a workshop')

    expect(found).toEqual([])
    expect(session.foreign.flat()).toEqual([])
  }, 360_000)
})

/** The id of the board the page shows. */
async function boardIdOn(page: Page): Promise<string> {
  return (await page.getByTestId('workshop-board').getAttribute('data-board-id'))!
}
