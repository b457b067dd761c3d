// project.json, decision_log.json and Greenlight's own greenlight/lineage.json. These names are
// common outside OpenMontage too, so project.json and decision_log.json only report problems
// when they look like OpenMontage's (a version and a project id or pipeline type).
import type { ParseInput, ProblemDraft } from '../family-adapter';
import { check } from '../../validate/zod-problems';
import { omDecisionLogSchema, omLineageSidecarSchema, omProjectFileSchema } from '../../../../shared/schemas/openmontage';
import { locate, projectFolderName } from './layout';
import type { DecisionLogRecord, LineageRecord, ProjectRecord } from './records';
import { checkTimestamp } from './timestamps';

export function parseProjectFile(input: ParseInput): { record?: ProjectRecord; problems: ProblemDraft[] } {
  const d = input.data;
  if (!isObject(d)) return { problems: [] };
  const o = d as Record<string, unknown>;
  const looksLikeOm = 'project_id' in o || 'pipeline_type' in o;
  const problems: ProblemDraft[] = [];
  if (looksLikeOm) {
    problems.push(...check(omProjectFileSchema, o, { severity: 'warning' }).problems);
    const folder = projectFolderName(locate(input.rel)?.projectDir ?? '', input.rootPath);
    if (typeof o.project_id === 'string' && o.project_id !== folder) {
      problems.push({
        severity: 'warning',
        field: '/project_id',
        code: 'om.project_id_mismatch',
        message: `project_id "${o.project_id}" differs from the folder name "${folder}"`,
      });
    }
    if (typeof o.created_at === 'string') problems.push(...checkTimestamp(o.created_at, '/created_at').problems);
  }
  return {
    record: {
      type: 'project',
      projectId: str(o.project_id),
      title: str(o.title),
      pipelineType: str(o.pipeline_type),
      stylePlaybook: str(o.style_playbook),
      createdAt: str(o.created_at),
    },
    problems,
  };
}

export function parseDecisionLog(input: ParseInput): { record?: DecisionLogRecord; problems: ProblemDraft[] } {
  const d = input.data;
  if (!isObject(d)) return { problems: [] };
  const o = d as Record<string, unknown>;
  const looksLikeOm = 'decisions' in o || 'project_id' in o;
  const problems = looksLikeOm ? check(omDecisionLogSchema, o, { severity: 'warning' }).problems : [];
  return { record: { type: 'decision_log', decisions: Array.isArray(o.decisions) ? o.decisions.length : 0 }, problems };
}

export function parseLineage(input: ParseInput): { record?: LineageRecord; problems: ProblemDraft[] } {
  const d = input.data;
  const { value, problems } = check(omLineageSidecarSchema, d);
  if (value) {
    const { parentProject, fromStage, branch, createdAt, createdBy, note } = value;
    return { record: { type: 'lineage', parentProject, fromStage, branch, createdAt, createdBy, note }, problems };
  }
  // A damaged sidecar still names its parent when it can.
  if (isObject(d) && typeof (d as Record<string, unknown>).parentProject === 'string') {
    const o = d as Record<string, unknown>;
    return {
      record: {
        type: 'lineage',
        parentProject: o.parentProject as string,
        fromStage: str(o.fromStage),
        branch: str(o.branch),
        createdAt: str(o.createdAt),
        createdBy: str(o.createdBy),
        note: str(o.note),
      },
      problems,
    };
  }
  return { problems };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
