// The renderer ships as an entry and chunks: the inbox's code loads with the page (the entry and
// the chunks index.html preloads), every other view's code when it is first shown. Driven in
// Chromium against `greenlight serve`: every chunk arrives as JavaScript under the strict CSP,
// nothing is refused or thrown on the way, and each lazily loaded view appears in full.
// Screenshots are saved under test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DeskPage } from '../pages/desk-page';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/chromium';
import { closeSuite, openDeskInChromium } from '../support/desk-in-chromium';
import { makeSampleWorkspace } from '../support/sample-workspace';
import { startServe, type ServeProcess } from '../support/serve-process';

if (!chromiumAvailable()) throw new Error(`Chromium is required for the end-to-end suite and was not found at ${CHROMIUM_PATH} (apt-get install chromium)`);

const RENDERER = path.resolve(__dirname, '../../../dist/renderer');
/** The chunks of views the inbox does not need: none of them may load with the inbox. */
const LAZY = ['editor-modal', 'score-chart', 'markdown-viewer'];

interface Loaded {
  file: string;
  status: number;
  type: string;
}

describe('the renderer in chunks, in Chromium against greenlight serve', () => {
  let ws: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let desk: DeskPage;
  const scripts: Loaded[] = [];
  const problems: string[] = [];
  const snapshotRequests: unknown[] = [];

  beforeAll(async () => {
    ws = makeSampleWorkspace();
    // A gate with a markdown artifact beside it (the sample's own .md artifacts are all missing files).
    writeFileSync(
      path.join(ws, 'launch-notes.md'),
      '# Launch notes\n\nThe **second** cut is shorter.\n\n| scene | seconds |\n|---|---|\n| cold open | 12 |\n\n- [x] music cleared\n',
    );
    writeFileSync(path.join(ws, 'launch-notes.gate.json'), JSON.stringify({ question: 'Publish the launch notes?', requested_at: '2026-11-20T09:00:00Z', artifacts: ['launch-notes.md'] }));
    serve = await startServe([ws]);
    ({ browser, page, desk } = await openDeskInChromium(serve, { page: watch }));
  });

  afterAll(() => closeSuite({ browser, serve, dir: ws && path.dirname(ws) }));

  /** Every script and snapshot request, and anything refused or thrown, from the page's start. */
  async function watch(page: Page) {
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.push({ file: url.pathname.slice('/assets/'.length), status: r.status(), type: r.headers()['content-type'] ?? '' });
    });
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/getSnapshot') snapshotRequests.push(JSON.parse(r.postData() ?? '{}'));
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    // A refused script or style would also report here, even where the console says nothing.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.blockedURI} (${e.violatedDirective})`));
    });
  }

  it('index.html loads the entry as a module and preloads exactly the chunks the entry imports', () => {
    const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    expect(html).toContain('<script type="module" src="assets/app.js"></script>');
    expect(html).toContain('<script type="module" async src="assets/boot.js"></script>');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="assets\/([^"]+)" \/>/g)].map((m) => m[1]).sort();
    const entry = readFileSync(path.join(RENDERER, 'assets/app.js'), 'utf8');
    const imported = [...entry.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]);
    // Chunks import chunks: what the entry needs is the whole static graph.
    const graph = new Set<string>();
    const visit = (file: string) => {
      if (graph.has(file)) return;
      graph.add(file);
      const text = readFileSync(path.join(RENDERER, 'assets', file), 'utf8');
      for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]);
    };
    imported.forEach(visit);
    expect(preloaded).toEqual([...graph].sort());
    for (const lazy of LAZY) expect(preloaded.some((f) => f.startsWith(`${lazy}-`))).toBe(false);
  });

  it('the inbox loads only the first screen’s code, every script as JavaScript, with nothing refused', async () => {
    await desk.go('inbox');
    await desk.inboxItems().first().waitFor();
    expect(scripts.some((s) => s.file === 'app.js')).toBe(true);
    expect(scripts.some((s) => s.file === 'boot.js')).toBe(true);
    // The boot script asked for the first screen; the app took its answer and did not ask again
    // (the sample desk is small enough to come whole, so there is no second request either).
    expect(snapshotRequests).toEqual([{ args: [{ firstScreen: 60 }] }]);
    for (const lazy of LAZY) expect(scripts.filter((s) => s.file.startsWith(`${lazy}-`))).toEqual([]);
    expect(scripts.filter((s) => s.status !== 200 || s.type !== 'text/javascript; charset=utf-8')).toEqual([]);
    expect(problems).toEqual([]);
    await desk.screenshot('split-inbox');
  });

  it('the iteration chart loads its chunk and draws every point', async () => {
    await desk.openRunByTitle('holiday_lights_2026');
    await desk.openIterations();
    await expect.poll(() => desk.iterationPoints().count(), { timeout: 10000 }).toBe(8);
    expect(scripts.some((s) => s.file.startsWith('score-chart-'))).toBe(true);
    expect(await page.locator('[data-testid="lazy-loading"], [data-testid="lazy-failed"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await desk.screenshot('split-iterations');
  });

  it('a markdown artifact loads the markdown chunk and renders its table and task list', async () => {
    await desk.go('inbox');
    await desk.inboxItems().filter({ hasText: 'Publish the launch notes?' }).first().click();
    const doc = page.locator('.gl-md').first();
    await doc.getByRole('heading', { name: 'Launch notes' }).waitFor({ timeout: 10000 });
    expect(await doc.locator('strong').innerText()).toBe('second');
    expect(await doc.locator('table').filter({ hasText: 'cold open' }).count()).toBe(1);
    expect(await doc.locator('input[type="checkbox"]').count()).toBe(1);
    expect(scripts.some((s) => s.file.startsWith('markdown-viewer-'))).toBe(true);
    expect(problems).toEqual([]);
    await desk.screenshot('split-markdown');
  });

  it('the artifact editor loads CodeMirror in its own chunk, in the checkpoint view', async () => {
    await desk.openRunByTitle('night_train');
    await page.getByRole('button', { name: 'Edit TRAILER_MANIFEST.json' }).first().click();
    const editor = page.locator('[data-testid="code-editor"] .cm-content');
    await editor.waitFor({ timeout: 10000 });
    expect(await editor.innerText()).toContain('"clips"');
    expect(scripts.some((s) => s.file.startsWith('editor-modal-'))).toBe(true);
    expect(problems).toEqual([]);
    await desk.screenshot('split-editor');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="editor-modal"]').waitFor({ state: 'detached', timeout: 5000 });
  });

  it('runs and problems come from their chunks too, and every chunk that loaded was JavaScript', async () => {
    await desk.go('runs');
    await desk.runRows().first().waitFor();
    await desk.go('problems');
    await desk.problemItems().first().waitFor({ timeout: 10000 });
    expect(scripts.filter((s) => s.status !== 200 || s.type !== 'text/javascript; charset=utf-8')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
