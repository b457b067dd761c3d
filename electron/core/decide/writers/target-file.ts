// What every file-backed writer does first: find the file the gate was shown from, read it,
// and make sure it is still the revision the person looked at.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PlannedWrite } from '../../../../shared/decisions';
import { sha256 } from '../../read/read-document';
import { ConflictError } from '../atomic-write';
import { RefusedError, type DecisionContext } from '../decision-writer';

export interface TargetFile {
  abs: string;
  rel: string;
  bytes: Buffer;
  sha256: string;
}

/** Reads the gate's file; ConflictError when it is gone or no longer has `revision`. */
export async function readGateFile(ctx: DecisionContext, revision: string | undefined, fileId = ctx.gate.fileId, rel = ctx.gate.rel): Promise<TargetFile> {
  const abs = fileId ? ctx.resolve(fileId) : undefined;
  if (!abs || !rel) throw new RefusedError('the gate names no file inside the watched folder');
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConflictError(`${path.basename(abs)} no longer exists`, null);
    throw new RefusedError(`${path.basename(abs)} cannot be read (${code ?? (err as Error).message})`);
  }
  const hash = sha256(bytes);
  if (revision !== undefined && revision !== hash) throw new ConflictError(`${path.basename(abs)} changed since it was shown`, hash);
  return { abs, rel, bytes, sha256: hash };
}

/** Absolute path of a root-relative POSIX path; refuses anything that would leave the root. */
export function absInRoot(rootPath: string, rel: string): string {
  const parts = rel.split('/');
  if (!rel || path.posix.isAbsolute(rel) || parts.some((p) => p === '..' || p === '')) throw new RefusedError(`refusing to write outside the watched folder: ${rel}`);
  return path.join(rootPath, ...parts);
}

export function dirnameRel(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

export function joinRel(dir: string, name: string): string {
  return dir && dir !== '.' ? `${dir}/${name}` : name;
}

/** A preview is the decision's own checks without the writes: refusals and conflicts become reasons. */
export async function previewOf(plan: () => Promise<PlannedWrite[]>): Promise<{ allowed: boolean; reason?: string; writes: PlannedWrite[] }> {
  try {
    return { allowed: true, writes: await plan() };
  } catch (err) {
    if (err instanceof RefusedError || err instanceof ConflictError) return { allowed: false, reason: err.message, writes: [] };
    throw err;
  }
}
