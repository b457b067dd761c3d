// Artifact content is data, never code, end to end in Chromium against `greenlight serve`: a gate
// whose question, title, context and artifacts carry HTML, <script>, an SVG with script (shown as
// an image), markdown with javascript: links and raw HTML, and an HTML file. Every payload would
// set window.__pwned, log "PWNED" and call alert(); none may. Opened on its own, an artifact is
// served with a sandboxing Content-Security-Policy, so even then nothing in it runs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artifact, Run } from '../../../shared/model';
import type { DeskPage } from '../pages/desk-page';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/chromium';
import { closeSuite, openDeskInChromium } from '../support/desk-in-chromium';
import { startServe, type ServeProcess } from '../support/serve-process';

if (!chromiumAvailable()) throw new Error(`Chromium is required for the end-to-end suite and was not found at ${CHROMIUM_PATH} (apt-get install chromium)`);

/** Script that would prove it ran: a global, a console line and a dialog. */
const run = (which: string) => `window.__pwned='${which}';console.log('PWNED ${which}');alert('${which}')`;

const FILES: Record<string, string> = {
  'payload.html': `<!doctype html><html><body><h1>hello</h1><script>${run('html')}</script><img src="x" onerror="${run('html-onerror')}"><iframe src="javascript:parent.__pwned='html-iframe'"></iframe></body></html>`,
  'evil.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="${run('svg-onload')}"><script>${run('svg')}</script><rect width="64" height="64" fill="#c00"/><a href="javascript:${run('svg-link')}"><text y="40">x</text></a></svg>`,
  'notes.md': [
    '# Review notes',
    '',
    // Angle brackets let a destination hold the payload's spaces, so these really are links.
    `[plain javascript](<javascript:${run('md-link')}>)`,
    '',
    '[mixed case](JaVaScRiPt:alert(1))',
    '',
    '[entity-encoded](jav&#x61;script:alert(1))',
    '',
    '[escaped colon](javascript&#58;alert(1))',
    '',
    '[data url](data:text/html,<script>alert(1)</script>)',
    '',
    '[vbscript](vbscript:msgbox(1))',
    '',
    '[reference link][evil]',
    '',
    '<javascript:alert(1)>',
    '',
    '![image](javascript:alert(1))',
    '',
    `<a href="javascript:${run('md-raw-link')}">raw html link</a>`,
    '',
    `<script>${run('md-script')}</script>`,
    '',
    `<img src="x" onerror="${run('md-img')}">`,
    '',
    `<iframe srcdoc="<script>${run('md-iframe')}</script>"></iframe>`,
    '',
    '[a fine link](https://example.invalid/notes)',
    '',
    `[evil]: <javascript:${run('md-ref')}>`,
    '',
  ].join('\n'),
  'plain.txt': `<script>${run('txt')}</script><img src=x onerror="${run('txt-img')}">`,
  'data.json': JSON.stringify({ html: `<script>${run('json')}</script>`, href: `javascript:${run('json-href')}`, img: `<img src=x onerror="${run('json-img')}">` }, null, 2),
};

const GATE = {
  title: `<script>${run('title')}</script>Inert content check`,
  question: `<img src=x onerror="${run('question')}">Ship the cut?`,
  requested_at: '2026-11-20T10:00:00Z',
  options: [`<b onmouseover="${run('option')}">ship</b>`, 'hold'],
  context: { note: `<script>${run('context')}</script>`, link: `javascript:${run('context-link')}` },
  artifacts: Object.keys(FILES),
};

