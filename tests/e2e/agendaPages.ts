/** Page objects for planning the agenda in the console: phases, their rooms and their votes. */
import type { Locator, Page } from 'playwright-core'

export type PhaseKindName = 'plenary' | 'input' | 'breakout' | 'vote' | 'pitches' | 'break'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export class AgendaConsole {
  constructor(readonly page: Page) {}

  /** The agenda row of the phase titled `title` (its text starts with the title; other rows may name it as what they build on). */
  phase(title: string): Locator {
    return this.page.getByTestId('phase-admin').filter({ hasText: new RegExp(`^${escapeRegExp(title)} ·`) })
  }

  async addPhase(title: string, kind: PhaseKindName, minutes: number): Promise<void> {
    await this.page.getByTestId('phase-title').fill(title)
    await this.page.getByTestId('phase-kind').selectOption(kind)
    await this.page.getByTestId('phase-minutes').fill(String(minutes))
    await this.page.getByTestId('phase-add').click()
    await this.phase(title).waitFor({ timeout: 10_000 })
  }

  /** Opens the rooms dialog of a breakout phase. */
  async planRooms(title: string): Promise<BreakoutPlanForm> {
    await this.phase(title).getByTestId('phase-rooms').click()
    const form = new BreakoutPlanForm(this.page)
    await form.dialog.waitFor()
    return form
  }

  /** Opens the vote dialog of a vote phase. */
  async planVote(title: string): Promise<Locator> {
    await this.phase(title).getByTestId('phase-vote').click()
    const dialog = this.page.getByTestId('vote-plan')
    await dialog.waitFor()
    return dialog
  }

  /** Opens the edit dialog of a phase. */
  async edit(title: string): Promise<Locator> {
    await this.phase(title).getByTestId('phase-edit').click()
    const dialog = this.page.getByTestId('phase-dialog')
    await dialog.waitFor()
    return dialog
  }

  /** What the row says the phase builds on ("baut auf: …"), or null. */
  async basis(title: string): Promise<string | null> {
    const basis = this.phase(title).getByTestId('phase-basis')
    return (await basis.count()) === 0 ? null : (await basis.innerText()).replace(/^\s*·\s*/, '').trim()
  }
}

/** The rooms dialog of a breakout phase. */
export class BreakoutPlanForm {
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('breakout-plan')
  }

  source(kind: 'fresh' | 'continue' | 'topVoted'): Locator {
    return this.dialog.getByTestId(`plan-source-${kind}`)
  }

  async freshRooms(count: number): Promise<void> {
    await this.source('fresh').check()
    await this.dialog.getByTestId('plan-room-count').fill(String(count))
  }

  async continueOn(phaseTitle: string): Promise<void> {
    await this.source('continue').check()
    await this.dialog.getByTestId('plan-continue-of').selectOption({ label: phaseTitle })
  }

  async topVoted(voteTitle: string, count: number, challenge: string): Promise<void> {
    await this.source('topVoted').check()
    await this.dialog.getByTestId('plan-vote-of').selectOption({ label: voteTitle })
    await this.dialog.getByTestId('plan-top-count').fill(String(count))
    await this.dialog.getByTestId('plan-top-challenge').fill(challenge)
  }

  async after(where: 'gallery' | 'plenary' | 'stay'): Promise<void> {
    await this.dialog.getByTestId(`plan-after-${where}`).check()
  }

  async save(): Promise<void> {
    await this.dialog.getByTestId('plan-save').click()
    await this.dialog.waitFor({ state: 'detached' })
  }
}
