import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { omniClaudeAdapter } from '../../../../../electron/core/families/omniclaude';
import type { FamilyAdapter } from '../../../../../electron/core/families/family-adapter';
import { runSchema, type Run } from '../../../../../shared/model';
import { SIDECAR_NAMES } from '../../../../../shared/decision-sidecar';
import { indexDir } from '../../../../helpers/index-dir';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { VALID_IMPLEMENT, RUN_UUID } from './parse-helpers';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/omniclaude');
const adapters = [omniClaudeAdapter as FamilyAdapter];

async function runs(dir: string) {
  const { index } = await indexDir(dir, adapters);
  const all = index.listRuns();
  const byTicket = (t: string) => {
    const r = all.find((x) => x.project === t);
    if (!r) throw new Error(`no run for ${t}`);
    return r;
  };
  return { index, all, byTicket };
}

function stage(run: Run, name: string) {
  const s = run.stages.find((x) => x.name === name);
  if (!s) throw new Error(`no stage ${name}`);
  return s;
}

describe('OmniClaude adapter over a checkpoint tree', () => {
  it('builds one valid Run per run folder', async () => {
    const { all } = await runs(FIXTURES);
    expect(all.map((r) => r.project).sort()).toEqual(['OMN-2144', 'OMN-2150', 'OMN-2160', 'OMN-2170', 'OMN-2180', 'OMN-2190']);
    for (const r of all) expect(() => runSchema.parse(r)).not.toThrow();
  });

  it('orders phases by the enum, keeps attempt history, and waits on the merge decision', async () => {
    const { byTicket } = await runs(FIXTURES);
    const r = byTicket('OMN-2144');
    expect(r).toMatchObject({
      family: 'omniclaude',
      runId: RUN_UUID,
      title: 'OMN-2144 · feat/OMN-2144-checkpoints',
      branch: 'feat/OMN-2144-checkpoints',
      status: 'waiting',
      pendingGates: 1,
      errors: 0,
      warnings: 0,
      currentStage: 'ready_for_merge',
      startedAt: '2026-02-12T10:15:30.123Z',
      updatedAt: '2026-02-12T12:31:07.250Z',
      meta: { ticket: 'OMN-2144', pr_number: 412, pr_url: 'https://github.com/OmniNode-ai/omniclaude/pull/412', repos: 'omniclaude@d4e5f60' },
    });
    expect(r.stages.map((s) => [s.name, s.order])).toEqual([
      ['implement', 1], ['local_review', 2], ['create_pr', 3], ['pr_release_ready', 4], ['ready_for_merge', 5],
    ]);
    // The .ckpt_*.tmp written mid-link is never indexed.
    expect(r.files).toHaveLength(6);
    expect(r.files.some((f) => f.rel.includes('.ckpt_'))).toBe(false);

    const review = stage(r, 'local_review');
    expect(review.attempts).toBe(2);
    expect(review.versions.map((v) => [v.label, v.current])).toEqual([['attempt 1', false], ['attempt 2', true]]);
    expect(review.rel).toMatch(/phase_2_local_review_a2\.yaml$/);
    expect(review.details).toMatchObject({ iteration_count: 1, last_clean_sha: 'c3d4e5f' });
    expect(review.startedAt).toBe('2026-02-12T10:40:02.500Z');
    expect(review.updatedAt).toBe('2026-02-12T11:05:45.000Z');
    expect(review.flags).toContain('retried');

    const pr = stage(r, 'create_pr');
    expect(pr.artifacts).toEqual([
      expect.objectContaining({ source: 'url', url: 'https://github.com/OmniNode-ai/omniclaude/pull/412', name: 'Pull request #412' }),
    ]);
    const impl = stage(r, 'implement');
    expect(impl.artifacts.map((a) => [a.name, a.source, a.kind])).toEqual([
      ['files_changed', 'inline', 'json'],
      ['src/omniclaude/hooks/checkpoint.py', 'missing', 'file'],
      ['docs/checkpoints.md', 'missing', 'text'],
    ]);
    expect(new Set(r.stages.flatMap((s) => s.artifacts.map((a) => a.id))).size).toBe(r.stages.flatMap((s) => s.artifacts).length);

    const merge = stage(r, 'ready_for_merge');
    expect(merge.status).toBe('awaiting_human');
    expect(merge.gateRequired).toBe(true);
    expect(r.gates).toHaveLength(1);
    expect(r.gates[0]).toMatchObject({
      id: merge.gateId,
      runId: r.id,
      stageId: merge.id,
      stageName: 'ready_for_merge',
      status: 'waiting',
      since: '2026-02-12T12:31:05.000Z',
      decisions: ['approve', 'reject'],
      title: 'Merge PR #412 (OMN-2144)',
    });
    expect(Object.keys(r.gates[0].unavailable).sort()).toEqual(['branch', 'edit']);
    expect(r.gates[0].rel).toMatch(/phase_5_ready_for_merge_a1\.yaml$/);
  });

  it('accepts phase_4_ready_for_merge (the docs ordinal) with a warning, as ready_for_merge', async () => {
    const { byTicket, index } = await runs(FIXTURES);
    const r = byTicket('OMN-2150');
    expect(stage(r, 'ready_for_merge').order).toBe(5);
    expect(r.stages.some((s) => s.name === 'pr_release_ready')).toBe(false);
    expect(r.status).toBe('waiting');
    expect(r.warnings).toBe(1);
    expect(index.listProblems().filter((p) => p.runId === r.id).map((p) => p.code)).toEqual(['oc.ready_for_merge_ordinal_4']);
  });

  it('reads a short-id run folder (uuid5-normalised) and notes that the pipeline would not look there', async () => {
    const { byTicket } = await runs(FIXTURES);
    const r = byTicket('OMN-2160');
    expect(r.runId).toBe('5c0d9ab6-07cc-5c62-8df7-0991b577ffc3');
    expect(r.folder).toMatch(/OMN-2160\/abcd1234$/);
    expect(r.warnings).toBe(1);
    expect(r.errors).toBe(0); // the unquoted, zone-aware timestamp is fine
    expect(r.gates).toEqual([]);
    expect(r.status).toBe('incomplete');
  });

  it('gates an older run that stops at pr_release_ready, and shows a sidecar decision', async () => {
    const { byTicket } = await runs(FIXTURES);
    const r = byTicket('OMN-2170');
    expect(r.gates).toHaveLength(1);
    expect(r.gates[0]).toMatchObject({
      stageName: 'pr_release_ready',
      status: 'approved',
      decidedBy: 'dana',
      decidedAt: '2026-02-14T11:20:00Z',
      note: 'Merged after CI went green',
    });
    expect(r.status).toBe('completed');
    expect(r.pendingGates).toBe(0);
    expect(r.files.some((f) => f.rel.endsWith(SIDECAR_NAMES.omniclaude('pr_release_ready', 1)))).toBe(true);
  });

  it('warns about a phase_*.yaml stray the pipeline glob would load', async () => {
    const { byTicket, index } = await runs(FIXTURES);
    const r = byTicket('OMN-2180');
    expect(r.stages.map((s) => s.name)).toEqual(['implement']);
    expect(r.warnings).toBe(1);
    const p = index.listProblems().find((x) => x.code === 'oc.stray_phase_file');
    expect(p?.file.rel).toMatch(/phase_1_implement_a1\.review\.yaml$/);
    expect(p?.runId).toBe(r.id);
  });

  it('keeps a decision on an older attempt as history and waits again on the newer attempt', async () => {
    const { byTicket } = await runs(FIXTURES);
    const r = byTicket('OMN-2190');
    const merge = stage(r, 'ready_for_merge');
    expect(merge.attempts).toBe(2);
    expect(r.gates.map((g) => g.status)).toEqual(['rejected', 'waiting']);
    expect(r.gates[0].note).toMatch(/Migration missing.*attempt 2 is newer/);
    expect(merge.gateId).toBe(r.gates[1].id);
    expect(r.gates[0].id).not.toBe(r.gates[1].id);
    expect(r.status).toBe('waiting');
    expect(r.meta.repos).toBe('omniclaude@5d6e7f8');
  });

  it('gives the same ids on a second index of the same folder', async () => {
    const a = (await runs(FIXTURES)).byTicket('OMN-2144');
    const b = (await runs(FIXTURES)).byTicket('OMN-2144');
    expect(b.id).toBe(a.id);
    expect(b.gates.map((g) => g.id)).toEqual(a.gates.map((g) => g.id));
    expect(b.stages.map((s) => s.id)).toEqual(a.stages.map((s) => s.id));
  });
});

