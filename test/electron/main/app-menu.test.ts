import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, menuLabel, type MenuActions, type MenuState } from '../../../electron/main/app-menu';

vi.mock('electron', () => import('./fake-electron'));

function actions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return { openFolder: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), closeFolder: vi.fn(), setTheme: vi.fn(), about: vi.fn() } as never;
}

const state: MenuState = {
  platform: 'linux',
  isDev: false,
  recentFolders: ['/home/me/projects/workspace', '/srv/runs'],
  openRoots: [{ id: 'r1', name: 'runs', path: '/srv/runs' }],
  theme: 'dark',
};

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const hit = items.find((i) => i.label === label || i.role === label);
  if (!hit) throw new Error(`no menu item ${label}: ${items.map((i) => i.label ?? i.role).join(', ')}`);
  return hit;
}
const sub = (i: MenuItemConstructorOptions) => i.submenu as MenuItemConstructorOptions[];
const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();

describe('buildMenuTemplate', () => {
  it('File → Open Folder… opens the picker', () => {
    const a = actions();
    const file = sub(find(buildMenuTemplate(state, a), 'File'));
    const open = find(file, 'Open Folder…');
    expect(open.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(a.openFolder).toHaveBeenCalled();
  });

  it('File → Open Recent lists remembered folders and can clear them', () => {
    const a = actions();
    const recent = sub(find(sub(find(buildMenuTemplate(state, a), 'File')), 'Open Recent'));
    expect(recent.map((i) => i.label)).toEqual(['workspace — projects', 'runs — srv', undefined, 'Clear Recent']);
    click(recent[1]);
    expect(a.openRecent).toHaveBeenCalledWith('/srv/runs');
    click(recent[3]);
    expect(a.clearRecent).toHaveBeenCalled();
  });

  it('shows a disabled placeholder when nothing is recent or open', () => {
    const file = sub(find(buildMenuTemplate({ ...state, recentFolders: [], openRoots: [] }, actions()), 'File'));
    expect(sub(find(file, 'Open Recent'))[0]).toMatchObject({ label: 'No Recent Folders', enabled: false });
    expect(sub(find(file, 'Close Folder'))[0]).toMatchObject({ label: 'No Open Folders', enabled: false });
  });

  it('File → Close Folder closes that root', () => {
    const a = actions();
    const close = sub(find(sub(find(buildMenuTemplate(state, a), 'File')), 'Close Folder'));
    click(close[0]);
    expect(a.closeFolder).toHaveBeenCalledWith('r1');
  });

  it('View → Theme is a radio group reflecting the current theme', () => {
    const a = actions();
    const theme = sub(find(sub(find(buildMenuTemplate(state, a), 'View')), 'Theme'));
    expect(theme.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['System', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ]);
    click(theme[1]);
    expect(a.setTheme).toHaveBeenCalledWith('light');
  });

  it('offers DevTools only in development', () => {
    const roles = (isDev: boolean) => sub(find(buildMenuTemplate({ ...state, isDev }, actions()), 'View')).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).toContain('reload');
  });

  it('Help → About', () => {
    const a = actions();
    click(sub(find(buildMenuTemplate(state, a), 'help'))[0]);
    expect(a.about).toHaveBeenCalled();
  });

  it('has the macOS app and window menus only on macOS', () => {
    expect(buildMenuTemplate({ ...state, platform: 'darwin' }, actions()).map((i) => i.role ?? i.label)).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(buildMenuTemplate(state, actions()).map((i) => i.role ?? i.label)).toEqual(['File', 'Edit', 'View', 'help']);
  });
});

describe('menuLabel', () => {
  it('shows the folder with its parent and escapes mnemonics', () => {
    expect(menuLabel('/a/R&D')).toBe('R&&D — a');
    expect(menuLabel('/')).toBe('/');
  });
});
