// Builds the runs of one Twinklr project folder (group): one run per run id (iteration files
// written without `start_run()` form one run with no id), iterations in order with gaps
// allowed. The project-level files (latest raw/evaluation, final, implementation, audio,
// sequence) are overwritten by every run, so they belong to the run written to last; with no
// iteration files at all (the old era) they form a run of their own.
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { Artifact, FileRef, Gate, Iteration, Run, RunStatus, Stage, StageStatus } from '../../../../shared/model';
import type { AssembleContext, ParsedFile } from '../family-adapter';
import { addAssemblyProblem, clearAssemblyProblems } from './assembly-problems';
import { iterationLabel, parseTwinklrPath, type TwName, type TwRole } from './file-names';
import { buildFinalGate } from './final-gate';
import { TW_GATE_KEY } from './parse-file';
import { evaluationSummaryText } from './read-evaluation';
import { planSummaryText } from './read-plan';
import type { TwEvaluationSummary, TwRecord } from './records';
import { isoFromMs } from './text';

type TwFile = ParsedFile<TwRecord>;
type ProjectRole = Exclude<TwRole, 'iteration-raw' | 'iteration-evaluation' | 'decision'>;
type RecordOf<K extends TwRecord['kind']> = Extract<TwRecord, { kind: K }>;

interface Slot {
  raw?: TwFile;
  evaluation?: TwFile;
}

interface RunBucket {
  key: string;
  runId?: string;
  slots: Map<number, Slot>;
  newestMs: number;
}

const NO_RUN_ID = '(no run id)';
const PROJECT_ONLY = '(project)';

interface GroupContext {
  groupKey: string;
  ctx: AssembleContext;
  project: string;
  checkpointsDir: string;
  rootId: string;
  projectFiles: Partial<Record<ProjectRole, TwFile>>;
  decisions: Array<{ file: TwFile; runId?: string }>;
  usedDecisions: Set<TwFile>;
}

export function assembleTwinklrGroup(groupKey: string, files: TwFile[], ctx: AssembleContext): Run[] {
  clearAssemblyProblems(files);
  const named: Array<{ file: TwFile; name: TwName }> = [];
  for (const file of files) {
    const name = parseTwinklrPath(file.rel);
    if (name) named.push({ file, name });
  }
  if (!named.length) return [];

  const g: GroupContext = {
    groupKey,
    ctx,
    project: named[0].name.project,
    checkpointsDir: named[0].name.checkpointsDir,
    rootId: named[0].file.rootId,
    projectFiles: {},
    decisions: [],
    usedDecisions: new Set(),
  };
  const buckets = new Map<string, RunBucket>();
  for (const { file, name } of named) {
    if (name.role === 'iteration-raw' || name.role === 'iteration-evaluation') {
      const key = name.runId ?? NO_RUN_ID;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { key, runId: name.runId, slots: new Map(), newestMs: 0 }));
      let slot = b.slots.get(name.iteration!);
      if (!slot) b.slots.set(name.iteration!, (slot = {}));
      if (name.role === 'iteration-raw') slot.raw = file;
      else slot.evaluation = file;
      b.newestMs = Math.max(b.newestMs, file.mtimeMs || 0);
    } else if (name.role === 'decision') {
      g.decisions.push({ file, runId: name.runId });
    } else {
      g.projectFiles[name.role] = file;
    }
  }
  const hasProjectFiles = Object.keys(g.projectFiles).length > 0;
  if (!buckets.size && !hasProjectFiles) return []; // only Greenlight sidecars: nothing to show

  let holder: RunBucket;
  if (buckets.size) {
    holder = [...buckets.values()].sort((a, b) => b.newestMs - a.newestMs || a.key.localeCompare(b.key))[0];
  } else {
    holder = { key: PROJECT_ONLY, slots: new Map(), newestMs: 0 };
    buckets.set(PROJECT_ONLY, holder);
  }
  const ordered = [holder, ...[...buckets.values()].filter((b) => b !== holder).sort((a, b) => b.newestMs - a.newestMs || a.key.localeCompare(b.key))];
  const runs = ordered.map((b) => buildRun(g, b, b === holder));

  // Decisions that matched no gate still belong to the project: show them (and why) on the holder.
  const holderRun = runs[0];
  for (const d of g.decisions) {
    if (g.usedDecisions.has(d.file)) continue;
    holderRun.files.push(fileRef(d.file));
    const rec = d.file.record;
    if (rec?.kind === 'decision' && rec.sidecar) {
      addAssemblyProblem(d.file, {
        severity: 'warning',
        field: '',
        code: 'orphan_decision',
        message: g.projectFiles.final
          ? `decision names run ${d.runId ?? '(none)'}, but the final plan belongs to ${holderRun.runId ? `run ${holderRun.runId}` : 'the run without an id'}`
          : `decision recorded, but ${g.project}_final.json does not exist (any more); it applies to nothing`,
      });
    }
  }
  return runs;
}