describe('artifact content renders inert in Chromium', () => {
  let tmp: string;
  let serve: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let desk: DeskPage;
  let gateRun: Run;
  const dialogs: string[] = [];
  const pwnedLogs: string[] = [];
  const watch = (p: Page) => {
    p.on('dialog', (d) => {
      dialogs.push(`${p.url()}: ${d.message()}`);
      void d.dismiss();
    });
    p.on('console', (m) => {
      if (m.text().includes('PWNED')) pwnedLogs.push(m.text());
    });
  };
  const pwned = (p: Page) => p.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
  const artifact = (name: string): Artifact => gateRun.stages[0].artifacts.find((a) => a.name === name)!;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'greenlight-e2e-inert-'));
    const gates = path.join(tmp, 'workspace', 'gates');
    mkdirSync(gates, { recursive: true });
    for (const [name, body] of Object.entries(FILES)) writeFileSync(path.join(gates, name), body);
    writeFileSync(path.join(gates, 'inert.gate.json'), JSON.stringify(GATE, null, 2));
    serve = await startServe([path.join(tmp, 'workspace')]);
    const api = async (channel: string, args: unknown[]) => {
      const res = await fetch(`${serve.origin}/api/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ args }) });
      return ((await res.json()) as { result: unknown }).result;
    };
    const snapshot = (await api('getSnapshot', [])) as { runs: { id: string; family: string }[] };
    gateRun = (await api('getRun', [snapshot.runs.find((r) => r.family === 'gate')!.id])) as Run;
    ({ browser, context, page, desk } = await openDeskInChromium(serve, { context: (c) => c.on('page', watch) }));
  });

  afterAll(() => closeSuite({ browser, serve, dir: tmp }));

  it('shows the gate, its context and every artifact as text, images and links that run nothing', async () => {
    await desk.openRun(gateRun.id);
    await desk.stageRows().first().click();
    const toggles = page.locator('.gl-acard__toggle');
    await toggles.first().waitFor({ timeout: 10000 });
    for (let i = 0; i < (await toggles.count()); i++) {
      const t = toggles.nth(i);
      if ((await t.getAttribute('aria-expanded')) !== 'true') await t.click();
    }
    // Every viewer has drawn: the markdown, the text, the JSON, and the SVG as a loaded image.
    await page.locator('.gl-md').first().waitFor({ timeout: 10000 });
    await page.locator('.gl-text__body').first().waitFor({ timeout: 10000 });
    const svg = page.locator(`img[src*="/artifacts/${artifact('evil.svg').id}"]`).first();
    await svg.waitFor({ timeout: 10000 });
    await expect.poll(() => svg.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 10000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10000 }).toContain('window.__pwned');
    await desk.screenshot('inert-content');

    // The payloads are on screen as text…
    const text = await page.locator('body').innerText();
    expect(text).toContain("<script>window.__pwned='txt'");
    expect(text).toContain('Review notes');
    // …and none of them ran.
    expect(await pwned(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pwnedLogs).toEqual([]);
  });

  it('leaves no javascript:, data: or vbscript: link, no event handler attribute and no script, frame or object in the page', async () => {
    const found = await page.evaluate(() => {
      // Everything the app draws lives under #root (the head holds only the app's own tags).
      const hrefs = [...document.querySelectorAll('#root [href], #root [src], #root [action], #root [formaction]')].flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'xlink:href'].map((a) => el.getAttribute(a)).filter((v): v is string => !!v),
      );
      const handlers = [...document.querySelectorAll('#root *')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`));
      const active = [...document.querySelectorAll('#root script, #root iframe, #root object, #root embed, #root frame, #root svg script')].map((e) => e.tagName);
      return { bad: hrefs.filter((h) => /^\s*(javascript|data|vbscript)\s*:/i.test(h.replace(/[\u0000-\u0020]/g, ''))), handlers, active };
    });
    expect(found.bad).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.active).toEqual([]);
    // What the markdown kept as links: only the web link; the rest are dead text.
    const mdLinks = await page.locator('.gl-md a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(mdLinks).toEqual(['https://example.invalid/notes']);
    // Clicking every dead link and the image does nothing either.
    for (const el of await page.locator('.gl-md .gl-md__dead-link, .gl-md .gl-md__img').all()) await el.click();
    expect(await pwned(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('never lets an HTML artifact render as a page: it is sent as a download, sandboxed and unsniffable', async () => {
    const url = `${serve.origin}/artifacts/${artifact('payload.html').id}?token=${serve.token}`;
    const head = await fetch(url);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/octet-stream');
    expect(head.headers.get('x-content-type-options')).toBe('nosniff');
    expect(head.headers.get('content-security-policy')).toMatch(/(^|;\s*)sandbox(\s*;|$)/);
    expect(head.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    // Opened in a tab, Chromium downloads it instead of rendering it.
    const p = await context.newPage();
    const download = p.waitForEvent('download', { timeout: 10000 });
    await p.goto(url).catch(() => undefined);
    await (await download).cancel();
    expect(await pwned(p)).toBeUndefined();
    await p.close();
    expect(dialogs).toEqual([]);
    expect(pwnedLogs).toEqual([]);
  });

  it('serves an SVG opened on its own (not as an <img>) with the same CSP: its script and onload do not run', async () => {
    const p = await context.newPage();
    const res = await p.goto(`${serve.origin}/artifacts/${artifact('evil.svg').id}?token=${serve.token}`);
    expect(res!.status()).toBe(200);
    expect(res!.headers()['content-type']).toBe('image/svg+xml');
    expect(res!.headers()['content-security-policy']).toMatch(/(^|;\s*)sandbox(\s*;|$)/);
    expect(await p.evaluate(() => document.querySelectorAll('script').length)).toBe(1);
    expect(await pwned(p)).toBeUndefined();
    await p.close();
    expect(dialogs).toEqual([]);
    expect(pwnedLogs).toEqual([]);
  });

  it('does not serve artifacts to a page without the token', async () => {
    const res = await fetch(`${serve.origin}/artifacts/${artifact('payload.html').id}`);
    expect(res.status).toBe(401);
  });
});
