import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointRecord } from '../../../../../electron/core/families/openmontage/records';
import { checkpoint, codes, find, parseFile, tempProject } from './om-test-kit';

const P = 'projects/reef';
let t: ReturnType<typeof tempProject>;
afterEach(() => t?.cleanup());

function parse(data: unknown, rel = `${P}/checkpoint_script.json`) {
  t ??= tempProject();
  const r = parseFile(t.dir, rel, data);
  return { rec: r.record as CheckpointRecord, problems: r.problems };
}

describe('OpenMontage checkpoint parsing: the envelope', () => {
  it('reads a clean HEAD-era checkpoint without problems', () => {
    t = tempProject();
    const { rec, problems } = parse(checkpoint('script', { artifacts: { script: { version: '1.0', title: 'Reef', sections: [{}, {}] } } }));
    expect(problems).toEqual([]);
    expect(rec).toMatchObject({ type: 'checkpoint', current: true, stage: 'script', status: 'completed', projectId: 'reef', pipelineType: 'reef-explainer' });
    expect(rec.artifacts).toEqual([
      expect.objectContaining({ name: 'script', kind: 'json', role: 'canonical', source: 'inline', pointer: '/artifacts/script', summary: 'Reef · 2 sections' }),
    ]);
  });

  it('warns about the extra top-level `notes` key but keeps it', () => {
    t = tempProject();
    const { rec, problems } = parse(checkpoint('script', { notes: 'render ok', artifacts: { script: {} } }));
    expect(find(problems, 'om.unknown_key')).toMatchObject({ severity: 'warning', field: '/notes' });
    expect(rec.notes).toBe('render ok');
  });

  it('accepts missing checkpoint_policy and gate flags (hand-written files)', () => {
    t = tempProject();
    const data = checkpoint('scene_plan', { human_approved: true, artifacts: { scene_plan: {} } });
    delete data.checkpoint_policy;
    delete data.human_approval_required;
    const { rec, problems } = parse(data, `${P}/checkpoint_scene_plan.json`);
    expect(problems).toEqual([]);
    expect(rec.humanApprovalRequired).toBeUndefined();
    expect(rec.humanApproved).toBe(true);
  });

  it('warns (not errors) on a missing pipeline_type, as in the first release', () => {
    t = tempProject();
    const data = checkpoint('script', { artifacts: { script: {} } });
    delete data.pipeline_type;
    const { problems } = parse(data);
    expect(find(problems, 'om.missing_pipeline_type')).toMatchObject({ severity: 'warning', field: '/pipeline_type' });
  });

  it('reports schema type errors with JSON pointers and still builds the record', () => {
    t = tempProject();
    const { rec, problems } = parse(
      checkpoint('script', { version: 2, human_approved: 'yes', checkpoint_policy: 'sometimes', cost_snapshot: { total_spent_usd: 'free' }, artifacts: { script: {} } }),
    );
    const fields = problems.map((p) => `${p.severity} ${p.field}`);
    expect(fields).toEqual(
      expect.arrayContaining(['error /version', 'error /human_approved', 'error /checkpoint_policy', 'error /cost_snapshot/total_spent_usd']),
    );
    expect(rec.status).toBe('completed');
    expect(rec.humanApproved).toBeUndefined();
  });

  it('reports missing required keys by name', () => {
    t = tempProject();
    const { problems } = parse({ stage: 'script', status: 'completed' });
    const missing = problems.filter((p) => p.code === 'schema.required').map((p) => p.field);
    expect(missing).toEqual(expect.arrayContaining(['/version', '/project_id', '/timestamp', '/artifacts']));
  });

  it('reads status leniently: pending is accepted with a warning, unknown values are errors', () => {
    t = tempProject();
    const pending = parse(checkpoint('script', { status: 'pending' }));
    expect(pending.rec.status).toBe('pending');
    expect(find(pending.problems, 'om.status_pending')?.severity).toBe('warning');

    const odd = parse(checkpoint('script', { status: 'done' }));
    expect(odd.rec.status).toBe('unknown');
    expect(odd.rec.rawStatus).toBe('done');
    expect(find(odd.problems, 'om.unknown_status')).toMatchObject({ severity: 'error', field: '/status' });

    const missing = parse((({ status, ...rest }) => rest)(checkpoint('script')));
    expect(missing.rec.status).toBe('unknown');
    expect(missing.problems.filter((p) => p.field === '/status')).toHaveLength(1);
  });

  it('takes the stage from the file name and flags a different stage inside', () => {
    t = tempProject();
    const { rec, problems } = parse(checkpoint('scene_plan', { artifacts: { script: {} } }));
    expect(rec.stage).toBe('script');
    expect(rec.declaredStage).toBe('scene_plan');
    expect(find(problems, 'om.stage_mismatch')).toMatchObject({ severity: 'error', field: '/stage' });
  });

  it('warns when project_id differs from the folder name', () => {
    t = tempProject();
    const { problems } = parse(checkpoint('script', { artifacts: { script: {} } }, 'reef-v2'));
    expect(find(problems, 'om.project_id_mismatch')).toMatchObject({ severity: 'warning', field: '/project_id' });
  });

  it('checks timestamps: offsets and Z are fine, naive ones warn, garbage is an error', () => {
    t = tempProject();
    for (const ts of ['2026-07-12T08:43:27.800620+00:00', '2026-07-12T10:25:00Z', '2026-07-12T10:25:00+0200']) {
      expect(parse(checkpoint('script', { timestamp: ts, artifacts: { script: {} } })).problems).toEqual([]);
    }
    const naive = parse(checkpoint('script', { timestamp: '2026-07-12T10:25:00', artifacts: { script: {} } }));
    expect(find(naive.problems, 'om.naive_timestamp')).toMatchObject({ severity: 'warning', field: '/timestamp' });
    expect(naive.rec.timeMs).toBe(Date.parse('2026-07-12T10:25:00Z'));
    const bad = parse(checkpoint('script', { timestamp: 'yesterday', artifacts: { script: {} } }));
    expect(find(bad.problems, 'om.bad_timestamp')?.severity).toBe('error');
  });

  it('requires the canonical artifact only for completed and awaiting_human stages', () => {
    t = tempProject();
    expect(find(parse(checkpoint('script', { status: 'awaiting_human' })).problems, 'om.missing_canonical')).toMatchObject({
      severity: 'error',
      field: '/artifacts',
    });
    expect(find(parse(checkpoint('script', { status: 'in_progress' })).problems, 'om.missing_canonical')).toBeUndefined();
    expect(find(parse(checkpoint('script', { status: 'failed', error: 'tts down' })).problems, 'om.missing_canonical')).toBeUndefined();
    // Stages without a canonical artifact (character_design, rig_plan) require nothing.
    expect(parse(checkpoint('rig_plan'), `${P}/checkpoint_rig_plan.json`).problems).toEqual([]);
  });

  it('keeps the error and partial progress keys of in_progress heartbeats', () => {
    t = tempProject();
    const { rec } = parse(
      checkpoint('assets', {
        status: 'in_progress',
        metadata: { partial_progress: { asset_manifest_draft: { assets: [] }, completed_scene_ids: ['s1'] } },
      }),
      `${P}/checkpoint_assets.json`,
    );
    expect(rec.status).toBe('in_progress');
    expect(rec.partialProgress).toEqual(['asset_manifest_draft', 'completed_scene_ids']);
    expect(parse(checkpoint('assets', { status: 'failed', error: 'quota' }), `${P}/checkpoint_assets.json`).rec.error).toBe('quota');
  });

  it('turns a document that is not an object into a problem and an unreadable record', () => {
    t = tempProject();
    for (const data of [[], 'text', 42, null]) {
      const { rec, problems } = parse(data);
      expect(rec).toMatchObject({ stage: 'script', status: 'unknown', readable: false, artifacts: [] });
      expect(codes(problems)).toEqual(['om.not_object']);
    }
  });
});

