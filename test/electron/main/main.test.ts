// Loads the real main-process entry (electron/main/main.ts) against the Electron stand-in and
// a stand-in Desk, and checks the wiring: security settings, protocols, IPC, menu, folders from
// the command line, second instances, notifications and shutdown.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_EVENT_CHANNEL, ipcChannel, type DeskEvent } from '../../../shared/api-contract';
import type { Gate } from '../../../shared/model';
import { PRIVILEGED_SCHEMES } from '../../../electron/main/app-protocol';
import { makeTempDir } from '../../helpers/temp-dir';
import { app, FakeBrowserWindow, FakeNotification, fakeState, ipcMain, Menu, nativeTheme, protocol, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../../electron/core/desk', async () => {
  const { EventEmitter } = await import('node:events');
  const nodePath = await import('node:path');
  class Desk extends EventEmitter {
    static instances: Desk[] = [];
    readonly roots = new Map<string, { id: string; name: string; path: string }>();
    readonly index = { roots: this.roots, getRun: (id: string) => (id === 'run-a' ? { title: 'Run A' } : undefined) };
    addRoot = vi.fn(async (dir: string) => {
      const r = { id: `root-${this.roots.size + 1}`, name: nodePath.basename(dir), path: dir };
      this.roots.set(r.id, r);
      this.emit('event', { type: 'roots', roots: this.listRoots() });
      return { ...r, watching: true, polling: false };
    });
    removeRoot = vi.fn(async (id: string) => this.roots.delete(id));
    notice = vi.fn();
    close = vi.fn(async () => undefined);
    constructor(readonly opts: unknown) {
      super();
      Desk.instances.push(this);
    }
    listRoots() {
      return [...this.roots.values()].map((r) => ({ ...r, watching: true, polling: false }));
    }
    snapshot() {
      return { roots: this.listRoots(), runs: [], gates: [], problemCount: { errors: 0, warnings: 0 }, notices: [], ready: true, mode: 'electron', version: '0.1.0' };
    }
  }
  return { Desk, VERSION: '0.1.0' };
});

type FakeDesk = import('node:events').EventEmitter & {
  opts: unknown;
  roots: Map<string, { id: string; path: string }>;
  addRoot: ReturnType<typeof vi.fn>;
  close: ReturnType<typeof vi.fn>;
  notice: ReturnType<typeof vi.fn>;
};

const tmp = makeTempDir();
const first = path.join(tmp.dir, 'workspace');
const second = path.join(tmp.dir, 'second');
mkdirSync(first);
mkdirSync(second);
const savedArgv = process.argv;
let desk: FakeDesk;
let win: FakeBrowserWindow;

beforeAll(async () => {
  mkdirSync(path.join(tmp.dir, 'user-data'));
  process.env.GREENLIGHT_USER_DATA = path.join(tmp.dir, 'user-data');
  process.argv = ['/opt/electron/electron', '--inspect=0', first];
  await import('../../../electron/main/main');
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
  win = FakeBrowserWindow.all[0];
  const { Desk } = (await import('../../../electron/core/desk')) as unknown as { Desk: { instances: FakeDesk[] } };
  desk = Desk.instances[0];
  await vi.waitFor(() => expect(desk.roots.size).toBe(1));
});
afterAll(() => {
  process.argv = savedArgv;
  delete process.env.GREENLIGHT_USER_DATA;
  tmp.cleanup();
});

function gate(id: string): Gate {
  return { id, runId: `run-${id}`, family: 'gate', stageName: 'review', title: `Check ${id}`, status: 'waiting', decisions: ['approve'], unavailable: {} };
}

