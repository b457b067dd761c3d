// The desktop app end to end: launches the built Electron main (dist/electron/main.cjs) on a
// fresh sample workspace with playwright-core's _electron and drives the same renderer the
// browser suite drives. Skipped, saying why, where the Electron binary is not installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD on machines without network).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../electron/preload/channel-names';
import { DeskPage } from '../pages/desk-page';
import { makeSampleWorkspace, SCREENSHOT_DIR } from '../support/sample-workspace';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'dist/electron/main.cjs');

function electronBinary(): string | null {
  try {
    // Exports the executable's path; throws when the binary was never downloaded.
    const bin = createRequire(__filename)('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (!bin) console.log('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, no network): skipping the Electron suite');
else if (!existsSync(MAIN)) console.log('dist/electron/main.cjs is missing (run `npm run build`): skipping the Electron suite');

describe.skipIf(!bin || !existsSync(MAIN))('Greenlight in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let desk: DeskPage;
  let workspace: string;
  let profile: string;

  beforeAll(async () => {
    workspace = makeSampleWorkspace();
    profile = mkdtempSync(path.join(os.tmpdir(), 'greenlight-electron-profile-'));
    const args = [MAIN];
    // Chromium will not start as root with its sandbox (containers, CI).
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
    app = await _electron.launch({
      executablePath: bin!,
      args: [...args, '--', workspace],
      env: { ...process.env, GREENLIGHT_USER_DATA: profile, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
      timeout: 30000,
    });
    page = await app.firstWindow();
    desk = new DeskPage(page, path.join(SCREENSHOT_DIR, 'electron'));
    await desk.waitReady();
  });

  afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  it('loads the renderer from the app protocol, isolated from Node', async () => {
    expect(page.url()).toMatch(/^greenlight-app:\/\/app\/index\.html/);
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { greenlight?: object }).greenlight ?? {}).sort(),
    }));
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.bridge).toEqual([...CHANNEL_NAMES, 'onEvent', 'pathForFile'].sort());
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      return { url: w.webContents.getURL(), count: BrowserWindow.getAllWindows().length };
    });
    expect(prefs).toEqual({ url: expect.stringMatching(/^greenlight-app:\/\/app\//), count: 1 });
  });

  it('shows the waiting gates in the inbox and their count in the title', async () => {
    await desk.go('inbox');
    await desk.inboxItems().first().waitFor({ timeout: 15000 });
    const count = await desk.inboxItems().count();
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => page.title()).toBe(`(${count}) Greenlight`);
    await desk.screenshot('inbox');
  });

  it('opens a gate’s run from the inbox', async () => {
    await desk.go('inbox');
    await desk.inboxItems().first().click();
    await desk.stageRows().first().waitFor({ timeout: 10000 });
    expect(page.url()).toMatch(/#\/runs\//);
    await desk.screenshot('gate-run');
  });

  it('refuses to navigate the window away from the app', async () => {
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/^greenlight-app:\/\/app\//);
  });
});
