// Where OpenMontage files sit relative to a watched root, decided from the path alone. The
// root is arbitrary (`pipeline/`, `pipelines/`, `projects/` or a custom folder, FORMATS.md
// §1.1), so a project is simply "the folder that holds checkpoint_<stage>.json".
import path from 'node:path';

export const PROJECT_GROUP_PREFIX = 'om:';
export const MANIFEST_GROUP_PREFIX = 'om-manifests:';

export type OmRole = 'checkpoint' | 'history' | 'project' | 'decision_log' | 'manifest' | 'lineage';

export interface OmLocation {
  role: OmRole;
  /** Root-relative POSIX folder of the project ('' when the root itself is the project). */
  projectDir: string;
  /** For role 'manifest': the folder that holds `pipeline_defs/`. */
  manifestBase?: string;
  /** Stage named by a current checkpoint's file name; manifest name for manifests. */
  name?: string;
}

const CHECKPOINT_NAME = /^checkpoint_(.+)\.json$/;
const MANIFEST_NAME = /^(.+)\.ya?ml$/;

/** `checkpoint_scene_plan.json` → `scene_plan` (the whole middle, underscores included). */
export function stageFromFileName(base: string): string | undefined {
  const m = CHECKPOINT_NAME.exec(base);
  return m ? m[1] : undefined;
}

export function locate(rel: string): OmLocation | null {
  if (typeof rel !== 'string' || rel === '') return null;
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  const base = parts[parts.length - 1];
  const dirs = parts.slice(0, -1);
  const parent = dirs[dirs.length - 1];
  const dirOf = (n: number) => dirs.slice(0, dirs.length - n).join('/');

  const stage = stageFromFileName(base);
  if (stage !== undefined) {
    // history/ copies keep the stage only inside the JSON: `_`-joined names are ambiguous.
    if (parent === 'history') return { role: 'history', projectDir: dirOf(1) };
    return { role: 'checkpoint', projectDir: dirOf(0), name: stage };
  }
  if (parent === 'pipeline_defs') {
    const m = MANIFEST_NAME.exec(base);
    if (m) return { role: 'manifest', projectDir: '', manifestBase: dirOf(1), name: m[1] };
    return null;
  }
  if (base === 'lineage.json' && parent === 'greenlight') return { role: 'lineage', projectDir: dirOf(1) };
  // project.json / decision_log.json only mean something beside checkpoints; a group holding
  // nothing else yields no run (see assemble), so claiming them costs nothing.
  if (base === 'project.json') return { role: 'project', projectDir: dirOf(0) };
  if (base === 'decision_log.json') return { role: 'decision_log', projectDir: dirOf(0) };
  return null;
}

export function projectGroupKey(projectDir: string): string {
  return PROJECT_GROUP_PREFIX + projectDir;
}

export function manifestGroupKey(base: string): string {
  return MANIFEST_GROUP_PREFIX + base;
}

export function isOpenMontageManifestGroup(groupKey: string): boolean {
  return typeof groupKey === 'string' && groupKey.startsWith(MANIFEST_GROUP_PREFIX);
}

export function isOpenMontageProjectGroup(groupKey: string): boolean {
  return typeof groupKey === 'string' && groupKey.startsWith(PROJECT_GROUP_PREFIX);
}

/**
 * Project groups shaped by a manifest group: every project below the folder holding
 * `pipeline_defs/` (the index re-assembles them when a manifest changes).
 */
export function manifestDependents(groupKey: string): ((other: string) => boolean) | null {
  if (!isOpenMontageManifestGroup(groupKey)) return null;
  const base = groupKey.slice(MANIFEST_GROUP_PREFIX.length);
  return (other) => {
    if (!isOpenMontageProjectGroup(other)) return false;
    const dir = projectDirOfGroup(other);
    return base === '' ? dir !== '' : dir.startsWith(base + '/');
  };
}

export function projectDirOfGroup(groupKey: string): string {
  return groupKey.slice(PROJECT_GROUP_PREFIX.length);
}

/** Folder name of the project: the last segment of its folder, or the root's own name. */
export function projectFolderName(projectDir: string, rootPath: string): string {
  if (projectDir) return projectDir.slice(projectDir.lastIndexOf('/') + 1);
  return path.basename(rootPath);
}

/** Ancestors of the project's parent up to the root: the folders that may hold `pipeline_defs/`. */
export function manifestSearchDirs(projectDir: string): string[] {
  if (!projectDir) return [];
  const parts = projectDir.split('/');
  const out: string[] = [];
  for (let n = parts.length - 1; n >= 0; n--) out.push(parts.slice(0, n).join('/'));
  return out;
}

export function joinRel(dir: string, rel: string): string {
  return dir ? `${dir}/${rel}` : rel;
}
