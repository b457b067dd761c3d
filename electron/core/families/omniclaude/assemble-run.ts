// One OmniClaude run folder → one Run. A stage per phase seen (in the infra enum's order), its
// attempts as versions (the highest `_a<K>` is current, as the pipeline's reader picks it), and
// one human gate: the merge decision, once the run has reached `ready_for_merge` (or, in runs
// from before that phase existed, `pr_release_ready`). The pipeline itself has no approval, so
// decisions live only in Greenlight's sidecars; the checkpoints are never touched.
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { Artifact, Gate, Run, RunStatus, Stage, StageVersion } from '../../../../shared/model';
import { OC_PHASE_LABELS, OC_PHASE_ORDINALS, isOcPhase, type OcPhase } from '../../../../shared/schemas/omniclaude';
import { artifactKindOf } from '../shared/artifact-paths';
import type { AssembleContext, ParsedFile } from '../family-adapter';
import { addAssemblyProblem, clearAssemblyProblems } from './assembly-problems';
import { parseCheckpointName, splitRunPath, type CheckpointName } from './layout';
import type { OcCheckpointRecord, OcDecisionRecord, OcRecord } from './records';
import { normalizeRunId } from './run-id';

/** A run whose newest checkpoint is older than this, and which has not finished, has stopped. */
const RUNNING_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Phases after which the merge decision is a person's to take. */
const GATE_PHASES: readonly OcPhase[] = ['ready_for_merge', 'pr_release_ready'];

export const OC_UNAVAILABLE = {
  edit: 'OmniClaude checkpoints are append-only records of finished phases (extra="forbid", never rewritten): Greenlight never edits them; a change means the pipeline writes a new attempt',
  branch: 'OmniClaude has no branches of a run: re-running a phase writes a new attempt (_a2, _a3…) in the same run folder',
} as const;

interface Attempt {
  file: ParsedFile<OcRecord>;
  name: CheckpointName;
  rec?: OcCheckpointRecord;
}

interface PhaseGroup {
  key: string;
  phase?: OcPhase;
  attempts: Attempt[];
  current: Attempt;
}

function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

function phaseKeyOf(a: Attempt): { key: string; phase?: OcPhase } {
  if (a.rec?.phase) return { key: a.rec.phase, phase: a.rec.phase };
  if (isOcPhase(a.name.name)) return { key: a.name.name, phase: a.name.name };
  return { key: a.rec?.phaseText ?? a.name.name ?? 'unknown' };
}

function orderOf(g: PhaseGroup): number {
  return g.phase ? OC_PHASE_ORDINALS[g.phase] : 100;
}

/** Highest attempt wins; among equals, the name whose ordinal matches the enum, then by path. */
function pickCurrent(attempts: Attempt[], phase?: OcPhase): Attempt {
  const sorted = [...attempts].sort((a, b) => {
    if (a.name.attempt !== b.name.attempt) return a.name.attempt - b.name.attempt;
    const aOk = phase && a.name.ordinal === OC_PHASE_ORDINALS[phase] ? 1 : 0;
    const bOk = phase && b.name.ordinal === OC_PHASE_ORDINALS[phase] ? 1 : 0;
    if (aOk !== bOk) return aOk - bOk;
    return a.file.rel < b.file.rel ? 1 : -1;
  });
  return sorted[sorted.length - 1];
}

