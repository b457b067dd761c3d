// A folder of aivideo exports → one Run per video_id. The same checkpoint may appear in several
// exports (a tree, a status snapshot, a list): they are merged, newer files winning, and each
// artifact keeps its highest version (artifacts are versioned in place).
//
// Stages: the four phases along ONE path of the checkpoint tree — the path to the checkpoint
// that needs a person now (the status object's current_checkpoint, else the newest pending
// one), or, when nothing is pending, to the newest leaf. Every checkpoint on every branch is
// still in `run.branches`, each has a gate, and each stage lists all checkpoints of its phase
// as versions, so alternatives stay one click away.
import type { Artifact, BranchNode, Gate, Run, RunStatus, Stage, StageStatus, StageVersion } from '../../../../shared/model';
import { AV_PHASE_LABELS, AV_PHASE_NAMES, AV_PHASES, type AvCheckpointStatus, type AvPhase } from '../../../../shared/schemas/aivideo';
import type { AssembleContext, ParsedFile } from '../family-adapter';
import { addAssemblyProblem, clearAssemblyProblems } from './assembly-problems';
import { artifactOrder, compareKeys, toModelArtifact, type ArtifactSource } from './artifacts';
import { buildBranchNodes, pathTo, resolveParents } from './branch-tree';
import { folderOf } from './layout';
import type { AvBranch, AvCheckpoint, AvConfigRecord, AvExportRecord, AvRecord, AvStatus } from './records';

const UUID_IN_NAME = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const UNKNOWN_VIDEO = '';

export const AV_NO_REJECT =
  'aivideo has no reject: its API can only continue (approve) or edit a checkpoint; the "abandoned" status exists in the database but nothing sets it';

const EDIT_HOW: Record<AvPhase, string | undefined> = {
  1: 'edit the spec (PATCH …/checkpoints/{id}/spec)',
  2: 'upload or regenerate a beat image',
  3: 'regenerate a video chunk',
  4: undefined,
};

/** One checkpoint as all the files that mention it say, artifacts merged by name. */
interface Merged extends Omit<AvCheckpoint, 'artifacts' | 'pointer' | 'source'> {
  artifacts: Map<string, ArtifactSource>;
  fileId: string;
  rel: string;
  /** Pointer of the checkpoint object in that file. */
  pointer: string;
  file: ParsedFile<AvRecord>;
  stub: boolean;
}

interface Video {
  id: string;
  checkpoints: Map<string, Merged>;
  files: Set<ParsedFile<AvRecord>>;
  status?: { status: AvStatus; file: ParsedFile<AvRecord> };
  branches?: AvBranch[];
}

const SCALARS = [
  'videoId', 'branch', 'phase', 'version', 'status', 'approvedAt', 'createdAt', 'createdMs', 'costUsd', 'parentId', 'treeParentId', 'userId', 'editDescription',
] as const;

function mergeInto(m: Merged, cp: AvCheckpoint, file: ParsedFile<AvRecord>) {
  const target = m as unknown as Record<string, unknown>;
  const src = cp as unknown as Record<string, unknown>;
  for (const k of SCALARS) if (src[k] !== undefined) target[k] = src[k];
  if (cp.source !== 'status' || m.stub) {
    m.fileId = file.fileId;
    m.rel = file.rel;
    m.pointer = cp.pointer;
    m.file = file;
  }
  m.stub = false;
  for (const art of cp.artifacts ?? []) {
    const key = `${art.type}\0${art.key}`;
    const prev = m.artifacts.get(key);
    if (!prev || (art.version ?? 0) >= (prev.art.version ?? 0)) m.artifacts.set(key, { art, fileId: file.fileId });
  }
}

function stageStatusOf(s: AvCheckpointStatus | undefined): StageStatus {
  return s === 'approved' ? 'completed' : s === 'pending' ? 'awaiting_human' : s === 'abandoned' ? 'skipped' : 'unknown';
}

/** The phase a video status says is running now. */
function runningPhase(status: string | undefined): AvPhase | undefined {
  switch (status) {
    case 'queued':
    case 'validating':
      return 1;
    case 'generating_animatic':
    case 'generating_references':
    case 'generating_storyboard':
      return 2;
    case 'generating_chunks':
      return 3;
    case 'refining':
    case 'exporting':
      return 4;
    default:
      return undefined;
  }
}

