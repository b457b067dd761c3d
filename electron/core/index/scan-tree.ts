// One pass over a root: every file path below it, skipping what no pipeline writes into
// (.git, node_modules) and the writers' transient temp files. Unreadable folders and
// symlink loops are reported, never thrown. A symbolic link leading out of the root is
// reported and not followed: the root is the boundary of what the desk reads and shows.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isIgnoredPath } from './ignore-rules';

export interface ScanIssue {
  abs: string;
  message: string;
}

/** A file Greenlight set aside mid-decision (see decide/writers/swap-if-unchanged.ts). */
const TAKEN_ASIDE = /^\.greenlight-.+\.taken\.tmp$/;

export async function scanTree(
  root: string,
  onIssue: (i: ScanIssue) => void = () => {},
  onTakenAside: (dir: string) => void = () => {},
): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [root];
  const realRoot = await fs.realpath(root).catch(() => root);
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (err) {
      onIssue({ abs: dir, message: `cannot resolve folder: ${(err as Error).message}` });
      continue;
    }
    if (outside(realRoot, real)) {
      onIssue({ abs: dir, message: `symbolic link leads outside the watched folder (to ${real}); not followed` });
      continue;
    }
    if (seen.has(real)) continue; // a symlink loop or a second link to the same folder
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      onIssue({ abs: dir, message: code === 'EACCES' ? 'permission denied: folder cannot be read' : `cannot read folder: ${(err as Error).message}` });
      continue;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (TAKEN_ASIDE.test(e.name)) onTakenAside(dir);
      if (isIgnoredPath(abs)) continue;
      if (e.isDirectory()) stack.push(abs);
      else if (e.isFile()) out.push(abs);
      else if (e.isSymbolicLink()) {
        try {
          const st = await fs.stat(abs);
          if (st.isDirectory()) stack.push(abs);
          else if (st.isFile()) {
            const target = await fs.realpath(abs);
            if (outside(realRoot, target)) onIssue({ abs, message: `symbolic link leads outside the watched folder (to ${target}); not followed` });
            else out.push(abs);
          }
        } catch (err) {
          onIssue({ abs, message: `broken or looping symbolic link: ${(err as Error).message}` });
        }
      }
    }
  }
  return out.sort();
}

function outside(realRoot: string, real: string): boolean {
  const back = path.relative(realRoot, real);
  return back === '..' || back.startsWith('..' + path.sep) || path.isAbsolute(back);
}
