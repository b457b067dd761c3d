// One `phase_<N>_<phase>_a<K>.yaml` checked the way omnibase_infra checks it: the Pydantic
// model's hard rules (unknown keys, naive datetimes, hex SHAs, `..` in artifact paths,
// ticket_id length, UUID run_id, payload field types) and HandlerCheckpointValidate's rules
// (attempt ≥ 1, no absolute artifact paths, repo SHAs 7–40 hex, payload phase = header phase;
// warnings for another schema_version and timestamps over 60 s in the future). Each header
// field is judged on its own so one bad field never hides the rest of the file.
import {
  OC_HEADER_KEYS,
  OC_PAYLOAD_SCHEMAS,
  OC_PAYLOAD_SHA_FIELDS,
  OC_PHASE_ORDINALS,
  OC_PHASES,
  OC_REPO_SHA,
  OC_SCHEMA_VERSION,
  isOcPhase,
  type OcPhase,
} from '../../../../shared/schemas/omniclaude';
import { pointer, zodProblems } from '../../validate/zod-problems';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import { parseCheckpointName, splitRunPath } from './layout';
import { pyYamlView } from './pyyaml-view';
import { MAX_LISTED, type OcArtifactPath, type OcCheckpointRecord, type OcPayloadFacts } from './records';
import { canonicalUuid, normalizeRunId } from './run-id';
import { checkAwareTimestamp, clip, describe } from './timestamps';

/** The validator's tolerance for clock skew. */
const FUTURE_TOLERANCE_MS = 60_000;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

export function parseCheckpoint(input: ParseInput, now = Date.now()): { record?: OcCheckpointRecord; problems: ProblemDraft[] } {
  const problems: ProblemDraft[] = [];
  const base = input.rel.slice(input.rel.lastIndexOf('/') + 1);
  const name = parseCheckpointName(base) ?? { ordinal: 0, name: '', attempt: 0 };
  const record: OcCheckpointRecord = {
    kind: 'checkpoint',
    name,
    phaseFrom: 'none',
    repos: {},
    artifactPaths: [],
    payload: {},
    errorCount: 0,
  };
  const finish = () => {
    const errors = problems.filter((p) => p.severity === 'error');
    record.errorCount = errors.length;
    record.firstError = errors[0]?.message;
    return { record, problems };
  };

  if (name.attempt < 1) {
    problems.push({
      severity: 'error',
      field: '',
      code: 'oc.attempt_lt_1',
      message: `file name gives attempt a${name.attempt}; attempts start at 1`,
    });
  }

  // PyYAML's reading, so unquoted all-digit SHAs are numbers exactly when the pipeline sees
  // numbers. The core decodes checkpoints that way already (format 'pyyaml'); text decoded
  // otherwise (a caller parsing by hand) is read again here.
  const data = input.classification.format === 'pyyaml' ? input.data : (pyYamlView(input.text)?.data ?? input.data);
  if (!isObj(data)) {
    problems.push({
      severity: 'error',
      field: '',
      code: 'oc.not_a_mapping',
      message: `a checkpoint is a mapping of fields (schema_version, run_id, ticket_id, phase, …); this file holds ${describe(data)}`,
    });
    fallbackPhaseFromName(record);
    return finish();
  }

  for (const key of Object.keys(data)) {
    if (!(OC_HEADER_KEYS as readonly string[]).includes(key)) {
      problems.push({
        severity: 'error',
        field: pointer([key]),
        code: 'schema.unknown_key',
        message: `unknown key "${key}": the checkpoint model forbids extra keys (extra="forbid"), so the pipeline cannot load this file`,
      });
    }
  }

  checkSchemaVersion(data, record, problems);
  checkRunId(data, record, problems);
  checkTicketId(data, record, problems);
  checkPhase(data, record, problems);
  checkTimestamp(data, record, problems, now);
  checkRepoCommitMap(data, record, problems);
  checkArtifactPaths(data, record, problems);
  checkAttemptNumber(data, record, problems);
  checkPayload(data, record, problems);
  if (!record.phase) fallbackPhaseFromName(record);
  checkFileName(record, problems);
  checkFolders(input.rel, record, problems);
  return finish();
}

