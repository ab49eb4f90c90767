/**
 * The statement pages (a part of issue 14): the accessibility statement, the
 * privacy page, how to take part in Leichte Sprache, and feedback. Each one in
 * German and English, on a desktop and a phone, without axe violations and
 * without a request to another origin; reachable by keyboard from every kind
 * of screen; with the operator's contact from the server's settings, or an
 * honest note where it is missing.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSkipReason } from '../support/browser.ts'
import { BoardPage } from './pages.ts'
import { axeViolations, useBrowserSession } from './session.ts'
import { FacilitatorConsole } from './workshopPages.ts'

const skip = browserSkipReason()

const OPERATOR = {
  OPERATOR_NAME: 'Stadt Musterstadt, Amt für Bürgerbeteiligung',
  CONTACT_EMAIL: 'barrierefreiheit@musterstadt.example',
  CONTACT_URL: 'https://musterstadt.example/kontakt',
  WORKSHOP_RETENTION_DAYS: '30',
}

const PAGES = [
  { page: 'accessibility', title: { de: 'Erklärung zur Barrierefreiheit', en: 'Accessibility statement' }, testId: 'accessibility-statement', de: ['/barrierefreiheit', 'Erklärung zur Barrierefreiheit'], en: ['/accessibility', 'Accessibility statement'], contact: true },
  { page: 'privacy', title: { de: 'Datenschutz', en: 'Privacy' }, testId: 'privacy-page', de: ['/datenschutz', 'Datenschutz: Was Werkraum speichert'], en: ['/privacy', 'Privacy: what Werkraum stores'], contact: true },
  { page: 'easy-read', title: { de: 'So machen Sie mit (Leichte Sprache)', en: 'How to take part (easy read)' }, testId: 'easy-read-page', de: ['/leichte-sprache', 'So machen Sie bei einem Workshop mit'], en: ['/easy-read', 'How to take part in a workshop'], contact: false },
  { page: 'feedback', title: { de: 'Feedback', en: 'Feedback' }, testId: 'feedback-page', de: ['/feedback', 'Feedback'], en: ['/feedback', 'Feedback'], contact: true },
] as const

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 }, touch: false },
  { name: 'phone', size: { width: 390, height: 844 }, touch: true },
] as const

/** Messages Chromium writes when the Content-Security-Policy blocks something. */
function watchCspViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text())
  })
  return seen
}

/** Presses Tab (at most `limit` times) until the element with this test id has the focus; no mouse. */
async function tabTo(page: Page, testId: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return
  }
  throw new Error(`${testId} was not reached with ${limit} presses of Tab`)
}

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim()
}