function buildRun(g: GroupContext, bucket: RunBucket, isHolder: boolean): Run {
  const { ctx, groupKey } = g;
  const runKey = `${groupKey}\0${bucket.key}`;
  const id = ctx.makeId('run', groupKey, bucket.key);
  const used: TwFile[] = [];
  const stages: Stage[] = [];
  const iterations: Iteration[] = [];
  const artifacts: Artifact[] = [];
  const gates: Gate[] = [];
  const pf = isHolder ? g.projectFiles : {};
  const finalFile = pf.final;
  const finalRec = recordOf(finalFile, 'final');

  const nums = [...bucket.slots.keys()].sort((a, b) => a - b);
  nums.forEach((n, i) => {
    const { raw, evaluation } = bucket.slots.get(n)!;
    if (raw) used.push(raw);
    if (evaluation) used.push(evaluation);
    const rawRec = recordOf(raw, 'iteration-raw');
    const evRec = recordOf(evaluation, 'iteration-evaluation');
    const settled = i < nums.length - 1 || !!finalFile;
    const stageId = ctx.makeId('stage', runKey, 'iter', String(n));
    const label = iterationLabel(n);
    const stageArtifacts: Artifact[] = [];
    if (raw) stageArtifacts.push(inline(ctx, raw, '/plan', `plan (iteration ${label})`, rawRec ? planSummaryText(rawRec.plan) : undefined, 'canonical'));
    if (evaluation) {
      stageArtifacts.push(inline(ctx, evaluation, '/evaluation', `evaluation (iteration ${label})`, evRec ? evaluationSummaryText(evRec.evaluation) : undefined, 'supplementary'));
    }
    const flags: string[] = [];
    let status: StageStatus;
    let error: string | undefined;
    if (evaluation) {
      status = evRec ? statusForDecision(evRec.evaluation.decision) : 'unknown';
      if (evRec?.evaluation.decision) flags.push(evRec.evaluation.decision.toLowerCase());
      if (!raw) {
        addAssemblyProblem(evaluation, {
          severity: 'warning',
          field: '',
          code: 'plan_missing',
          message: `iteration ${label} has an evaluation but no plan file (${g.project}_${bucket.runId ? bucket.runId + '_' : ''}iter${label}_raw.json)`,
        });
      }
    } else if (settled) {
      // Twinklr writes no evaluation when the judge call or the heuristic validation fails.
      status = 'failed';
      flags.push('judge_failed');
      error = 'no evaluation was written: the judge (or heuristic validation) failed for this iteration';
      if (raw) {
        addAssemblyProblem(raw, {
          severity: 'warning',
          field: '',
          code: 'judge_failed',
          message: `iteration ${label} has no evaluation file: the judge or heuristic validation failed, so it has no score`,
        });
      }
    } else {
      status = 'in_progress'; // the newest iteration, still waiting for its judge
    }
    const ev = evRec?.evaluation;
    iterations.push({
      n,
      score: ev?.score,
      rawScore: ev?.rawScore,
      scale: ev?.scale,
      decision: ev?.decision,
      review: ev?.review,
      planFileId: raw?.fileId,
      planRel: raw?.rel,
      evaluationFileId: evaluation?.fileId,
      evaluationRel: evaluation?.rel,
      timestamp: isoFromMs((evaluation ?? raw)?.mtimeMs ?? 0),
      sections: rawRec?.plan.sections ?? evRec?.planSections,
    });
    const main = evaluation ?? raw!;
    stages.push(
      stage({
        id: stageId,
        name: `iteration ${label}`,
        label: `Iteration ${label}`,
        order: i,
        status,
        updatedAt: isoFromMs(main.mtimeMs),
        artifacts: stageArtifacts,
        review: ev?.review,
        fileId: main.fileId,
        rel: main.rel,
        flags,
        error,
      }),
    );
  });

  // The old era kept no iteration files: its one evaluation lives in the latest/final files.
  if (isHolder && !nums.length) synthesiseIteration(g, runKey, stages, iterations);

  for (const role of ['raw', 'evaluation', 'implementation'] as const) {
    const f = pf[role];
    if (!f) continue;
    used.push(f);
    const rec = f.record;
    const summary =
      rec?.kind === 'raw' ? planSummaryText(rec.plan) : rec?.kind === 'evaluation' ? evaluationSummaryText(rec.evaluation) : rec?.kind === 'implementation' && rec.sections !== undefined ? `${rec.sections} sections` : undefined;
    const name = role === 'raw' ? 'latest plan' : role === 'evaluation' ? 'latest evaluation' : 'implementation (old era)';
    artifacts.push(inline(ctx, f, '', name, summary, 'other'));
  }
  for (const role of ['audio', 'sequence'] as const) {
    const f = pf[role];
    if (!f) continue;
    used.push(f);
    const rec = f.record;
    artifacts.push({
      id: ctx.makeId('artifact', f.fileId, ''),
      name: role === 'audio' ? 'audio features' : 'sequence analysis',
      kind: 'json',
      role: 'supplementary',
      source: 'file',
      fileId: ctx.fileIdFor(f.rootId, f.rel),
      rel: f.rel,
      size: f.size || undefined,
      summary: rec && (rec.kind === 'audio' || rec.kind === 'sequence') ? rec.summary : undefined,
    });
  }

  if (finalFile) {
    used.push(finalFile);
    const stageId = ctx.makeId('stage', runKey, TW_GATE_KEY);
    const finalArtifacts: Artifact[] = [inline(ctx, finalFile, '/plan', 'final plan', finalRec ? planSummaryText(finalRec.plan) : undefined, 'canonical')];
    if (finalRec?.evaluation) finalArtifacts.push(inline(ctx, finalFile, '/evaluation', 'final evaluation', evaluationSummaryText(finalRec.evaluation), 'supplementary'));
    if (finalRec?.era === 'old') finalArtifacts.push(inline(ctx, finalFile, '/implementation', 'final implementation', undefined, 'supplementary'));
    artifacts.push(...finalArtifacts);
    const decision = pickDecision(g, bucket.runId);
    if (decision) used.push(decision.file);
    const gate = buildFinalGate({ ctx, runKey, runId: id, stageId, finalFile, decision });
    gates.push(gate);
    const st = finalRec?.status;
    const details: Record<string, unknown> = {};
    if (st) details.status = st;
    if (finalRec?.iterations !== undefined) details.iterations = finalRec.iterations;
    if (finalRec?.bestScore !== undefined) details.best_score = finalRec.bestScore;
    if (finalRec?.reason) details.reason = finalRec.reason;
    if (finalRec?.tokens !== undefined) details.tokens = finalRec.tokens;
    if (finalRec?.durationS !== undefined) details.duration_s = finalRec.durationS;
    stages.push(
      stage({
        id: stageId,
        name: TW_GATE_KEY,
        label: 'Final plan',
        order: stages.length,
        // The model has no "incomplete" stage status: the best attempt was written, so the
        // stage is completed and flagged; the run itself is marked incomplete.
        status: st === 'SUCCESS' || st === 'INCOMPLETE' ? 'completed' : 'unknown',
        updatedAt: isoFromMs(finalFile.mtimeMs),
        artifacts: finalArtifacts,
        review: finalRec?.evaluation?.review,
        fileId: finalFile.fileId,
        rel: finalFile.rel,
        flags: st === 'INCOMPLETE' ? ['incomplete'] : [],
        error: st === 'INCOMPLETE' ? finalRec?.reason ?? 'INCOMPLETE: max iterations reached without approval' : undefined,
        gateRequired: true,
        gateId: gate.id,
        details: Object.keys(details).length ? details : undefined,
      }),
    );
  }

  const scores = iterations.map((it) => it.score).filter((s): s is number => s !== undefined);
  const bestScore = scores.length ? Math.max(...scores) : finalRec?.bestScore;
  let status: RunStatus;
  if (finalFile) status = finalRec?.status === 'SUCCESS' ? 'completed' : finalRec?.status === 'INCOMPLETE' ? 'incomplete' : 'unknown';
  else if (!isHolder) status = 'incomplete'; // a newer run of the project took over without this one finishing
  else status = 'running';

  const mtimes = used.map((f) => f.mtimeMs).filter((m) => m > 0);
  const meta: Run['meta'] = {
    best_score: bestScore ?? null,
    iterations: iterations.length,
  };
  if (finalRec?.status) meta.final_status = finalRec.status;
  if (finalRec?.iterations !== undefined) meta.final_iterations = finalRec.iterations;
  if (finalRec?.tokens !== undefined) meta.total_tokens = finalRec.tokens;
  if (finalRec?.durationS !== undefined) meta.duration_s = finalRec.durationS;
  if (finalRec?.reason) meta.reason = finalRec.reason;
  if (!isHolder) meta.superseded = true;
  if (g.project === 'None') meta.project_unset = true;

  return {
    id,
    family: 'twinklr',
    rootId: g.rootId,
    folder: g.checkpointsDir,
    project: g.project,
    runId: bucket.runId,
    title: bucket.runId ? `${g.project} · run ${bucket.runId}` : g.project,
    status,
    startedAt: mtimes.length ? isoFromMs(Math.min(...mtimes)) : undefined,
    updatedAt: mtimes.length ? isoFromMs(Math.max(...mtimes)) : undefined,
    stageCount: stages.length,
    currentStage: stages.length ? stages[stages.length - 1].name : undefined,
    pendingGates: gates.filter((x) => x.status === 'waiting').length,
    errors: 0,
    warnings: 0,
    bestScore,
    iterationCount: iterations.length,
    stages,
    iterations,
    gates,
    branches: [],
    artifacts,
    files: used.map(fileRef),
    meta,
  };
}

