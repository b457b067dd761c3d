// One pass over a root: every file path below it, skipping what no pipeline writes into
// (.git, node_modules) and the writers' transient temp files. Unreadable folders and
// symlink loops are reported, never thrown. A symbolic link leading out of the root is
// reported and not followed: the root is the boundary of what the desk reads and shows.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { isIgnoredDir, isTempFile } from './ignore-rules';

export interface ScanIssue {
  abs: string;
  message: string;
}

/** A file Greenlight set aside mid-decision (see decide/writers/swap-if-unchanged.ts). */
const TAKEN_ASIDE = /^\.greenlight-.+\.taken\.tmp$/;

/**
 * Folders listed at once. Each listing is a round trip through libuv's thread pool; one at a
 * time, a workspace of 10,000 folders spends a second waiting, several at a time a fifth of it.
 */
const LISTINGS_IN_FLIGHT = 32;

interface Folder {
  abs: string;
  /** Its path with every symbolic link resolved: how loops and escapes are recognised. */
  real: string;
}

export interface ScanHooks {
  onIssue?: (i: ScanIssue) => void;
  /** A folder holds a file set aside by a decision that was cut off (recover it before reading the folder). */
  onTakenAside?: (dir: string) => void;
  /** Each folder's files as soon as it is listed (the result is still every file, sorted). */
  onFiles?: (files: string[]) => void;
  /**
   * Called with each folder the scan enters (its path, and its real path), just before it is
   * listed: the folder watcher watches it there, so the tree is walked once, not once to watch
   * and again to scan, and a file written after its folder was listed is still seen.
   */
  beforeList?: (abs: string, real: string) => void;
}

export async function scanTree(root: string, hooks: ScanHooks = {}): Promise<string[]> {
  const { onIssue = () => {}, onTakenAside = () => {}, onFiles, beforeList } = hooks;
  const out: string[] = [];
  const realRoot = await fs.realpath(root).catch(() => root);
  // Real paths of the folders entered: a second link to one of them (or a loop) is not entered again.
  const seen = new Set<string>([realRoot]);
  const queue: Folder[] = [{ abs: root, real: realRoot }];
  let active = 0;

  const list = async (folder: Folder): Promise<void> => {
    let entries: Dirent[];
    beforeList?.(folder.abs, folder.real);
    try {
      entries = await fs.readdir(folder.abs, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      onIssue({ abs: folder.abs, message: code === 'EACCES' ? 'permission denied: folder cannot be read' : `cannot read folder: ${(err as Error).message}` });
      return;
    }
    const files: string[] = [];
    for (const e of entries) {
      const name = e.name;
      if (TAKEN_ASIDE.test(name)) onTakenAside(folder.abs);
      // Folders above this one were checked on the way down: only the name is left to check.
      if (isIgnoredDir(name) || isTempFile(name)) continue;
      const abs = folder.abs + path.sep + name;
      if (e.isDirectory()) {
        // A plain folder inside a folder that is inside the root is inside the root too, and
        // its real path follows from its parent's without a system call.
        const real = path.join(folder.real, name);
        if (!seen.has(real)) {
          seen.add(real);
          queue.push({ abs, real });
        }
      } else if (e.isFile()) files.push(abs);
      else if (e.isSymbolicLink()) await followLink(abs, files);
    }
    for (const f of files) out.push(f);
    if (files.length) onFiles?.(files);
  };

  const followLink = async (abs: string, files: string[]): Promise<void> => {
    try {
      const real = await fs.realpath(abs);
      if (outside(realRoot, real)) {
        onIssue({ abs, message: `symbolic link leads outside the watched folder (to ${real}); not followed` });
        return;
      }
      const st = await fs.stat(real);
      if (st.isDirectory()) {
        if (seen.has(real)) return; // a symlink loop or a second link to the same folder
        seen.add(real);
        queue.push({ abs, real });
      } else if (st.isFile()) files.push(abs);
    } catch (err) {
      onIssue({ abs, message: `broken or looping symbolic link: ${(err as Error).message}` });
    }
  };

  await new Promise<void>((resolve) => {
    const pump = () => {
      while (active < LISTINGS_IN_FLIGHT && queue.length) {
        active++;
        void list(queue.pop()!).finally(() => {
          active--;
          pump();
        });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
  return out.sort();
}

function outside(realRoot: string, real: string): boolean {
  const back = path.relative(realRoot, real);
  return back === '..' || back.startsWith('..' + path.sep) || path.isAbsolute(back);
}
