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
