import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Run } from '../../../../../shared/model';
import { openMontageAdapter } from '../../../../../electron/core/families/openmontage';
import type { FamilyAdapter } from '../../../../../electron/core/families/family-adapter';
import { indexDir } from '../../../../helpers/index-dir';
import { checkpoint, manifestYaml, tempProject } from './om-test-kit';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/openmontage');
const P = 'projects/reef';
const REEF_STAGES: Array<[string, boolean?, boolean?]> = [
  ['research', false, false],
  ['proposal', true, true],
  ['script', true, true],
  ['edit', true, false],
  ['publish', true, true],
];

let t: ReturnType<typeof tempProject> | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function runAt(runs: Run[], folder: string): Run {
  const r = runs.find((x) => x.folder === folder);
  if (!r) throw new Error(`no run for ${folder}; have ${runs.map((x) => x.folder).join(', ')}`);
  return r;
}
const stage = (run: Run, name: string) => run.stages.find((s) => s.name === name)!;
const gate = (run: Run, name: string) => run.gates.find((g) => g.stageName === name);

describe('OpenMontage runs from the fixture workspace (three layout generations)', () => {
  it('builds one run per project folder', async () => {
    const { index } = await indexDir(FIXTURES, [openMontageAdapter as FamilyAdapter]);
    expect(index.listRuns().map((r) => r.folder).sort()).toEqual(['pipeline/kelp-forest', 'pipelines/why-clouds-float', 'projects/tide-pools']);
    expect(index.listProblems().filter((p) => p.code === 'internal.adapter_error')).toEqual([]);
  });

  it('current layout: manifest order, gates, history versions, @-paths, pending synthesis', async () => {
    const { index } = await indexDir(FIXTURES, [openMontageAdapter as FamilyAdapter]);
    const run = runAt(index.listRuns(), 'projects/tide-pools');
    expect(run).toMatchObject({
      family: 'openmontage',
      project: 'tide-pools',
      title: 'Life in a Tide Pool',
      status: 'waiting',
      currentStage: 'scene_plan',
      pendingGates: 1,
      stageCount: 8,
      startedAt: '2026-07-20T09:00:00+00:00',
      updatedAt: '2026-07-20T10:20:00.500000+00:00',
    });
    expect(run.meta).toMatchObject({
      pipeline_type: 'coral-explainer',
      checkpoint_policy: 'guided',
      style_playbook: 'clean-professional',
      manifest: 'coral-explainer v2.0',
      manifest_file: 'pipeline_defs/coral-explainer.yaml',
    });
    expect(run.stages.map((s) => [s.name, s.status, s.gateRequired, s.flags.join(',')])).toEqual([
      ['research', 'completed', false, ''],
      ['proposal', 'completed', true, ''],
      ['script', 'completed', true, ''],
      ['scene_plan', 'awaiting_human', true, ''],
      ['assets', 'pending', true, 'synthesised'],
      ['edit', 'pending', false, 'synthesised'],
      ['compose', 'pending', false, 'synthesised'],
      ['publish', 'pending', true, 'synthesised'],
    ]);

    const script = stage(run, 'script');
    expect(script.versions.map((v) => [v.label, v.status, v.timestamp, v.current])).toEqual([
      ['v1', 'awaiting_human', '2026-07-20T10:00:00Z', false],
      ['v2', 'completed', '2026-07-20T10:05:00Z', true],
    ]);
    expect(script.review).toMatchObject({ score: 8, scale: 5 });
    expect(script.artifacts[0]).toMatchObject({ name: 'script', source: 'file', rel: 'projects/tide-pools/artifacts/script.json', role: 'canonical' });
    expect(gate(run, 'script')).toMatchObject({ status: 'approved', since: '2026-07-20T10:00:00Z', decidedAt: '2026-07-20T10:05:00Z' });

    const plan = stage(run, 'scene_plan');
    expect(plan.artifacts.map((a) => [a.name, a.kind, a.source, a.rel])).toEqual([
      ['scene_plan', 'json', 'file', 'projects/tide-pools/artifacts/scene_plan.json'],
      ['output', 'video', 'file', 'projects/tide-pools/renders/animatic.mp4'],
    ]);
    expect(plan.review?.issues).toEqual([expect.objectContaining({ severity: 'suggestion', text: 'Scene 2 runs long', disposition: 'pending' })]);
    expect(gate(run, 'scene_plan')).toMatchObject({
      status: 'waiting',
      since: '2026-07-20T10:20:00.500000+00:00',
      decisions: ['approve', 'reject', 'edit', 'branch'],
      fileId: plan.fileId,
      rel: 'projects/tide-pools/checkpoint_scene_plan.json',
      stageId: plan.id,
    });
    expect(plan.gateId).toBe(gate(run, 'scene_plan')!.id);

    expect(gate(run, 'proposal')).toMatchObject({
      status: 'approved',
      note: 'Approved with changes: Use c2 but keep it under 40 seconds. (approved budget $0.4)',
      since: '2026-07-20T09:30:00+00:00',
    });
    // Cost: the latest stage that carries a snapshot (proposal, not research).
    expect(run.cost).toEqual({ spentUsd: 0.02, reservedUsd: 0.1, remainingUsd: 1.38, budgetUsd: 1.5 });
    expect(run.artifacts.map((a) => [a.name, a.summary])).toEqual([
      ['decision_log', '1 decision'],
      ['project', undefined],
    ]);
    expect(run.files.map((f) => f.rel)).toContain('pipeline_defs/coral-explainer.yaml');
    expect(run.files.map((f) => f.rel)).toContain('projects/tide-pools/history/checkpoint_script_20260720T1000000000.json');
    // Path strings for known artifacts are what real files do, and what the writer rejects.
    expect(index.listProblems().filter((p) => p.file.rel.startsWith('projects/tide-pools/')).map((p) => `${p.code} ${p.field}`).sort()).toEqual([
      'om.artifact_as_path /artifacts/scene_plan',
      'om.artifact_as_path /artifacts/script',
    ]);
    expect(run.warnings).toBe(2);
  });

  it('config-era layout: no manifest for its type, fallback order, unknown stage after, in_progress', async () => {
    const { index } = await indexDir(FIXTURES, [openMontageAdapter as FamilyAdapter]);
    const run = runAt(index.listRuns(), 'pipeline/kelp-forest');
    expect(run.stages.map((s) => s.name)).toEqual(['research', 'assets', 'b_roll_pick']);
    expect(run.status).toBe('running');
    expect(run.currentStage).toBe('assets');
    expect(stage(run, 'assets').details).toMatchObject({ partialProgress: ['asset_manifest_draft', 'completed_scene_ids'] });
    expect(run.meta.manifest).toBeNull();
    const missing = index.listProblems().filter((p) => p.code === 'om.manifest_missing_type');
    expect(missing).toEqual([expect.objectContaining({ severity: 'warning', field: '/pipeline_type', runId: run.id })]);
    expect(missing[0].message).toContain('pipeline_defs/');
  });

  it('initial-docs layout: no pipeline_type, legacy false/false flags are not gates', async () => {
    const { index } = await indexDir(FIXTURES, [openMontageAdapter as FamilyAdapter]);
    const run = runAt(index.listRuns(), 'pipelines/why-clouds-float');
    expect(run.stages.map((s) => [s.name, s.gateRequired, s.flags])).toEqual([
      ['idea', false, []],
      ['script', false, []],
    ]);
    expect(run.gates).toEqual([]);
    expect(run.status).toBe('incomplete');
    expect(run.currentStage).toBe('script');
    expect(index.listProblems().filter((p) => p.runId === run.id).map((p) => p.code)).toEqual(['om.missing_pipeline_type', 'om.missing_pipeline_type']);
  });
});