function fallbackPhaseFromName(record: OcCheckpointRecord) {
  if (record.phase) return;
  if (isOcPhase(record.name.name)) {
    record.phase = record.name.name;
    record.phaseFrom = 'file-name';
  } else if (!record.phaseText && record.name.name) {
    record.phaseText = record.name.name;
  }
}

function checkSchemaVersion(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  if (!('schema_version' in data)) return; // the model's default is the current version
  const v = data.schema_version;
  if (typeof v !== 'string') {
    problems.push({ severity: 'error', field: '/schema_version', code: 'oc.type', message: `schema_version must be a string such as "${OC_SCHEMA_VERSION}", found ${describe(v)}` });
    return;
  }
  record.schemaVersion = v;
  if (v !== OC_SCHEMA_VERSION) {
    problems.push({
      severity: 'warning',
      field: '/schema_version',
      code: 'oc.schema_version',
      message: `schema_version is "${clip(v)}"; this reader knows "${OC_SCHEMA_VERSION}" (the pipeline's validator warns about the mismatch too)`,
    });
  }
}

function checkRunId(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  const v = data.run_id;
  if (v === undefined) {
    problems.push({ severity: 'error', field: '/run_id', code: 'oc.missing_field', message: 'run_id is missing' });
    return;
  }
  const c = typeof v === 'string' ? canonicalUuid(v) : undefined;
  if (!c) {
    problems.push({
      severity: 'error',
      field: '/run_id',
      code: 'oc.run_id_not_uuid',
      message: `run_id must be a UUID, found ${describe(v)} (short ids are turned into UUIDs by the CLI before they are written)`,
    });
    return;
  }
  record.runId = c;
}

function checkTicketId(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  const v = data.ticket_id;
  if (v === undefined) {
    problems.push({ severity: 'error', field: '/ticket_id', code: 'oc.missing_field', message: 'ticket_id is missing' });
    return;
  }
  if (typeof v !== 'string') {
    problems.push({ severity: 'error', field: '/ticket_id', code: 'oc.type', message: `ticket_id must be a string such as "OMN-2144", found ${describe(v)}` });
    return;
  }
  if (v.length < 1 || v.length > 64) {
    problems.push({
      severity: 'error',
      field: '/ticket_id',
      code: 'oc.ticket_id_length',
      message: `ticket_id must be 1–64 characters long, it is ${v.length}`,
    });
    if (v.length < 1) return;
  }
  record.ticketId = v;
}

function checkPhase(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  const v = data.phase;
  if (v === undefined) {
    problems.push({ severity: 'error', field: '/phase', code: 'oc.missing_field', message: 'phase is missing' });
    return;
  }
  if (!isOcPhase(v)) {
    problems.push({
      severity: 'error',
      field: '/phase',
      code: 'oc.unknown_phase',
      message: `phase must be one of ${OC_PHASES.join(', ')}; found ${describe(v)}`,
    });
    if (typeof v === 'string' && v) record.phaseText = v;
    return;
  }
  record.phase = v;
  record.phaseFrom = 'file';
}

function checkTimestamp(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[], now: number) {
  const t = checkAwareTimestamp(data.timestamp_utc, '/timestamp_utc', 'timestamp_utc');
  problems.push(...t.problems);
  record.timestamp = t.iso;
  record.timestampMs = t.ms;
  if (t.ms !== undefined && t.ms > now + FUTURE_TOLERANCE_MS) {
    problems.push({
      severity: 'warning',
      field: '/timestamp_utc',
      code: 'oc.future_timestamp',
      message: `timestamp_utc ${t.iso} is in the future (more than 60 s ahead of this clock)`,
    });
  }
}

