// The Electron main process: one window showing the renderer from greenlight-app://, the core
// (Desk) in this process, the contract over IPC, protocols for the app and artifact bytes, the
// native menu, notifications for newly waiting gates, and remembered folders and window place.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { Desk, VERSION } from '../core/desk';
import { APP_ENTRY_URL } from './app-origin';
import { buildMenuTemplate } from './app-menu';
import { PRIVILEGED_SCHEMES, registerAppProtocol } from './app-protocol';
import { registerArtifactProtocol } from './artifact-protocol';
import { foldersFromArgv, isLaunchData, type LaunchData } from './command-line';
import { desktopAttentionHost } from './desktop-attention';
import { GateNotifier } from './gate-notifier';
import { installHardening, lockDownSession } from './harden-web-contents';
import { createElectronHandlers } from './host-handlers';
import { forwardDeskEvents, registerIpcHandlers } from './ipc-bridge';
import { SettingsStore, type ThemeSource } from './settings-store';
import { windowOptions } from './window-options';

export const APP_ID = 'dev.greenlight.desk';

// Both must happen before 'ready': Electron accepts privileged schemes and the global
// renderer sandbox only then.
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
app.enableSandbox();

// Tests and side-by-side runs use their own profile (settings, single-instance lock); must be
// set before the lock is requested, since the lock lives in the profile folder.
if (process.env.GREENLIGHT_USER_DATA) app.setPath('userData', path.resolve(process.env.GREENLIGHT_USER_DATA));

const distDir = path.join(__dirname, '..');
const launch: LaunchData = { argv: process.argv, cwd: process.cwd() };

if (!app.requestSingleInstanceLock(launch)) {
  // Another Greenlight is running: it receives our folders through 'second-instance'.
  app.quit();
} else {
  start().catch((err: Error) => {
    dialog.showErrorBox('Greenlight could not start', err.stack ?? err.message);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  installHardening(app, { openExternal: (url) => void shell.openExternal(url) });
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.setAboutPanelOptions({ applicationName: 'Greenlight', applicationVersion: VERSION, copyright: 'MIT License' });

  let win: BrowserWindow | null = null;
  const getWindow = () => win;
  // A second launch before we are ready waits here for the desk to exist.
  const early: string[] = [];
  let openNamed: ((dirs: string[]) => void) | null = null;
  const hasAppPathArg = Boolean(process.defaultApp);
  app.on('second-instance', (_event, argv, cwd, data) => {
    const from = isLaunchData(data) ? data : { argv, cwd };
    const dirs = foldersFromArgv(from.argv, { cwd: from.cwd, hasAppPathArg });
    if (openNamed) openNamed(dirs);
    else early.push(...dirs);
  });

  await app.whenReady();

  const settings = new SettingsStore(app.getPath('userData'), (err) => console.error(`greenlight: could not save settings: ${err.message}`));
  nativeTheme.themeSource = settings.get().theme;
  const desk = new Desk({ mode: 'electron', watch: true });
  if (settings.loadProblem) desk.notice('warning', settings.loadProblem);

  const notifier = new GateNotifier(desktopAttentionHost(getWindow, (runId) => desk.index.getRun(runId)?.title));
  const handlers = createElectronHandlers({
    desk,
    settings,
    notifier,
    openPath: (abs) => shell.openPath(abs),
    showItemInFolder: (abs) => shell.showItemInFolder(abs),
    onRootsChanged: () => rebuildMenu(),
  });

  lockDownSession(session.defaultSession);
  registerAppProtocol(protocol, path.join(distDir, 'renderer'));
  registerArtifactProtocol(protocol, desk);
  registerIpcHandlers(ipcMain, handlers, getWindow);
  forwardDeskEvents(desk, getWindow);
  desk.on('event', (e) => notifier.handleEvent(e));

  async function openFolder(dir: string): Promise<void> {
    try {
      await handlers.addRoot(dir);
    } catch (err) {
      if (!existsSync(dir)) settings.forgetOpenFolder(dir);
      desk.notice('error', `Could not open ${dir}: ${(err as Error).message}`);
    }
  }

  function rebuildMenu() {
    const s = settings.get();
    const template = buildMenuTemplate(
      { platform: process.platform, isDev: !app.isPackaged, recentFolders: s.recentFolders, openRoots: desk.listRoots(), theme: s.theme },
      {
        openFolder: () => void pickFolders(),
        openRecent: (dir) => {
          if (!existsSync(dir)) {
            settings.forgetRecentFolder(dir);
            rebuildMenu();
            void dialog.showMessageBox({ type: 'warning', message: 'Folder not found', detail: `${dir} no longer exists; it was removed from the recent list.` });
            return;
          }
          void openFolder(dir);
        },
        clearRecent: () => {
          settings.clearRecent();
          rebuildMenu();
        },
        closeFolder: (rootId) => void handlers.removeRoot(rootId),
        setTheme: (theme: ThemeSource) => {
          nativeTheme.themeSource = theme;
          settings.setTheme(theme);
          rebuildMenu();
        },
        about: () => app.showAboutPanel(),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  async function pickFolders() {
    const options = { title: 'Open Folder', buttonLabel: 'Watch Folder', properties: ['openDirectory', 'multiSelections'] as ('openDirectory' | 'multiSelections')[] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (!result.canceled) await Promise.all(result.filePaths.map(openFolder));
  }

  function createWindow() {
    const s = settings.get();
    const devIcon = path.join(distDir, '..', 'build', 'icon.png');
    const w = new BrowserWindow(
      windowOptions({
        preloadPath: path.join(__dirname, 'preload.cjs'),
        bounds: s.windowBounds,
        workAreas: screen.getAllDisplays().map((d) => d.workArea),
        iconPath: !app.isPackaged && existsSync(devIcon) ? devIcon : undefined,
        backgroundColor: nativeTheme.shouldUseDarkColors ? '#111827' : '#f9fafb',
      }),
    );
    win = w;
    if (s.windowBounds?.maximized) w.maximize();
    w.once('ready-to-show', () => w.show());
    w.webContents.once('did-fail-load', () => w.show());
    w.on('close', () => settings.setWindowBounds({ ...w.getNormalBounds(), maximized: w.isMaximized() }));
    w.on('closed', () => {
      if (win === w) win = null;
    });
    w.webContents.on('render-process-gone', (_e, details) => desk.notice('error', `The window's renderer stopped (${details.reason}); reload with View → Reload.`));
    void w.loadURL(APP_ENTRY_URL);
  }

  // Folders named at launch replace the remembered set; with none, the remembered set reopens.
  // The roots are registered before the window loads so its first snapshot already says "scanning".
  const named = [...foldersFromArgv(launch.argv, { cwd: launch.cwd, hasAppPathArg }), ...early];
  if (named.length) settings.update((s) => ({ ...s, openFolders: [] }));
  for (const dir of named.length ? named : [...settings.get().openFolders]) void openFolder(dir);
  rebuildMenu();
  createWindow();
  openNamed = (dirs) => {
    for (const dir of dirs) void openFolder(dir);
    if (!win) return createWindow();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  app.on('activate', () => {
    if (!win) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let cleaned = false;
  app.on('will-quit', (event) => {
    if (cleaned) return;
    event.preventDefault();
    void Promise.allSettled([desk.close(), settings.flush()]).finally(() => {
      cleaned = true;
      app.quit();
    });
  });
}
