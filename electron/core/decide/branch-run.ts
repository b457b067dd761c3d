// Branching a run from a checkpoint, with the aivideo seed's semantics (main → main-1 →
// main-1-1). For OpenMontage a branch is a new project folder beside the original, holding the
// checkpoints up to the chosen stage (with any edits) and the lineage in a Greenlight sidecar,
// so the pipeline resumes there. Families that cannot express a branch say why.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BranchRequest, DecisionOutcome, DecisionPreview, PlannedWrite } from '../../../shared/decisions';
import type { BranchNode, Run } from '../../../shared/model';
import { OM_LINEAGE_TAG } from '../../../shared/schemas/openmontage';
import type { Desk } from '../desk';
import { decodeAndParse } from '../read/read-document';
import { appendAudit } from './audit-log';
import { fsyncDir } from './atomic-write';
import { describeIoError } from './decide-gate';

export const BRANCH_UNSUPPORTED: Record<string, string> = {
  twinklr: 'Twinklr has no branches: each run re-plans from scratch, and a final plan on disk would make it skip the work.',
  omniclaude: 'OmniClaude runs are append-only records of one ticket pipeline; a branch is a new run started from the ticket.',
  cinecut: 'CineCut keeps a single checkpoint per work folder; a new cut is made by editing TRAILER_MANIFEST.json and re-running.',
  gate: 'A protocol gate has no stages to branch from.',
  aivideo: 'aivideo makes branches itself: edit the checkpoint in aivideo and continue it, and the new branch (main-1, main-1-1…) appears here.',
};

interface BranchPlan {
  run: Run;
  rootPath: string;
  rootId: string;
  projectDir: string;
  newDir: string;
  newProjectId: string;
  branch: string;
  copyStages: string[];
  fromStage: string;
}

