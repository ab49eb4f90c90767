/**
 * What a screen reader is told during a whole phase (issue #14): phase start,
 * the move into a room (and a move to another), one minute left, the
 * facilitator's message, time up, phase ended, vote opened, vote closed.
 * Every line added to the page's live regions is recorded as it happens (a
 * MutationObserver installed before the page's own code): each message comes
 * once, only the facilitator's message is assertive, and no line is replaced
 * or taken away before it could be read.
 */
import { remainingMs, type CreatedWorkshop } from '@werkraum/shared'
import { describe, expect, it } from 'vitest'
import { browserSkipReason } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

/** One change seen in a live region. */
interface Heard {
  readonly kind: 'added' | 'removed' | 'changed'
  readonly region: string
  readonly text: string
  readonly at: number
}

declare global {
  interface Window {
    __announced?: Heard[]
  }
}

/** Runs in the page before anything else: records what enters and leaves the live regions. */
function recordLiveRegions(): void {
  const heard: Heard[] = []
  window.__announced = heard
  const regionOf = (node: Node | null): string | undefined => {
    const element = node instanceof Element ? node : node?.parentElement
    return element?.closest('[aria-live], [role="status"], [role="alert"]')?.getAttribute('data-testid') ?? undefined
  }
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      const region = regionOf(m.target)
      if (region === undefined) continue
      if (m.type === 'characterData') {
        heard.push({ kind: 'changed', region, text: m.target.textContent ?? '', at: performance.now() })
        continue
      }
      for (const node of Array.from(m.addedNodes)) if ((node.textContent ?? '') !== '') heard.push({ kind: 'added', region, text: node.textContent ?? '', at: performance.now() })
      for (const node of Array.from(m.removedNodes)) if ((node.textContent ?? '') !== '') heard.push({ kind: 'removed', region, text: node.textContent ?? '', at: performance.now() })
    }
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
}

