// Maps an artifact id to a file on disk, only ever inside a watched root. The real path is
// checked on every request, so a symlink swapped in after indexing cannot lead outside.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Desk } from '../desk';

export type ResolvedFile = { ok: true; abs: string; size: number; rel: string } | { ok: false; status: 400 | 403 | 404; reason: string };

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
    return { ok: true, abs: realFile, size: st.size, rel };
  } catch {
    return { ok: false, status: 404, reason: 'artifact file missing' };
  }
}
