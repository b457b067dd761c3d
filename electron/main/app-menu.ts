// The native menu. Built from plain state by a pure function so it can be rebuilt whenever the
// open folders, the recent list or the theme change, and tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { ThemeSource } from './settings-store';

export interface MenuState {
  platform: NodeJS.Platform;
  isDev: boolean;
  recentFolders: string[];
  openRoots: { id: string; name: string; path: string }[];
  theme: ThemeSource;
}

export interface MenuActions {
  openFolder(): void;
  openRecent(dir: string): void;
  clearRecent(): void;
  closeFolder(rootId: string): void;
  setTheme(theme: ThemeSource): void;
  about(): void;
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = state.recentFolders.length
    ? [
        ...state.recentFolders.map((dir) => ({ label: menuLabel(dir), toolTip: dir, click: () => actions.openRecent(dir) })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Folders', enabled: false }, { type: 'separator' as const }, { label: 'Clear Recent', enabled: false }];
  const close: MenuItemConstructorOptions[] = state.openRoots.length
    ? state.openRoots.map((r) => ({ label: menuLabel(r.path), toolTip: r.path, click: () => actions.closeFolder(r.id) }))
    : [{ label: 'No Open Folders', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { label: 'Open Recent', submenu: recent },
      { label: 'Close Folder', submenu: close },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const themes: [ThemeSource, string][] = [
    ['system', 'System'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(state.isDev ? [{ role: 'toggleDevTools' as const }] : []),
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: themes.map(([value, label]) => ({
          label,
          type: 'radio' as const,
          checked: state.theme === value,
          click: () => actions.setTheme(value),
        })),
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'About Greenlight', click: () => actions.about() }],
  };
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
}

/** The folder's name with its parent, enough to tell apart two "workspace" folders. */
export function menuLabel(dir: string): string {
  const base = path.basename(dir) || dir;
  const parent = path.basename(path.dirname(dir));
  // '&' would become a keyboard mnemonic on Windows/Linux.
  return (parent && parent !== base ? `${base} — ${parent}` : base).replace(/&/g, '&&');
}
