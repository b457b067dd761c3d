// Builds the one Run of an OpenMontage project folder from its parsed files: stages in manifest
// order (or the pipeline's fallback order), history versions, gates, artifacts, cost, lineage.
import type { Artifact, FileRef, Gate, Lineage, Run, RunStatus, Stage, StageVersion } from '../../../../shared/model';
import type { AssembleContext, ParsedFile } from '../family-adapter';
import { addAssembleProblem, clearAssembleProblems } from './assemble-problems';
import { FALLBACK_STAGE_ORDER, OM_FAMILY } from './constants';
import { resolveGate } from './gates';
import {
  isOpenMontageProjectGroup,
  joinRel,
  locate,
  projectDirOfGroup,
  projectFolderName,
  projectGroupKey,
} from './layout';
import { findManifest } from './manifest';
import type { CheckpointRecord, LineageRecord, ManifestRecord, OmRecord, ProjectRecord } from './records';
import { stageArtifacts } from './stage-artifacts';

type OmFile = ParsedFile<OmRecord>;
interface Entry {
  file: OmFile;
  rec?: CheckpointRecord;
}

export function assembleOpenMontage(groupKey: string, files: OmFile[], ctx: AssembleContext): Run[] {
  if (!isOpenMontageProjectGroup(groupKey)) return [];
  clearAssembleProblems(files);
  const currentFiles = files.filter((f) => f.classification.role === 'checkpoint');
  // project.json or history/ alone is not a run: OpenMontage resumes from current checkpoints.
  if (!currentFiles.length) return [];

  const projectDir = projectDirOfGroup(groupKey);
  const { rootId, rootPath } = files[0];
  const folderName = projectFolderName(projectDir, rootPath);
  const runId = ctx.makeId('run', groupKey);

  const current = new Map<string, Entry>();
  for (const f of currentFiles) {
    const stage = checkpointOf(f)?.stage ?? locate(f.rel)?.name;
    if (stage) current.set(stage, { file: f, rec: checkpointOf(f) });
  }
  const history = new Map<string, Entry[]>();
  for (const f of files) {
    const rec = checkpointOf(f);
    if (f.classification.role !== 'history' || !rec?.stage) continue;
    const list = history.get(rec.stage) ?? [];
    list.push({ file: f, rec });
    history.set(rec.stage, list);
  }
  for (const list of history.values()) list.sort((a, b) => timeOf(a) - timeOf(b));
  const projectFile = files.find((f) => f.record?.type === 'project');
  const project = projectFile?.record as ProjectRecord | undefined;
  const decisionLogFile = files.find((f) => f.classification.role === 'decision_log');
  const lineageFile = files.find((f) => f.record?.type === 'lineage');
  const lineageRec = lineageFile?.record as LineageRecord | undefined;

  const dated = [...current.values()].filter((e) => e.rec).sort((a, b) => timeOf(a) - timeOf(b));
  const latest = dated[dated.length - 1] ?? [...current.values()][0];
  const pipelineType = [...dated].reverse().find((e) => e.rec?.pipelineType)?.rec?.pipelineType ?? project?.pipelineType;
  for (const e of dated) {
    if (e.rec?.pipelineType && pipelineType && e.rec.pipelineType !== pipelineType) {
      addAssembleProblem(e.file, {
        severity: 'warning',
        field: '/pipeline_type',
        code: 'om.pipeline_type_mismatch',
        message: `pipeline_type "${e.rec.pipelineType}" differs from the project's "${pipelineType}"; OpenMontage requires every stage to match`,
      });
    }
  }

  const lookup = findManifest(ctx, projectDir, pipelineType);
  const manifest = lookup.manifest;
  if (!manifest && lookup.unreadable) {
    addAssembleProblem(latest.file, {
      severity: 'warning',
      field: '/pipeline_type',
      code: 'om.manifest_unreadable',
      message: `pipeline manifest ${lookup.unreadable.rel} could not be read; stage order and gates come from the checkpoints themselves`,
    });
  } else if (!manifest && lookup.defsWithoutType.length) {
    addAssembleProblem(latest.file, {
      severity: 'warning',
      field: '/pipeline_type',
      code: 'om.manifest_missing_type',
      message: `pipeline_type "${pipelineType}" has no manifest in ${lookup.defsWithoutType.map((d) => joinRel(d, 'pipeline_defs/')).join(', ')}; stage order and gates come from the checkpoints themselves`,
    });
  }

  const names = stageOrder(manifest, current, history);
  if (manifest) {
    const listed = new Set(manifest.stages.map((s) => s.name));
    for (const [name, e] of current) {
      if (listed.has(name)) continue;
      addAssembleProblem(e.file, {
        severity: 'warning',
        field: '/stage',
        code: 'om.stage_not_in_manifest',
        message: `stage "${name}" is not in the ${manifest.name ?? manifest.fileName} manifest; the writer validates stages against it`,
      });
    }
  }

  const stages: Stage[] = [];
  const gates: Gate[] = [];
  names.forEach((name, order) => {
    const built = buildStage({ name, order, runId, entry: current.get(name), history: history.get(name) ?? [], manifest, ctx });
    stages.push(built.stage);
    if (built.gate) gates.push(built.gate);
  });

  const times = [...current.values(), ...[...history.values()].flat()].filter((e) => e.rec?.timeMs !== undefined);
  times.sort((a, b) => timeOf(a) - timeOf(b));
  const costStage = dated.filter((e) => e.rec?.cost).pop();
  const status = runStatus(stages, gates, manifest);
  const projectName = project?.projectId ?? latest.rec?.projectId ?? folderName;

  const fileRefs: FileRef[] = files.map((f) => ({ id: f.fileId, rootId: f.rootId, rel: f.rel }));
  if (lookup.file) fileRefs.push({ id: lookup.file.fileId, rootId: lookup.file.rootId, rel: lookup.file.rel });

  const artifacts: Artifact[] = [];
  if (decisionLogFile) artifacts.push(sideArtifact(ctx, decisionLogFile, 'decision_log', 'supplementary'));
  if (projectFile) artifacts.push(sideArtifact(ctx, projectFile, 'project', 'other'));

  const lineage: Lineage | undefined = lineageRec
    ? {
        parentRunId: ctx.makeId('run', projectGroupKey(lineageRec.parentProject)),
        parentTitle: lineageRec.parentProject.slice(lineageRec.parentProject.lastIndexOf('/') + 1),
        fromStage: lineageRec.fromStage,
        branch: lineageRec.branch,
        note: lineageRec.note,
      }
    : undefined;

  const latestRec = latest.rec;
  const run: Run = {
    id: runId,
    family: OM_FAMILY,
    rootId,
    folder: projectDir || '.',
    project: projectName,
    branch: lineageRec?.branch,
    title: project?.title ?? projectName,
    status,
    startedAt: project?.createdAt ?? times[0]?.rec?.timestamp,
    updatedAt: times[times.length - 1]?.rec?.timestamp,
    cost: costStage?.rec?.cost,
    stageCount: stages.length,
    currentStage: currentStageOf(stages, gates),
    pendingGates: gates.filter((g) => g.status === 'waiting').length,
    errors: 0,
    warnings: 0,
    stages,
    iterations: [],
    gates,
    branches: [],
    lineage,
    artifacts,
    files: fileRefs,
    meta: {
      pipeline_type: pipelineType ?? null,
      checkpoint_policy: latestRec?.checkpointPolicy ?? null,
      style_playbook: [...dated].reverse().find((e) => e.rec?.stylePlaybook)?.rec?.stylePlaybook ?? project?.stylePlaybook ?? null,
      manifest: manifest ? `${manifest.name ?? manifest.fileName}${manifest.version ? ` v${manifest.version}` : ''}` : null,
      manifest_file: lookup.file?.rel ?? null,
      project_id: projectName,
    },
  };
  return [run];
}