/** One iteration made from `<project>_evaluation.json` (or final.evaluation) when no iteration files exist. */
function synthesiseIteration(g: GroupContext, runKey: string, stages: Stage[], iterations: Iteration[]) {
  const { ctx } = g;
  const evFile = g.projectFiles.evaluation;
  const rawFile = g.projectFiles.raw;
  const finalFile = g.projectFiles.final;
  const finalRec = recordOf(finalFile, 'final');
  const evRec = recordOf(evFile, 'evaluation');
  let ev: TwEvaluationSummary | undefined;
  let source: { file: TwFile; pointer: string } | undefined;
  if (evRec && evRec.evaluation.shape !== 'unknown') {
    ev = evRec.evaluation;
    source = { file: evFile!, pointer: '' };
  } else if (finalRec?.evaluation && finalRec.evaluation.shape !== 'unknown') {
    ev = finalRec.evaluation;
    source = { file: finalFile!, pointer: '/evaluation' };
  }
  if (!ev || !source) return;
  const n = finalRec?.iterations && finalRec.iterations >= 1 ? Math.floor(finalRec.iterations) : 1;
  const label = iterationLabel(n);
  const rawRec = recordOf(rawFile, 'raw');
  iterations.push({
    n,
    score: ev.score,
    rawScore: ev.rawScore,
    scale: ev.scale,
    decision: ev.decision,
    review: ev.review,
    planFileId: rawFile?.fileId,
    planRel: rawFile?.rel,
    evaluationFileId: source.file.fileId,
    evaluationRel: source.file.rel,
    timestamp: isoFromMs(source.file.mtimeMs),
    sections: rawRec?.plan.sections ?? finalRec?.plan.sections,
  });
  const stageArtifacts: Artifact[] = [];
  if (rawFile) stageArtifacts.push(inline(ctx, rawFile, '', `plan (iteration ${label})`, rawRec ? planSummaryText(rawRec.plan) : undefined, 'canonical'));
  stageArtifacts.push(inline(ctx, source.file, source.pointer, `evaluation (iteration ${label})`, evaluationSummaryText(ev), 'supplementary'));
  stages.push(
    stage({
      id: ctx.makeId('stage', runKey, 'iter', String(n)),
      name: `iteration ${label}`,
      label: `Iteration ${label}`,
      order: 0,
      status: statusForDecision(ev.decision),
      updatedAt: isoFromMs(source.file.mtimeMs),
      artifacts: stageArtifacts,
      review: ev.review,
      fileId: source.file.fileId,
      rel: source.file.rel,
      // Built from the latest files, not from an iteration file Twinklr wrote.
      flags: ['synthesised', ...(ev.decision ? [ev.decision.toLowerCase()] : [])],
    }),
  );
}

