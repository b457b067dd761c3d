// Twinklr file names, read from the path alone (FORMATS.md §2.1). Names are parsed from the
// right because projects contain underscores (`need_a_favor`); the iteration pattern is tried
// first so `song_a3f9b2c1_iter01_raw.json` is never taken for a latest `raw` file of a project
// called `song_a3f9b2c1_iter01`. Greenlight's own decision sidecar lives in `plans/` too and
// is matched before anything else, so it is never read as a Twinklr type file.

export const TW_GROUP_PREFIX = 'tw:';

export type TwRole =
  | 'iteration-raw'
  | 'iteration-evaluation'
  | 'raw'
  | 'evaluation'
  | 'final'
  | 'implementation'
  | 'audio'
  | 'sequence'
  | 'decision';

export interface TwName {
  role: TwRole;
  project: string;
  /** 8 lowercase hex digits; undefined when the writer never called `start_run()`. */
  runId?: string;
  /** 1-based iteration number (2 digits, 3 from 100 on). */
  iteration?: number;
  /** Root-relative POSIX path of the `checkpoints` folder. */
  checkpointsDir: string;
}

const SIDECAR = /^(?<project>.+?)(?:_(?<run>[0-9a-f]{8}))?_decision\.greenlight\.json$/;
const ITERATION = /^(?<project>.+?)_(?:(?<run>[0-9a-f]{8})_)?iter(?<iter>\d{2,})_(?<type>raw|evaluation)\.json$/;
const PLANS_TYPE = /^(?<project>.+)_(?<type>raw|evaluation|final|implementation)\.json$/;
const CHECKPOINTS_TYPE = /^(?<project>.+)_(?<type>audio|sequence)\.json$/;

export function parseTwinklrPath(rel: string): TwName | null {
  if (typeof rel !== 'string' || rel === '') return null;
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  const base = parts[parts.length - 1];
  const parent = parts[parts.length - 2];
  const grandparent = parts[parts.length - 3];

  if (parent === 'plans' && grandparent === 'checkpoints') {
    const checkpointsDir = parts.slice(0, -2).join('/');
    const side = SIDECAR.exec(base);
    if (side?.groups) return { role: 'decision', project: side.groups.project, runId: side.groups.run, checkpointsDir };
    const it = ITERATION.exec(base);
    if (it?.groups) {
      return {
        role: it.groups.type === 'raw' ? 'iteration-raw' : 'iteration-evaluation',
        project: it.groups.project,
        runId: it.groups.run,
        iteration: Number(it.groups.iter),
        checkpointsDir,
      };
    }
    const latest = PLANS_TYPE.exec(base);
    if (latest?.groups) return { role: latest.groups.type as TwRole, project: latest.groups.project, checkpointsDir };
    return null;
  }
  if (parent === 'checkpoints') {
    const m = CHECKPOINTS_TYPE.exec(base);
    if (m?.groups) return { role: m.groups.type as TwRole, project: m.groups.project, checkpointsDir: parts.slice(0, -1).join('/') };
  }
  return null;
}

export function twinklrGroupKey(name: Pick<TwName, 'checkpointsDir' | 'project'>): string {
  return `${TW_GROUP_PREFIX}${name.checkpointsDir}:${name.project}`;
}

/** `NN` as Twinklr writes it: two digits, three from 100 on. */
export function iterationLabel(n: number): string {
  return String(n).padStart(2, '0');
}