interface BuildStageInput {
  name: string;
  order: number;
  runId: string;
  entry?: Entry;
  history: Entry[];
  manifest?: ManifestRecord;
  ctx: AssembleContext;
}

function buildStage(input: BuildStageInput): { stage: Stage; gate?: Gate } {
  const { name, order, runId, entry, history, manifest, ctx } = input;
  const mStage = manifest?.stages.find((s) => s.name === name);
  const id = ctx.makeId('stage', runId, name);
  const label = humanise(name);
  if (!entry && !history.length) {
    // Backlot's rule: a manifest stage with no file is shown as pending.
    return {
      stage: {
        id,
        name,
        label,
        order,
        status: 'pending',
        attempts: 0,
        versions: [],
        gateRequired: mStage?.gated ?? false,
        artifacts: [],
        flags: ['synthesised'],
        details: mStage ? { manifestGate: { checkpointRequired: mStage.checkpointRequired, humanApprovalDefault: mStage.humanApprovalDefault } } : undefined,
      },
    };
  }

  const rec = entry?.rec;
  const lastHistory = history[history.length - 1];
  const flags: string[] = [];
  if (entry && !rec) flags.push('unreadable');
  if (entry?.file.stale) flags.push('stale_read');
  if (!entry) flags.push('history_only');
  const status = rec ? rec.status : entry ? 'unknown' : (lastHistory.rec?.status ?? 'unknown');

  const versions: StageVersion[] = history.map((h, k) => ({
    label: `v${k + 1}`,
    fileId: h.file.fileId,
    rel: h.file.rel,
    timestamp: h.rec?.timestamp,
    status: h.rec?.status,
    current: false,
  }));
  if (entry) {
    versions.push({ label: `v${versions.length + 1}`, fileId: entry.file.fileId, rel: entry.file.rel, timestamp: rec?.timestamp, status, current: true });
  }

  const g = resolveGate({
    gateId: ctx.makeId('gate', runId, name),
    runId,
    stageId: id,
    stageName: name,
    label,
    current: rec,
    fileId: entry?.file.fileId,
    rel: entry?.file.rel,
    history: history.map((h) => h.rec).filter((r): r is CheckpointRecord => !!r),
    manifestGated: mStage?.gated ?? false,
  });
  flags.push(...g.flags);
  if (g.problem) addAssembleProblem(entry?.file, g.problem);

  const details: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined) details[k] = v;
  };
  put('humanApprovalRequired', rec?.humanApprovalRequired);
  put('humanApproved', rec?.humanApproved);
  put('checkpointPolicy', rec?.checkpointPolicy);
  put('rawStatus', rec?.rawStatus);
  put('declaredStage', rec?.declaredStage !== name ? rec?.declaredStage : undefined);
  put('partialProgress', rec?.partialProgress);
  put('notes', rec?.notes);
  put('proposalApproval', rec?.proposalApproval);
  if (mStage) details.manifestGate = { checkpointRequired: mStage.checkpointRequired, humanApprovalDefault: mStage.humanApprovalDefault };

  const stage: Stage = {
    id,
    name,
    label,
    order,
    status,
    startedAt: versions.length > 1 ? versions[0].timestamp : undefined,
    updatedAt: rec?.timestamp ?? lastHistory?.rec?.timestamp,
    attempts: Math.max(1, versions.length),
    versions,
    gateRequired: g.gateRequired,
    gateId: g.gate?.id,
    cost: rec?.cost,
    artifacts: entry && rec ? stageArtifacts(entry.file, rec.artifacts, ctx, status === 'in_progress') : [],
    review: rec?.review,
    fileId: entry?.file.fileId,
    rel: entry?.file.rel,
    flags,
    error: rec?.error,
    details: Object.keys(details).length ? details : undefined,
  };
  return { stage, gate: g.gate };
}

