// Every file Greenlight writes goes through here: a temp file in the same folder, fsync,
// a last check that the target still holds the revision the person decided on, rename, and
// an fsync of the folder. write-file-atomic does the first three but offers no hook between
// fsync and rename, which is where the compare has to sit to keep the race window tiny.
import { promises as fs, constants as fsc } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sha256 } from '../read/read-document';

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly currentSha256: string | null,
  ) {
    super(message);
  }
}

export interface AtomicWriteOptions {
  /** sha256 the target must still have (null: the target must not exist yet). Omit to skip the check. */
  expectSha256?: string | null;
  mode?: number;
}

/** Temp names end in .tmp so every watcher (ours included) ignores them. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.greenlight-${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function currentSha256(file: string): Promise<string | null> {
  try {
    return sha256(await fs.readFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * The first step of every write: the bytes in a new temp file beside `target`, fsynced and
 * closed. Returns the temp path; on failure nothing is left behind.
 */
export async function writeSyncedTemp(target: string, data: string | Uint8Array, mode = 0o644): Promise<string> {
  const tmp = tempNameFor(target);
  const handle = await fs.open(tmp, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  return tmp;
}

export async function atomicWrite(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<string> {
  const tmp = await writeSyncedTemp(target, data, opts.mode);
  try {
    if (opts.expectSha256 !== undefined) {
      const now = await currentSha256(target);
      if (now !== opts.expectSha256) {
        throw new ConflictError(
          opts.expectSha256 === null ? `${path.basename(target)} appeared meanwhile` : `${path.basename(target)} changed since it was shown`,
          now,
        );
      }
    }
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(path.dirname(target));
  return sha256(typeof data === 'string' ? Buffer.from(data) : data);
}

export async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not supported on every platform, and harmless to skip there.
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* EISDIR/EPERM on some systems */
  }
}

/**
 * Copy bytes to `target` (its history copy, an original kept before an edit) without ever
 * overwriting an existing copy and without ever leaving a partial one: the bytes go to a temp
 * file first, fsynced, then are hard-linked under the final name (link() fails if it exists).
 */
export async function copyExclusive(source: Uint8Array, target: string): Promise<string> {
  await mkdirExplained(path.dirname(target));
  const tmp = await writeSyncedTemp(target, source);
  try {
    let candidate = target;
    for (let i = 1; ; i++) {
      try {
        await fs.link(tmp, candidate);
        await fsyncDir(path.dirname(candidate));
        return candidate;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || i > 50) throw err;
        const ext = path.extname(target);
        candidate = `${target.slice(0, target.length - ext.length)}_${process.hrtime.bigint()}${ext}`;
      }
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * mkdir -p that reports the real cause: Node's recursive mkdir answers ENOENT for a read-only
 * file system, so on failure the last level is retried alone to get EROFS/EACCES.
 */
export async function mkdirExplained(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    try {
      await fs.mkdir(dir);
    } catch (inner) {
      throw (inner as NodeJS.ErrnoException).code && (inner as NodeJS.ErrnoException).code !== 'ENOENT' ? inner : err;
    }
  }
}