function runStatusOf(video: string | undefined): RunStatus | undefined {
  if (!video) return undefined;
  if (video.startsWith('paused_at_phase')) return 'waiting';
  if (video === 'complete') return 'completed';
  if (video === 'failed') return 'failed';
  if (runningPhase(video)) return 'running';
  return 'unknown';
}

export function assembleAiVideo(groupKey: string, files: ParsedFile<AvRecord>[], ctx: AssembleContext): Run[] {
  clearAssemblyProblems(files);
  const sorted = [...files].sort((a, b) => a.mtimeMs - b.mtimeMs || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const exports = sorted.filter((f) => f.classification.role === 'export');
  const configFile = sorted.find((f) => f.classification.role === 'config');
  const config = configFile?.record?.kind === 'config' ? (configFile.record as AvConfigRecord) : undefined;
  if (!exports.length) return [];

  // Which videos the folder holds, then where id-less data (branch lists) belongs.
  const known = new Set<string>();
  for (const f of exports) {
    const r = f.record?.kind === 'export' ? f.record : undefined;
    if (r?.status) known.add(r.status.videoId);
    for (const c of r?.checkpoints ?? []) if (c.videoId) known.add(c.videoId);
  }
  const fallbackVideo = (f: ParsedFile<AvRecord>, r: AvExportRecord): string => {
    if (r.status) return r.status.videoId;
    const inFile = new Set(r.checkpoints.map((c) => c.videoId).filter((v): v is string => !!v));
    if (inFile.size === 1) return [...inFile][0];
    const fromName = UUID_IN_NAME.exec(f.rel.slice(f.rel.lastIndexOf('/') + 1))?.[0].toLowerCase();
    if (fromName) for (const v of known) if (v.toLowerCase() === fromName) return v;
    if (known.size === 1) return [...known][0];
    return UNKNOWN_VIDEO;
  };

  const videos = new Map<string, Video>();
  const video = (id: string) => {
    let v = videos.get(id);
    if (!v) videos.set(id, (v = { id, checkpoints: new Map(), files: new Set() }));
    return v;
  };
  const orphans: ParsedFile<AvRecord>[] = [];
  for (const f of exports) {
    const r = f.record?.kind === 'export' ? f.record : undefined;
    if (!r || (!r.checkpoints.length && !r.branches.length && !r.status)) {
      orphans.push(f);
      continue;
    }
    const fallback = fallbackVideo(f, r);
    for (const cp of r.checkpoints) {
      const v = video(cp.videoId ?? fallback);
      v.files.add(f);
      let m = v.checkpoints.get(cp.id);
      if (!m) v.checkpoints.set(cp.id, (m = { id: cp.id, artifacts: new Map(), fileId: f.fileId, rel: f.rel, pointer: cp.pointer, file: f, stub: false }));
      mergeInto(m, cp, f);
    }
    if (r.status) {
      const v = video(r.status.videoId);
      v.files.add(f);
      v.status = { status: r.status, file: f }; // files are in mtime order: the newest wins
    }
    if (fallback === UNKNOWN_VIDEO && known.size > 1) {
      addAssemblyProblem(f, {
        severity: 'warning',
        field: '',
        code: 'no_video',
        message: `this folder holds ${known.size} videos and nothing in this export (or its name) says which one it belongs to; put the video_id in the file name`,
      });
    }
    if (r.branches.length) {
      const v = video(fallback);
      v.files.add(f);
      v.branches = r.branches;
    }
  }

  const runs: Run[] = [];
  for (const v of [...videos.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    // Branch entries whose checkpoint no export holds still tell of a pending checkpoint.
    for (const b of v.branches ?? []) {
      if (!b.latestCheckpointId || v.checkpoints.has(b.latestCheckpointId)) continue;
      const f = [...v.files].find((x) => x.record?.kind === 'export' && x.record.branches.includes(b)) ?? [...v.files][0];
      v.checkpoints.set(b.latestCheckpointId, {
        id: b.latestCheckpointId, videoId: v.id, branch: b.branch, phase: b.phase, status: b.status,
        artifacts: new Map(), fileId: f.fileId, rel: f.rel, pointer: b.pointer, file: f, stub: true,
      });
      addAssemblyProblem(f, {
        severity: 'warning',
        field: `${b.pointer}/latest_checkpoint_id`,
        code: 'branch_without_checkpoint',
        message: `no export in this folder holds checkpoint ${b.latestCheckpointId} (branch ${b.branch}); it is shown from the branch list alone, without artifacts or times`,
      });
    }
    runs.push(buildRun(groupKey, v, orphans, configFile, config, ctx));
  }
  if (!runs.length) runs.push(placeholderRun(groupKey, exports, configFile, ctx));
  return runs;
}

function buildRun(
  groupKey: string,
  v: Video,
  orphans: ParsedFile<AvRecord>[],
  configFile: ParsedFile<AvRecord> | undefined,
  config: AvConfigRecord | undefined,
  ctx: AssembleContext,
): Run {
  const runKey = `${groupKey}\0${v.id}`;
  const runId = ctx.makeId('run', 'aivideo', groupKey, v.id);
  const cps = [...v.checkpoints.values()];
  const { parent, inferred } = resolveParents(cps);
  for (const c of cps) {
    if (typeof c.parentId === 'string' && !v.checkpoints.has(c.parentId)) {
      addAssemblyProblem(c.file, {
        severity: 'warning',
        field: `${c.pointer}/parent_checkpoint_id`,
        code: 'unknown_parent',
        message: `parent checkpoint ${c.parentId} is in no export of this folder; the checkpoint is drawn as a root`,
      });
    }
  }
  const children = new Set([...parent.values()].filter((p): p is string => p !== undefined));
  const byCreated = (a: Merged, b: Merged) => (a.createdMs ?? -Infinity) - (b.createdMs ?? -Infinity) || (a.phase ?? 0) - (b.phase ?? 0);
  const videoStatus = v.status?.status.status;

  // The checkpoint the stages follow.
  const current = v.status?.status.currentCheckpointId;
  const pending = cps.filter((c) => c.status === 'pending').sort(byCreated);
  const leaves = cps.filter((c) => !children.has(c.id)).sort(byCreated);
  const focus = (current && v.checkpoints.get(current)) || pending[pending.length - 1] || leaves[leaves.length - 1] || [...cps].sort(byCreated)[cps.length - 1];
  const path = focus ? pathTo(focus.id, parent).map((id) => v.checkpoints.get(id)!) : [];

  const edited = (c: Merged) => [...c.artifacts.values()].some((a) => (a.art.version ?? 1) > 1);
  const now = ctx.now();
  const artifactsOf = (c: Merged): Artifact[] =>
    [...c.artifacts.values()]
      .sort((a, b) => artifactOrder(a.art) - artifactOrder(b.art) || compareKeys(a.art.key, b.art.key))
      .map((src) => toModelArtifact(src, ctx.makeId('artifact', runKey, c.id, src.art.type, src.art.key), now));

  const stageIds = new Map<AvPhase, string>();
  const stageOfCheckpoint = new Map<string, string>();
  const stages: Stage[] = AV_PHASES.map((phase) => {
    const id = ctx.makeId('stage', runKey, `phase${phase}`);
    stageIds.set(phase, id);
    const onPath = path.filter((c) => c.phase === phase);
    const cp = onPath[onPath.length - 1];
    if (cp) stageOfCheckpoint.set(cp.id, id);
    const all = cps.filter((c) => c.phase === phase).sort(byCreated);
    const versions: StageVersion[] = all.map((c) => ({
      label: `${c.branch ?? '?'} · v${c.version ?? '?'}`,
      fileId: c.fileId,
      rel: c.rel,
      timestamp: c.createdAt,
      status: stageStatusOf(c.status),
      current: c === cp,
    }));
    let status: StageStatus;
    if (cp) status = stageStatusOf(cp.status);
    else {
      const lastDone = path.length ? path[path.length - 1] : undefined;
      const next = lastDone?.phase !== undefined ? lastDone.phase + 1 : 1;
      if (phase === next && (!lastDone || lastDone.status === 'approved')) {
        status = videoStatus === 'failed' ? 'failed' : runningPhase(videoStatus) === phase ? 'in_progress' : 'pending';
      } else status = 'pending';
    }
    const stage: Stage = {
      id,
      name: AV_PHASE_NAMES[phase],
      label: AV_PHASE_LABELS[phase],
      order: phase,
      status,
      updatedAt: cp ? cp.approvedAt ?? cp.createdAt : undefined,
      attempts: Math.max(1, all.length),
      versions,
      gateRequired: !!cp,
      cost: cp?.costUsd !== undefined ? { spentUsd: cp.costUsd } : undefined,
      artifacts: cp ? artifactsOf(cp) : [],
      fileId: cp?.fileId,
      rel: cp?.rel,
      branch: cp?.branch,
      flags: [],
      error: status === 'failed' ? v.status?.status.error ?? 'the video failed in this phase' : undefined,
      details: cp
        ? dropUndefined({
            checkpoint_id: cp.id,
            version: cp.version,
            parent_checkpoint_id: parent.get(cp.id),
            edit_description: cp.editDescription,
            created_at: cp.createdAt,
            approved_at: cp.approvedAt,
          })
        : undefined,
    };
    if (cp && edited(cp)) stage.flags.push('edited');
    if (cp?.status === 'abandoned') stage.flags.push('abandoned');
    if (cp?.stub) stage.flags.push('synthesised');
    return stage;
  });

  const label = (c: Merged) => `${c.branch ?? '?'} · phase ${c.phase ?? '?'} v${c.version ?? '?'}`;
  const gates: Gate[] = cps
    .filter((c) => c.status === 'pending' || c.status === 'approved')
    .sort(byCreated)
    .map((c) => {
      const g = makeGate(ctx, runKey, runId, c, label(c), stageOfCheckpoint.get(c.id));
      if (g.stageId) {
        const s = stages.find((x) => x.id === g.stageId);
        if (s) s.gateId = g.id;
      }
      return g;
    });

  const branches: BranchNode[] = buildBranchNodes(cps, parent, (c) => ({
    id: ctx.makeId('node', runKey, c.id),
    label: label(c),
    branch: c.branch ?? '?',
    stageName: c.phase ? AV_PHASE_NAMES[c.phase] : undefined,
    phase: c.phase,
    version: c.version,
    status: c.status ?? 'unknown',
    createdAt: c.createdAt,
    edited: edited(c),
    runId,
  }));

  const costs = cps.map((c) => c.costUsd).filter((n): n is number => n !== undefined);
  const total = costs.reduce((a, b) => a + b, 0);
  // Rounded to a hundredth of a cent, unless the sum (or the rounding) left the doubles.
  const spent = Number.isFinite(total * 10000) ? Math.round(total * 10000) / 10000 : total;
  const branchNames = new Set(cps.map((c) => c.branch).filter(Boolean));
  const stamps = cps.flatMap((c) => [c.createdAt, c.approvedAt]).filter((s): s is string => !!s).sort();
  const spec = cps.flatMap((c) => [...c.artifacts.values()]).find((a) => a.art.productName);
  const short = v.id ? v.id.slice(0, 8) : 'unknown video';

  let status: RunStatus = runStatusOf(videoStatus) ?? 'unknown';
  if (!videoStatus) {
    if (pending.length) status = 'waiting';
    else if (path.some((c) => c.phase === 4 && c.status === 'approved')) status = 'completed';
  }

  const active = v.branches ?? [];
  const files = new Set<ParsedFile<AvRecord>>([...v.files, ...orphans]);
  if (configFile) files.add(configFile);
  return {
    id: runId,
    family: 'aivideo',
    rootId: [...files][0].rootId,
    folder: folderOf([...files][0].rel),
    project: v.id || 'unknown video',
    runId: v.id || undefined,
    branch: focus?.branch,
    title: `${spec?.art.productName ?? `Video ${short}`} · ${focus?.branch ?? 'no checkpoints'}`,
    status,
    startedAt: stamps[0],
    updatedAt: stamps[stamps.length - 1],
    cost: costs.length && Number.isFinite(spent)
      ? { spentUsd: spent, note: `sum of cost_usd over ${costs.length} checkpoint${costs.length > 1 ? 's' : ''} on ${branchNames.size} branch${branchNames.size === 1 ? '' : 'es'}` }
      : undefined,
    stageCount: stages.length,
    currentStage: focus?.phase ? AV_PHASE_NAMES[focus.phase] : undefined,
    pendingGates: gates.filter((g) => g.status === 'waiting').length,
    errors: 0,
    warnings: 0,
    stages,
    iterations: [],
    gates,
    branches,
    artifacts: [],
    files: [...files].sort((a, b) => (a.rel < b.rel ? -1 : 1)).map((f) => ({ id: f.fileId, rootId: f.rootId, rel: f.rel })),
    meta: {
      video_id: v.id || null,
      video_status: videoStatus ?? null,
      progress: v.status?.status.progress ?? null,
      current_phase: v.status?.status.currentPhase ?? null,
      current_checkpoint: focus?.id ?? null,
      checkpoints: cps.length,
      branches: branchNames.size,
      active_branches: active.length
        ? active.map((b) => `${b.branch} (phase ${b.phase ?? '?'}, ${b.status ?? '?'}${b.status === 'pending' ? ', can continue' : ''})`).join('; ')
        : null,
      can_continue: active.filter((b) => b.status === 'pending').length,
      parents_inferred: inferred,
      error: v.status?.status.error ?? null,
      api_base_url: config?.baseUrl ?? null,
      api_token_env: config?.tokenEnv ?? null,
    },
  };
}

function makeGate(ctx: AssembleContext, runKey: string, runId: string, c: Merged, label: string, stageId: string | undefined): Gate {
  const phase = c.phase;
  const unavailable: Record<string, string> = { reject: AV_NO_REJECT };
  let decisions: Gate['decisions'] = ['approve', 'edit', 'branch'];
  if (phase === 4) {
    decisions = [];
    unavailable.approve = 'phase 4 is the last: POST /continue answers 400 "Already at final phase" (the API finishes the video itself)';
    unavailable.edit = 'phase 4 (refinement) has no edit endpoint';
    unavailable.branch = 'branches start by editing a checkpoint and continuing it; phase 4 cannot be edited';
  }
  const gate: Gate = {
    id: ctx.makeId('gate', runKey, c.id),
    runId,
    family: 'aivideo',
    stageId,
    stageName: phase ? AV_PHASE_NAMES[phase] : 'unknown',
    title: phase ? `${AV_PHASE_LABELS[phase]} on ${c.branch ?? '?'} (v${c.version ?? '?'})` : `Checkpoint ${c.id}`,
    status: c.status === 'approved' ? 'approved' : 'waiting',
    since: c.createdAt,
    decisions,
    unavailable,
    fileId: c.fileId,
    rel: c.rel,
    question:
      phase && phase < 4
        ? `Continue to phase ${phase + 1} from ${label}? Approving calls POST /api/video/{id}/continue; to change it first, ${EDIT_HOW[phase]} — continuing an edited checkpoint starts a new branch.`
        : undefined,
  };
  if (c.status === 'approved') gate.decidedAt = c.approvedAt;
  return gate;
}

function placeholderRun(groupKey: string, exports: ParsedFile<AvRecord>[], configFile: ParsedFile<AvRecord> | undefined, ctx: AssembleContext): Run {
  const files = [...exports, ...(configFile ? [configFile] : [])];
  const folder = folderOf(exports[0].rel);
  const name = folder === '.' ? 'aivideo' : folder.slice(folder.lastIndexOf('/') + 1);
  return {
    id: ctx.makeId('run', 'aivideo', groupKey, '(none)'),
    family: 'aivideo',
    rootId: exports[0].rootId,
    folder,
    project: name,
    title: `${name}: no aivideo checkpoints found`,
    status: 'incomplete',
    stageCount: 0,
    pendingGates: 0,
    errors: 0,
    warnings: 0,
    stages: [],
    iterations: [],
    gates: [],
    branches: [],
    artifacts: [],
    files: files.map((f) => ({ id: f.fileId, rootId: f.rootId, rel: f.rel })),
    meta: {},
  };
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
