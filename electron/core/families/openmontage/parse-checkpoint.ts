// Parses one `checkpoint_<stage>.json` (current or a history/ copy) into a CheckpointRecord.
// Lenient by design: every schema violation becomes a problem naming its field, and the record
// is still built from whatever is readable, because agents hand-write these files.
import type { ParseInput, ProblemDraft } from '../family-adapter';
import type { StageStatus } from '../../../../shared/model';
import { pointer as toPointer } from '../../validate/zod-problems';
import { OM_CHECKPOINT_STATUSES, omCheckpointEnvelopeSchema } from '../../../../shared/schemas/openmontage';
import { canonicalProblem, scanArtifacts } from './artifact-drafts';
import { readGreenlightReview } from './gates';
import { normaliseCost } from './cost';
import { locate, projectFolderName } from './layout';
import type { CheckpointRecord } from './records';
import { normaliseReview } from './review';
import { checkTimestamp } from './timestamps';

const COST_SCHEMA_KEYS = new Set(['total_spent_usd', 'total_reserved_usd', 'budget_remaining_usd']);

export function parseCheckpoint(input: ParseInput): { record: CheckpointRecord; problems: ProblemDraft[] } {
  const loc = locate(input.rel);
  const current = loc?.role !== 'history';
  const projectDir = loc?.projectDir ?? '';
  const fileStage = current ? loc?.name : undefined;
  const problems: ProblemDraft[] = [];
  const data = input.data;

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      severity: 'error',
      field: '',
      code: 'om.not_object',
      message: `a checkpoint must be a JSON object, not ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}`,
    });
    return { record: { type: 'checkpoint', current, stage: fileStage, status: 'unknown', artifacts: [], readable: false }, problems };
  }
  const d = data as Record<string, unknown>;
  problems.push(...envelopeProblems(d));

  const { status, rawStatus, problem: statusProblem } = readStatus(d.status);
  if (statusProblem) problems.push(statusProblem);

  const declaredStage = str(d.stage);
  let stage = fileStage;
  if (current) {
    if (declaredStage !== undefined && fileStage !== undefined && declaredStage !== fileStage) {
      problems.push({
        severity: 'error',
        field: '/stage',
        code: 'om.stage_mismatch',
        message: `file is named for stage "${fileStage}" but says stage "${declaredStage}"; Greenlight goes by the file name, as OpenMontage's own board does`,
      });
    }
  } else {
    stage = declaredStage;
    if (stage === undefined) {
      problems.push({
        severity: 'error',
        field: '/stage',
        code: 'om.history_without_stage',
        message: 'history copy has no "stage"; it cannot be attached to a stage (history file names are ambiguous)',
      });
    }
  }

  const folder = projectFolderName(projectDir, input.rootPath);
  const projectId = str(d.project_id);
  if (projectId !== undefined && projectId !== folder) {
    problems.push({
      severity: 'warning',
      field: '/project_id',
      code: 'om.project_id_mismatch',
      message: `project_id "${projectId}" differs from the folder name "${folder}"; OpenMontage's prerequisite check compares them`,
    });
  }

  const ts = checkTimestamp(d.timestamp, '/timestamp');
  problems.push(...ts.problems);

  const record: CheckpointRecord = {
    type: 'checkpoint',
    current,
    stage,
    declaredStage,
    projectId,
    pipelineType: str(d.pipeline_type),
    status,
    rawStatus,
    timestamp: str(d.timestamp),
    timeMs: ts.ms,
    checkpointPolicy: str(d.checkpoint_policy),
    stylePlaybook: str(d.style_playbook),
    humanApprovalRequired: typeof d.human_approval_required === 'boolean' ? d.human_approval_required : undefined,
    humanApproved: typeof d.human_approved === 'boolean' ? d.human_approved : undefined,
    artifacts: [],
    error: str(d.error),
    notes: str(d.notes),
    readable: true,
  };

  const artifacts = isObject(d.artifacts) ? (d.artifacts as Record<string, unknown>) : undefined;
  // History copies are only versions on a timeline: their artifacts are not resolved or checked.
  if (current) {
    if (artifacts) {
      const scan = scanArtifacts({ artifacts, stage, projectDir, projectFolder: folder, rootPath: input.rootPath });
      record.artifacts = scan.drafts;
      record.proposalApproval = scan.approval;
      problems.push(...scan.problems);
    }
    const missing = canonicalProblem(stage, status, artifacts);
    if (missing) problems.push(missing);
  }

  record.review = normaliseReview(d.review);
  record.cost = normaliseCost(d.cost_snapshot);
  const meta = isObject(d.metadata) ? (d.metadata as Record<string, unknown>) : undefined;
  if (meta && isObject(meta.partial_progress)) record.partialProgress = Object.keys(meta.partial_progress as object).slice(0, 50);
  const review = meta ? readGreenlightReview(meta.greenlight_review) : undefined;
  if (review) record.greenlightReview = review;
  return { record, problems };
}

