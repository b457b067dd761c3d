// Resolving artifact path strings found in checkpoints. Real files hold paths relative to the
// project folder (`artifacts/script.json`) and `@name.json` (FORMATS.md §1.7). A path may never
// lead outside the project: it is refused lexically and again after following symbolic links.
import fs from 'node:fs';
import path from 'node:path';
import { joinRel } from './layout';

export type ResolvedPath =
  | { ok: true; rel: string; exists: boolean; size?: number }
  | { ok: false; reason: string };

const MAX_PATH_CHARS = 1024;

/**
 * Does a string value in `artifacts` look like a file reference rather than inline text?
 * A single line that starts with `@`, contains a slash, or ends in a file extension.
 */
export function looksLikePath(value: string): boolean {
  if (!value || value.length > MAX_PATH_CHARS || /[\r\n]/.test(value)) return false;
  if (value.startsWith('@')) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false; // URLs are text, not files
  return /[\\/]/.test(value) || /\.[a-z][a-z0-9]{0,5}$/i.test(value);
}

export function isAbsoluteLike(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[a-z]:/i.test(p) || p.startsWith('~');
}

/** Normalises a project-relative path; undefined when it is absolute or climbs out. */
export function normaliseInside(p: string): string | undefined {
  if (isAbsoluteLike(p)) return undefined;
  const posix = p.replace(/\\/g, '/');
  const norm = path.posix.normalize(posix).replace(/^(\.\/)+/, '');
  if (norm === '..' || norm.startsWith('../') || norm === '.' || norm === '' || norm.startsWith('/')) return undefined;
  return norm;
}

/** Candidate project-relative paths for an artifact value (`@x.json` → `x.json`, `artifacts/x.json`). */
export function candidatePaths(value: string): string[] {
  if (value.startsWith('@')) {
    const name = value.slice(1);
    return [name, `artifacts/${name}`];
  }
  return [value];
}

export function absOf(rootPath: string, rel: string): string {
  return path.join(rootPath, ...rel.split('/'));
}

/**
 * Resolve a path string relative to the project folder. Returns the first existing candidate,
 * else the first candidate marked missing; escaping paths are refused.
 */
export function resolveProjectPath(value: string, projectDir: string, rootPath: string, extraCandidates: string[] = []): ResolvedPath {
  const cands = [...candidatePaths(value), ...extraCandidates];
  // The value as written must stay inside; a fallback (artifacts/<name>) may not rescue it.
  if (normaliseInside(cands[0]) === undefined) return { ok: false, reason: `"${value}" is absolute or climbs out of the project folder` };
  let first: string | undefined;
  for (const c of cands) {
    const inside = normaliseInside(c);
    if (inside === undefined) continue;
    const rel = joinRel(projectDir, inside);
    first ??= rel;
    const st = statInside(rootPath, projectDir, rel);
    if (st === 'escapes') return { ok: false, reason: `"${value}" leads outside the project folder through a symbolic link` };
    if (st) return { ok: true, rel, exists: true, size: st.size };
  }
  if (first === undefined) return { ok: false, reason: `"${value}" is absolute or climbs out of the project folder` };
  return { ok: true, rel: first, exists: false };
}

/**
 * Real paths of folders, remembered briefly: a checkpoint names several artifacts in the same
 * few folders, and its project's other checkpoints are read right after it. A second is short
 * enough that a folder swapped for a link is seen on the next read; and the artifact route
 * checks real paths again before it serves a byte.
 */
const realFolder = briefly(1000, 256, (abs: string) => fs.realpathSync.native(abs));

type Found = { size: number } | 'escapes' | undefined;

/**
 * What a file was found to be, remembered for a quarter second: every checkpoint of a project
 * lists the media of the stages before it, and a cold scan reads them one after another, so
 * without this the same render is looked up nine times in a row. Short enough that a file
 * written after a checkpoint named it is seen by that checkpoint's next read.
 */
const foundBriefly = briefly(250, 1024, (key: string) => {
  const [rootPath, projectDir, rel] = key.split('\0');
  return lookUp(rootPath, projectDir, rel);
});

function statInside(rootPath: string, projectDir: string, rel: string): Found {
  return foundBriefly(rootPath + '\0' + projectDir + '\0' + rel);
}

/** `compute`, with each key's answer kept for `ms` (at most `max` keys; past that, all are dropped). */
function briefly<V>(ms: number, max: number, compute: (key: string) => V): (key: string) => V {
  const kept = new Map<string, { value: V; at: number }>();
  return (key) => {
    const now = Date.now();
    const hit = kept.get(key);
    if (hit && now - hit.at < ms) return hit.value;
    if (kept.size >= max) kept.clear();
    const value = compute(key);
    kept.set(key, { value, at: now });
    return value;
  };
}

function lookUp(rootPath: string, projectDir: string, rel: string): Found {
  try {
    const abs = absOf(rootPath, rel);
    // Most artifacts named are missing or plain files: no exception to build for a missing one,
    // and a plain file's real path is its folder's (remembered) plus its name.
    const lst = fs.lstatSync(abs, { throwIfNoEntry: false });
    if (!lst) return undefined;
    let real: string;
    let size: number;
    if (lst.isSymbolicLink()) {
      const st = fs.statSync(abs, { throwIfNoEntry: false });
      if (!st?.isFile()) return undefined;
      real = fs.realpathSync.native(abs);
      size = st.size;
    } else if (lst.isFile()) {
      real = path.join(realFolder(path.dirname(abs)), path.basename(abs));
      size = lst.size;
    } else return undefined;
    const back = path.relative(realFolder(absOf(rootPath, projectDir)), real);
    if (back.startsWith('..') || path.isAbsolute(back)) return 'escapes';
    return { size };
  } catch {
    return undefined;
  }
}

const MAX_SIDE_READ_BYTES = 4 * 1024 * 1024;

/**
 * Read a small JSON artifact file (render_report, asset_manifest, proposal_packet) to find the
 * few facts Greenlight shows from it. Anything unreadable is simply not used.
 */
export function readSmallJson(rootPath: string, rel: string): unknown {
  try {
    const abs = absOf(rootPath, rel);
    const st = fs.statSync(abs);
    if (!st.isFile() || st.size > MAX_SIDE_READ_BYTES) return undefined;
    let text = fs.readFileSync(abs, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
