// Page objects for the review desk, shared by the browser suite (Chromium against `serve`)
// and the Electron suite (`_electron`): both hand us a Playwright Page of the same renderer.
import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export class DeskPage {
  constructor(
    readonly page: Page,
    private readonly screenshotDir?: string,
  ) {}

  async go(route: 'inbox' | 'runs' | 'problems' | string): Promise<void> {
    const hash = route.startsWith('#') ? route : `#/${route}`;
    await this.page.evaluate((h) => {
      location.hash = h;
    }, hash);
  }

  async waitReady(): Promise<void> {
    await this.page.locator('[data-testid="live-indicator"]').first().waitFor({ state: 'attached', timeout: 15000 });
  }

  inboxItems(): Locator {
    return this.page.locator('[data-testid="inbox-item"]');
  }

  runRows(): Locator {
    return this.page.locator('[data-testid="run-row"]');
  }

  stageRows(): Locator {
    return this.page.locator('[data-testid="stage-row"]');
  }

  stage(name: string): Locator {
    return this.page.locator(`[data-testid="stage-row"][data-stage-name="${name}"]`);
  }

  problemItems(): Locator {
    return this.page.locator('[data-testid="problem-item"]');
  }

  iterationPoints(): Locator {
    return this.page.locator('[data-testid="iteration-point"]');
  }

  branchNodes(): Locator {
    return this.page.locator('[data-testid="branch-node"]');
  }

  async searchRuns(text: string): Promise<void> {
    await this.go('runs');
    const box = this.page.locator('[data-testid="runs-search"]').first();
    await box.fill(text);
  }

  async openRun(runId: string, stageId?: string): Promise<void> {
    await this.go(`#/runs/${runId}${stageId ? `?stage=${stageId}` : ''}`);
    await this.stageRows().first().waitFor({ timeout: 10000 });
  }

  async openRunByTitle(title: string | RegExp): Promise<void> {
    await this.go('runs');
    const row = this.runRows().filter({ hasText: title }).first();
    await row.click();
    await this.stageRows().first().waitFor({ timeout: 10000 });
  }

  async openIterations(): Promise<void> {
    await this.page.locator('[data-testid="tab-iterations"]').click();
    await this.page.locator('[data-testid="iteration-point"], [data-testid="iteration-row"]').first().waitFor({ timeout: 10000 });
  }

  async screenshot(name: string): Promise<string | undefined> {
    if (!this.screenshotDir) return undefined;
    mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: false });
    return file;
  }
}

/** Deciding gates, editing and branching: the same flows for Chromium and Electron. */
export class DecisionFlows {
  constructor(private readonly desk: DeskPage) {}

  private get page(): Page {
    return this.desk.page;
  }

  /** Click Approve/Reject on the inbox item whose text matches, fill the dialog and confirm. */
  async decideFromInbox(itemText: string | RegExp, decision: 'approve' | 'reject', note?: string): Promise<string> {
    await this.desk.go('inbox');
    const item = this.desk.inboxItems().filter({ hasText: itemText }).first();
    const gateId = await item.getAttribute('data-gate-id');
    await this.page.locator(`[data-testid="gate-actions"][data-gate-id="${gateId}"] button[data-decision="${decision}"]`).click();
    return this.confirm(decision, note);
  }

  /** Fill the open decision dialog and confirm; returns the planned writes it listed. */
  async confirm(decision: 'approve' | 'reject', note?: string): Promise<string> {
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    const writes = await dialog.locator('[data-testid="planned-writes"]').innerText();
    if (note !== undefined) await dialog.getByLabel(decision === 'approve' ? /Note/ : /What needs to change/).fill(note);
    await dialog.locator(`button.dc-confirm--${decision}`).click();
    await dialog.waitFor({ state: 'detached', timeout: 10000 });
    return writes;
  }

  /** Open the editor for an artifact of the open run, replace its whole text, give a reason and save. */
  async editArtifact(artifactName: string, newContent: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${artifactName}` }).first().click();
    const editor = this.page.locator('[data-testid="code-editor"]');
    await editor.waitFor();
    await editor.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(newContent);
    await this.page.getByLabel(/Reason/).fill(reason);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async branchFromStage(stageName: string, note?: string): Promise<void> {
    await this.desk.stage(stageName).click();
    await this.page.locator('[data-testid="branch-action"] button').first().click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    if (note) await dialog.getByLabel(/Note/).fill(note);
    await dialog.locator('button.dc-confirm--branch').click();
    await dialog.waitFor({ state: 'detached', timeout: 10000 });
  }
}
