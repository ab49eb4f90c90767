/**
 * Real Chromium (Debian's, driven by playwright-core) for end-to-end tests.
 * Playwright's own browser download does not work on these machines.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { repoRoot } from './server.ts'

export const CHROMIUM_PATH = process.env.WERKRAUM_CHROMIUM ?? '/usr/bin/chromium'
export const ARTIFACTS_DIR = path.join(repoRoot, 'test-artifacts')
/** The built client the browser tests serve; several builds side by side can each be tested with their own folder. */
export const CLIENT_DIST = process.env.WERKRAUM_TEST_CLIENT_DIR ?? path.join(repoRoot, 'client', 'dist')

/**
 * Why browser tests cannot run here, or undefined if they can. In CI a missing
 * browser or build is an error, not a reason to skip.
 */
export function browserSkipReason(): string | undefined {
  let reason: string | undefined
  if (!existsSync(CHROMIUM_PATH)) reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`
  else if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) reason = 'the client is not built (pnpm build)'
  if (reason && process.env.CI === 'true') throw new Error(`browser tests cannot run in CI: ${reason}`)
  if (reason) console.warn(`[skipped] browser tests — ${reason}`)
  return reason
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Records every request a context makes that is not to `origin` (data: and blob: URLs never leave the page). */
export function watchForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = []
  const check = (url: string): void => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return
    const u = new URL(url)
    const sameOrigin = u.host === new URL(origin).host && (u.protocol === 'http:' || u.protocol === 'ws:')
    if (!sameOrigin) foreign.push(url)
  }
  context.on('request', (request) => check(request.url()))
  context.on('page', (page) => page.on('websocket', (ws) => check(ws.url())))
  return foreign
}

/** Saves a screenshot as a test artifact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}

/**
 * Renders every page of a PDF to a PNG in test-artifacts (`<name>-page-<n>.png`),
 * with Chromium's own PDF viewer, one browser page per PDF page. Returns the files.
 */
export async function pdfPagesToPng(newPage: () => Promise<Page>, pdfFile: string, name: string): Promise<string[]> {
  const pages = (readFileSync(pdfFile, 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length
  const files: string[] = []
  for (let n = 1; n <= pages; n++) {
    const page = await newPage()
    await page.setViewportSize({ width: 900, height: 1200 })
    await page.goto(`file://${pdfFile}#page=${n}&toolbar=0&navpanes=0&view=Fit`)
    // The viewer draws in steps: wait until two pictures in a row are the same.
    let previous: Buffer | undefined
    for (let tries = 0; tries < 60; tries++) {
      const shot = await page.screenshot()
      if (previous !== undefined && shot.equals(previous) && shot.length > 20_000) break
      previous = shot
      await page.waitForTimeout(100)
    }
    const file = path.join(ARTIFACTS_DIR, `${name}-page-${n}.png`)
    writeFileSync(file, previous!)
    files.push(file)
    await page.close()
  }
  return files
}
