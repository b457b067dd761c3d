// Shared rules for artifact paths found inside checkpoints: what kind a file is by its
// extension, and resolving a relative reference without ever leaving the watched root.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactKind } from '../../../../shared/model';

const KINDS: Record<string, ArtifactKind> = {
  json: 'json',
  md: 'text', markdown: 'text', txt: 'text', yaml: 'text', yml: 'text', srt: 'text', vtt: 'text', log: 'text', csv: 'text',
  png: 'image', jpg: 'image', jpeg: 'image', webp: 'image', gif: 'image', svg: 'image', avif: 'image',
  mp4: 'video', webm: 'video', mov: 'video', mkv: 'video', m4v: 'video',
  mp3: 'audio', wav: 'audio', ogg: 'audio', m4a: 'audio', flac: 'audio', aac: 'audio', opus: 'audio',
};

export function artifactKindOf(p: string): ArtifactKind {
  const ext = path.posix.extname(p.split('?')[0]).slice(1).toLowerCase();
  return KINDS[ext] ?? 'file';
}

const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json', md: 'text/markdown; charset=utf-8', txt: 'text/plain; charset=utf-8',
  yaml: 'text/yaml; charset=utf-8', yml: 'text/yaml; charset=utf-8', srt: 'text/plain; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8', log: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif',
  svg: 'image/svg+xml', avif: 'image/avif',
  mp4: 'video/mp4', m4v: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', mkv: 'video/x-matroska',
  mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', m4a: 'audio/mp4', flac: 'audio/flac', aac: 'audio/aac', opus: 'audio/ogg',
};

export function mediaTypeOf(p: string): string {
  const ext = path.extname(p).slice(1).toLowerCase();
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
}

export type Resolved =
  | {
      ok: true;
      rel: string;
      exists: boolean;
      /** Set when the path is inside the root but a symbolic link on it leads out: why it will not be served. */
      outside?: string;
    }
  | { ok: false; reason: string };

/**
 * Resolve `ref` (as written in a checkpoint) relative to `baseRel` (a folder, relative to the
 * root). Absolute paths and `..` that climb out of the root are refused, not followed.
 */
export function resolveInside(rootPath: string, baseRel: string, ref: string): Resolved {
  if (ref.includes('\0')) return { ok: false, reason: 'artifact path contains a NUL byte' };
  const cleaned = ref.startsWith('@') ? ref.slice(1) : ref;
  if (path.posix.isAbsolute(cleaned) || path.win32.isAbsolute(cleaned) || /^[a-zA-Z]:/.test(cleaned))
    return { ok: false, reason: `absolute artifact path "${ref}" is not followed (only paths inside the watched folder are)` };
  const joined = path.posix.normalize(path.posix.join(baseRel === '.' ? '' : baseRel, cleaned.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../'))
    return { ok: false, reason: `artifact path "${ref}" climbs out of the watched folder` };
  const rel = joined.replace(/^\.\//, '');
  const abs = path.join(rootPath, ...rel.split('/'));
  const exists = existsSync(abs);
  // The artifact route refuses such a file on every request (it checks real paths); saying so
  // here puts the reason beside the field instead of on a broken preview.
  if (exists && leavesRoot(rootPath, abs))
    return { ok: true, rel, exists, outside: `artifact path "${ref}" goes through a symbolic link that leads outside the watched folder; Greenlight will not serve it` };
  return { ok: true, rel, exists };
}

function leavesRoot(rootPath: string, abs: string): boolean {
  try {
    const back = path.relative(realpathSync(rootPath), realpathSync(abs));
    return back === '..' || back.startsWith('..' + path.sep) || path.isAbsolute(back);
  } catch {
    return false;
  }
}