describe('OpenMontage gating rules', () => {
  it('flags gate_skipped for a manifest-gated stage completed without approval or waiting', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', REEF_STAGES));
    t.json(`${P}/checkpoint_proposal.json`, checkpoint('proposal', { artifacts: { proposal_packet: {} } }));
    const { index } = await t.index();
    const run = index.listRuns()[0];
    expect(stage(run, 'proposal').flags).toContain('gate_skipped');
    expect(gate(run, 'proposal')).toMatchObject({ status: 'auto_approved' });
    expect(index.listProblems().filter((p) => p.code === 'om.gate_skipped')).toEqual([
      expect.objectContaining({ severity: 'warning', field: '/human_approved', file: expect.objectContaining({ rel: `${P}/checkpoint_proposal.json` }) }),
    ]);
  });

  it('does not flag gate_skipped when a history copy shows the stage waited', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', REEF_STAGES));
    t.json(`${P}/checkpoint_proposal.json`, checkpoint('proposal', { artifacts: { proposal_packet: {} } }));
    t.json(`${P}/history/checkpoint_proposal_20260701T0900.json`, checkpoint('proposal', { status: 'awaiting_human', timestamp: '2026-07-01T09:00:00+00:00' }));
    const { index } = await t.index();
    const run = index.listRuns()[0];
    expect(stage(run, 'proposal').flags).not.toContain('gate_skipped');
    expect(gate(run, 'proposal')?.note).toContain('human_approved was never recorded');
  });

  it('legacy false/false: gate skipped under a gating manifest, no gate without one', async () => {
    t = tempProject();
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { artifacts: { script: {} } }));
    let run = (await t.index()).index.listRuns()[0];
    expect(stage(run, 'script')).toMatchObject({ gateRequired: false, flags: [] });
    expect(run.gates).toEqual([]);

    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', REEF_STAGES));
    run = (await t.index()).index.listRuns()[0];
    expect(stage(run, 'script')).toMatchObject({ gateRequired: true, flags: ['gate_skipped'] });
  });

  it('the checkpoint flag gates a stage the manifest leaves open, and awaiting_human always waits', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', REEF_STAGES));
    t.json(`${P}/checkpoint_edit.json`, checkpoint('edit', { status: 'awaiting_human', human_approval_required: true, artifacts: { edit_decisions: {} } }));
    t.json(`${P}/checkpoint_research.json`, checkpoint('research', { status: 'awaiting_human', human_approval_required: false, artifacts: { research_brief: {} } }));
    const run = (await t.index()).index.listRuns()[0];
    expect(gate(run, 'edit')?.status).toBe('waiting');
    expect(gate(run, 'research')?.status).toBe('waiting');
    expect(run.pendingGates).toBe(2);
    expect(run.status).toBe('waiting');
  });

  it('without a manifest, gating comes from human_approval_required alone', async () => {
    t = tempProject();
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { human_approval_required: true, human_approved: true, artifacts: { script: {} } }));
    t.json(`${P}/checkpoint_idea.json`, checkpoint('idea', { human_approved: true, artifacts: { brief: {} } }));
    const run = (await t.index()).index.listRuns()[0];
    expect(gate(run, 'script')).toMatchObject({ status: 'approved', decidedAt: '2026-07-01T10:00:00+00:00' });
    expect(gate(run, 'idea')).toBeUndefined();
    expect(stage(run, 'idea').details).toMatchObject({ humanApproved: true });
  });

  it('a rejected proposal approval becomes a rejected gate with its note', async () => {
    t = tempProject();
    t.json(
      `${P}/checkpoint_proposal.json`,
      checkpoint('proposal', {
        status: 'awaiting_human',
        human_approval_required: true,
        artifacts: { proposal_packet: { approval: { status: 'rejected', user_notes: 'Too expensive' } } },
      }),
    );
    const run = (await t.index()).index.listRuns()[0];
    expect(gate(run, 'proposal')).toMatchObject({ status: 'rejected', note: 'Rejected: Too expensive' });
    expect(run.pendingGates).toBe(0);
    expect(run.status).toBe('incomplete');
  });

  it('gates of stages that have not reached their gate are required but not created', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', REEF_STAGES));
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { status: 'in_progress', human_approval_required: true }));
    t.json(`${P}/checkpoint_proposal.json`, checkpoint('proposal', { status: 'failed', error: 'budget', human_approval_required: true }));
    const run = (await t.index()).index.listRuns()[0];
    expect(stage(run, 'script')).toMatchObject({ gateRequired: true, gateId: undefined });
    expect(run.gates).toEqual([]);
    expect(run.status).toBe('failed');
    expect(stage(run, 'proposal').error).toBe('budget');
  });
});

