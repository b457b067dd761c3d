import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aiVideoAdapter } from '../../../../../electron/core/families/aivideo';
import type { FamilyAdapter } from '../../../../../electron/core/families/family-adapter';
import { runSchema, type BranchNode, type Run } from '../../../../../shared/model';
import { indexDir } from '../../../../helpers/index-dir';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { VIDEO, branchInfo, checkpoint } from './parse-helpers';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/aivideo');
const adapters = [aiVideoAdapter as FamilyAdapter];
const CHRONO = '3f2b8c1e-7d4a-4e9b-a5c6-1d2e3f4a5b6c';
const LEGACY = 'a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d';
const TRAIL = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';

async function load(dir: string) {
  const { index, root } = await indexDir(dir, adapters);
  const all = index.listRuns();
  const video = (id: string) => {
    const r = all.find((x) => x.runId === id);
    if (!r) throw new Error(`no run for ${id}`);
    return r;
  };
  return { index, root, all, video };
}

function stage(run: Run, name: string) {
  const s = run.stages.find((x) => x.name === name);
  if (!s) throw new Error(`no stage ${name}`);
  return s;
}

function flatten(nodes: BranchNode[]): BranchNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe('aivideo adapter over exported API JSON', () => {
  it('makes one valid run per video', async () => {
    const { all } = await load(FIXTURES);
    expect(all.map((r) => r.runId).sort()).toEqual([CHRONO, LEGACY, TRAIL].sort());
    for (const r of all) expect(() => runSchema.parse(r)).not.toThrow();
  });

  it('merges a tree export and a status snapshot into the branch tree, stages along the pending path, and gates', async () => {
    const { video, index } = await load(FIXTURES);
    const r = video(CHRONO);
    expect(r).toMatchObject({
      family: 'aivideo',
      project: CHRONO,
      title: 'Chrono X · main-1-1',
      branch: 'main-1-1',
      status: 'waiting', // PAUSED_AT_PHASE3, compared case-insensitively
      currentStage: 'chunks',
      pendingGates: 2,
      errors: 0,
      warnings: 1, // can_continue:false on a pending branch (the docs' example)
      startedAt: '2025-11-21T08:41:02.118Z',
      meta: {
        video_status: 'paused_at_phase3',
        progress: 62.5,
        checkpoints: 4,
        branches: 4,
        can_continue: 2,
        parents_inferred: false,
        api_base_url: 'https://api.aivideo.example',
        api_token_env: 'AIVIDEO_TOKEN',
      },
    });
    expect(r.cost).toEqual({ spentUsd: 1.9708, note: 'sum of cost_usd over 4 checkpoints on 4 branches' });
    expect(r.files.map((f) => path.posix.basename(f.rel))).toEqual(['aivideo.config.json', 'checkpoint-tree.json', 'status.json']);
    expect(index.listProblems().map((p) => p.code)).toEqual(['av.can_continue_mismatch']);

    // Stages follow main → main-1 → main-1-1 (the current checkpoint).
    expect(r.stages.map((s) => [s.name, s.order, s.status, s.branch])).toEqual([
      ['planning', 1, 'completed', 'main'],
      ['storyboard', 2, 'completed', 'main-1'],
      ['chunks', 3, 'awaiting_human', 'main-1-1'],
      ['refinement', 4, 'pending', undefined],
    ]);
    const planning = stage(r, 'planning');
    expect(planning.versions.map((v) => [v.label, v.current, v.status])).toEqual([
      ['main · v1', true, 'completed'],
      ['main-2 · v1', false, 'awaiting_human'],
    ]);
    expect(planning.flags).toContain('edited');
    expect(planning.artifacts).toEqual([
      expect.objectContaining({ name: 'spec', kind: 'json', source: 'inline', pointer: '/0/checkpoint/artifacts/0/metadata/spec', version: 2, summary: '3 beats · 30 s · luxury_showcase · luxury · Chrono X · v2' }),
    ]);
    expect(stage(r, 'storyboard').artifacts.map((a) => [a.name, a.kind, a.version])).toEqual([
      ['beat_0', 'image', 1], ['beat_1', 'image', 2], ['beat_2', 'image', 1],
    ]);
    const chunks = stage(r, 'chunks');
    // chunk_1 was regenerated after the tree was exported: the status snapshot's v2 wins.
    expect(chunks.artifacts.map((a) => [a.name, a.kind, a.role, a.version])).toEqual([
      ['stitched', 'video', 'canonical', 1],
      ['chunk_0', 'video', 'supplementary', 1],
      ['chunk_1', 'video', 'supplementary', 2],
      ['chunk_2', 'video', 'supplementary', 1],
    ]);
    expect(chunks.artifacts[2].url).toContain('chunk_01_v2.mp4');
    expect(chunks.artifacts[2].summary).toMatch(/presigned URL expired 2025-11-21 09:45 UTC/);
    expect(chunks.cost).toEqual({ spentUsd: 1.85 });
    const ids = r.stages.flatMap((s) => s.artifacts.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);

    // Every checkpoint has a gate; pending ones wait, approved ones are decided; no reject in aivideo.
    expect(r.gates.map((g) => [g.stageName, g.status, g.title])).toEqual([
      ['planning', 'approved', 'Phase 1 · Planning on main (v1)'],
      ['storyboard', 'approved', 'Phase 2 · Storyboard on main-1 (v1)'],
      ['planning', 'waiting', 'Phase 1 · Planning on main-2 (v1)'],
      ['chunks', 'waiting', 'Phase 3 · Chunks on main-1-1 (v1)'],
    ]);
    const [g1, , gSibling, gCurrent] = r.gates;
    expect(g1).toMatchObject({ decidedAt: '2025-11-21T08:45:29.080Z', stageId: planning.id });
    expect(gSibling.stageId).toBeUndefined(); // not on the followed path
    expect(gCurrent).toMatchObject({ since: '2025-11-21T09:21:31.000Z', decisions: ['approve', 'edit', 'branch'], stageId: chunks.id, id: chunks.gateId });
    expect(gCurrent.unavailable.reject).toMatch(/no reject/);
    expect(gCurrent.question).toMatch(/POST \/api\/video\/\{id\}\/continue/);

    // The branch tree: two roots (a spec edit on the approved phase 1 started main-2).
    expect(r.branches.map((b) => b.label)).toEqual(['main · phase 1 v1', 'main-2 · phase 1 v1']);
    expect(r.branches[0].children[0].children[0]).toMatchObject({ label: 'main-1-1 · phase 3 v1', status: 'pending', stageName: 'chunks', edited: true });
    expect(flatten(r.branches).map((n) => [n.branch, n.edited])).toEqual([
      ['main', true], ['main-1', true], ['main-1-1', true], ['main-2', false],
    ]);
  });

  it('infers parents for legacy rows (all parents null) and finishes the run from the checkpoints alone', async () => {
    const { video } = await load(FIXTURES);
    const r = video(LEGACY);
    expect(r.meta.parents_inferred).toBe(true);
    expect(r.status).toBe('completed');
    expect(r.stages.map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(flatten(r.branches).map((n) => n.phase)).toEqual([1, 2, 3, 4]);
    expect(r.branches).toHaveLength(1);
    // YOLO is not detected here: approvals are plain approvals.
    expect(r.gates.map((g) => g.status)).toEqual(['approved', 'approved', 'approved', 'approved']);
    expect(r.gates[3]).toMatchObject({ decisions: [], stageName: 'refinement' });
    expect(r.gates[3].unavailable.approve).toMatch(/Already at final phase/);
    expect(r.meta.active_branches).toBe('main (phase 4, approved)');
    expect(r.warnings + r.errors).toBe(0);
  });

  it('reads the documented wrapped shapes across two files of one video', async () => {
    const { video } = await load(FIXTURES);
    const r = video(TRAIL);
    expect(r.title).toBe('Trail Runner 2 · main');
    expect(r.status).toBe('waiting');
    expect(r.stages.slice(0, 2).map((s) => [s.status, s.artifacts.map((a) => a.name)])).toEqual([
      ['completed', ['spec']],
      ['awaiting_human', ['beat_0']],
    ]);
    expect(r.files).toHaveLength(2);
    expect(r.errors + r.warnings).toBe(0);
  });

  it('keeps ids stable across indexes', async () => {
    const a = (await load(FIXTURES)).video(CHRONO);
    const b = (await load(FIXTURES)).video(CHRONO);
    expect(b.id).toBe(a.id);
    expect(b.gates.map((g) => g.id)).toEqual(a.gates.map((g) => g.id));
    expect(flatten(b.branches).map((n) => n.id)).toEqual(flatten(a.branches).map((n) => n.id));
  });
});

describe('aivideo adapter with partial or broken exports', () => {
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => tmp?.cleanup());

  it('shows a placeholder run for a folder whose exports hold no video, with the error on it', async () => {
    tmp = makeTempDir();
    tmp.write('aivideo/videos.json', JSON.stringify({ videos: [] }));
    const { all } = await load(tmp.dir);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'incomplete', title: 'aivideo: no aivideo checkpoints found', errors: 1 });
  });

  it('builds a run from a branch list alone, with the pending checkpoint as a waiting gate', async () => {
    tmp = makeTempDir();
    tmp.write(`aivideo/branches-${VIDEO}.json`, JSON.stringify([branchInfo({ latest_checkpoint_id: 'cp-b', phase_number: 2, branch_name: 'main-1' })]));
    tmp.write('aivideo/status.json', JSON.stringify({ video_id: VIDEO, status: 'paused_at_phase2', progress: 40, current_checkpoint: null, checkpoint_tree: null, active_branches: null }));
    const { all, index } = await load(tmp.dir);
    expect(all).toHaveLength(1);
    const r = all[0];
    expect(r.gates).toEqual([expect.objectContaining({ status: 'waiting', stageName: 'storyboard' })]);
    expect(stage(r, 'storyboard').flags).toContain('synthesised');
    expect(index.listProblems().map((p) => p.code)).toEqual(['av.assembly.branch_without_checkpoint']);
  });

  it('warns about a parent that no export holds, and about id-less data in a folder of several videos', async () => {
    tmp = makeTempDir();
    tmp.write('aivideo/a.json', JSON.stringify([checkpoint({ id: 'cp-x', phase_number: 2, parent_checkpoint_id: 'cp-gone', artifacts: [] })]));
    tmp.write('aivideo/b.json', JSON.stringify([checkpoint({ id: 'cp-y', video_id: 'another-video' })]));
    tmp.write('aivideo/branches.json', JSON.stringify([branchInfo()]));
    const { all, index } = await load(tmp.dir);
    expect(all.map((r) => r.runId).sort()).toEqual(['another-video', VIDEO, undefined].sort());
    expect(index.listProblems().map((p) => [p.code, p.field]).sort()).toEqual([
      ['av.assembly.branch_without_checkpoint', '/0/latest_checkpoint_id'],
      ['av.assembly.no_video', ''],
      ['av.assembly.unknown_parent', '/0/parent_checkpoint_id'],
    ]);
  });

  it('does not pile up cross-file warnings when a group is assembled again', async () => {
    tmp = makeTempDir();
    const abs = tmp.write('aivideo/a.json', JSON.stringify([checkpoint({ id: 'cp-x', parent_checkpoint_id: 'cp-gone' })]));
    const { index, root } = await load(tmp.dir);
    await index.upsertFile(root.id, abs);
    await index.upsertFile(root.id, abs);
    expect(index.listProblems().filter((p) => p.code === 'av.assembly.unknown_parent')).toHaveLength(1);
  });

  it('follows a failed video to the phase that failed', async () => {
    tmp = makeTempDir();
    tmp.write('run.aivideo.json', JSON.stringify({
      video_id: VIDEO, status: 'FAILED', progress: 30, error: 'chunk generation timed out', current_checkpoint: null,
      checkpoint_tree: [{ checkpoint: checkpoint({ status: 'approved', approved_at: '2025-11-21T08:45:00Z' }), children: [{ checkpoint: checkpoint({ id: 'cp-2', phase_number: 2, status: 'approved', approved_at: '2025-11-21T09:00:00Z', created_at: '2025-11-21T08:55:00Z', artifacts: [] }) }] }],
      active_branches: [],
    }));
    const { all } = await load(tmp.dir);
    const r = all[0];
    expect(r.status).toBe('failed');
    expect(stage(r, 'chunks')).toMatchObject({ status: 'failed', error: 'chunk generation timed out' });
    expect(stage(r, 'refinement').status).toBe('pending');
  });
});
