/** Page objects for workshops: what facilitators, participants and observers do. */
import type { Page } from 'playwright-core'
import { BoardPage } from './pages.ts'

export class FacilitatorConsole {
  constructor(readonly page: Page) {}

  /** Creates a workshop from the start page and answers the name prompt that follows. */
  async create(origin: string, title: string, displayName: string): Promise<void> {
    await this.page.goto(origin + '/')
    await this.page.getByTestId('create-title').fill(title)
    await this.page.getByTestId('create-workshop').click()
    await new BoardPage(this.page).enterName(displayName)
    await this.page.getByTestId('console').waitFor({ timeout: 15_000 })
  }

  async joinCode(): Promise<string> {
    return (await this.page.getByTestId('join-code').innerText()).trim()
  }

  async observerLink(): Promise<string> {
    return this.page.getByTestId('observer-link').inputValue()
  }

  person(name: string) {
    return this.page.getByTestId('person').filter({ hasText: name })
  }

  async openConsole(): Promise<void> {
    await openMenu(this.page)
    await this.page.getByTestId('console-link').click()
    await this.page.getByTestId('console').waitFor()
  }

  async openBoard(title: string): Promise<void> {
    await openMenu(this.page)
    await this.page.getByTestId('board-link').filter({ hasText: title }).click()
    await this.page.getByTestId('workshop-board').waitFor()
  }

  async toggleLock(boardTitle: string): Promise<void> {
    await this.page.getByTestId('board-admin').filter({ hasText: boardTitle }).getByTestId('board-lock').click()
  }

  async remove(name: string): Promise<void> {
    await this.person(name).getByTestId('person-remove').click()
    await this.page.getByTestId('confirm-dialog-confirm').click()
  }

  async addBoard(title: string, template: 'blank' | 'brainstorming' | 'concept'): Promise<void> {
    await this.page.getByTestId('add-board-title').fill(title)
    await this.page.getByTestId('add-board-template').selectOption(template)
    await this.page.getByTestId('add-board-submit').click()
    await this.page.getByTestId('board-link').filter({ hasText: title }).waitFor({ timeout: 10_000 })
  }

  async setRole(name: string, role: string): Promise<void> {
    await this.person(name).getByTestId('person-role').selectOption(role)
    await this.person(name).getByTestId('person-role-apply').click()
  }

  async facilitatorLink(): Promise<string> {
    return this.page.getByTestId('facilitator-link').inputValue()
  }
}

export class JoinForm {
  constructor(readonly page: Page) {}

  /** From the start page, as someone who was told the code. */
  async openFromStart(origin: string): Promise<void> {
    await this.page.goto(origin + '/')
    await this.page.getByTestId('go-join').click()
    await this.page.getByTestId('join-code-input').waitFor()
  }

  /**
   * Joins in two steps: the code (unless a link brought it and the page
   * already shows the workshop's title), then the name.
   */
  async join(code: string, name: string): Promise<void> {
    const codeInput = this.page.getByTestId('join-code-input')
    const nameInput = this.page.getByTestId('join-name-input')
    await codeInput.or(nameInput).waitFor({ timeout: 10_000 })
    if (await codeInput.isVisible()) await this.enterCode(code)
    await nameInput.fill(name)
    await this.page.getByTestId('join-submit').click()
  }

  /** Types the code and continues to the name step, where the workshop's title shows. */
  async enterCode(code: string): Promise<void> {
    await this.page.getByTestId('join-code-input').fill(code)
    await this.page.getByTestId('join-continue').click()
    await this.page.getByTestId('join-name-input').waitFor({ timeout: 10_000 })
  }

  async workshopTitle(): Promise<string> {
    return (await this.page.getByTestId('join-workshop-title').innerText()).trim()
  }
}

/**
 * On a phone (and at 200 % zoom) the boards, rooms and agenda are in the
 * folded "Menü" of the workshop's bar: opens it, if it is there and folded.
 */
export async function openMenu(page: Page): Promise<void> {
  await unfold(page, 'menu-toggle')
}

/** On a phone the vote panel is one line until opened: opens it, if it is folded. */
export async function openVotePanel(page: Page): Promise<void> {
  await unfold(page, 'vote-toggle')
}

async function unfold(page: Page, testId: string): Promise<void> {
  const toggle = page.getByTestId(testId)
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click()
}

/** Whether tldraw is in its read-only mode on this page. */
export function isReadonly(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => window.__werkraum?.editor.getInstanceState().isReadonly)
}

/**
 * Adds a concept card from the board's toolbar and writes its title, with the keyboard as a person would:
 * in place on a wide screen with a mouse, in the card's form on a touch screen, a phone or in simple mode.
 */
export async function writeConceptTitle(page: Page, title: string): Promise<void> {
  await page.getByTestId('add-concept-card').click()
  const inPlace = page.locator('[data-testid="concept-title"]:focus')
  const inForm = page.locator('[data-testid="card-form-title"]:focus')
  await inPlace.or(inForm).waitFor({ timeout: 5000 })
  const form = await inForm.isVisible()
  await page.keyboard.type(title)
  if (form) {
    // Enter in the title saves the form.
    await page.keyboard.press('Enter')
    await page.getByTestId('card-form').waitFor({ state: 'detached', timeout: 5000 })
  } else {
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="concept-title"]').waitFor({ state: 'detached', timeout: 5000 })
  }
}

/** The gallery of a breakout's results: one card per room. */
export class ResultsGalleryPage {
  constructor(readonly page: Page) {}

  async waitOpen(): Promise<void> {
    await this.page.waitForURL((url) => /\/results\/[A-Za-z0-9]+$/.test(url.pathname), { timeout: 15_000 })
    await this.page.getByTestId('results-gallery').waitFor({ timeout: 10_000 })
  }

  room(title: string) {
    return this.page.getByTestId('gallery-room').filter({ has: this.page.getByTestId('gallery-room-title').getByText(title, { exact: true }) })
  }

  /** Per room, as shown: its title, members and the titles of its concept cards. */
  async rooms(): Promise<Array<{ title: string; members: string; concepts: string[] }>> {
    return this.page.getByTestId('gallery-room').evaluateAll((nodes) =>
      nodes.map((n) => ({
        title: n.querySelector('[data-testid="gallery-room-title"]')?.textContent ?? '',
        members: n.querySelector('[data-testid="gallery-room-members"]')?.textContent ?? '',
        concepts: Array.from(n.querySelectorAll('[data-testid="gallery-concept"]'), (c) => c.textContent ?? ''),
      })),
    )
  }
}