export function assembleOmniClaudeRun(groupKey: string, files: ParsedFile<OcRecord>[], ctx: AssembleContext): Run[] {
  clearAssemblyProblems(files);
  const sorted = [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const attempts: Attempt[] = [];
  const decisions = new Map<string, { file: ParsedFile<OcRecord>; rec: OcDecisionRecord }>();
  for (const f of sorted) {
    const role = f.classification.role;
    if (role === 'checkpoint') {
      const name = parseCheckpointName(baseName(f.rel));
      if (!name) continue;
      const rec = f.record?.kind === 'checkpoint' ? f.record : undefined;
      attempts.push({ file: f, name, rec });
    } else if (role === 'decision' && f.record?.kind === 'decision' && f.record.sidecar) {
      const key = `${f.record.phase}_a${f.record.attempt}`;
      const prev = decisions.get(key);
      if (!prev || f.mtimeMs >= prev.file.mtimeMs) decisions.set(key, { file: f, rec: f.record });
    }
  }
  if (!attempts.length) return [];

  const first = sorted[0];
  const dirs = splitRunPath(attempts[0].file.rel);
  const folder = dirs?.runRel ?? attempts[0].file.rel.slice(0, attempts[0].file.rel.lastIndexOf('/'));
  const runKey = groupKey;
  const runIdOf = ctx.makeId('run', 'omniclaude', runKey);

  const byPhase = new Map<string, PhaseGroup>();
  for (const a of attempts) {
    const { key, phase } = phaseKeyOf(a);
    const g = byPhase.get(key);
    if (g) g.attempts.push(a);
    else byPhase.set(key, { key, phase, attempts: [a], current: a });
  }
  const groups = [...byPhase.values()];
  for (const g of groups) {
    g.attempts.sort((a, b) => a.name.attempt - b.name.attempt || (a.file.rel < b.file.rel ? -1 : 1));
    g.current = pickCurrent(g.attempts, g.phase);
    for (const a of g.attempts) {
      const twin = g.attempts.find((b) => b !== a && b.name.attempt === a.name.attempt);
      if (twin && a !== g.current) {
        addAssemblyProblem(a.file, {
          severity: 'warning',
          field: '',
          code: 'duplicate_attempt',
          message:
            `${baseName(twin.file.rel)} is also attempt ${a.name.attempt} of ${g.key} (two files for one append-only attempt)` +
            (a.name.attempt === g.current.name.attempt ? `, Greenlight shows ${baseName(g.current.file.rel)} as current` : ''),
        });
      }
    }
  }
  groups.sort((a, b) => orderOf(a) - orderOf(b) || (a.key < b.key ? -1 : 1));

  for (const [key, d] of decisions) {
    const [phase, attempt] = [d.rec.phase, d.rec.attempt];
    if (!byPhase.get(phase)?.attempts.some((a) => a.name.attempt === attempt)) {
      addAssemblyProblem(d.file, {
        severity: 'warning',
        field: '',
        code: 'orphan_decision',
        message: `this decision is about ${key.replace(/_a(\d+)$/, ' attempt $1')}, but the run folder holds no such checkpoint`,
      });
    }
  }

  const known = groups.filter((g) => g.phase);
  const latest = known[known.length - 1];
  const gateGroup = latest && GATE_PHASES.includes(latest.phase!) ? latest : undefined;

  // The facts a run header shows, from each phase's current attempt.
  const cur = (p: OcPhase) => byPhase.get(p)?.current.rec;
  const branch = cur('implement')?.payload.branchName;
  const prUrl = cur('create_pr')?.payload.prUrl;
  const prNumber = cur('create_pr')?.payload.prNumber;
  const recs = attempts.map((a) => a.rec).filter((r): r is OcCheckpointRecord => !!r);
  const currentRecs = groups.map((g) => g.current.rec).filter((r): r is OcCheckpointRecord => !!r);
  const ticket = mostCommon(currentRecs.map((r) => r.ticketId)) ?? mostCommon(recs.map((r) => r.ticketId)) ?? dirs?.ticketDir ?? 'unknown ticket';
  const runUuid = mostCommon(currentRecs.map((r) => r.runId)) ?? (dirs ? normalizeRunId(dirs.runDir).uuid : undefined);
  const stamps = recs.map((r) => r.timestampMs).filter((n): n is number => n !== undefined);
  const startedAt = stamps.length ? new Date(Math.min(...stamps)).toISOString() : undefined;
  const updatedAt = stamps.length ? new Date(Math.max(...stamps)).toISOString() : undefined;
  const reposRec = [...currentRecs].reverse().find((r) => Object.keys(r.repos).length);

  const gates: Gate[] = [];
  const stages: Stage[] = groups.map((g) => {
    const stageId = ctx.makeId('stage', runKey, g.key);
    const versions: StageVersion[] = g.attempts.map((a) => ({
      label: `attempt ${a.name.attempt}`,
      fileId: a.file.fileId,
      rel: a.file.rel,
      timestamp: a.rec?.timestamp,
      status: a.rec ? 'completed' : 'unknown',
      current: a === g.current,
    }));
    const c = g.current;
    const stamps = g.attempts.map((a) => a.rec?.timestampMs).filter((n): n is number => n !== undefined);
    const stage: Stage = {
      id: stageId,
      name: g.key,
      label: g.phase ? OC_PHASE_LABELS[g.phase] : g.key,
      order: g.phase ? OC_PHASE_ORDINALS[g.phase] : orderOf(g),
      status: c.rec ? 'completed' : 'unknown',
      startedAt: stamps.length ? new Date(Math.min(...stamps)).toISOString() : undefined,
      updatedAt: c.rec?.timestamp,
      attempts: g.attempts.length,
      versions,
      gateRequired: false,
      artifacts: c.rec ? stageArtifacts(c, ctx) : [],
      fileId: c.file.fileId,
      rel: c.file.rel,
      branch: g.phase === 'implement' ? c.rec?.payload.branchName : undefined,
      flags: [],
      details: c.rec ? stageDetails(c.rec) : undefined,
    };
    if (!g.phase) stage.flags.push('unknown_phase');
    if (g.attempts.length > 1) stage.flags.push('retried');
    if (!c.rec) {
      stage.error = 'the current attempt could not be read (see the file problems)';
    } else if (c.rec.errorCount) {
      stage.flags.push('invalid');
      stage.error = `the current attempt fails the checkpoint model (${c.rec.errorCount} error${c.rec.errorCount > 1 ? 's' : ''}; first: ${c.rec.firstError}); the pipeline's list skips such a file and its read raises`;
    }

    // Decided gates of this phase's attempts (history included), then the open one if any.
    const isGatePhase = g === gateGroup;
    for (const a of g.attempts) {
      const d = g.phase ? decisions.get(`${g.phase}_a${a.name.attempt}`) : undefined;
      if (!d && !(isGatePhase && a === c)) continue;
      const gate = makeGate(ctx, runIdOf, runKey, stage, a, ticket, prNumber, branch, d?.rec.sidecar);
      if (a !== c) gate.note = [gate.note, `about attempt ${a.name.attempt}; attempt ${c.name.attempt} is newer`].filter(Boolean).join(' — ');
      gates.push(gate);
      if (a === c) {
        stage.gateRequired = true;
        stage.gateId = gate.id;
        if (gate.status === 'waiting') stage.status = 'awaiting_human';
      }
    }
    return stage;
  });

  const openGate = gates.find((g) => g.status === 'waiting');
  const currentGate = gateGroup ? gates.find((g) => g.id === stages.find((s) => s.name === gateGroup.key)?.gateId) : undefined;
  let status: RunStatus;
  if (openGate) status = 'waiting';
  else if (byPhase.has('ready_for_merge') || (currentGate && currentGate.status !== 'waiting')) status = 'completed';
  else if (!stamps.length) status = 'unknown';
  else status = ctx.now() - Math.max(...stamps) <= RUNNING_WINDOW_MS ? 'running' : 'incomplete';

  const label = branch ?? (prNumber !== undefined ? `PR #${prNumber}` : runUuid ? runUuid.slice(0, 8) : folder);
  const run: Run = {
    id: runIdOf,
    family: 'omniclaude',
    rootId: first.rootId,
    folder,
    project: ticket,
    runId: runUuid,
    branch,
    title: `${ticket} · ${label}`,
    status,
    startedAt,
    updatedAt,
    stageCount: stages.length,
    currentStage: latest?.key ?? groups[groups.length - 1]?.key,
    pendingGates: gates.filter((g) => g.status === 'waiting').length,
    errors: 0,
    warnings: 0,
    stages,
    iterations: [],
    gates,
    branches: [],
    artifacts: [],
    files: sorted.map((f) => ({ id: f.fileId, rootId: f.rootId, rel: f.rel })),
    meta: {
      ticket,
      run_id: runUuid ?? null,
      branch: branch ?? null,
      pr_url: prUrl ?? null,
      pr_number: prNumber ?? null,
      repos: reposRec ? Object.entries(reposRec.repos).map(([r, s]) => `${r}@${s}`).join(', ') : null,
      attempts: attempts.length,
    },
  };
  return [run];
}

function makeGate(
  ctx: AssembleContext,
  runId: string,
  runKey: string,
  stage: Stage,
  a: Attempt,
  ticket: string,
  prNumber: number | undefined,
  branch: string | undefined,
  sidecar: DecisionSidecar | undefined,
): Gate {
  const what = prNumber !== undefined ? `PR #${prNumber}` : branch ?? ticket;
  const since = a.rec?.payload.labelAppliedAt ?? a.rec?.timestamp;
  const gate: Gate = {
    id: ctx.makeId('gate', runKey, `${stage.name}_a${a.name.attempt}`),
    runId,
    family: 'omniclaude',
    stageId: stage.id,
    stageName: stage.name,
    title: `Merge ${what} (${ticket})`,
    status: 'waiting',
    since,
    decisions: ['approve', 'reject'],
    unavailable: { ...OC_UNAVAILABLE },
    fileId: a.file.fileId,
    rel: a.file.rel,
    question:
      stage.name === 'ready_for_merge'
        ? `The pipeline applied the merge-ready label to ${what}. Approve the merge?`
        : `${what} passed its release-ready review (no ready_for_merge checkpoint was written). Approve the merge?`,
  };
  if (sidecar) {
    gate.status = sidecar.decision === 'approve' ? (sidecar.auto ? 'auto_approved' : 'approved') : 'rejected';
    gate.decidedBy = sidecar.decidedBy;
    gate.decidedAt = sidecar.decidedAt;
    gate.note = sidecar.note;
  }
  return gate;
}

function stageArtifacts(a: Attempt, ctx: AssembleContext): Artifact[] {
  const rec = a.rec!;
  const out: Artifact[] = [];
  const id = (pointer: string) => ctx.makeId('artifact', a.file.fileId, pointer);
  const p = rec.payload;
  if (p.prUrl && /^https?:\/\//i.test(p.prUrl)) {
    out.push({
      id: id('/phase_payload/pr_url'),
      name: p.prNumber !== undefined ? `Pull request #${p.prNumber}` : 'Pull request',
      kind: 'file',
      role: 'canonical',
      source: 'url',
      url: p.prUrl,
      fileId: a.file.fileId,
      pointer: '/phase_payload/pr_url',
      summary: p.prUrl,
    });
  }
  if (p.filesChangedCount) {
    out.push({
      id: id('/phase_payload/files_changed'),
      name: 'files_changed',
      kind: 'json',
      role: 'supplementary',
      source: 'inline',
      fileId: a.file.fileId,
      pointer: '/phase_payload/files_changed',
      summary: `${p.filesChangedCount} file${p.filesChangedCount > 1 ? 's' : ''} changed`,
    });
  }
  if (p.issueFingerprintCount) {
    out.push({
      id: id('/phase_payload/issue_fingerprints'),
      name: 'issue_fingerprints',
      kind: 'json',
      role: 'supplementary',
      source: 'inline',
      fileId: a.file.fileId,
      pointer: '/phase_payload/issue_fingerprints',
      summary: `${p.issueFingerprintCount} issue fingerprint${p.issueFingerprintCount > 1 ? 's' : ''}`,
    });
  }
  // artifact_paths are relative to the ticket's repository, not to the checkpoint folder, so
  // they are listed for reference and never resolved inside the watched root.
  for (const ap of rec.artifactPaths) {
    if (ap.rejected) continue;
    out.push({
      id: id(`/artifact_paths/${ap.index}`),
      name: ap.path,
      kind: artifactKindOf(ap.path),
      role: 'other',
      source: 'missing',
      rel: ap.path,
      summary: 'path in the ticket’s repository (outside the watched folder; not opened)',
    });
  }
  return out;
}

function stageDetails(rec: OcCheckpointRecord): Record<string, unknown> {
  const p = rec.payload;
  const d: Record<string, unknown> = {
    attempt_number: rec.attemptNumber,
    schema_version: rec.schemaVersion,
    timestamp_utc: rec.timestamp,
    repo_commit_map: Object.keys(rec.repos).length ? rec.repos : undefined,
    branch_name: p.branchName,
    commit_sha: p.commitSha,
    files_changed: p.filesChanged,
    files_changed_count: p.filesChangedCount,
    iteration_count: p.iterationCount,
    issue_fingerprints: p.issueFingerprints,
    issue_fingerprint_count: p.issueFingerprintCount,
    last_clean_sha: p.lastCleanSha,
    pr_url: p.prUrl,
    pr_number: p.prNumber,
    head_sha: p.headSha,
    last_review_sha: p.lastReviewSha,
    label_applied_at: p.labelAppliedAt,
    phase_read_from: rec.phaseFrom === 'file' ? undefined : rec.phaseFrom,
  };
  for (const k of Object.keys(d)) if (d[k] === undefined) delete d[k];
  return d;
}

function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
