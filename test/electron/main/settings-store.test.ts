import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, MAX_RECENT, SettingsStore } from '../../../electron/main/settings-store';
import { makeTempDir } from '../../helpers/temp-dir';

vi.mock('electron', () => import('./fake-electron'));

const temps: ReturnType<typeof makeTempDir>[] = [];
function dir() {
  const t = makeTempDir();
  temps.push(t);
  return t.dir;
}
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('SettingsStore', () => {
  it('starts from defaults when there is no file', () => {
    const s = new SettingsStore(dir());
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.loadProblem).toBeUndefined();
  });

  it('round-trips folders, bounds and theme through settings.json', async () => {
    const d = dir();
    const s = new SettingsStore(d);
    s.rememberFolder('/work/a');
    s.rememberFolder('/work/b');
    s.rememberFolder('/work/a');
    s.setWindowBounds({ x: 5, y: 6, width: 1000, height: 700, maximized: true });
    s.setTheme('dark');
    await s.flush();
    const again = new SettingsStore(d);
    expect(again.get()).toEqual({
      version: 1,
      recentFolders: ['/work/a', '/work/b'],
      openFolders: ['/work/a', '/work/b'],
      windowBounds: { x: 5, y: 6, width: 1000, height: 700, maximized: true },
      theme: 'dark',
    });
    expect(JSON.parse(readFileSync(path.join(d, 'settings.json'), 'utf8')).theme).toBe('dark');
    if (process.platform !== 'win32') expect(statSync(path.join(d, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('forgets open folders and clears the recent list', async () => {
    const d = dir();
    const s = new SettingsStore(d);
    s.rememberFolder('/a');
    s.rememberFolder('/b');
    s.forgetOpenFolder('/a');
    s.forgetRecentFolder('/b');
    expect(s.get().openFolders).toEqual(['/b']);
    expect(s.get().recentFolders).toEqual(['/a']);
    s.clearRecent();
    await s.flush();
    expect(new SettingsStore(d).get()).toMatchObject({ recentFolders: [], openFolders: ['/b'] });
  });

  it('keeps the most recent folders first, at most MAX_RECENT', () => {
    const s = new SettingsStore(dir());
    for (let i = 0; i < MAX_RECENT + 5; i++) s.rememberFolder(`/f${i}`);
    expect(s.get().recentFolders).toHaveLength(MAX_RECENT);
    expect(s.get().recentFolders[0]).toBe(`/f${MAX_RECENT + 4}`);
  });

  it('reads a damaged file leniently: bad fields fall back, good ones stay', () => {
    const d = dir();
    writeFileSync(
      path.join(d, 'settings.json'),
      JSON.stringify({ version: 7, recentFolders: ['/ok', 3, '', '/ok'], openFolders: 'nope', windowBounds: { width: -1 }, theme: 'purple', extra: true }),
    );
    const s = new SettingsStore(d);
    expect(s.get()).toEqual({ version: 1, recentFolders: ['/ok'], openFolders: [], windowBounds: undefined, theme: 'system' });
    expect(s.loadProblem).toBeUndefined();
  });

  it('starts from defaults, saying why, when the file is not JSON', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'settings.json'), '{"recentFolders": [');
    const s = new SettingsStore(d);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.loadProblem).toMatch(/not valid JSON/);
    writeFileSync(path.join(d, 'settings.json'), '[1,2]');
    expect(new SettingsStore(d).loadProblem).toMatch(/does not hold an object/);
  });

  it('creates a missing profile folder', async () => {
    const d = path.join(dir(), 'fresh', 'profile');
    const s = new SettingsStore(d);
    s.setTheme('light');
    await s.flush();
    expect(new SettingsStore(d).get().theme).toBe('light');
  });

  it('reports a failed write instead of throwing', async () => {
    const onError = vi.fn();
    const blocker = path.join(dir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const s = new SettingsStore(path.join(blocker, 'profile'), onError);
    s.setTheme('light');
    await s.flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(s.get().theme).toBe('light');
  });
});