describe('main process start-up', () => {
  it('registers the privileged schemes and the sandbox before the app is ready', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]);
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]);
    // The launch's own folders travel to an already running instance with the lock request.
    // GREENLIGHT_USER_DATA picks the profile before the lock, which lives in the profile.
    expect(fakeState.userData).toBe(path.join(tmp.dir, 'user-data'));
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ argv: ['/opt/electron/electron', '--inspect=0', first], cwd: process.cwd() });
  });

  it('opens one hardened window on the app origin with the preload', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('greenlight-app://app/index.html');
    // Every web contents gets the navigation guard.
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('serves both protocols and locks the session down', () => {
    expect([...protocol.handlers.keys()].sort()).toEqual(['greenlight-app', 'greenlight-artifact']);
    expect(session.defaultSession.permissionRequestHandler).toBeDefined();
    expect(session.defaultSession.permissionCheckHandler).toBeDefined();
  });

  it('runs the desk in electron mode with live watching', () => {
    expect(desk.opts).toEqual({ mode: 'electron', watch: true });
  });

  it('opens the folders named on the command line and remembers them', async () => {
    expect(desk.addRoot).toHaveBeenCalledWith(first);
    await vi.waitFor(() => {
      const saved = JSON.parse(readFileSync(path.join(fakeState.userData, 'settings.json'), 'utf8'));
      expect(saved.openFolders).toEqual([first]);
      expect(saved.recentFolders).toEqual([first]);
    });
  });

  it('installs the native menu with the open folder under Close Folder', () => {
    const template = Menu.current as { label?: string; submenu?: { label?: string; submenu?: { label?: string }[] }[] }[];
    const file = template.find((m) => m.label === 'File')!;
    const close = file.submenu!.find((i) => i.label === 'Close Folder')!;
    expect(close.submenu!.map((i) => i.label)).toEqual(['workspace — ' + path.basename(tmp.dir)]);
  });

  it('answers the contract over IPC only for the app window', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map(ipcChannel).sort());
    const handler = ipcMain.handlers.get(ipcChannel('getSnapshot'))!;
    const snap = (await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame })) as { roots: unknown[] };
    expect(snap.roots).toHaveLength(1);
    const foreign = { url: 'https://evil.example/', parent: null, processId: 1, routingId: 1 };
    await expect(handler({ sender: win.webContents, senderFrame: foreign })).rejects.toThrow(/refused/);
  });

  it('forwards desk events to the window and notifies about a newly waiting gate', () => {
    const event: DeskEvent = { type: 'index', upserted: [], removed: [], gates: [gate('a')], problemCount: { errors: 0, warnings: 0 }, changedRuns: [], changedFiles: [] };
    desk.emit('event', event);
    expect(win.webContents.sent).toContainEqual([IPC_EVENT_CHANNEL, event]);
    expect(FakeNotification.all.map((n) => [n.options.title, n.options.body])).toEqual([['Gate waiting: Check a', 'Run A · review']]);
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(1);
    expect(win.title).toBe('(1) Greenlight');
  });

  it('applies the theme chosen in the menu and remembers it', async () => {
    const view = (Menu.current as { label?: string; submenu?: { label?: string; submenu?: { label?: string; click?: () => void }[] }[] }[]).find((m) => m.label === 'View')!;
    const theme = view.submenu!.find((i) => i.label === 'Theme')!;
    theme.submenu!.find((i) => i.label === 'Dark')!.click!();
    expect(nativeTheme.themeSource).toBe('dark');
    await vi.waitFor(() => expect(JSON.parse(readFileSync(path.join(fakeState.userData, 'settings.json'), 'utf8')).theme).toBe('dark'));
  });

  it('opens folders a second launch names, and brings the window forward', async () => {
    app.emit('second-instance', {}, ['/garbled'], '/', { argv: ['/opt/electron/electron', second], cwd: tmp.dir });
    await vi.waitFor(() => expect(desk.addRoot).toHaveBeenCalledWith(second));
    expect(win.focus).toHaveBeenCalled();
  });

  it('saves the window place on close, and quits cleanly after closing the desk', async () => {
    win.emit('close');
    await vi.waitFor(() => {
      const saved = JSON.parse(readFileSync(path.join(fakeState.userData, 'settings.json'), 'utf8'));
      expect(saved.windowBounds).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    });
    win.emit('closed');
    if (process.platform !== 'darwin') {
      app.emit('window-all-closed');
      expect(app.quit).toHaveBeenCalled();
    }
    app.quit.mockClear();
    const quitEvent = { preventDefault: vi.fn() };
    app.emit('will-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(desk.close).toHaveBeenCalled();
    // The second will-quit (from that app.quit) is let through.
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
