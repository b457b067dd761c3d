// The part every browser suite shares: Chromium on a running `greenlight serve`, the desk
// loaded and ready behind the shared page object, and the teardown in the right order.
import { promises as fs } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DeskPage } from '../pages/desk-page';
import { launchChromium } from './chromium';
import { SCREENSHOT_DIR } from './sample-workspace';
import type { ServeProcess } from './serve-process';

export interface DeskInChromium {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  desk: DeskPage;
}

export interface DeskHooks {
  /** Before the first page exists: context-wide listeners see that page too. */
  context?: (context: BrowserContext) => void;
  /** Before the desk loads: listeners and init scripts that must see the page from its start. */
  page?: (page: Page) => void | Promise<void>;
}

export async function openDeskInChromium(serve: ServeProcess, hooks: DeskHooks = {}): Promise<DeskInChromium> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    hooks.context?.(context);
    const page = await context.newPage();
    await hooks.page?.(page);
    const desk = new DeskPage(page, SCREENSHOT_DIR);
    await page.goto(serve.url);
    await desk.waitReady();
    return { browser, context, page, desk };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** A suite's afterAll: the browser, then `serve`, then the folder it was given; each only if set up. */
export async function closeSuite(parts: { browser?: Browser; serve?: ServeProcess; dir?: string }): Promise<void> {
  await parts.browser?.close();
  await parts.serve?.stop();
  if (parts.dir) await fs.rm(parts.dir, { recursive: true, force: true });
}