/** Next child branch name: `<parent>-<n>` with n one past the highest sibling. */
export function nextBranchName(parent: string, existing: string[]): string {
  let max = 0;
  for (const b of existing) {
    const m = new RegExp(`^${parent.replace(/[-]/g, '\\-')}-(\\d+)$`).exec(b);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${parent}-${max + 1}`;
}

async function plan(desk: Desk, req: BranchRequest): Promise<BranchPlan | string> {
  const run = desk.index.getRun(req.runId);
  if (!run) return 'This run no longer exists.';
  if (run.family !== 'openmontage') return BRANCH_UNSUPPORTED[run.family] ?? 'This pipeline cannot express a branch.';
  const stage = run.stages.find((s) => s.id === req.stageId);
  if (!stage) return 'This stage no longer exists.';
  if (stage.flags.includes('synthesised') || !stage.fileId) return `Stage ${stage.name} has no checkpoint yet; branch from a stage that has one.`;
  if (stage.status === 'in_progress') return `Stage ${stage.name} is being written by the agent (in_progress); branch once it settles.`;
  const root = desk.index.roots.get(run.rootId);
  if (!root) return 'The folder of this run is no longer watched.';
  const projectDir = run.folder;
  const parentBranch = run.branch ?? 'main';
  const siblings = desk.index
    .listRuns()
    .filter((r) => r.family === 'openmontage' && r.lineage?.parentRunId === run.id && r.branch)
    .map((r) => r.branch!);
  const branch = nextBranchName(parentBranch, siblings);
  const baseId = (run.branch && run.project.endsWith(`-${run.branch}`) ? run.project.slice(0, -run.branch.length - 1) : run.project) || 'project';
  const newProjectId = `${baseId}-${branch}`;
  const parentOfProject = projectDir.includes('/') ? projectDir.slice(0, projectDir.lastIndexOf('/')) : '';
  const newDir = parentOfProject ? `${parentOfProject}/${newProjectId}` : newProjectId;
  if (await fs.stat(path.join(root.path, ...newDir.split('/'))).catch(() => null)) return `${newDir} already exists.`;
  const copyStages = run.stages.filter((s) => s.order <= stage.order && s.fileId && !s.flags.includes('synthesised')).map((s) => s.name);
  return { run, rootPath: root.path, rootId: root.id, projectDir, newDir, newProjectId, branch, copyStages, fromStage: stage.name };
}

function plannedWrites(p: BranchPlan): PlannedWrite[] {
  return [
    { target: `${p.newDir}/`, action: 'create', description: `new project folder for branch ${p.branch}` },
    { target: `${p.newDir}/checkpoint_*.json`, action: 'copy', description: `${p.copyStages.length} checkpoint${p.copyStages.length === 1 ? '' : 's'} up to ${p.fromStage} (${p.copyStages.join(', ')}), project_id set to ${p.newProjectId}` },
    { target: `${p.newDir}/greenlight/lineage.json`, action: 'create', description: `lineage: branched from ${p.projectDir} at ${p.fromStage}` },
  ];
}

export async function previewBranch(desk: Desk, req: BranchRequest): Promise<DecisionPreview> {
  const p = await plan(desk, req);
  if (typeof p === 'string') return { gateId: '', allowed: false, reason: p, writes: [] };
  return { gateId: '', allowed: true, writes: plannedWrites(p) };
}

export async function branchRun(desk: Desk, req: BranchRequest, by: string): Promise<DecisionOutcome> {
  const p = await plan(desk, req);
  if (typeof p === 'string') return { status: 'refused', message: p };
  const src = path.join(p.rootPath, ...p.projectDir.split('/'));
  const dest = path.join(p.rootPath, ...p.newDir.split('/'));
  // Build the branch in a temp folder beside it, then rename: the watcher sees all or nothing.
  const tmp = path.join(path.dirname(dest), `.greenlight-branch-${randomBytes(5).toString('hex')}.tmp`);
  try {
    const later = new Set(p.run.stages.map((s) => s.name).filter((n) => !p.copyStages.includes(n)));
    await fs.cp(src, tmp, {
      recursive: true,
      filter: (from) => {
        const rel = path.relative(src, from).split(path.sep).join('/');
        if (rel === 'history' || rel.startsWith('history/') || rel === 'greenlight' || rel.startsWith('greenlight/')) return false;
        const m = /^checkpoint_(.+)\.json(\.tmp)?$/.exec(rel);
        if (m) return !m[2] && !later.has(m[1]);
        return true;
      },
    });
    for (const stage of p.copyStages) await rewriteProjectId(path.join(tmp, `checkpoint_${stage}.json`), p.newProjectId);
    await rewriteProjectJson(path.join(tmp, 'project.json'), p.newProjectId, p.branch);
    await fs.mkdir(path.join(tmp, 'greenlight'), { recursive: true });
    const lineage = { greenlight: OM_LINEAGE_TAG, parentProject: p.projectDir, fromStage: p.fromStage, branch: p.branch, createdAt: new Date().toISOString(), createdBy: by, note: req.note };
    await fs.writeFile(path.join(tmp, 'greenlight', 'lineage.json'), JSON.stringify(lineage, null, 2) + '\n');
    await fs.rename(tmp, dest);
    await fsyncDir(path.dirname(dest));
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
    return { status: 'failed', message: describeIoError(err, p.newDir) };
  }
  await appendAudit(p.rootPath, {
    at: new Date().toISOString(),
    by,
    action: 'branch',
    family: p.run.family,
    runId: p.run.id,
    file: p.newDir,
    note: req.note,
    details: { from: p.projectDir, fromStage: p.fromStage, branch: p.branch, stages: p.copyStages },
  });
  await desk.rescanFolder(p.rootId, dest);
  return { status: 'written', writes: plannedWrites(p), message: `Branched ${p.branch} into ${p.newDir}` };
}

async function rewriteProjectId(file: string, projectId: string) {
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return;
  const doc = decodeAndParse(bytes, 'json');
  if (!doc.ok || !doc.data || typeof doc.data !== 'object') return;
  (doc.data as Record<string, unknown>).project_id = projectId;
  await fs.writeFile(file, JSON.stringify(doc.data, null, 2) + (bytes.at(-1) === 10 ? '\n' : ''));
}

async function rewriteProjectJson(file: string, projectId: string, branch: string) {
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return;
  const doc = decodeAndParse(bytes, 'json');
  if (!doc.ok || !doc.data || typeof doc.data !== 'object') return;
  const d = doc.data as Record<string, unknown>;
  d.project_id = projectId;
  if (typeof d.title === 'string') d.title = `${d.title} (${branch})`;
  await fs.writeFile(file, JSON.stringify(d, null, 2) + (bytes.at(-1) === 10 ? '\n' : ''));
}

/** The branch tree of OpenMontage projects across folders, from each project's lineage sidecar. */
export function openMontageBranchTree(runs: Run[], of: Run): BranchNode[] {
  const om = runs.filter((r) => r.family === 'openmontage' && r.rootId === of.rootId);
  const byId = new Map(om.map((r) => [r.id, r]));
  let top = of;
  for (let guard = 0; top.lineage?.parentRunId && byId.has(top.lineage.parentRunId) && guard < 50; guard++) top = byId.get(top.lineage.parentRunId)!;
  const childrenOf = (id: string) => om.filter((r) => r.lineage?.parentRunId === id);
  const node = (r: Run, depth: number): BranchNode => ({
    id: r.id,
    label: `${r.branch ?? 'main'} · ${r.folder}${r.lineage?.fromStage ? ` (from ${r.lineage.fromStage})` : ''}`,
    branch: r.branch ?? 'main',
    stageName: r.currentStage,
    status: r.status,
    runId: r.id,
    children: depth > 20 ? [] : childrenOf(r.id).map((c) => node(c, depth + 1)),
  });
  const tree = node(top, 0);
  return tree.children.length ? [tree] : [];
}
