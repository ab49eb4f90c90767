/**
 * Planning a sprint in advance in a real browser (issue 13): the facilitator
 * builds the agenda in the console (an input talk, a first work phase, a vote,
 * a second work phase with one room per top-2 concept of the vote, a third
 * that continues on the first one's boards) through the dialogs. The plans
 * reach the control document with the right sources, the agenda says what
 * each phase builds on, and options that need an earlier phase are offered
 * only when there is one.
 */
import { describe, expect, it } from 'vitest'
import { parseFacilitation, workshopControlDocName, type Facilitation } from '@werkraum/shared'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { connectClient, waitSynced, type TestClient } from '../support/clients.ts'
import { waitFor } from '../support/wait.ts'
import { AgendaConsole } from './agendaPages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole } from './workshopPages.ts'

const skip = browserSkipReason()

describe.skipIf(skip !== undefined)('planning phases on earlier ones in real browsers', () => {
  const session = useBrowserSession()
  let reader: TestClient | undefined

  /** Reads the workshop's control document as an observer would (the observer link's token). */
  async function controlOf(observerLink: string): Promise<() => Facilitation> {
    const link = new URL(observerLink)
    const workshopId = link.pathname.split('/').pop()!
    const token = new URLSearchParams(link.hash.slice(1)).get('t')!
    reader = connectClient(session.server.wsUrl, workshopControlDocName(workshopId), { params: { token } })
    await waitSynced(reader)
    return () => parseFacilitation(reader!.doc.getMap('facilitation').toJSON())
  }

  it('builds the sprint agenda through the dialogs, each phase on the right earlier one', async () => {
    const page = await session.newPage('de-DE')
    // A step that cannot happen fails with its own name, well within the test's time.
    page.setDefaultTimeout(10_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Sprint Mobilität', 'Mia')
    const control = await controlOf(await facilitator.observerLink())
    const agenda = new AgendaConsole(page)
    const phaseNamed = (title: string) => control().phases.find((p) => p.title === title)

    try {
      await agenda.addPhase('Impuls', 'input', 10)
      await agenda.addPhase('Arbeitsphase 1', 'breakout', 20)
      await agenda.addPhase('Abstimmung', 'vote', 5)
      await agenda.addPhase('Arbeitsphase 2', 'breakout', 20)
      await agenda.addPhase('Arbeitsphase 3', 'breakout', 15)
      await waitFor(() => control().phases.length === 5, 'the agenda reached the control document')

      // The input talk is watched: checked in its dialog, and still so after only its title changed.
      expect(phaseNamed('Impuls')?.watchOnly).toBe(true)
      const edit = await agenda.edit('Impuls')
      expect(await edit.getByTestId('phase-watch-only').isChecked()).toBe(true)
      await edit.getByLabel('Titel').fill('Impuls: Mobilität im Quartier')
      await edit.getByTestId('phase-dialog-save').click()
      await agenda.phase('Impuls: Mobilität im Quartier').waitFor({ timeout: 10_000 })
      expect(phaseNamed('Impuls: Mobilität im Quartier')?.watchOnly).toBe(true)

      // The first work phase has nothing before it to build on: those options are off, and say why.
      const first = await agenda.planRooms('Arbeitsphase 1')
      expect(await first.source('fresh').isChecked()).toBe(true)
      expect(await first.source('continue').isDisabled()).toBe(true)
      expect(await first.source('topVoted').isDisabled()).toBe(true)
      expect(await first.dialog.innerText()).toContain('Vor dieser Phase steht keine Gruppenarbeit')
      expect(await first.dialog.innerText()).toContain('Vor dieser Phase steht keine Abstimmung')
      expect(await axeViolations(page)).toEqual([])
      await first.freshRooms(2)
      await first.save()
      await agenda.phase('Arbeitsphase 1').getByTestId('phase-rooms').filter({ hasText: '2 Räume' }).waitFor({ timeout: 10_000 })

      // The vote, planned in its own dialog.
      const vote = await agenda.planVote('Abstimmung')
      await vote.getByTestId('vote-title').fill('Welche Konzepte arbeiten wir aus?')
      await vote.getByTestId('vote-open').click()
      await vote.waitFor({ state: 'detached', timeout: 10_000 })

      // The second work phase: one room per top-2 concept of the vote; people choose their room.
      const second = await agenda.planRooms('Arbeitsphase 2')
      expect(await second.source('continue').isEnabled()).toBe(true)
      await second.topVoted('Abstimmung', 2, 'Maßnahmen schärfen')
      expect(await second.dialog.getByTestId('plan-mode').inputValue()).toBe('self')
      expect(await second.dialog.getByTestId('plan-room-count').count()).toBe(0)
      expect(await second.dialog.innerText()).toContain('Bei Gleichstand')
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'plan-top-voted')
      await second.save()

      // The third continues on the first one's boards, with the same groups, and everyone stays in their room afterwards.
      const third = await agenda.planRooms('Arbeitsphase 3')
      await third.continueOn('Arbeitsphase 1')
      expect(await third.dialog.getByTestId('plan-continue-of').locator('option').allInnerTexts()).toEqual(['Arbeitsphase 1', 'Arbeitsphase 2'])
      expect(await third.dialog.getByTestId('plan-mode').isDisabled()).toBe(true)
      expect(await third.dialog.getByTestId('plan-mode').inputValue()).toBe('same')
      await third.after('stay')
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'plan-continue')
      await third.save()

      // What was saved, as every client reads it.
      await waitFor(() => phaseNamed('Arbeitsphase 3')?.breakout !== undefined && phaseNamed('Arbeitsphase 2')?.breakout !== undefined, 'the plans reached the control document', 10_000)
      const ids = Object.fromEntries(control().phases.map((p) => [p.title, p.id]))
      expect(phaseNamed('Arbeitsphase 1')?.breakout).toMatchObject({ rooms: [{ title: 'Raum 1' }, { title: 'Raum 2' }], mode: 'random', after: 'gallery' })
      expect(phaseNamed('Arbeitsphase 1')?.breakout?.source).toBeUndefined()
      expect(phaseNamed('Abstimmung')?.vote?.title).toBe('Welche Konzepte arbeiten wir aus?')
      expect(phaseNamed('Arbeitsphase 2')?.breakout).toMatchObject({
        rooms: [],
        mode: 'self',
        after: 'gallery',
        source: { kind: 'topVoted', phaseId: ids.Abstimmung, count: 2, challenge: 'Maßnahmen schärfen' },
      })
      expect(phaseNamed('Arbeitsphase 3')?.breakout).toMatchObject({ rooms: [], mode: 'same', after: 'stay', source: { kind: 'continue', phaseId: ids['Arbeitsphase 1'] } })

      // The agenda says what each phase builds on.
      await expect.poll(() => agenda.basis('Arbeitsphase 2'), { timeout: 10_000 }).toBe('Top 2 aus: Abstimmung')
      await expect.poll(() => agenda.basis('Arbeitsphase 3'), { timeout: 10_000 }).toBe('baut auf: Arbeitsphase 1')
      expect(await agenda.basis('Arbeitsphase 1')).toBeNull()
      expect(await agenda.phase('Arbeitsphase 2').getByTestId('phase-rooms').innerText()).toBe('Räume geplant')

      // Moved below the phase that takes its top concepts, the vote no longer comes first: the row warns.
      await agenda.phase('Abstimmung').getByRole('button', { name: '„Abstimmung“ nach unten' }).click()
      await expect.poll(() => agenda.phase('Arbeitsphase 2').getByTestId('phase-basis').getAttribute('data-valid'), { timeout: 10_000 }).toBe('false')
      expect(await agenda.basis('Arbeitsphase 2')).toContain('steht in der Agenda nicht davor')
      await screenshot(page, 'plan-agenda-warning')
      await agenda.phase('Abstimmung').getByRole('button', { name: '„Abstimmung“ nach oben' }).click()
      await expect.poll(() => agenda.phase('Arbeitsphase 2').getByTestId('phase-basis').getAttribute('data-valid'), { timeout: 10_000 }).toBe('true')

      // Started before the work phase it continues on has run, it is refused in words the facilitator can act on.
      await agenda.phase('Arbeitsphase 3').getByTestId('phase-start').click()
      await expect.poll(() => page.getByTestId('command-error').innerText(), { timeout: 10_000 }).toContain('Die Ergebnisse, auf denen das aufbaut, gibt es noch nicht')
      expect(phaseNamed('Arbeitsphase 3')?.status).toBe('planned')

      // Opened again, the dialog shows the plan as saved.
      const again = await agenda.planRooms('Arbeitsphase 2')
      expect(await again.source('topVoted').isChecked()).toBe(true)
      expect(await again.dialog.getByTestId('plan-top-count').inputValue()).toBe('2')
      expect(await again.dialog.getByTestId('plan-top-challenge').inputValue()).toBe('Maßnahmen schärfen')
      await again.dialog.getByRole('button', { name: 'Abbrechen' }).click()
      expect(session.foreign.flat()).toEqual([])
    } finally {
      reader?.destroy()
    }
  }, 120_000)
})
