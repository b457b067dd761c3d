// Where CineCut files sit, decided from the path alone (FORMATS.md §5.1). The code writes
// `<video dir>/<stem>_cinecut_work/`; the README's `<stem>_work/` is accepted too (the parser
// warns). The finished trailer is written beside the source video as
// `{stem}_trailer_{vibe slug}.mp4` and conform is never recorded in the checkpoint, so that
// file is claimed too: its appearance is what re-assembles the run and closes the gate.
import { CC_VIBES, vibeSlug } from '../../../../shared/schemas/cinecut';

export const CC_GROUP_PREFIX = 'cc:';
export const CC_WORK_DIR_SUFFIX = '_cinecut_work';
export const CC_CHECKPOINT_NAME = 'pipeline_checkpoint.json';
export const CC_MANIFEST_NAME = 'TRAILER_MANIFEST.json';
export const CC_ASSEMBLY_MANIFEST_NAME = 'ASSEMBLY_MANIFEST.json';

export type CcRole = 'checkpoint' | 'manifest' | 'assembly-manifest' | 'decision' | 'trailer';

export interface CcLocation {
  role: CcRole;
  /** Root-relative POSIX folder of the work dir ('' when the root itself is the work dir). */
  workDir: string;
}

const VIBE_SLUGS = new Set(CC_VIBES.map(vibeSlug));
const TRAILER_BESIDE_SOURCE = /^(?<stem>.+)_trailer_(?<slug>[a-z_]+)\.mp4$/;
const TRAILER_IN_WORK_DIR = /_trailer.*\.(mp4|mov|mkv|webm)$/i;

/** Greenlight's decision file in the work dir (shared/decision-sidecar.ts SIDECAR_NAMES.cinecut). */
export const CC_SIDECAR_NAME = 'greenlight_review.json';

export function locateCineCut(rel: string): CcLocation | null {
  if (typeof rel !== 'string' || rel === '') return null;
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  const base = parts[parts.length - 1];
  const dirs = parts.slice(0, -1);
  const dir = dirs.join('/');
  const parent = dirs[dirs.length - 1] ?? '';
  switch (base) {
    case CC_CHECKPOINT_NAME:
      return { role: 'checkpoint', workDir: dir };
    case CC_MANIFEST_NAME:
      return { role: 'manifest', workDir: dir };
    case CC_ASSEMBLY_MANIFEST_NAME:
      return { role: 'assembly-manifest', workDir: dir };
    case CC_SIDECAR_NAME:
      return { role: 'decision', workDir: dir };
  }
  if (parent.endsWith(CC_WORK_DIR_SUFFIX) && TRAILER_IN_WORK_DIR.test(base)) return { role: 'trailer', workDir: dir };
  const m = TRAILER_BESIDE_SOURCE.exec(base);
  if (m?.groups && VIBE_SLUGS.has(m.groups.slug)) {
    return { role: 'trailer', workDir: [...dirs, m.groups.stem + CC_WORK_DIR_SUFFIX].join('/') };
  }
  return null;
}

export function cineCutGroupKey(workDir: string): string {
  return CC_GROUP_PREFIX + workDir;
}

export function workDirOfGroup(groupKey: string): string {
  return groupKey.startsWith(CC_GROUP_PREFIX) ? groupKey.slice(CC_GROUP_PREFIX.length) : groupKey;
}

/** `film_cinecut_work` → `film`; `film_work` (README) → `film`; anything else unchanged. */
export function stemOfWorkDir(name: string): string {
  if (name.endsWith(CC_WORK_DIR_SUFFIX)) return name.slice(0, -CC_WORK_DIR_SUFFIX.length);
  if (name.endsWith('_work')) return name.slice(0, -'_work'.length);
  return name;
}

export function joinRel(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}
