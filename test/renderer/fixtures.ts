// Small builders for renderer tests: valid model objects with only the fields a test cares about.
import type { Snapshot } from '../../shared/api-contract';
import type { Gate, Problem, Root, Run, RunSummary, Stage } from '../../shared/model';

export const ROOT: Root = { id: 'root-1', name: 'workspace', path: '/data/workspace', watching: true, polling: false };

export function summary(p: Partial<RunSummary> & { id: string }): RunSummary {
  return {
    family: 'openmontage',
    rootId: ROOT.id,
    folder: `pipeline/${p.id}`,
    project: p.id,
    title: `Run ${p.id}`,
    status: 'completed',
    stageCount: 0,
    pendingGates: 0,
    errors: 0,
    warnings: 0,
    ...p,
  };
}

export function gate(p: Partial<Gate> & { id: string; runId: string }): Gate {
  return {
    family: 'openmontage',
    stageName: 'script',
    title: `Approve ${p.stageName ?? 'script'}`,
    status: 'waiting',
    decisions: ['approve', 'reject'],
    unavailable: {},
    ...p,
  };
}

export function stage(p: Partial<Stage> & { id: string; name: string }): Stage {
  return {
    order: 0,
    status: 'completed',
    attempts: 1,
    versions: [],
    gateRequired: false,
    artifacts: [],
    flags: [],
    ...p,
  };
}

export function run(p: Partial<Run> & { id: string }): Run {
  return {
    ...summary(p),
    stages: [],
    iterations: [],
    gates: [],
    branches: [],
    artifacts: [],
    files: [],
    meta: {},
    ...p,
  };
}

export function problem(p: Partial<Problem> & { rel: string }): Problem {
  const { rel, ...rest } = p;
  return {
    file: { id: `file:${rel}`, rootId: ROOT.id, rel },
    severity: 'error',
    field: '',
    message: 'broken',
    code: 'schema.type',
    ...rest,
  };
}

export function snapshot(p: Partial<Snapshot> = {}): Snapshot {
  return {
    roots: [ROOT],
    runs: [],
    gates: [],
    problemCount: { errors: 0, warnings: 0 },
    notices: [],
    ready: true,
    mode: 'browser',
    version: '0.1.0',
    ...p,
  };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise((r) => setTimeout(r, 0));
