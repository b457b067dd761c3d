// The review desk end to end: `greenlight serve` on a fresh copy of the sample workspace,
// driven in Debian's Chromium through the shared page objects. Screenshots of every view are
// saved under test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DeskPage } from '../pages/desk-page';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/chromium';
import { closeSuite, openDeskInChromium } from '../support/desk-in-chromium';
import { makeSampleWorkspace } from '../support/sample-workspace';
import { startServe, type ServeProcess } from '../support/serve-process';

if (!chromiumAvailable()) throw new Error(`Chromium is required for the end-to-end suite and was not found at ${CHROMIUM_PATH} (apt-get install chromium)`);

describe('review desk in Chromium against greenlight serve', () => {
  let ws: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let desk: DeskPage;

  beforeAll(async () => {
    ws = makeSampleWorkspace();
    serve = await startServe([ws]);
    ({ browser, page, desk } = await openDeskInChromium(serve));
  });

  afterAll(() => closeSuite({ browser, serve, dir: ws && path.dirname(ws) }));

  it('the inbox lists every waiting gate of the sample workspace, oldest first, with the count in the title', async () => {
    await desk.go('inbox');
    await expect.poll(() => desk.inboxItems().count(), { timeout: 10000 }).toBe(8);
    const text = await desk.inboxItems().allInnerTexts();
    for (const family of ['OpenMontage', 'Twinklr', 'OmniClaude', 'aivideo', 'CineCut']) expect(text.join('\n')).toContain(family);
    expect(text[0]).toContain('midnight_drive');
    expect(await page.title()).toMatch(/^\(8\)/);
    await desk.screenshot('inbox');
  });

  it("a run's timeline shows its stages", async () => {
    await desk.openRunByTitle('Why the Sea Breathes Twice a Day');
    const names = await desk.stageRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage-name')));
    expect(names).toEqual(['research', 'proposal', 'script', 'scene_plan', 'assets', 'edit', 'compose', 'publish']);
    expect(await desk.stage('compose').getAttribute('data-status')).toBe('awaiting_human');
    expect(await desk.stage('publish').getAttribute('data-status')).toBe('pending');
    await desk.screenshot('run-openmontage');
  });

  it('the iteration chart has one point per iteration', async () => {
    await desk.openRunByTitle('holiday_lights_2026');
    await desk.openIterations();
    await expect.poll(() => desk.iterationPoints().count(), { timeout: 10000 }).toBe(8);
    const ns = await desk.iterationPoints().evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-n'))).sort((a, b) => a - b));
    expect(ns).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await desk.screenshot('iterations');
  });

  it('shows the branch tree of an aivideo run', async () => {
    await desk.openRunByTitle('Strata Runner 2');
    const labels = (await desk.branchNodes().allInnerTexts()).join('\n');
    for (const b of ['main', 'main-1', 'main-1-1']) expect(labels).toContain(b);
    await desk.screenshot('run-aivideo-branches');
  });

  it('a checkpoint file written by the test appears within a second, without a reload', async () => {
    await desk.go('inbox');
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const project = path.join(ws, 'openmontage', 'projects', 'e2e-live-check');
    mkdirSync(project, { recursive: true });
    const body = {
      version: '1.0',
      project_id: 'e2e-live-check',
      pipeline_type: 'talking-head',
      stage: 'idea',
      status: 'awaiting_human',
      timestamp: new Date().toISOString().replace('Z', '+00:00'),
      checkpoint_policy: 'guided',
      human_approval_required: true,
      human_approved: false,
      artifacts: { brief: { version: '1.0', title: 'Live check', hook: 'Does the desk see this?' } },
    };
    writeFileSync(path.join(project, 'checkpoint_idea.json.tmp'), JSON.stringify(body, null, 2));
    renameSync(path.join(project, 'checkpoint_idea.json.tmp'), path.join(project, 'checkpoint_idea.json'));
    await desk.inboxItems().filter({ hasText: 'e2e-live-check' }).first().waitFor({ timeout: 1000 });
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await desk.screenshot('inbox-live');
  });

  it('an invalid file shows its reason in Problems', async () => {
    const dir = path.join(ws, 'openmontage', 'projects', 'e2e-broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'checkpoint_script.json'), '{"version": "1.0", "project_id": "e2e-broken", "stage": "script", "status": "complet');
    await desk.go('problems');
    // The file's group names it; its problem gives the reason.
    const group = desk.page.locator('section, li, div').filter({ hasText: 'e2e-broken/checkpoint_script.json' }).filter({ has: desk.problemItems().filter({ hasText: 'ends early' }) });
    await group.first().waitFor({ timeout: 8000 });
    await desk.screenshot('problems');
  });

  it('artifact images and video load through the token-checked route', async () => {
    await desk.openRunByTitle('Why the Sea Breathes Twice a Day');
    await desk.stage('compose').click();
    const video = page.locator('video').first();
    await video.waitFor({ timeout: 10000 });
    const videoSrc = (await video.getAttribute('src'))!;
    expect(videoSrc).toMatch(/\/artifacts\/[\w-]+\?token=/);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 10000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(1);

    await desk.stage('assets').click();
    const img = page.locator('img[src*="/artifacts/"]').first();
    await img.waitFor({ timeout: 10000 });
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 10000 }).toBeGreaterThan(0);
    const imgSrc = new URL((await img.getAttribute('src'))!, serve.origin);
    await desk.screenshot('checkpoint-assets');

    // The same URLs without the token are refused; with it, video answers byte ranges.
    const bare = new URL(imgSrc.pathname, serve.origin).toString();
    expect((await fetch(bare)).status).toBe(401);
    expect((await fetch(imgSrc)).status).toBe(200);
    const ranged = await fetch(new URL(videoSrc, serve.origin), { headers: { range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
  });

  it('keyboard: j/k move between gates and Enter opens one', async () => {
    await desk.go('inbox');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await desk.stageRows().first().waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/runs\//);
  });

  it('dark theme renders', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await desk.go('runs');
    await desk.runRows().first().waitFor();
    await desk.screenshot('runs-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