/** Manifest order, else the pipeline's fallback order; stages outside it follow by time. */
function stageOrder(manifest: ManifestRecord | undefined, current: Map<string, Entry>, history: Map<string, Entry[]>): string[] {
  const present = new Map<string, number>();
  for (const [name, e] of current) present.set(name, timeOf(e));
  for (const [name, list] of history) if (!present.has(name)) present.set(name, timeOf(list[list.length - 1]));
  const base = manifest ? manifest.stages.map((s) => s.name) : FALLBACK_STAGE_ORDER.filter((n) => present.has(n));
  const listed = new Set(base);
  const extras = [...present.entries()]
    .filter(([n]) => !listed.has(n))
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([n]) => n);
  return [...base, ...extras];
}

function runStatus(stages: Stage[], gates: Gate[], manifest: ManifestRecord | undefined): RunStatus {
  if (gates.some((g) => g.status === 'waiting')) return 'waiting';
  if (stages.some((s) => s.status === 'failed')) return 'failed';
  if (stages.some((s) => s.status === 'in_progress')) return 'running';
  const real = stages.filter((s) => !s.flags.includes('synthesised'));
  if (real.length && real.every((s) => s.status === 'unknown')) return 'unknown';
  const done = (s: Stage) => s.status === 'completed' || s.status === 'skipped';
  if (manifest) {
    const listed = new Set(manifest.stages.map((s) => s.name));
    const mine = stages.filter((s) => listed.has(s.name));
    if (mine.length && mine.every(done)) return 'completed';
  } else if (real.length && real.every(done) && real.some((s) => s.name === 'publish')) {
    // Without a manifest, only a finished publish stage says the pipeline ran to its end.
    return 'completed';
  }
  // Nothing running and stages left: the agent stopped between stages (or was abandoned).
  return 'incomplete';
}

function currentStageOf(stages: Stage[], gates: Gate[]): string | undefined {
  const waiting = gates.find((g) => g.status === 'waiting');
  if (waiting) return waiting.stageName;
  const pick = (st: Stage['status']) => stages.find((s) => s.status === st)?.name;
  return (
    pick('in_progress') ??
    pick('failed') ??
    stages.find((s) => s.status !== 'completed' && s.status !== 'skipped')?.name ??
    stages[stages.length - 1]?.name
  );
}

function sideArtifact(ctx: AssembleContext, f: OmFile, name: string, role: Artifact['role']): Artifact {
  const summary = f.record?.type === 'decision_log' ? `${f.record.decisions} decision${f.record.decisions === 1 ? '' : 's'}` : undefined;
  return {
    id: ctx.makeId('artifact', f.fileId, ''),
    name,
    kind: 'json',
    role,
    source: 'file',
    fileId: f.fileId,
    rel: f.rel,
    size: f.size || undefined,
    summary,
    editable: false,
  };
}

function checkpointOf(f: OmFile): CheckpointRecord | undefined {
  return f.record?.type === 'checkpoint' ? f.record : undefined;
}

function timeOf(e: Entry | undefined): number {
  if (!e) return 0;
  return e.rec?.timeMs ?? e.file.mtimeMs ?? 0;
}

export function humanise(stage: string): string {
  const s = stage.replace(/[_-]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : stage;
}
