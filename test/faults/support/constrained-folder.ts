// Folders where writing fails the way it does on real machines: a read-only mount (EROFS) and a
// full disk (ENOSPC). Both are small tmpfs mounts when this process may mount (root in a
// container); otherwise a read-only folder is a chmod 555 folder (which stops an ordinary user,
// not root), and when neither works the error is injected into node:fs by the test, which says so.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Constraint = 'tmpfs' | 'chmod' | 'injected';

export interface ConstrainedFolder {
  dir: string;
  how: Constraint;
  /** Why this way, for the test log. */
  note: string;
  /** Makes the folder refuse writes (read-only) or fills it to the last byte (full disk). */
  engage(): void;
  /** Writable again / space freed. */
  release(): void;
  cleanup(): void;
}

function mountTmpfs(dir: string, sizeKb: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function unmount(dir: string) {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  } catch {
    /* not mounted */
  }
}

/** Can an ordinary chmod 555 stop this process from creating a file? (Not when running as root.) */
function chmodStopsWrites(): boolean {
  const probe = mkdtempSync(path.join(os.tmpdir(), 'greenlight-probe-'));
  try {
    chmodSync(probe, 0o555);
    try {
      writeFileSync(path.join(probe, 'x'), 'x');
      return false;
    } catch {
      return true;
    }
  } finally {
    chmodSync(probe, 0o755);
    rmSync(probe, { recursive: true, force: true });
  }
}

export function readOnlyFolder(forceInjection = false): ConstrainedFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'greenlight-readonly-'));
  if (!forceInjection && mountTmpfs(dir, 1024)) {
    return {
      dir,
      how: 'tmpfs',
      note: 'a tmpfs remounted read-only: writes fail with EROFS',
      engage: () => void execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
      release: () => void execFileSync('mount', ['-o', 'remount,rw', dir], { stdio: 'pipe' }),
      cleanup: () => {
        unmount(dir);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!forceInjection && chmodStopsWrites()) {
    const dirs = () => [dir, ...walkDirs(dir)];
    return {
      dir,
      how: 'chmod',
      note: 'folders chmod 555: writes fail with EACCES',
      engage: () => dirs().forEach((d) => chmodSync(d, 0o555)),
      release: () => dirs().forEach((d) => chmodSync(d, 0o755)),
      cleanup: () => {
        dirs().forEach((d) => chmodSync(d, 0o755));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return injected(
    dir,
    `${forceInjection ? 'GREENLIGHT_FAULTS_INJECT=1' : 'neither mounting a tmpfs nor chmod can make a read-only folder for this process'}: EROFS is injected into node:fs for paths in the folder`,
  );
}

export function fullDisk(sizeKb = 512, forceInjection = false): ConstrainedFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'greenlight-fulldisk-'));
  if (!forceInjection && mountTmpfs(dir, sizeKb)) {
    const filler = path.join(dir, 'filler.bin');
    return {
      dir,
      how: 'tmpfs',
      note: `a ${sizeKb} KB tmpfs filled to the last byte: writes fail with ENOSPC`,
      engage: () => fill(filler),
      release: () => rmSync(filler, { force: true }),
      cleanup: () => {
        unmount(dir);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return injected(dir, `${forceInjection ? 'GREENLIGHT_FAULTS_INJECT=1' : 'mounting a small tmpfs is not permitted here'}: ENOSPC is injected into node:fs for writes in the folder`);
}

function injected(dir: string, note: string): ConstrainedFolder {
  return { dir, how: 'injected', note, engage: () => {}, release: () => {}, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes until the file system says ENOSPC, in ever smaller pieces, so not a byte is left. */
function fill(file: string) {
  for (const chunk of [65536, 4096, 512, 1]) {
    const buf = Buffer.alloc(chunk, 0x2e);
    for (;;) {
      try {
        writeFileSync(file, buf, { flag: 'a' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw err;
      }
    }
  }
}

function walkDirs(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      const p = path.join(dir, e.name);
      out.push(p, ...walkDirs(p));
    }
  }
  return out;
}