describe('OpenMontage stage order and pending synthesis', () => {
  it('synthesises pending manifest stages and reports stages the manifest lacks', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', REEF_STAGES));
    t.json(`${P}/checkpoint_edit.json`, checkpoint('edit', { artifacts: { edit_decisions: {} } }));
    t.json(`${P}/checkpoint_storyboard.json`, checkpoint('storyboard'));
    const { index } = await t.index();
    const run = index.listRuns()[0];
    expect(run.stages.map((s) => [s.name, s.status, s.flags.includes('synthesised')])).toEqual([
      ['research', 'pending', true],
      ['proposal', 'pending', true],
      ['script', 'pending', true],
      ['edit', 'completed', false],
      ['publish', 'pending', true],
      ['storyboard', 'completed', false],
    ]);
    expect(run.status).toBe('incomplete');
    expect(run.currentStage).toBe('research');
    expect(index.listProblems().filter((p) => p.code === 'om.stage_not_in_manifest').map((p) => p.file.rel)).toEqual([`${P}/checkpoint_storyboard.json`]);
  });

  it('without a manifest synthesises nothing and orders by the fallback list, unknown stages by time', async () => {
    t = tempProject();
    t.json(`${P}/checkpoint_publish.json`, checkpoint('publish', { timestamp: '2026-07-01T12:00:00Z', artifacts: { publish_log: {} } }));
    t.json(`${P}/checkpoint_zeta_pass.json`, checkpoint('zeta_pass', { timestamp: '2026-07-01T08:00:00Z' }));
    t.json(`${P}/checkpoint_alpha_pass.json`, checkpoint('alpha_pass', { timestamp: '2026-07-01T09:00:00Z' }));
    t.json(`${P}/checkpoint_research.json`, checkpoint('research', { timestamp: '2026-07-01T07:00:00Z', artifacts: { research_brief: {} } }));
    const run = (await t.index()).index.listRuns()[0];
    expect(run.stages.map((s) => s.name)).toEqual(['research', 'publish', 'zeta_pass', 'alpha_pass']);
    expect(run.stages.map((s) => s.order)).toEqual([0, 1, 2, 3]);
    expect(run.status).toBe('completed');
  });

  it('uses the nearest pipeline_defs/ on the way up and records which one', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', [['research'], ['publish']]));
    t.write('studio/pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', [['research'], ['script'], ['publish']]));
    t.json(`studio/projects/reef/checkpoint_research.json`, checkpoint('research', { artifacts: { research_brief: {} } }));
    t.json(`projects/reef/checkpoint_research.json`, checkpoint('research', { artifacts: { research_brief: {} } }));
    const runs = (await t.index()).index.listRuns();
    expect(runAt(runs, 'studio/projects/reef').stages.map((s) => s.name)).toEqual(['research', 'script', 'publish']);
    expect(runAt(runs, 'studio/projects/reef').meta.manifest_file).toBe('studio/pipeline_defs/reef-explainer.yaml');
    expect(runAt(runs, 'projects/reef').stages.map((s) => s.name)).toEqual(['research', 'publish']);
  });

  it('re-assembles projects when a manifest appears, changes or goes, without piling up problems', async () => {
    t = tempProject();
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { artifacts: { script: {} } }));
    t.write('pipeline_defs/other.yaml', manifestYaml('other', [['idea']]));
    const { index, root } = await t.index();
    const runId = index.listRuns()[0].id;
    expect(index.getRun(runId)!.stages.map((s) => s.name)).toEqual(['script']);
    expect(index.listProblems().filter((p) => p.code === 'om.manifest_missing_type')).toHaveLength(1);

    const abs = t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', REEF_STAGES));
    await index.upsertFile(root.id, abs);
    let run = index.getRun(runId)!;
    expect(run.stages.map((s) => s.name)).toEqual(['research', 'proposal', 'script', 'edit', 'publish']);
    expect(stage(run, 'script').flags).toEqual(['gate_skipped']);
    expect(index.listProblems().filter((p) => p.code === 'om.manifest_missing_type')).toHaveLength(0);

    // Re-assembling again must not duplicate assembly-time problems.
    await index.upsertFile(root.id, abs);
    index.reassembleWhere((key) => key.startsWith('om:'));
    expect(index.listProblems().filter((p) => p.code === 'om.gate_skipped')).toHaveLength(1);
    expect(index.getRun(runId)!.warnings).toBe(1);

    index.removeFile(root.id, abs);
    run = index.getRun(runId)!;
    expect(run.stages.map((s) => s.name)).toEqual(['script']);
    expect(index.listProblems().filter((p) => p.code === 'om.gate_skipped')).toHaveLength(0);
  });

  it('falls back to checkpoint flags when the manifest for the type cannot be read', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', 'stages: [unclosed\n');
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { artifacts: { script: {} } }));
    const { index } = await t.index();
    expect(index.listRuns()[0].meta.manifest).toBeNull();
    expect(index.listProblems().map((p) => p.code)).toEqual(expect.arrayContaining(['yaml.syntax', 'om.manifest_unreadable']));
  });
});

