// Maps an artifact id to a file on disk, only ever inside a watched root. The real path is
// checked on every request, so a symlink swapped in after indexing cannot lead outside.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Desk } from '../desk';

export type ResolvedFile =
  | {
      ok: true;
      abs: string;
      size: number;
      rel: string;
      /** Real path of the watched root, for checking the opened file again. */
      realRoot?: string;
    }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export async function resolveArtifactFile(desk: Desk, artifactId: string): Promise<ResolvedFile> {
  if (!ID_PATTERN.test(artifactId)) return { ok: false, status: 400, reason: 'malformed artifact id' };
  const hit = desk.index.getArtifact(artifactId);
  if (!hit) return { ok: false, status: 404, reason: 'no such artifact' };
  const { artifact } = hit;
  if (artifact.source !== 'file' || !artifact.fileId) return { ok: false, status: 404, reason: 'artifact has no file' };
  const file = desk.index.resolveFile(artifact.fileId);
  if (!file) return { ok: false, status: 404, reason: 'artifact file unknown' };
  return resolveInsideRoot(desk, file.rootId, file.abs, file.rel);
}

export async function resolveInsideRoot(desk: Desk, rootId: string, abs: string, rel: string): Promise<ResolvedFile> {
  const root = desk.index.roots.get(rootId);
  if (!root) return { ok: false, status: 404, reason: 'folder no longer watched' };
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root.path), fs.realpath(abs)]);
    const relative = path.relative(realRoot, realFile);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
      return { ok: false, status: 403, reason: 'artifact resolves outside the watched folder' };
    }
    const st = await fs.stat(realFile);
    if (!st.isFile()) return { ok: false, status: 404, reason: 'not a file' };
    return { ok: true, abs: realFile, size: st.size, rel, realRoot };
  } catch {
    return { ok: false, status: 404, reason: 'artifact file missing' };
  }
}

export type OpenedFile = { ok: true; handle: FileHandle; size: number } | { ok: false; status: 403 | 404; reason: string };

/**
 * Opens a resolved file for reading. The file may have vanished since it was checked (a 404,
 * not a crash), and a folder on its path may have been swapped for a symlink in between: where
 * the OS names an open descriptor's file (/proc/self/fd on Linux), that file is checked again.
 */
export async function openResolved(r: Extract<ResolvedFile, { ok: true }>): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await fs.open(r.abs, 'r');
  } catch {
    return { ok: false, status: 404, reason: 'artifact file missing' };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { status: 404 });
    if (r.realRoot) {
      const opened = await fs.realpath(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
      const back = opened === undefined ? '' : path.relative(r.realRoot, opened);
      if (opened !== undefined && (!back || back.startsWith('..') || path.isAbsolute(back))) throw Object.assign(new Error('artifact resolves outside the watched folder'), { status: 403 });
    }
    return { ok: true, handle, size: st.size };
  } catch (err) {
    await handle.close().catch(() => {});
    const status = (err as { status?: 403 | 404 }).status ?? 404;
    return { ok: false, status, reason: status === 403 ? 'artifact resolves outside the watched folder' : 'artifact file missing' };
  }
}