describe('OmniClaude adapter with broken files', () => {
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => tmp?.cleanup());

  it('still draws the run when an attempt is not valid YAML, and the invalid attempt is visible', async () => {
    tmp = makeTempDir();
    const dir = `OMN-2144/${RUN_UUID}`;
    tmp.write(`${dir}/phase_1_implement_a1.yaml`, VALID_IMPLEMENT);
    tmp.write(`${dir}/phase_3_create_pr_a1.yaml`, 'phase: create_pr\npr_url: [unclosed\n');
    tmp.write(`${dir}/phase_2_local_review_a1.yaml`, VALID_IMPLEMENT.replace(/implement/g, 'local_review'));
    const { all } = await runs(tmp.dir);
    expect(all).toHaveLength(1);
    const r = all[0];
    expect(r.stages.map((s) => [s.name, s.status])).toEqual([
      ['implement', 'completed'],
      ['local_review', 'completed'],
      ['create_pr', 'unknown'],
    ]);
    expect(stage(r, 'create_pr').error).toMatch(/could not be read/);
    expect(stage(r, 'local_review').flags).toContain('invalid');
    expect(stage(r, 'local_review').error).toMatch(/pipeline's list skips/);
    expect(r.errors).toBeGreaterThan(1);
  });

  it('makes no run from a folder with only Greenlight sidecars or strays', async () => {
    tmp = makeTempDir();
    const dir = `OMN-1/${RUN_UUID}`;
    tmp.write(`${dir}/${SIDECAR_NAMES.omniclaude('ready_for_merge', 1)}`, '{"greenlight":"greenlight.decision/1"}');
    tmp.write(`${dir}/phase_notes.yaml`, 'a: 1\n');
    const { all, index } = await runs(tmp.dir);
    expect(all).toEqual([]);
    const problems = index.listProblems();
    expect(problems.map((p) => p.code)).toContain('oc.stray_phase_file');
    // The incomplete sidecar is reported field by field (decision, decidedBy, decidedAt, gate).
    expect(problems.filter((p) => p.file.rel.includes('greenlight-decision')).map((p) => p.field).sort()).toEqual(['/decidedAt', '/decidedBy', '/decision', '/gate']);
  });

  it('keeps a billion-laughs YAML out (the core caps aliases) without losing the run', async () => {
    tmp = makeTempDir();
    const dir = `OMN-2144/${RUN_UUID}`;
    tmp.write(`${dir}/phase_1_implement_a1.yaml`, VALID_IMPLEMENT);
    const lol = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    tmp.write(`${dir}/phase_2_local_review_a1.yaml`, lol.join('\n') + '\n');
    const { all, index } = await runs(tmp.dir);
    expect(all[0].stages.map((s) => s.name)).toEqual(['implement', 'local_review']);
    expect(index.listProblems().map((p) => p.code)).toContain('yaml.alias_limit');
  });
});