/** The envelope against HEAD's schema, with severities that match how real files drift. */
function envelopeProblems(d: Record<string, unknown>): ProblemDraft[] {
  const r = omCheckpointEnvelopeSchema.safeParse(d);
  if (r.success) return [];
  const out: ProblemDraft[] = [];
  for (const issue of r.error.issues) {
    const path = issue.path;
    if (path[0] === 'status') continue; // readStatus reports status, accepting hand-written `pending`
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        out.push({
          severity: 'warning',
          field: toPointer([...path, k]),
          code: 'om.unknown_key',
          message: `unknown key "${k}": the checkpoint schema sets additionalProperties:false, so OpenMontage's validator would reject this file`,
        });
      }
      continue;
    }
    const field = toPointer(path);
    if (path.length === 1 && path[0] === 'pipeline_type' && d.pipeline_type === undefined) {
      out.push({
        severity: 'warning',
        field,
        code: 'om.missing_pipeline_type',
        message: 'no pipeline_type (optional before OpenMontage 2026-04; required by the current schema), so no pipeline manifest can be used',
      });
      continue;
    }
    if (path[0] === 'cost_snapshot' && path.length > 1 && !COST_SCHEMA_KEYS.has(String(path[1]))) {
      out.push({ severity: 'warning', field, code: `schema.${issue.code}`, message: issue.message });
      continue;
    }
    const missing = path.length === 1 && d[String(path[0])] === undefined;
    out.push({
      severity: 'error',
      field,
      code: missing ? 'schema.required' : `schema.${issue.code}`,
      message: missing ? `required key "${String(path[0])}" is missing` : issue.message,
    });
  }
  return out;
}

function readStatus(raw: unknown): { status: StageStatus; rawStatus?: string; problem?: ProblemDraft } {
  if (typeof raw !== 'string') {
    return {
      status: 'unknown',
      problem: {
        severity: 'error',
        field: '/status',
        code: raw === undefined ? 'schema.required' : 'om.unknown_status',
        message: raw === undefined ? 'required key "status" is missing' : `status must be a string, not ${raw === null ? 'null' : typeof raw}`,
      },
    };
  }
  if ((OM_CHECKPOINT_STATUSES as readonly string[]).includes(raw)) return { status: raw as StageStatus, rawStatus: raw };
  if (raw === 'pending') {
    return {
      status: 'pending',
      rawStatus: raw,
      problem: {
        severity: 'warning',
        field: '/status',
        code: 'om.status_pending',
        message: 'status "pending" is documented but the checkpoint schema rejects it (OpenMontage never writes it)',
      },
    };
  }
  return {
    status: 'unknown',
    rawStatus: raw,
    problem: {
      severity: 'error',
      field: '/status',
      code: 'om.unknown_status',
      message: `unknown status "${raw.length > 40 ? raw.slice(0, 39) + '…' : raw}" (expected ${OM_CHECKPOINT_STATUSES.join(', ')})`,
    },
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
