// Paths the index never looks at. Temp names come from each family's writer (FORMATS.md §0):
// OpenMontage `checkpoint_<stage>.json.tmp`, omnibase_infra `.ckpt_*.tmp`, CineCut
// `tmp*.ckpt.tmp`; Greenlight's own atomic writes use `.greenlight-*.tmp`.
import path from 'node:path';

const IGNORED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '__pycache__']);

export function isIgnoredDir(name: string): boolean {
  return IGNORED_DIRS.has(name);
}

export function isTempFile(name: string): boolean {
  return (
    name.endsWith('.tmp') ||
    name.endsWith('.swp') ||
    name.endsWith('~') ||
    name.startsWith('.#') ||
    name === '.DS_Store'
  );
}

export function isIgnoredPath(abs: string): boolean {
  const parts = abs.split(path.sep);
  for (let i = 0; i < parts.length - 1; i++) if (IGNORED_DIRS.has(parts[i])) return true;
  const base = parts[parts.length - 1];
  return isIgnoredDir(base) || isTempFile(base);
}
