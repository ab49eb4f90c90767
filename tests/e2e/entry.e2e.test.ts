/**
 * Finding one's way in (issue #13), in real browsers: a facilitator finds the
 * workshop they created on the start page and opens it from there; the join
 * page names the workshop before it asks for a name, from a typed code and
 * from a link; a workshop deleted elsewhere is listed as gone.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedWorkshop } from '@werkraum/shared'
import { browserSkipReason, screenshot } from '../support/browser.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole, JoinForm } from './workshopPages.ts'

const skip = browserSkipReason()

describe.skipIf(skip !== undefined)('finding workshops again and joining them', () => {
  const session = useBrowserSession()

  it('lists a created workshop on the start page, opens its console from there, and shows it as gone once deleted', async () => {
    const page = await session.newPage('de-DE')
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Sprint Marktplatz', 'Moderatorin')
    // The name prompt said what it opens.
    await page.goto(session.server.url + '/')

    const entry = page.getByTestId('my-workshop').filter({ hasText: 'Sprint Marktplatz' })
    await entry.waitFor()
    await expect.poll(() => entry.innerText()).toMatch(/Moderation · zuletzt geöffnet am \d/)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'start-my-workshops')

    await entry.getByTestId('my-workshop-open').click()
    await page.getByTestId('console').waitFor({ timeout: 15_000 })
    expect(new URL(page.url()).pathname).toMatch(/^\/w\/[A-Za-z0-9]+\/console$/)

    // Deleted from another device: opening it from the list says so, and the list keeps it as gone.
    const id = new URL(page.url()).pathname.split('/')[2]!
    const link = await facilitator.facilitatorLink()
    const token = new URL(link).hash.replace('#t=', '')
    const deleted = await fetch(`${session.server.url}/api/workshops/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })
    expect(deleted.status).toBe(200)
    // The open console learns it at once (its connection is refused).
    await page.getByTestId('workshop-refused').waitFor({ timeout: 15_000 })
    await page.goto(session.server.url + '/')
    await entry.getByTestId('my-workshop-gone').waitFor()
    expect(await entry.getByTestId('my-workshop-open').count()).toBe(0)

    // Taken off the list, with an undo.
    await entry.getByTestId('my-workshop-remove').click()
    await page.getByTestId('my-workshop-removed').waitFor()
    expect(await entry.count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await page.getByTestId('my-workshop-undo').click()
    await entry.waitFor()
  }, 120_000)

  it('the name prompt of the console says that it opens the console', async () => {
    const page = await session.newPage('en-US')
    await page.goto(session.server.url + '/')
    await page.getByTestId('create-title').fill('Console wording')
    await page.getByTestId('create-workshop').click()
    await expect.poll(() => page.getByTestId('name-submit').innerText()).toBe('Open the console')
  })

  it('shows the workshop’s title before asking for a name, for a typed code and for a link', async () => {
    const created = (await (
      await fetch(`${session.server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Mobilität 2030', locale: 'de' }) })
    ).json()) as CreatedWorkshop

    // Typed, as read aloud.
    const typing = await session.newPage('de-DE')
    const join = new JoinForm(typing)
    await join.openFromStart(session.server.url)
    expect(await typing.getByTestId('join-name-input').count()).toBe(0)
    await join.enterCode(`${created.joinCode.slice(0, 3).toLowerCase()}-${created.joinCode.slice(3)}`)
    expect(await join.workshopTitle()).toBe('Mobilität 2030')
    expect(await typing.title()).toBe('„Mobilität 2030“ beitreten – Werkraum')
    expect(await axeViolations(typing)).toEqual([])
    await screenshot(typing, 'join-name-step')

    // A wrong code is said at the code, and nothing else is asked.
    await typing.getByTestId('join-change-code').click()
    await typing.getByTestId('join-code-input').fill('ZZZ-ZZZZ')
    await typing.getByTestId('join-continue').click()
    await expect.poll(() => typing.getByTestId('join-error').innerText()).toBe('Zu diesem Code gibt es keinen Workshop.')
    expect(await typing.getByTestId('join-name-input').count()).toBe(0)
    expect(await axeViolations(typing)).toEqual([])

    // From the link, in English: the title straight away, then in.
    const linked = await session.newPage('en-US')
    await linked.goto(created.links.join)
    await linked.getByTestId('join-workshop-title').waitFor()
    expect(await new JoinForm(linked).workshopTitle()).toBe('Mobilität 2030')
    expect(await linked.getByTestId('join-code-input').count()).toBe(0)
    expect(await axeViolations(linked)).toEqual([])
    await new JoinForm(linked).join(created.joinCode, 'Ben')
    await linked.getByTestId('workshop-title').waitFor({ timeout: 15_000 })

    // Ben finds it on his start page, as a participant, opening the board.
    await linked.goto(session.server.url + '/')
    const entry = linked.getByTestId('my-workshop').filter({ hasText: 'Mobilität 2030' })
    await expect.poll(() => entry.getByTestId('my-workshop-open').innerText()).toMatch(/^Open the board/)
    expect(foreignRequests()).toEqual([])
  }, 120_000)

  const foreignRequests = (): string[] => session.foreign.flat()
})