describe('OpenMontage checkpoint parsing: history copies', () => {
  it('reads the stage from the JSON, never from the ambiguous file name', () => {
    t = tempProject();
    const { rec, problems } = parse(
      checkpoint('scene_plan', { status: 'awaiting_human', artifacts: { scene_plan: {} } }),
      `${P}/history/checkpoint_scene_plan_20260712T0843278006200000.json`,
    );
    expect(rec.current).toBe(false);
    expect(rec.stage).toBe('scene_plan');
    expect(problems).toEqual([]);
  });

  it('reports a history copy without stage', () => {
    t = tempProject();
    const data = checkpoint('x');
    delete data.stage;
    const { rec, problems } = parse(data, `${P}/history/checkpoint_script_1.json`);
    expect(rec.stage).toBeUndefined();
    expect(find(problems, 'om.history_without_stage')?.severity).toBe('error');
  });
});

describe('OpenMontage checkpoint parsing: artifacts', () => {
  it('resolves relative path strings inside the project and warns they are not inline', () => {
    t = tempProject();
    t.json(`${P}/artifacts/script.json`, { version: '1.0' });
    const { rec, problems } = parse(checkpoint('script', { artifacts: { script: 'artifacts/script.json' } }));
    expect(rec.artifacts[0]).toMatchObject({ name: 'script', source: 'file', rel: `${P}/artifacts/script.json`, kind: 'json', role: 'canonical', via: 'path' });
    expect(find(problems, 'om.artifact_as_path')).toMatchObject({ severity: 'warning', field: '/artifacts/script' });
    expect(find(problems, 'om.missing_canonical')).toBeUndefined();
  });

  it('resolves @name.json in the project folder, then in artifacts/', () => {
    t = tempProject();
    t.json(`${P}/proposal_packet.json`, { approval: { status: 'approved', notes: 'go', approved_by: 'user', approved_at: '2026-07-12T12:35:00+00:00' } });
    t.json(`${P}/artifacts/research_brief.json`, {});
    const prop = parse(checkpoint('proposal', { artifacts: { proposal_packet: '@proposal_packet.json' } }), `${P}/checkpoint_proposal.json`);
    expect(prop.rec.artifacts[0]).toMatchObject({ source: 'file', rel: `${P}/proposal_packet.json`, via: 'at-path' });
    expect(prop.rec.proposalApproval).toEqual({ status: 'approved', notes: 'go', decidedBy: 'user', decidedAt: '2026-07-12T12:35:00+00:00', budgetUsd: undefined });
    const res = parse(checkpoint('research', { artifacts: { research_brief: '@research_brief.json' } }), `${P}/checkpoint_research.json`);
    expect(res.rec.artifacts[0]).toMatchObject({ source: 'file', rel: `${P}/artifacts/research_brief.json` });
  });

  it('marks referenced files that do not exist as missing with a warning', () => {
    t = tempProject();
    const { rec, problems } = parse(checkpoint('script', { artifacts: { script: '@script.json' } }));
    expect(rec.artifacts[0]).toMatchObject({ source: 'missing', rel: `${P}/script.json` });
    expect(find(problems, 'om.artifact_missing')).toMatchObject({ severity: 'warning', field: '/artifacts/script' });
  });

  it('refuses paths that escape the project, absolute or relative', () => {
    t = tempProject();
    t.json('secrets.json', {});
    for (const p of ['../../secrets.json', '/etc/passwd', 'C:\\Users\\me\\x.json', 'artifacts/../../x.json', '@../x.json']) {
      const { rec, problems } = parse(checkpoint('script', { artifacts: { script: p } }));
      expect(rec.artifacts[0].source).toBe('missing');
      expect(rec.artifacts[0].rel).toBeUndefined();
      expect(find(problems, 'om.artifact_path_escapes')).toMatchObject({ severity: 'error', field: '/artifacts/script' });
    }
  });

  it('maps non-artifact keys by extension or as inline values', () => {
    t = tempProject();
    t.write(`${P}/renders/final.mp4`, 'x');
    const { rec, problems } = parse(
      checkpoint('compose', {
        artifacts: {
          render_report: { outputs: [] },
          output: 'renders/final.mp4',
          composition: { cuts: [1, 2] },
          reference_douyin_brief: 'Plain words about a clip',
          final_review: { verdict: 'ok' },
        },
      }),
      `${P}/checkpoint_compose.json`,
    );
    const by = Object.fromEntries(rec.artifacts.map((a) => [a.name, a]));
    expect(by.output).toMatchObject({ kind: 'video', role: 'other', source: 'file', rel: `${P}/renders/final.mp4` });
    expect(by.composition).toMatchObject({ kind: 'json', role: 'other', source: 'inline', pointer: '/artifacts/composition' });
    expect(by.reference_douyin_brief).toMatchObject({ kind: 'text', source: 'inline' });
    expect(by.final_review.role).toBe('supplementary');
    expect(by.render_report.role).toBe('canonical');
    expect(problems).toEqual([]);
  });

  it('escapes artifact keys in JSON pointers', () => {
    t = tempProject();
    const { rec } = parse(checkpoint('script', { artifacts: { script: {}, 'a/b~c': {} } }));
    expect(rec.artifacts[1].pointer).toBe('/artifacts/a~1b~0c');
  });

  it('reports known artifacts with impossible types at their pointer', () => {
    t = tempProject();
    const { problems } = parse(checkpoint('script', { artifacts: { script: 42, brief: ['x'], review: 'just text' } }));
    expect(problems.filter((p) => p.code === 'schema.invalid_type').map((p) => p.field).sort()).toEqual([
      '/artifacts/brief',
      '/artifacts/review',
      '/artifacts/script',
    ]);
  });

  it('surfaces existing media named by render_report outputs and asset_manifest assets', () => {
    t = tempProject();
    t.write(`${P}/renders/reef.mp4`, 'v');
    t.write(`${P}/assets/images/coral.png`, 'i');
    t.write(`${P}/assets/audio/vo.wav`, 'a');
    t.write('outside.png', 'o');
    t.json(`${P}/artifacts/asset_manifest.json`, {
      assets: [{ path: 'assets/audio/vo.wav' }, { path: 'assets/missing.png' }, { path: '../../outside.png' }, { path: 'C:\\x\\y.png' }],
    });
    const compose = parse(
      checkpoint('compose', {
        artifacts: { render_report: { outputs: [{ path: 'projects/reef/renders/reef.mp4' }, { path: 'renders/reef.mp4' }] } },
      }),
      `${P}/checkpoint_compose.json`,
    );
    const media = compose.rec.artifacts.filter((a) => a.via === 'media');
    expect(media).toEqual([expect.objectContaining({ name: 'reef.mp4', kind: 'video', source: 'file', rel: `${P}/renders/reef.mp4`, pointer: '/artifacts/render_report' })]);

    const assets = parse(
      checkpoint('assets', { artifacts: { asset_manifest: 'artifacts/asset_manifest.json', extra: { assets: [{ path: 'assets/images/coral.png' }] } } }),
      `${P}/checkpoint_assets.json`,
    );
    // Only the files the manifest names, inside the project, that exist.
    expect(assets.rec.artifacts.filter((a) => a.via === 'media').map((a) => a.rel)).toEqual([`${P}/assets/audio/vo.wav`]);
  });

  it('does not resolve artifacts of history copies', () => {
    t = tempProject();
    const { rec, problems } = parse(checkpoint('script', { artifacts: { script: '../../escape.json' } }), `${P}/history/checkpoint_script_1.json`);
    expect(rec.artifacts).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads proposal_packet.approval inline and reports a malformed one as a warning', () => {
    t = tempProject();
    const ok = parse(
      checkpoint('proposal', { artifacts: { proposal_packet: { approval: { status: 'rejected', user_notes: 'too long' } } } }),
      `${P}/checkpoint_proposal.json`,
    );
    expect(ok.rec.proposalApproval).toMatchObject({ status: 'rejected', notes: 'too long' });
    const bad = parse(
      checkpoint('proposal', { artifacts: { proposal_packet: { approval: { status: 'maybe', approved_budget_usd: -1 } } } }),
      `${P}/checkpoint_proposal.json`,
    );
    expect(bad.problems.map((p) => `${p.severity} ${p.field}`).sort()).toEqual([
      'warning /artifacts/proposal_packet/approval/approved_budget_usd',
      'warning /artifacts/proposal_packet/approval/status',
    ]);
  });
});

describe('OpenMontage checkpoint parsing: review and cost', () => {
  it('normalises the real review shape and both cost_snapshot shapes', () => {
    t = tempProject();
    const { rec } = parse(
      checkpoint('script', {
        artifacts: { script: {} },
        review: { scores: { hook: 4, flow: 5 }, summary: 'Tight.' },
        cost_snapshot: { spent_usd: 0.12, budget_usd: 2, paid_calls: 3, note: 'tts only' },
      }),
    );
    expect(rec.review).toMatchObject({ score: 9, rawScore: 4.5, scale: 5, summary: 'Tight.' });
    expect(rec.cost).toEqual({ spentUsd: 0.12, budgetUsd: 2, remainingUsd: 1.88, note: 'tts only; 3 paid calls' });
  });
});