/** A SHA that YAML turned into something else: say why, in the pipeline's terms. */
function shaTypeProblem(v: unknown, field: string, what: string): ProblemDraft {
  if (typeof v === 'number') {
    return {
      severity: 'error',
      field,
      code: 'oc.sha_not_string',
      message: `${what} is the number ${Number.isFinite(v) ? v : String(v)}, not a string: PyYAML reads an unquoted all-digit SHA as an integer (a leading 0 makes it octal), and the model rejects it; the writer quotes such SHAs ('0123456')`,
    };
  }
  return { severity: 'error', field, code: 'oc.sha_not_string', message: `${what} must be a hex string, found ${describe(v)}` };
}

function checkRepoCommitMap(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  if (!('repo_commit_map' in data)) return;
  const v = data.repo_commit_map;
  if (!isObj(v)) {
    problems.push({ severity: 'error', field: '/repo_commit_map', code: 'oc.type', message: `repo_commit_map must be a mapping of repo → commit SHA, found ${describe(v)}` });
    return;
  }
  for (const [repo, sha] of Object.entries(v)) {
    const field = pointer(['repo_commit_map', repo]);
    if (typeof sha !== 'string') {
      problems.push(shaTypeProblem(sha, field, `the SHA of repo "${clip(repo)}"`));
      continue;
    }
    if (!OC_REPO_SHA.test(sha)) {
      problems.push({
        severity: 'error',
        field,
        code: 'oc.repo_sha',
        message: `invalid commit SHA for repo "${clip(repo)}": "${clip(sha)}" (7–40 lower-case hex digits expected)`,
      });
    }
    record.repos[repo] = sha;
  }
}

function checkArtifactPaths(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  if (!('artifact_paths' in data)) return;
  const v = data.artifact_paths;
  if (!Array.isArray(v)) {
    problems.push({ severity: 'error', field: '/artifact_paths', code: 'oc.type', message: `artifact_paths must be a list of relative paths, found ${describe(v)}` });
    return;
  }
  v.forEach((p, index) => {
    const field = pointer(['artifact_paths', index]);
    if (typeof p !== 'string') {
      problems.push({ severity: 'error', field, code: 'oc.type', message: `artifact path must be a string, found ${describe(p)}` });
      return;
    }
    const entry: OcArtifactPath = { path: p, index };
    // The model and validator judge POSIX paths: a leading "/" is absolute, ".." is a segment.
    if (p.startsWith('/')) {
      entry.rejected = 'absolute path';
      problems.push({
        severity: 'error',
        field,
        code: 'oc.absolute_artifact_path',
        message: `absolute artifact path forbidden: "${clip(p)}" (artifact paths must be relative; Greenlight does not follow it)`,
      });
    }
    if (p.split('/').includes('..')) {
      entry.rejected = entry.rejected ?? '".." segment';
      problems.push({
        severity: 'error',
        field,
        code: 'oc.dotdot_artifact_path',
        message: `artifact path "${clip(p)}" contains a ".." segment, which the model rejects (Greenlight does not follow it)`,
      });
    }
    if (record.artifactPaths.length < MAX_LISTED || entry.rejected) record.artifactPaths.push(entry);
  });
}

function checkAttemptNumber(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  if (!('attempt_number' in data)) {
    record.attemptNumber = 1; // the model's default
    return;
  }
  let v = data.attempt_number;
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) v = Number(v); // Pydantic lax mode
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    problems.push({ severity: 'error', field: '/attempt_number', code: 'oc.type', message: `attempt_number must be a whole number, found ${describe(data.attempt_number)}` });
    return;
  }
  record.attemptNumber = v;
  if (v < 1) {
    problems.push({ severity: 'error', field: '/attempt_number', code: 'oc.attempt_lt_1', message: `attempt_number must be >= 1, got ${v}` });
  }
}