describe('OpenMontage runs: project files, lineage, robustness', () => {
  it('yields no run for a folder with only project.json and history', async () => {
    t = tempProject();
    t.json(`${P}/project.json`, { version: '1.0', project_id: 'reef', title: 'Reef' });
    t.json(`${P}/history/checkpoint_script_1.json`, checkpoint('script'));
    t.json(`${P}/decision_log.json`, { version: '1.0', project_id: 'reef', decisions: [] });
    const { index } = await t.index();
    expect(index.listRuns()).toEqual([]);
  });

  it('keeps a stage whose current file is corrupt, truncated or empty, with the problem', async () => {
    t = tempProject();
    t.json(`${P}/checkpoint_research.json`, checkpoint('research', { artifacts: { research_brief: {} } }));
    t.write(`${P}/checkpoint_script.json`, '{"version": "1.0", "stage": "scr');
    t.write(`${P}/checkpoint_edit.json`, '');
    t.write(`${P}/checkpoint_compose.json`, '[1, 2');
    t.write(`${P}/checkpoint_publish.json`, '"just a string"');
    const { index } = await t.index();
    const run = index.listRuns()[0];
    expect(run.stages.map((s) => [s.name, s.status, s.flags])).toEqual([
      ['research', 'completed', []],
      ['script', 'unknown', ['unreadable']],
      ['edit', 'unknown', ['unreadable']],
      ['compose', 'unknown', ['unreadable']],
      ['publish', 'unknown', []],
    ]);
    const codes = index.listProblems().map((p) => `${p.file.rel.replace(`${P}/`, '')} ${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'checkpoint_script.json json.truncated',
        'checkpoint_edit.json file.empty',
        'checkpoint_compose.json json.truncated',
        'checkpoint_publish.json om.not_object',
      ]),
    );
    expect(run.errors).toBeGreaterThanOrEqual(4);
  });

  it('reads the lineage sidecar into run.lineage and run.branch', async () => {
    t = tempProject();
    t.json(`projects/reef-alt/checkpoint_script.json`, checkpoint('script', { artifacts: { script: {} } }, 'reef-alt'));
    t.json(`projects/reef-alt/greenlight/lineage.json`, {
      greenlight: 'lineage/1',
      parentProject: 'projects/reef',
      fromStage: 'script',
      branch: 'shorter-cut',
      createdAt: '2026-07-02T08:00:00Z',
      createdBy: 'dana',
      note: 'Try a 20 s version',
    });
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { artifacts: { script: {} } }));
    const runs = (await t.index()).index.listRuns();
    const parent = runAt(runs, P);
    const child = runAt(runs, 'projects/reef-alt');
    expect(child.branch).toBe('shorter-cut');
    expect(child.lineage).toEqual({ parentRunId: parent.id, parentTitle: 'reef', fromStage: 'script', branch: 'shorter-cut', note: 'Try a 20 s version' });
    expect(parent.lineage).toBeUndefined();
  });

  it('reports a malformed lineage sidecar but keeps what it can', async () => {
    t = tempProject();
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { artifacts: { script: {} } }));
    t.json(`${P}/greenlight/lineage.json`, { parentProject: 'projects/base', branch: 7 });
    const { index } = await t.index();
    expect(index.listRuns()[0].lineage?.parentTitle).toBe('base');
    expect(index.listProblems().map((p) => p.field)).toEqual(expect.arrayContaining(['/greenlight', '/branch']));
  });

  it('uses the project folder name when there is no project.json, and the root name for a root project', async () => {
    t = tempProject();
    t.json(`checkpoint_script.json`, checkpoint('script', { artifacts: { script: {} } }, path.basename(t.dir)));
    const run = (await t.index()).index.listRuns()[0];
    expect(run).toMatchObject({ folder: '.', project: path.basename(t.dir), title: path.basename(t.dir) });
  });

  it('gives stable, unique ids across re-indexing', async () => {
    t = tempProject();
    t.json(`${P}/checkpoint_compose.json`, checkpoint('compose', { artifacts: { render_report: { outputs: [{ path: 'renders/a.mp4' }] }, output: 'renders/a.mp4' } }));
    t.write(`${P}/renders/a.mp4`, 'v');
    const a = (await t.index()).index.listRuns()[0];
    const b = (await t.index()).index.listRuns()[0];
    const ids = (r: Run) => [r.id, ...r.stages.map((s) => s.id), ...r.gates.map((g) => g.id), ...r.stages.flatMap((s) => s.artifacts.map((x) => x.id))];
    expect(ids(a)).toEqual(ids(b));
    expect(new Set(ids(a)).size).toBe(ids(a).length);
  });
});