/** The sidecar for this run's gate: its own run id first, then one written for the project. */
function pickDecision(g: GroupContext, runId: string | undefined): { file: TwFile; sidecar: DecisionSidecar } | undefined {
  const usable = g.decisions.filter((d) => {
    const rec = d.file.record;
    return rec?.kind === 'decision' && rec.sidecar && rec.sidecar.gate === TW_GATE_KEY;
  });
  const exact = usable.filter((d) => d.runId === runId);
  const pool = exact.length ? exact : usable.filter((d) => d.runId === undefined);
  if (!pool.length) return undefined;
  const sorted = pool.sort((a, b) => sidecarOf(b).decidedAt.localeCompare(sidecarOf(a).decidedAt) || b.file.mtimeMs - a.file.mtimeMs);
  for (const d of pool) g.usedDecisions.add(d.file);
  return { file: sorted[0].file, sidecar: sidecarOf(sorted[0]) };
}

function sidecarOf(d: { file: TwFile }): DecisionSidecar {
  return (d.file.record as RecordOf<'decision'>).sidecar!;
}

function statusForDecision(decision: string | undefined): StageStatus {
  switch (decision) {
    case 'APPROVE':
    case 'SOFT_FAIL':
    case 'PASS':
      return 'completed';
    case 'HARD_FAIL':
    case 'FAIL':
      return 'failed';
    default:
      return 'unknown';
  }
}

function recordOf<K extends TwRecord['kind']>(file: TwFile | undefined, kind: K): RecordOf<K> | undefined {
  const rec = file?.record;
  return rec && rec.kind === kind ? (rec as RecordOf<K>) : undefined;
}

function inline(ctx: AssembleContext, file: TwFile, pointer: string, name: string, summary: string | undefined, role: Artifact['role']): Artifact {
  return {
    id: ctx.makeId('artifact', file.fileId, pointer),
    name,
    kind: 'json',
    role,
    source: 'inline',
    fileId: file.fileId,
    pointer,
    summary,
  };
}

function stage(s: Partial<Stage> & Pick<Stage, 'id' | 'name' | 'order' | 'status'>): Stage {
  return {
    attempts: 1,
    versions: [],
    gateRequired: false,
    artifacts: [],
    flags: [],
    ...s,
  };
}

function fileRef(f: ParsedFile): FileRef {
  return { id: f.fileId, rootId: f.rootId, rel: f.rel };
}