function checkPayload(data: Obj, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  const v = data.phase_payload;
  if (v === undefined) {
    problems.push({ severity: 'error', field: '/phase_payload', code: 'oc.missing_field', message: 'phase_payload is missing' });
    return;
  }
  if (!isObj(v)) {
    problems.push({ severity: 'error', field: '/phase_payload', code: 'oc.type', message: `phase_payload must be a mapping, found ${describe(v)}` });
    return;
  }
  const pp = v.phase;
  let schemaPhase: OcPhase | undefined;
  if (pp === undefined) {
    problems.push({
      severity: 'error',
      field: '/phase_payload/phase',
      code: 'oc.missing_field',
      message: 'phase_payload.phase is missing (the payload union is told apart by it)',
    });
  } else if (!isOcPhase(pp)) {
    problems.push({
      severity: 'error',
      field: '/phase_payload/phase',
      code: 'oc.unknown_phase',
      message: `phase_payload.phase must be one of ${OC_PHASES.join(', ')}; found ${describe(pp)}`,
    });
  } else {
    schemaPhase = pp;
    if (record.phase && pp !== record.phase) {
      problems.push({
        severity: 'error',
        field: '/phase_payload/phase',
        code: 'oc.payload_phase_mismatch',
        message: `phase mismatch: header says '${record.phase}', payload says '${pp}'`,
      });
    }
    if (!record.phase && !record.phaseText) {
      record.phase = pp;
      record.phaseFrom = 'payload';
    }
  }
  // Read the payload by its own tag; when it has none, by the header's phase (after saying so).
  const phase = schemaPhase ?? record.phase;
  if (!phase) return;
  const body = schemaPhase ? v : { ...v, phase };

  const shaFields = OC_PAYLOAD_SHA_FIELDS[phase];
  const reported = new Set<string>();
  for (const f of shaFields) {
    if (f in body && typeof body[f] !== 'string') {
      const field = pointer(['phase_payload', f]);
      problems.push(shaTypeProblem(body[f], field, f));
      reported.add(field);
    }
  }
  const parsed = OC_PAYLOAD_SCHEMAS[phase].safeParse(body);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error, { base: '/phase_payload' })) {
      if (reported.has(p.field)) continue;
      const key = p.field.split('/')[2];
      if (key && p.code !== 'schema.unknown_key' && (body[key] === undefined || body[key] === null) && p.field === `/phase_payload/${key}`) {
        p.code = 'oc.missing_field';
        p.message = `phase_payload.${key} is ${body[key] === null ? 'empty (null)' : 'missing'} (required by the ${phase} payload)`;
      } else if (shaFields.includes(key)) p.code = 'oc.payload_sha';
      if (p.code === 'schema.unknown_key') {
        p.message = `${p.message} in phase_payload: payload models forbid extra keys (extra="forbid")`;
      }
      problems.push(p);
    }
  }
  record.payload = payloadFacts(phase, body, problems);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function int(v: unknown): number | undefined {
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function strings(v: unknown): { list?: string[]; count?: number } {
  if (!Array.isArray(v)) return {};
  const all = v.filter((x): x is string => typeof x === 'string');
  return { list: all.slice(0, MAX_LISTED), count: v.length };
}

/** The facts a reviewer wants from a payload, taken leniently from whatever is well-typed. */
function payloadFacts(phase: OcPhase, p: Obj, problems: ProblemDraft[]): OcPayloadFacts {
  switch (phase) {
    case 'implement': {
      const files = strings(p.files_changed);
      return { branchName: str(p.branch_name), commitSha: str(p.commit_sha), filesChanged: files.list, filesChangedCount: files.count };
    }
    case 'local_review': {
      const fp = strings(p.issue_fingerprints);
      return {
        iterationCount: int(p.iteration_count),
        issueFingerprints: fp.list,
        issueFingerprintCount: fp.count,
        lastCleanSha: str(p.last_clean_sha),
      };
    }
    case 'create_pr':
      return { prUrl: str(p.pr_url) || undefined, prNumber: int(p.pr_number), headSha: str(p.head_sha) };
    case 'pr_release_ready': {
      const fp = strings(p.issue_fingerprints);
      return { lastReviewSha: str(p.last_review_sha), issueFingerprints: fp.list, issueFingerprintCount: fp.count };
    }
    case 'ready_for_merge': {
      if (p.label_applied_at === undefined || p.label_applied_at === null) return {};
      const t = checkAwareTimestamp(p.label_applied_at, '/phase_payload/label_applied_at', 'label_applied_at');
      problems.push(...t.problems);
      return { labelAppliedAt: t.iso };
    }
  }
}

/** The file name against the file: the phase read from the file wins, mismatches are reported. */
function checkFileName(record: OcCheckpointRecord, problems: ProblemDraft[]) {
  const { name } = record;
  if (!name.name) return;
  if (record.phase && record.phaseFrom !== 'file-name' && name.name !== record.phase) {
    problems.push({
      severity: 'error',
      field: '/phase',
      code: 'oc.filename_phase_mismatch',
      message: `file name says phase "${name.name}" but the file records "${record.phase}"; Greenlight uses the file's phase, while the pipeline finds checkpoints by file name and would hand this ${record.phase} checkpoint to a ${name.name} resume`,
    });
  }
  if (record.phase) {
    const expected = OC_PHASE_ORDINALS[record.phase];
    if (name.ordinal !== expected) {
      if (record.phase === 'ready_for_merge' && name.ordinal === 4) {
        problems.push({
          severity: 'warning',
          field: '',
          code: 'oc.ready_for_merge_ordinal_4',
          message: `file name uses ordinal 4 for ready_for_merge, as omniclaude's SKILL.md documents; the infra enum (and its writer and reader) use 5, so the pipeline's reader looks for phase_5_ready_for_merge_a*.yaml and will not find this file`,
        });
      } else {
        problems.push({
          severity: 'warning',
          field: '',
          code: 'oc.filename_ordinal_mismatch',
          message: `file name has ordinal ${name.ordinal} but ${record.phase} is ${expected} in the infra enum; the pipeline's reader looks for phase_${expected}_${record.phase}_a*.yaml and will not find this file`,
        });
      }
    }
  }
  if (record.attemptNumber !== undefined && record.attemptNumber !== name.attempt) {
    problems.push({
      severity: 'warning',
      field: '/attempt_number',
      code: 'oc.filename_attempt_mismatch',
      message: `file name says attempt a${name.attempt} but attempt_number is ${record.attemptNumber}; the pipeline (and Greenlight) order attempts by the file name`,
    });
  }
}

/** `<ticket_id>/<run_id>/` must name what the file records, or the pipeline looks elsewhere. */
function checkFolders(rel: string, record: OcCheckpointRecord, problems: ProblemDraft[]) {
  const dirs = splitRunPath(rel);
  if (!dirs) return;
  if (record.ticketId !== undefined && dirs.ticketDir !== record.ticketId) {
    problems.push({
      severity: 'warning',
      field: '/ticket_id',
      code: 'oc.ticket_dir_mismatch',
      message: `ticket_id is "${clip(record.ticketId)}" but the file sits in folder "${clip(dirs.ticketDir)}"; the pipeline looks in <base>/${clip(record.ticketId)}/`,
    });
  }
  if (record.runId === undefined) return;
  const dir = normalizeRunId(dirs.runDir);
  if (dir.uuid !== record.runId) {
    problems.push({
      severity: 'warning',
      field: '/run_id',
      code: 'oc.run_dir_mismatch',
      message: dir.short
        ? `run folder "${clip(dirs.runDir)}" is not a UUID; the CLI would normalise it to ${dir.uuid}, which is not this file's run_id ${record.runId}`
        : `run_id is ${record.runId} but the file sits in run folder "${clip(dirs.runDir)}"`,
    });
  } else if (dir.short) {
    problems.push({
      severity: 'warning',
      field: '',
      code: 'oc.short_run_dir',
      message: `run folder "${clip(dirs.runDir)}" is a short run id; the CLI normalises it to uuid5 ${dir.uuid} (this file's run_id) and writes under that name, so the pipeline will not look in this folder`,
    });
  } else if (dirs.runDir !== record.runId) {
    problems.push({
      severity: 'warning',
      field: '',
      code: 'oc.run_dir_spelling',
      message: `run folder "${clip(dirs.runDir)}" spells the run id differently from the writer's lower-case "${record.runId}"; on a case-sensitive file system the pipeline will not find it`,
    });
  }
}