describe.skipIf(skip !== undefined)('announcements through a whole phase', () => {
  const session = useBrowserSession()

  const post = session.post

  it('says each message once, politely (the broadcast as an alert), and never overwrites one', async () => {
    const created = await post<CreatedWorkshop>('/api/workshops', { title: 'Sprint Nahverkehr', locale: 'de' })
    const command = <T = unknown>(body: unknown): Promise<T> => post<T>(`/api/workshops/${created.id}/commands`, body, created.facilitatorToken)
    const facilitation = () => session.server.workshops.facilitation(created.id)
    // 63 seconds: "one minute left" comes three seconds after the start.
    await command({ type: 'addPhase', title: 'Gruppenarbeit', kind: 'breakout', plannedMinutes: 1.05 })
    const phaseId = facilitation().phases[0]!.id
    await command({
      type: 'configureBreakout',
      phaseId,
      plan: { rooms: [{ title: 'Mobilität', challenge: '' }, { title: 'Einkauf', challenge: '' }], template: 'blank', mode: 'random', after: 'stay' },
    })

    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    await page.addInitScript(recordLiveRegions)
    await page.goto(`${session.server.url}/j/${created.joinCode.replace('-', '')}`)
    await new JoinForm(page).join(created.joinCode, 'Erika')
    const board = new BoardPage(page)
    await board.waitConnected()
    const plenary = (await page.getByTestId('workshop-board').getAttribute('data-board-id'))!
    const heard = async (): Promise<Heard[]> => page.evaluate(() => window.__announced ?? [])
    const added = async (): Promise<string[]> => (await heard()).filter((h) => h.kind === 'added').map((h) => h.text)
    const waitFor = async (text: string): Promise<void> => {
      await expect.poll(async () => (await added()).some((line) => line.includes(text)), { timeout: 15_000, message: text }).toBe(true)
    }
    const roomTitle = page.getByTestId('room-title')
    const focused = (): Promise<string | null | undefined> =>
      page.evaluate(() => (document.activeElement?.getAttribute('data-testid') === 'room-title' ? document.activeElement.textContent : null))

    // The breakout starts: the phase, and the room one lands in; the keyboard is on the room's heading.
    await command({ type: 'startPhase', phaseId })
    await waitFor('„Gruppenarbeit“ hat begonnen.')
    const breakout = facilitation().breakouts.at(-1)!
    const [firstRoom, secondRoom] = breakout.rooms
    const inFirst = (breakout.assignment[firstRoom!.id] ?? []).length > 0
    const [here, there] = inFirst ? [firstRoom!, secondRoom!] : [secondRoom!, firstRoom!]
    await waitFor(`Sie sind jetzt im Raum „${here.title}“.`)
    await expect.poll(focused, { timeout: 10_000 }).toContain(here.title)
    expect(await axeViolations(page)).toEqual([])

    // One minute left, on its own.
    await waitFor('Noch 1 Minute.')

    // The facilitator moves Erika to the other room: said, and the keyboard follows.
    const erika = (breakout.assignment[here.id] ?? [])[0]!
    await command({ type: 'moveToRoom', participantId: erika, roomId: there.id })
    await waitFor(`Sie sind jetzt im Raum „${there.title}“.`)
    await expect.poll(focused, { timeout: 10_000 }).toContain(there.title)
    await roomTitle.waitFor()

    // A message to everyone interrupts (the only alert).
    await command({ type: 'broadcast', text: 'Bitte Ergebnisse festhalten' })
    await waitFor('Nachricht der Moderation: Bitte Ergebnisse festhalten')

    // The facilitator shortens the time to a few seconds, which then run out: time is up, and the
    // server ends the phase a moment later (the two were once heard as the second only).
    const left = remainingMs(facilitation().timer, Date.now())!
    await command({ type: 'adjustTimer', deltaMinutes: -(left - 4_000) / 60_000 })
    await waitFor('Die Zeit ist um.')
    await waitFor('„Gruppenarbeit“ ist beendet.')

    // A vote on the plenary opens and closes.
    const vote = await command<{ sessionId: string }>({
      type: 'openVote',
      title: 'Was zuerst?',
      kind: 'dots',
      target: 'notes',
      boardIds: [plenary],
      votesPerPerson: 3,
      maxPerItem: 3,
      anonymous: false,
      hidden: false,
    })
    await waitFor('Abstimmung gestartet: „Was zuerst?“')
    await command({ type: 'closeVote', sessionId: vote.sessionId })
    await waitFor('Abstimmung beendet: „Was zuerst?“')

    const log = await heard()
    const lines = log.filter((h) => h.kind === 'added')
    const expected: Array<[string, string]> = [
      ['announcements', '„Gruppenarbeit“ hat begonnen.'],
      ['announcements', `Sie sind jetzt im Raum „${here.title}“.`],
      ['announcements', 'Noch 1 Minute.'],
      ['announcements', `Sie sind jetzt im Raum „${there.title}“.`],
      ['announcements-alert', 'Nachricht der Moderation: Bitte Ergebnisse festhalten'],
      ['announcements', 'Die Zeit ist um.'],
      ['announcements', '„Gruppenarbeit“ ist beendet.'],
      ['announcements', 'Abstimmung gestartet: „Was zuerst?“'],
      ['announcements', 'Abstimmung beendet: „Was zuerst?“'],
    ]
    for (const [region, text] of expected) {
      // Once, and in its region: polite, or the alert for the facilitator's message only.
      expect(lines.filter((h) => h.text.includes(text)).map((h) => h.region), text).toEqual([region])
    }
    // In the order they happened.
    const order = expected.map(([, text]) => lines.findIndex((h) => h.text.includes(text)))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    // Nothing else was said in these regions, and no line's text was changed in place.
    expect(lines.filter((h) => !expected.some(([, text]) => h.text.includes(text))).map((h) => h.text)).toEqual([])
    expect(log.filter((h) => h.kind === 'changed')).toEqual([])
    // No line was taken away before it could be read (each stays for seconds, whatever came after it).
    for (const gone of log.filter((h) => h.kind === 'removed')) {
      const line = lines.find((h) => h.text === gone.text)
      expect(line, gone.text).toBeDefined()
      expect(gone.at - line!.at, gone.text).toBeGreaterThanOrEqual(10_000)
    }
  }, 180_000)
})