describe.skipIf(skip !== undefined)('statement pages, with the operator’s contact set', () => {
  const session = useBrowserSession(OPERATOR)

  it('each page shows its heading in German and English, on a desktop and a phone, with the contact and no axe violations', async () => {
    for (const locale of ['de-DE', 'en-GB'] as const) {
      const language = locale === 'de-DE' ? 'de' : 'en'
      for (const viewport of VIEWPORTS) {
        const page = await session.newPage(locale, viewport.size, { touch: viewport.touch })
        page.setDefaultTimeout(15_000)
        const blocked = watchCspViolations(page)
        for (const info of PAGES) {
          const [path, title] = info[language]
          const where = `${info.page} ${language} ${viewport.name}`
          await page.goto(session.server.url + path)
          await page.getByTestId(info.testId).waitFor()
          expect(await heading(page), where).toBe(title)
          // Each page has its own title (WCAG 2.4.2), in the page's language.
          expect(await page.evaluate(() => document.title), where).toBe(`${info.title[language]} – Werkraum`)
          if (info.contact) {
            await page.getByTestId('site-contact').waitFor()
            expect(await page.getByTestId('site-contact-email').getAttribute('href'), where).toBe(`mailto:${OPERATOR.CONTACT_EMAIL}`)
            expect(await page.getByTestId('site-contact-url').getAttribute('href'), where).toBe(OPERATOR.CONTACT_URL)
            expect(await page.getByTestId('site-operator').innerText(), where).toContain(OPERATOR.OPERATOR_NAME)
            expect(await page.getByTestId('site-contact-missing').count(), where).toBe(0)
          }
          // The links to the other pages are on this one too.
          expect(await page.getByTestId('site-links').isVisible(), where).toBe(true)
          expect(await axeViolations(page), where).toEqual([])
        }
        await page.goto(session.server.url + (language === 'de' ? '/datenschutz' : '/privacy'))
        // The server's own retention setting, not a figure written into the page.
        expect(await page.getByTestId('retention').innerText()).toContain('30')
        await page.goto(session.server.url + (language === 'de' ? '/barrierefreiheit' : '/accessibility'))
        expect(await page.getByTestId('conformance-status').innerText()).toMatch(language === 'de' ? /teilweise/ : /partially/)
        expect(blocked).toEqual([])
      }
    }
    // Neither the pages nor the contact links made the browser fetch anything from another origin.
    expect(session.foreign.flat()).toEqual([])
  }, 240_000)

  it('are reached by keyboard from the start page, the join page, a workshop’s console and board, and a quick board', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const blocked = watchCspViolations(page)

    await page.goto(session.server.url + '/')
    await page.getByTestId('site-links').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, 'site-link-accessibility')
    expect(await page.getByTestId('site-link-accessibility').isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByTestId('accessibility-statement').waitFor()
    expect(new URL(page.url()).pathname).toBe('/barrierefreiheit')

    await page.goto(session.server.url + '/j')
    await page.getByTestId('site-links').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, 'site-link-privacy')
    await page.keyboard.press('Enter')
    await page.getByTestId('privacy-page').waitFor()
    expect(await heading(page)).toBe('Datenschutz: Was Werkraum speichert')

    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Erklärung', 'Mia')
    // The console.
    await page.keyboard.press('Tab')
    await tabTo(page, 'site-link-feedback')
    expect(await page.getByTestId('site-link-feedback').isVisible()).toBe(true)
    // A board of the workshop: the links sit beside the board, not above it.
    await facilitator.openBoard('Plenum')
    const board = new BoardPage(page)
    await board.waitConnected()
    const boardPath = new URL(page.url()).pathname
    await page.locator('body').focus()
    await tabTo(page, 'site-link-easy-read')
    expect(await page.getByTestId('site-link-easy-read').isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByTestId('easy-read-page').waitFor()
    expect(await heading(page)).toBe('So machen Sie bei einem Workshop mit')
    // And back into the workshop, where the person was.
    await page.getByRole('link', { name: 'Zurück, wo Sie waren' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === boardPath)
    await board.waitConnected()

    expect(blocked).toEqual([])
  }, 180_000)

  it('are reached on a quick board through one "Info" button in its header', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    const blocked = watchCspViolations(page)
    await new BoardPage(page).open(session.server.url, 'erklaerung-test', 'Mia')
    await page.locator('body').focus()
    await tabTo(page, 'site-links-toggle')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('site-link-accessibility')
    expect(await page.getByTestId('site-link-accessibility').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    // Esc folds it again and gives the keyboard back to the button.
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('site-links-toggle')
    expect(await page.getByTestId('site-links').count()).toBe(0)

    expect(blocked).toEqual([])
    expect(session.foreign.flat()).toEqual([])
  }, 60_000)

  it('on a phone, the workshop board keeps the links in its menu, reachable by keyboard', async () => {
    const page = await session.newPage('de-DE', { width: 390, height: 844 }, { touch: true })
    page.setDefaultTimeout(15_000)
    const facilitator = new FacilitatorConsole(page)
    await facilitator.create(session.server.url, 'Telefon', 'Mia')
    // The boards are in the menu on a phone.
    if (await page.getByTestId('menu-toggle').isVisible()) await page.getByTestId('menu-toggle').click()
    await facilitator.openBoard('Plenum')
    await new BoardPage(page).waitConnected()
    const menu = page.getByTestId('menu-toggle')
    if (await menu.isVisible()) {
      await menu.focus()
      await page.keyboard.press('Enter')
    }
    await tabTo(page, 'site-link-privacy')
    expect(await page.getByTestId('site-link-privacy').isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByTestId('privacy-page').waitFor()
    expect(session.foreign.flat()).toEqual([])
  }, 120_000)
})

describe.skipIf(skip !== undefined)('statement pages, before the operator filled in a contact', () => {
  const session = useBrowserSession()

  it('say that the contact is missing, where the operator sets it, and whom to ask meanwhile', async () => {
    const page = await session.newPage('de-DE')
    page.setDefaultTimeout(15_000)
    for (const path of ['/barrierefreiheit', '/feedback']) {
      await page.goto(session.server.url + path)
      const missing = page.getByTestId('site-contact-missing')
      await missing.waitFor()
      const text = await missing.innerText()
      expect(text).toContain('noch nicht eingetragen')
      expect(text).toContain('CONTACT_EMAIL')
      expect(text).toContain('Moderation')
      expect(await page.getByTestId('site-contact-email').count()).toBe(0)
      expect(await axeViolations(page)).toEqual([])
    }
    // At 320 px (400 % zoom of a 1280 px window) nothing scrolls sideways, the long setting names included.
    const narrow = await session.newPage('de-DE', { width: 320, height: 568 }, { touch: true })
    for (const info of PAGES) {
      await narrow.goto(session.server.url + info.de[0])
      await narrow.getByTestId(info.testId).waitFor()
      if (info.contact) await narrow.getByTestId('site-contact-missing').waitFor()
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), info.page).toBeLessThanOrEqual(0)
    }
    expect(session.foreign.flat()).toEqual([])
  }, 90_000)
})
