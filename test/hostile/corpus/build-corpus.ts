// Writes the hostile corpus into a fresh temp root (plus a sibling folder outside it that
// escaping symlinks point to). Big, unreadable and special files are made here, at test time.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CorpusCase, CorpusWriter } from './corpus-case';

export interface BuiltCorpus {
  /** The watched root. */
  root: string;
  outside: string;
  /** Cases that could not be exercised on this machine, with the reason. */
  skipped: Map<string, string>;
  cleanup(): void;
}

export function buildCorpus(cases: CorpusCase[], prefix = 'greenlight-hostile-'): BuiltCorpus {
  const base = mkdtempSync(path.join(os.tmpdir(), prefix));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  const w: CorpusWriter = {
    root,
    outside,
    write(rel, content) {
      const p = abs(rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
    writeOutside(name, content) {
      const p = path.join(outside, ...name.split('/'));
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
    symlink(target, rel) {
      const p = abs(rel);
      mkdirSync(path.dirname(p), { recursive: true });
      symlinkSync(target, p);
    },
    mkdir(rel) {
      const p = abs(rel);
      mkdirSync(p, { recursive: true });
      return p;
    },
    sparse(rel, prefixText, size) {
      const p = abs(rel);
      mkdirSync(path.dirname(p), { recursive: true });
      const fd = openSync(p, 'w');
      try {
        writeSync(fd, prefixText);
        ftruncateSync(fd, size);
      } finally {
        closeSync(fd);
      }
    },
    mkfifo(rel) {
      const p = abs(rel);
      mkdirSync(path.dirname(p), { recursive: true });
      try {
        execFileSync('mkfifo', [p], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    },
  };

  const skipped = new Map<string, string>();
  const locked: string[] = [];
  for (const c of cases) {
    c.build(w);
    if (c.needsEnforcedPermissions) {
      const target = abs(c.rel);
      chmodSync(target, c.needsEnforcedPermissions.chmod);
      locked.push(target);
      if (permissionsIgnored(target)) skipped.set(c.id, permissionSkipReason());
    }
  }
  return {
    root,
    outside,
    skipped,
    cleanup() {
      for (const p of locked) chmodSync(p, 0o755);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** chmod 000 stops nobody running as root (or with CAP_DAC_OVERRIDE), as in most CI containers. */
function permissionsIgnored(target: string): boolean {
  try {
    try {
      readdirSync(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
      readFileSync(target);
    }
    return true;
  } catch {
    return false;
  }
}

export function permissionSkipReason(): string {
  const uid = process.getuid?.();
  return `skipped: chmod 000 does not stop this process from reading (uid ${uid ?? '?'}${uid === 0 ? ', root' : ''}), so an unreadable file cannot be made for it here; test/hostile/unreadable-files.test.ts runs the desk as uid 65534 to cover this case`;
}
