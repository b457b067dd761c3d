import { describe, it, expect, afterEach } from 'vitest';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { indexDir } from '../../../../helpers/index-dir';
import { twinklrAdapter } from '../../../../../electron/core/families/twinklr';
import { SIDECAR_NAMES, SIDECAR_TAG } from '../../../../../shared/decision-sidecar';
import { runSchema } from '../../../../../shared/model';
import { BASE_TIME, finalIncomplete, finalSuccess, fixture, iterEval, iterRaw, judge, jsonWriter, plan } from './twinklr-fixtures';

const PLANS = 'artifacts/need_a_favor/checkpoints/plans';
const CK = 'artifacts/need_a_favor/checkpoints';
const RUN = 'a3f9b2c1';

let tmp: ReturnType<typeof makeTempDir>;
afterEach(() => tmp?.cleanup());

async function indexTmp() {
  const { index, root } = await indexDir(tmp.dir, [twinklrAdapter]);
  const runs = index.listRuns();
  for (const r of runs) runSchema.parse(r); // every run honours the shared model
  return { index, root, runs };
}

function problemsOf(index: Awaited<ReturnType<typeof indexDir>>['index'], relEnd: string) {
  return index.listProblems().filter((p) => p.file.rel.endsWith(relEnd));
}

describe('Twinklr runs', () => {
  it('builds a finished run: iterations in order, normalised scores, final stage and a waiting gate', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('HARD_FAIL', 3.5)), 20);
    put(`${PLANS}/need_a_favor_${RUN}_iter02_raw.json`, iterRaw(RUN, 2), 30);
    put(`${PLANS}/need_a_favor_${RUN}_iter02_evaluation.json`, iterEval(RUN, 2, fixture('judge-response-soft-fail.json')), 40);
    put(`${PLANS}/need_a_favor_${RUN}_iter03_raw.json`, iterRaw(RUN, 3, plan(3)), 50);
    put(`${PLANS}/need_a_favor_${RUN}_iter03_evaluation.json`, iterEval(RUN, 3, judge('APPROVE', 8.2), 3), 60);
    put(`${PLANS}/need_a_favor_raw.json`, plan(3), 50);
    put(`${PLANS}/need_a_favor_evaluation.json`, judge('APPROVE', 8.2), 60);
    put(`${PLANS}/need_a_favor_final.json`, finalSuccess(judge('APPROVE', 8.2), 3), 70);
    put(`${CK}/need_a_favor_audio.json`, { tempo_bpm: 120, duration_s: 180.0 }, 1);
    put(`${CK}/need_a_favor_sequence.json`, { schema_version: '1.1', xlights_version: '2025.13', duration_s: 197.4 }, 2);

    const { runs, index } = await indexTmp();
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run).toMatchObject({
      family: 'twinklr',
      project: 'need_a_favor',
      runId: RUN,
      folder: CK,
      status: 'completed',
      bestScore: 8.2,
      iterationCount: 3,
      pendingGates: 1,
      errors: 0,
      warnings: 0,
    });
    expect(run.iterations.map((i) => [i.n, i.score, i.decision, i.sections])).toEqual([
      [1, 3.5, 'HARD_FAIL', 2],
      [2, 6.4, 'SOFT_FAIL', 2],
      [3, 8.2, 'APPROVE', 3],
    ]);
    expect(run.iterations[1].review!.feedback).toContain('Differentiate verse_2');
    expect(run.stages.map((s) => [s.name, s.status])).toEqual([
      ['iteration 01', 'failed'],
      ['iteration 02', 'completed'],
      ['iteration 03', 'completed'],
      ['final', 'completed'],
    ]);
    expect(run.stages[1].flags).toContain('soft_fail');
    expect(run.stages[0].artifacts.map((a) => [a.name, a.source, a.pointer])).toEqual([
      ['plan (iteration 01)', 'inline', '/plan'],
      ['evaluation (iteration 01)', 'inline', '/evaluation'],
    ]);
    expect(run.meta).toMatchObject({ best_score: 8.2, iterations: 3, final_status: 'SUCCESS' });

    const gate = run.gates[0];
    expect(gate).toMatchObject({
      title: 'Accept final plan',
      status: 'waiting',
      stageName: 'final',
      stageId: run.stages[3].id,
      decisions: ['approve', 'reject'],
      since: new Date((BASE_TIME + 70) * 1000).toISOString(),
      runId: run.id,
    });
    expect(gate.unavailable.branch).toMatch(/no branch/);
    expect(gate.unavailable.edit).toMatch(/never writes/);
    expect(run.stages[3]).toMatchObject({ gateRequired: true, gateId: gate.id });
    expect(index.waitingGates().map((g) => g.id)).toEqual([gate.id]);

    const names = run.artifacts.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['audio features', 'sequence analysis', 'final plan', 'latest plan', 'latest evaluation']));
    const audio = run.artifacts.find((a) => a.name === 'audio features')!;
    expect(audio).toMatchObject({ source: 'file', kind: 'json', rel: `${CK}/need_a_favor_audio.json`, summary: '120 BPM · 180 s' });
    const latestRaw = run.artifacts.find((a) => a.name === 'latest plan')!;
    expect(latestRaw).toMatchObject({ source: 'inline', pointer: '' });
    expect(run.artifacts.find((a) => a.name === 'final plan')).toMatchObject({ source: 'inline', pointer: '/plan' });
    const runIds = run.artifacts.map((a) => a.id);
    const stageIds = run.stages.flatMap((s) => s.artifacts).map((a) => a.id);
    expect(new Set(runIds).size).toBe(runIds.length);
    expect(new Set(stageIds).size).toBe(stageIds.length);
    expect(run.artifacts.every((a) => a.id && a.fileId)).toBe(true);
    expect(run.files).toHaveLength(11);
  });

  it('gives stable ids across a re-index', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_final.json`, finalSuccess(judge('APPROVE', 8), 1), 20);
    const a = (await indexTmp()).runs[0];
    const b = (await indexTmp()).runs[0];
    expect(b.id).toBe(a.id);
    expect(b.gates[0].id).toBe(a.gates[0].id);
    expect(b.stages.map((s) => s.id)).toEqual(a.stages.map((s) => s.id));
  });

  it('allows gaps: a missing evaluation is a judge failure with no score and a warning', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('HARD_FAIL', 2)), 11);
    put(`${PLANS}/need_a_favor_${RUN}_iter02_raw.json`, iterRaw(RUN, 2), 20);
    // iteration 03 left no files at all; iteration 04 is complete
    put(`${PLANS}/need_a_favor_${RUN}_iter04_raw.json`, iterRaw(RUN, 4), 40);
    put(`${PLANS}/need_a_favor_${RUN}_iter04_evaluation.json`, iterEval(RUN, 4, judge('SOFT_FAIL', 6)), 41);

    const { runs, index } = await indexTmp();
    const run = runs[0];
    expect(run.iterations.map((i) => i.n)).toEqual([1, 2, 4]);
    expect(run.iterations[1].score).toBeUndefined();
    expect(run.iterations[1].planRel).toBe(`${PLANS}/need_a_favor_${RUN}_iter02_raw.json`);
    expect(run.stages[1]).toMatchObject({ name: 'iteration 02', status: 'failed', flags: ['judge_failed'] });
    expect(run.status).toBe('running');
    expect(run.gates).toEqual([]);
    const warn = problemsOf(index, 'iter02_raw.json');
    expect(warn).toEqual([expect.objectContaining({ severity: 'warning', code: 'tw.assembly.judge_failed', runId: run.id })]);
    expect(run.warnings).toBe(1);
  });

  it('treats the newest iteration without an evaluation as still being judged', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('SOFT_FAIL', 5.5)), 11);
    put(`${PLANS}/need_a_favor_${RUN}_iter02_raw.json`, iterRaw(RUN, 2), 20);
    const { runs, index } = await indexTmp();
    expect(runs[0].stages.map((s) => s.status)).toEqual(['completed', 'in_progress']);
    expect(runs[0].currentStage).toBe('iteration 02');
    expect(index.listProblems()).toEqual([]);
  });

  it('warns about an evaluation whose plan file is missing', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('SOFT_FAIL', 5.5)), 11);
    const { index } = await indexTmp();
    expect(problemsOf(index, 'iter01_evaluation.json')).toEqual([expect.objectContaining({ code: 'tw.assembly.plan_missing' })]);
  });

  it('sorts 3-digit iterations numerically', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    for (const n of [99, 100, 101]) {
      put(`${PLANS}/need_a_favor_${RUN}_iter${n}_raw.json`, iterRaw(RUN, n), n);
      put(`${PLANS}/need_a_favor_${RUN}_iter${n}_evaluation.json`, iterEval(RUN, n, judge('SOFT_FAIL', 6)), n);
    }
    const { runs } = await indexTmp();
    expect(runs[0].iterations.map((i) => i.n)).toEqual([99, 100, 101]);
    expect(runs[0].stages.map((s) => s.name)).toEqual(['iteration 99', 'iteration 100', 'iteration 101']);
  });

  it('groups runs by run id; project-level files go to the run written to last', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    const OLD = '0badc0de';
    put(`${PLANS}/need_a_favor_${OLD}_iter01_raw.json`, iterRaw(OLD, 1), 10);
    put(`${PLANS}/need_a_favor_${OLD}_iter01_evaluation.json`, iterEval(OLD, 1, judge('SOFT_FAIL', 6)), 11);
    put(`${PLANS}/need_a_favor_iter01_raw.json`, iterRaw(null, 1), 20);
    put(`${PLANS}/need_a_favor_iter01_evaluation.json`, iterEval(null, 1, judge('HARD_FAIL', 4)), 21);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 30);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('APPROVE', 9)), 31);
    put(`${PLANS}/need_a_favor_final.json`, finalSuccess(judge('APPROVE', 9), 1), 40);
    put(`${CK}/need_a_favor_audio.json`, { tempo_bpm: 96 }, 1);

    const { runs, index } = await indexTmp();
    expect(runs).toHaveLength(3);
    const byId = new Map(runs.map((r) => [r.runId ?? '-', r]));
    const newest = byId.get(RUN)!;
    expect(newest.status).toBe('completed');
    expect(newest.gates).toHaveLength(1);
    expect(newest.artifacts.map((a) => a.name)).toContain('audio features');
    for (const key of [OLD, '-']) {
      const r = byId.get(key)!;
      expect(r.status).toBe('incomplete');
      expect(r.meta.superseded).toBe(true);
      expect(r.gates).toEqual([]);
      expect(r.artifacts).toEqual([]);
    }
    expect(byId.get('-')!.title).toBe('need_a_favor');
    expect(byId.get('-')!.runId).toBeUndefined();
    expect(new Set(runs.map((r) => r.id)).size).toBe(3);
    expect(index.listProblems()).toEqual([]);
  });

  it('marks an INCOMPLETE final: run incomplete, final stage flagged with best score and reason', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('SOFT_FAIL', 6.5)), 11);
    put(`${PLANS}/need_a_favor_${RUN}_iter02_raw.json`, iterRaw(RUN, 2), 20);
    put(`${PLANS}/need_a_favor_${RUN}_iter02_evaluation.json`, iterEval(RUN, 2, judge('SOFT_FAIL', 5.9)), 21);
    put(`${PLANS}/need_a_favor_final.json`, finalIncomplete(6.5, 2), 30);
    const { runs } = await indexTmp();
    const run = runs[0];
    expect(run.status).toBe('incomplete');
    const final = run.stages.find((s) => s.name === 'final')!;
    expect(final).toMatchObject({ status: 'completed', flags: ['incomplete'], error: 'Max iterations reached without approval' });
    expect(final.details).toMatchObject({ status: 'INCOMPLETE', best_score: 6.5, reason: 'Max iterations reached without approval', iterations: 2 });
    expect(run.bestScore).toBe(6.5);
    expect(run.meta).toMatchObject({ final_status: 'INCOMPLETE', reason: 'Max iterations reached without approval' });
    expect(run.gates[0].status).toBe('waiting');
  });

  it('shows a decided gate from the Greenlight sidecar, which is never read as a Twinklr file', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('APPROVE', 7.5)), 11);
    put(`${PLANS}/need_a_favor_final.json`, finalSuccess(judge('APPROVE', 7.5), 1), 20);
    const sidecar = {
      greenlight: SIDECAR_TAG,
      gate: 'final',
      decision: 'reject',
      note: 'Chorus still too busy',
      decidedBy: 'ana',
      decidedAt: '2026-01-28T10:00:00.000Z',
      target: { rel: `${PLANS}/need_a_favor_final.json`, sha256: 'ab'.repeat(32) },
    };
    put(`${PLANS}/${SIDECAR_NAMES.twinklr('need_a_favor', RUN)}`, sidecar, 30);
    expect(twinklrAdapter.classify(`${PLANS}/${SIDECAR_NAMES.twinklr('need_a_favor', RUN)}`)!.role).toBe('decision');

    const { runs, index } = await indexTmp();
    expect(runs).toHaveLength(1);
    const gate = runs[0].gates[0];
    expect(gate).toMatchObject({ status: 'rejected', decidedBy: 'ana', decidedAt: '2026-01-28T10:00:00.000Z', note: 'Chorus still too busy' });
    expect(runs[0].pendingGates).toBe(0);
    expect(runs[0].files.map((f) => f.rel)).toContain(`${PLANS}/need_a_favor_${RUN}_decision.greenlight.json`);
    expect(index.listProblems()).toEqual([]);
  });

  it('takes a project-level sidecar (no run id) and reports one that decides nothing', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    const side = (decision: string) => ({ greenlight: SIDECAR_TAG, gate: 'final', decision, decidedBy: 'bo', decidedAt: '2026-01-29T09:00:00Z' });
    put(`${PLANS}/need_a_favor_iter01_raw.json`, iterRaw(null, 1), 10);
    put(`${PLANS}/need_a_favor_final.json`, finalSuccess(judge('APPROVE', 8), 1), 20);
    put(`${PLANS}/${SIDECAR_NAMES.twinklr('need_a_favor')}`, side('approve'), 30);
    put(`${PLANS}/${SIDECAR_NAMES.twinklr('need_a_favor', 'ffffffff')}`, side('reject'), 31);
    const { runs, index } = await indexTmp();
    expect(runs[0].gates[0]).toMatchObject({ status: 'approved', decidedBy: 'bo' });
    const orphan = problemsOf(index, 'need_a_favor_ffffffff_decision.greenlight.json');
    expect(orphan).toEqual([expect.objectContaining({ code: 'tw.assembly.orphan_decision', severity: 'warning' })]);
  });

  it('does not pile up assembly problems when the group is re-assembled', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter02_raw.json`, iterRaw(RUN, 2), 20);
    const { index, root } = await indexDir(tmp.dir, [twinklrAdapter]);
    expect(index.listProblems()).toHaveLength(1);
    for (let i = 0; i < 3; i++) await index.upsertFile(root.id, `${tmp.dir}/${PLANS}/need_a_favor_${RUN}_iter02_raw.json`);
    expect(index.listProblems()).toHaveLength(1);
    // the judge's evaluation arrives: the warning clears
    const abs = put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('SOFT_FAIL', 6)), 15);
    await index.upsertFile(root.id, abs);
    expect(index.listProblems()).toEqual([]);
  });

  it('flags a decision that disagrees with its score on the iteration file', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, iterEval(RUN, 1, judge('APPROVE', 6.2)), 11);
    const { runs, index } = await indexTmp();
    expect(runs[0].iterations[0]).toMatchObject({ score: 6.2, decision: 'APPROVE' });
    expect(problemsOf(index, 'iter01_evaluation.json')).toEqual([
      expect.objectContaining({ field: '/evaluation/decision', code: 'tw.decision_score_mismatch', severity: 'warning' }),
    ]);
  });

  it('reads the old era (no iteration files): one synthesised iteration normalised from 0–100', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    const oldEval = fixture('old-era-evaluation.json');
    const oldPlan = { sections: [{ name: 'intro', start_bar: 1, end_bar: 16, templates: ['gentle_sweep'] }], overall_strategy: 'Four-scene colour story' };
    put(`${PLANS}/need_a_favor_raw.json`, oldPlan, 10);
    put(`${PLANS}/need_a_favor_implementation.json`, { sections: [{ name: 'intro__gentle_sweep_ALL' }, { name: 'verse' }] }, 11);
    put(`${PLANS}/need_a_favor_evaluation.json`, oldEval, 12);
    put(`${PLANS}/need_a_favor_final.json`, { status: 'SUCCESS', plan: oldPlan, implementation: { sections: [] }, evaluation: oldEval, iterations: 1, tokens_used: 85294, execution_time_s: 237.9 }, 13);
    const { runs, index } = await indexTmp();
    expect(index.listProblems()).toEqual([]);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run.runId).toBeUndefined();
    expect(run.iterations).toEqual([
      expect.objectContaining({ n: 1, score: 8.25, rawScore: 82.5, scale: 100, decision: 'PASS', sections: 1, evaluationRel: `${PLANS}/need_a_favor_evaluation.json` }),
    ]);
    expect(run.stages.map((s) => [s.name, s.status])).toEqual([
      ['iteration 01', 'completed'],
      ['final', 'completed'],
    ]);
    expect(run.stages[0].flags).toContain('synthesised');
    expect(run.meta).toMatchObject({ total_tokens: 85294, duration_s: 237.9 });
    expect(run.artifacts.map((a) => a.name)).toEqual(expect.arrayContaining(['implementation (old era)', 'final implementation']));
    expect(run.status).toBe('completed');
  });

  it('reads the unset None project with a warning', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put('None/checkpoints/None_audio.json', { tempo_bpm: 120, duration_s: 180.0 }, 1);
    const { runs, index } = await indexTmp();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ project: 'None', status: 'running', folder: 'None/checkpoints', meta: expect.objectContaining({ project_unset: true }) });
    expect(index.listProblems()).toEqual([expect.objectContaining({ code: 'tw.project_unset', severity: 'warning' })]);
  });

  it('keeps showing a run when a file is half-written, and reports it', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, iterRaw(RUN, 1), 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, '{"run_id": "a3f9b2c1", "iteration": 1, "evalu', 11);
    const { runs, index } = await indexTmp();
    expect(runs[0].stages[0].status).toBe('unknown');
    expect(runs[0].errors).toBe(1);
    expect(problemsOf(index, 'iter01_evaluation.json')[0]).toMatchObject({ code: 'json.truncated' });
  });

  it('reports wrapper problems: wrong types, name/content disagreement', async () => {
    tmp = makeTempDir();
    const put = jsonWriter(tmp);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_raw.json`, { run_id: 'ffffffff', iteration: 2, checkpoint_type: 'evaluation', plan: 'nope' }, 10);
    put(`${PLANS}/need_a_favor_${RUN}_iter01_evaluation.json`, [1, 2, 3], 11);
    const { index, runs } = await indexTmp();
    const raw = problemsOf(index, 'iter01_raw.json').map((p) => [p.field, p.code]);
    expect(raw).toEqual(
      expect.arrayContaining([
        ['/checkpoint_type', 'schema.invalid_value'],
        ['/iteration', 'tw.iteration_mismatch'],
        ['/run_id', 'tw.run_id_mismatch'],
        ['/plan', 'tw.plan_not_object'],
      ]),
    );
    expect(problemsOf(index, 'iter01_evaluation.json')[0]).toMatchObject({ code: 'tw.not_object', field: '' });
    expect(runs[0].iterations[0].n).toBe(1);
  });
});
