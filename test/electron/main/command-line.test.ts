import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { foldersFromArgv, isLaunchData } from '../../../electron/main/command-line';

vi.mock('electron', () => import('./fake-electron'));

const cwd = path.resolve('/home/me');

describe('foldersFromArgv', () => {
  it('takes folders after the packaged executable', () => {
    expect(foldersFromArgv(['/opt/Greenlight/greenlight-desk', 'runs', '/srv/other'], { cwd, hasAppPathArg: false })).toEqual([
      path.resolve(cwd, 'runs'),
      path.resolve('/srv/other'),
    ]);
  });

  it('skips the app path when started as `electron <app> …`, and every switch', () => {
    const argv = ['/x/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main.cjs', '--no-sandbox', 'samples/workspace'];
    expect(foldersFromArgv(argv, { cwd, hasAppPathArg: true })).toEqual([path.resolve(cwd, 'samples/workspace')]);
  });

  it('treats everything after -- as a folder', () => {
    const argv = ['/x/electron', 'dist/electron/main.cjs', '--', '-odd-name', 'b', 'b'];
    expect(foldersFromArgv(argv, { cwd, hasAppPathArg: true })).toEqual([path.resolve(cwd, '-odd-name'), path.resolve(cwd, 'b')]);
  });

  it('finds nothing when no folder is named', () => {
    expect(foldersFromArgv(['/x/electron', '.'], { cwd, hasAppPathArg: true })).toEqual([]);
    expect(foldersFromArgv(['/opt/greenlight-desk', '--enable-logging', ''], { cwd, hasAppPathArg: false })).toEqual([]);
  });
});

describe('isLaunchData', () => {
  it('accepts only {argv: string[], cwd: string}', () => {
    expect(isLaunchData({ argv: ['a'], cwd: '/' })).toBe(true);
    expect(isLaunchData({ argv: [1], cwd: '/' })).toBe(false);
    expect(isLaunchData(null)).toBe(false);
    expect(isLaunchData('x')).toBe(false);
  });
});
