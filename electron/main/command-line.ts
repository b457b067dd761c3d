// Folders named on the command line: `greenlight-desk a b`, `electron main.cjs -- a b`, and the
// argv a second instance forwards. Switches (Chromium's, Node's, Playwright's --inspect=0…) are
// skipped; after `--` every argument is a folder, even one that starts with a dash.
import path from 'node:path';

export function foldersFromArgv(argv: readonly string[], opts: { cwd: string; hasAppPathArg: boolean }): string[] {
  const folders: string[] = [];
  let skipAppPath = opts.hasAppPathArg;
  let literal = false;
  for (const arg of argv.slice(1)) {
    if (!literal && arg === '--') {
      literal = true;
      continue;
    }
    if (!literal && arg.startsWith('-')) continue;
    if (!literal && skipAppPath) {
      // `electron <app path> …`: the first positional is the app itself, not a folder.
      skipAppPath = false;
      continue;
    }
    if (arg.trim()) folders.push(path.resolve(opts.cwd, arg));
  }
  return [...new Set(folders)];
}

/** What a launch hands to the first instance (Electron may reorder a second instance's argv). */
export interface LaunchData {
  argv: string[];
  cwd: string;
}

export function isLaunchData(v: unknown): v is LaunchData {
  const o = v as LaunchData | null;
  return !!o && Array.isArray(o.argv) && o.argv.every((a) => typeof a === 'string') && typeof o.cwd === 'string';
}
