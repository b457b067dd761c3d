// Replacing a file another process may rewrite at any moment (an agent re-running a stage)
// without ever losing that process's write.
//
// atomicWrite compares the hash and then renames: if the agent renames its new version into
// place between the two, our rename silently replaces it (a test with an agent rewriting the
// checkpoint in a loop loses about every other approval that way). No POSIX call renames
// "only if the target is still X", so the file is taken instead:
//   1. the new content is written to a temp file and fsynced;
//   2. the current file is renamed aside — from then on nobody can replace it under us;
//   3. if what was taken is not the inode whose bytes were checked, it is linked back and the
//      decision is a conflict;
//   4. otherwise the new file is hard-linked into place, which fails if the agent wrote a new
//      version meanwhile: that version is kept and the decision is a conflict.
// Every placement is a link() that cannot overwrite; the only removal is of the exact version
// the person approved. The price is a gap of three synchronous system calls in which the file
// is absent; a crash inside it leaves the taken file beside the target, and
// recoverInterruptedSwaps() puts it back (run before every swap in that folder, and on start).
import { promises as fs, linkSync, lstatSync, renameSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sha256 } from '../../read/read-document';
import { ConflictError, fsyncDir, writeSyncedTemp } from '../atomic-write';

const TAKEN = /^\.greenlight-(.+)\.[0-9a-f]{12}\.taken\.tmp$/;
const TEMP = /^\.greenlight-.+\.[0-9a-f]{12}\.tmp$/;
/** Plain temp files older than this belong to no write in progress. */
const STALE_TEMP_MS = 60_000;

export class SwapConflictError extends ConflictError {
  constructor(
    message: string,
    currentSha256: string | null,
    /** The approved version was in place until taken, and the agent's new one went in meanwhile:
     *  the agent could not archive the version it superseded (it found no file). */
    readonly supersededUnarchived: boolean,
  ) {
    super(message, currentSha256);
  }
}

export function takenNameFor(target: string): string {
  return path.join(path.dirname(target), `.greenlight-${path.basename(target)}.${randomBytes(6).toString('hex')}.taken.tmp`);
}

/** Replace `target` with `data` only if it still holds `expectSha256`; returns the new hash. */
export async function swapIfUnchanged(target: string, data: Uint8Array, expectSha256: string): Promise<string> {
  const dir = path.dirname(target);
  const name = path.basename(target);
  await recoverInterruptedSwaps(dir);

  // Which inode holds the approved bytes: hash through one descriptor, then note its identity.
  let seen: { ino: bigint; dev: bigint; size: bigint; mtimeNs: bigint };
  try {
    const h = await fs.open(target, 'r');
    try {
      const bytes = await h.readFile();
      const st = await h.stat({ bigint: true });
      const now = sha256(bytes);
      if (now !== expectSha256) throw new ConflictError(`${name} changed since it was shown`, now);
      seen = { ino: st.ino, dev: st.dev, size: st.size, mtimeNs: st.mtimeNs };
    } finally {
      await h.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ConflictError(`${name} no longer exists`, null);
    throw err;
  }

  const tmp = await writeSyncedTemp(target, data);

  const taken = takenNameFor(target);
  let outcome: 'swapped' | 'changed' | 'raced' | 'gone';
  // The gap in which the target is absent: synchronous, so no other task runs inside it.
  try {
    renameSync(target, taken);
    const st = lstatSync(taken, { bigint: true });
    if (st.ino !== seen.ino || st.dev !== seen.dev || st.size !== seen.size || st.mtimeNs !== seen.mtimeNs) {
      outcome = 'changed';
      relink(taken, target);
    } else {
      try {
        linkSync(tmp, target);
        outcome = 'swapped';
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
          relink(taken, target);
          throw err;
        }
        outcome = 'raced';
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    outcome = 'gone';
  }
  await fs.rm(tmp, { force: true });
  await fs.rm(taken, { force: true });
  await fsyncDir(dir);
  if (outcome === 'swapped') return sha256(data);
  const current = await fs.readFile(target).then(sha256, () => null);
  throw new SwapConflictError(outcome === 'gone' ? `${name} no longer exists` : `${name} changed since it was shown`, current, outcome === 'raced');
}

/** Put back a taken file whose swap never finished; a newer file in place wins. */
function relink(taken: string, target: string): void {
  try {
    linkSync(taken, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/**
 * After a crash inside a swap: a target that is missing gets its taken (pre-decision) version
 * back; a target in place means the swap finished, so the leftovers go. Returns the restored
 * paths. Never throws for an unreadable folder.
 */
export async function recoverInterruptedSwaps(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const restored: string[] = [];
  for (const n of names) {
    const m = TAKEN.exec(n);
    const abs = path.join(dir, n);
    if (m) {
      const target = path.join(dir, m[1]);
      try {
        linkSync(abs, target);
        restored.push(target);
      } catch {
        /* EEXIST: the target is in place; anything else: leave the file for a person */
      }
      if (await exists(target)) await fs.rm(abs, { force: true });
    } else if (TEMP.test(n)) {
      const st = await fs.stat(abs).catch(() => null);
      if (st && Date.now() - st.mtimeMs > STALE_TEMP_MS) await fs.rm(abs, { force: true });
    }
  }
  if (restored.length) await fsyncDir(dir);
  return restored;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
