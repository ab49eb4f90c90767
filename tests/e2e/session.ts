/**
 * What every browser test file sets up: the real server serving the built
 * client, one Chromium, a fresh context per person (watched for requests to
 * other origins), and everything closed again afterwards.
 */
import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, expect } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { CLIENT_DIST, launchBrowser, watchForeignRequests } from '../support/browser.ts'
import { removeDir, startTestServer } from '../support/server.ts'
import type { TestServer } from '../support/server.ts'

export interface BrowserSession {
  /** The running server (set before the first test). */
  readonly server: TestServer
  /** A new person: their own browser context, with clipboard access, in `locale`; `touch` makes it a phone or tablet. */
  newPage(locale: string, viewport?: { width: number; height: number }, options?: { touch?: boolean }): Promise<Page>
  /** Requests each context made to another origin (they must stay empty). */
  readonly foreign: string[][]
  /**
   * POSTs JSON to the server's HTTP API (with a Bearer token if given), as a
   * facilitator's console would, expects success and returns the answer.
   */
  post<T = unknown>(path: string, body: unknown, token?: string): Promise<T>
}

/**
 * Starts the server and the browser for the `describe` block it is called in;
 * `env` sets the server's settings as an operator would.
 */
export function useBrowserSession(env: Record<string, string> = {}): BrowserSession {
  let server: TestServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const foreign: string[][] = []

  beforeAll(async () => {
    server = await startTestServer({ CLIENT_DIR: CLIENT_DIST, ...env })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
    if (server) removeDir(server.dataDir)
  })

  return {
    get server(): TestServer {
      if (!server) throw new Error('the server starts in beforeAll')
      return server
    },
    foreign,
    async post<T>(path: string, body: unknown, token?: string): Promise<T> {
      if (!server) throw new Error('the server starts in beforeAll')
      const res = await fetch(server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(300)
      return (await res.json()) as T
    },
    async newPage(locale, viewport = { width: 1280, height: 800 }, options = {}) {
      if (!server || !browser) throw new Error('the browser starts in beforeAll')
      const touch = options.touch === true
      const context = await browser.newContext({ locale, viewport, hasTouch: touch, isMobile: touch })
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
      contexts.push(context)
      foreign.push(watchForeignRequests(context, server.url))
      return context.newPage()
    },
  }
}

/**
 * What BITV 2.0 asks for (WCAG 2.1 A and AA, through EN 301 549) and WCAG 2.2's
 * target size, plus axe's best practices. Naming the tags also runs rules axe
 * leaves off by default, such as `target-size`.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/**
 * The one part of a page that is not Werkraum's: tldraw's licence mark
 * ("Made with tldraw"), which tldraw draws over the canvas without a licence
 * key and whose markup Werkraum may not change.
 */
export const TLDRAW_LICENCE_MARK = '.tl-watermark_SEE-LICENSE'

/** axe's violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).exclude(TLDRAW_LICENCE_MARK).analyze()
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
