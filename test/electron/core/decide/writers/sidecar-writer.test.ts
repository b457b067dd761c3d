// Twinklr, OmniClaude and CineCut: the decision goes into Greenlight's sidecar, the families'
// own files stay byte for byte as they were, and each adapter shows the gate decided.
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../../electron/core/decide/atomic-write';
import { RefusedError } from '../../../../../electron/core/decide/decision-writer';
import { sidecarWriter } from '../../../../../electron/core/decide/writers/sidecar-writer';
import { writerFor } from '../../../../../electron/core/decide/writers/writer-for-family';
import { decisionSidecarSchema, SIDECAR_TAG } from '../../../../../shared/decision-sidecar';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { checkpointV2, film, manifest } from '../../families/cinecut/cinecut-fixtures';
import { finalSuccess, iterEval, iterRaw, judge, jsonWriter } from '../../families/twinklr/twinklr-fixtures';
import { gateContext, indexed, NOW } from './decide-kit';

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});

/** Every file under dir with its bytes and mtime. */
function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const out = new Map<string, { bytes: string; mtimeMs: number }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p).split(path.sep).join('/'), { bytes: readFileSync(p).toString('base64'), mtimeMs: statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

function expectOnlyAdded(before: Map<string, unknown>, after: Map<string, unknown>, added: string[]) {
  for (const [rel, v] of before) expect(after.get(rel), rel).toEqual(v);
  expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual([...added].sort());
}

function readSidecar(abs: string) {
  return decisionSidecarSchema.parse(JSON.parse(readFileSync(abs, 'utf8')));
}

// ---- Twinklr -------------------------------------------------------------------------------

const PLANS = 'artifacts/need_a_favor/checkpoints/plans';
const RUN = 'a3f9b2c1';
/** Twinklr's readers: exact `<project>_<type>.json` names, and the iteration names. */
const TWINKLR_TYPES = ['raw', 'implementation', 'final', 'evaluation', 'sequence', 'audio'];
const TWINKLR_ITERATION = /^(.+?)_(?:([0-9a-f]{8})_)?iter(\d{2,})_(raw|evaluation)\.json$/;

function twinklrProject(runId: string | null = RUN) {
  tmp = makeTempDir('greenlight-tw-');
  const put = jsonWriter(tmp);
  const seg = runId ? `${runId}_` : '';
  put(`${PLANS}/need_a_favor_${seg}iter01_raw.json`, iterRaw(runId, 1), 10);
  put(`${PLANS}/need_a_favor_${seg}iter01_evaluation.json`, iterEval(runId, 1, judge('APPROVE', 8.2)), 20);
  put(`${PLANS}/need_a_favor_final.json`, finalSuccess(judge('APPROVE', 8.2), 1), 30);
  return tmp;
}
const twGate = (r: { family: string }) => r.family === 'twinklr';

describe('Twinklr sidecar', () => {
  it('approves in a sidecar beside _final.json, which stays untouched; the gate shows who, when and the note', async () => {
    const t = twinklrProject();
    const { ctx, gate } = await gateContext(t.dir, twGate);
    expect(gate).toMatchObject({ stageName: 'final', status: 'waiting' });
    const before = snapshot(t.dir);
    const result = await writerFor('twinklr').decide(ctx, { gateId: gate.id, decision: 'approve', note: 'Ship it', revision: gate.revision });

    const rel = `${PLANS}/need_a_favor_${RUN}_decision.greenlight.json`;
    expectOnlyAdded(before, snapshot(t.dir), [rel]);
    expect(readSidecar(path.join(t.dir, rel))).toEqual({
      greenlight: SIDECAR_TAG,
      gate: 'final',
      decision: 'approve',
      note: 'Ship it',
      decidedBy: 'ada',
      decidedAt: NOW.toISOString(),
      target: { rel: `${PLANS}/need_a_favor_final.json`, sha256: gate.revision },
    });
    expect(result).toMatchObject({ file: rel, before: null, writes: [{ target: rel, action: 'create' }] });

    // Invisible to Twinklr's own readers.
    const name = path.posix.basename(rel);
    for (const type of TWINKLR_TYPES) expect(name).not.toBe(`need_a_favor_${type}.json`);
    expect(/^(.+)_(raw|evaluation|final|implementation|audio|sequence)\.json$/.test(name)).toBe(false);
    expect(TWINKLR_ITERATION.test(name)).toBe(false);

    const { runs, index } = await indexed(t.dir);
    const g = runs.find((r) => r.family === 'twinklr')!.gates[0];
    expect(g).toMatchObject({ status: 'approved', decidedBy: 'ada', decidedAt: NOW.toISOString(), note: 'Ship it' });
    expect(index.waitingGates()).toEqual([]);
    expect(index.listProblems().filter((p) => p.file.rel === rel)).toEqual([]);
  });

  it('names the sidecar for the project alone when the run has no id, and records a rejection', async () => {
    const t = twinklrProject(null);
    const { ctx, gate } = await gateContext(t.dir, twGate);
    await writerFor('twinklr').decide(ctx, { gateId: gate.id, decision: 'reject', note: 'Too busy in the verses' });
    const rel = `${PLANS}/need_a_favor_decision.greenlight.json`;
    expect(readSidecar(path.join(t.dir, rel))).toMatchObject({ decision: 'reject', note: 'Too busy in the verses' });
    const g = (await indexed(t.dir)).runs.find((r) => r.family === 'twinklr')!.gates[0];
    expect(g).toMatchObject({ status: 'rejected', note: 'Too busy in the verses', decidedBy: 'ada' });
  });

  it('refuses a second decision, and writes nothing when _final.json changed since it was shown', async () => {
    const t = twinklrProject();
    const { ctx, gate } = await gateContext(t.dir, twGate);
    const put = jsonWriter(t);
    put(`${PLANS}/need_a_favor_final.json`, finalSuccess(judge('APPROVE', 9.1), 2), 40);
    const before = snapshot(t.dir);
    await expect(writerFor('twinklr').decide(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision })).rejects.toBeInstanceOf(ConflictError);
    expect(snapshot(t.dir)).toEqual(before);
    const preview = await writerFor('twinklr').preview(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision });
    expect(preview).toMatchObject({ allowed: false, reason: expect.stringMatching(/changed/) });

    const fresh = await gateContext(t.dir, twGate);
    await writerFor('twinklr').decide(fresh.ctx, { gateId: gate.id, decision: 'approve', revision: fresh.gate.revision });
    const err = await writerFor('twinklr').decide(fresh.ctx, { gateId: gate.id, decision: 'reject' }).catch((e) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(err.message).toMatch(/already decided.*approve.*ada/);
  });

  it('replaces a sidecar that holds no decision (corrupt), never one that does', async () => {
    const t = twinklrProject();
    const rel = `${PLANS}/need_a_favor_${RUN}_decision.greenlight.json`;
    t.write(rel, '{"greenlight": "greenlight.decision/1", "gat');
    const { ctx, gate } = await gateContext(t.dir, twGate);
    const p = await writerFor('twinklr').preview(ctx, { gateId: gate.id, decision: 'approve' });
    expect(p).toMatchObject({ allowed: true, writes: [{ target: rel, action: 'rewrite' }] });
    await writerFor('twinklr').decide(ctx, { gateId: gate.id, decision: 'approve' });
    expect(readSidecar(path.join(t.dir, rel)).decision).toBe('approve');
  });
});

// ---- OmniClaude ----------------------------------------------------------------------------

const OC_RUN = 'checkpoints/OMN-2144';

function omniClaudeRun() {
  tmp = makeTempDir('greenlight-oc-');
  cpSync(path.resolve(__dirname, '../../../../fixtures/omniclaude/checkpoints/OMN-2144'), path.join(tmp.dir, OC_RUN), { recursive: true });
  return tmp;
}

describe('OmniClaude sidecar', () => {
  it('records the merge decision per attempt beside the phase files, which stay untouched', async () => {
    const t = omniClaudeRun();
    const { ctx, gate, run } = await gateContext(t.dir, (r, g) => r.family === 'omniclaude' && g.status === 'waiting');
    expect(gate.rel).toMatch(/phase_5_ready_for_merge_a1\.yaml$/);
    const before = snapshot(t.dir);
    const result = await writerFor('omniclaude').decide(ctx, { gateId: gate.id, decision: 'reject', note: 'CI is flaky on this branch', revision: gate.revision });

    const rel = `${run.folder}/greenlight-decision_ready_for_merge_a1.json`;
    expectOnlyAdded(before, snapshot(t.dir), [rel]);
    expect(result.file).toBe(rel);
    expect(readSidecar(path.join(t.dir, rel))).toMatchObject({ gate: 'ready_for_merge_a1', decision: 'reject', note: 'CI is flaky on this branch', target: { rel: gate.rel, sha256: gate.revision } });
    // Neither the list glob phase_*.yaml nor the read glob phase_<N>_<name>_a[0-9]*.yaml matches it.
    const name = path.posix.basename(rel);
    expect(/^phase_.*\.yaml$/.test(name)).toBe(false);
    expect(/^phase_\d+_[a-z_]+_a[0-9].*\.yaml$/.test(name)).toBe(false);

    const { runs, index } = await indexed(t.dir);
    const g = runs.find((r) => r.family === 'omniclaude')!.gates.find((x) => x.id === gate.id)!;
    expect(g).toMatchObject({ status: 'rejected', note: 'CI is flaky on this branch', decidedBy: 'ada', decidedAt: NOW.toISOString() });
    expect(index.waitingGates()).toEqual([]);
    expect(index.listProblems().filter((p) => p.file.rel === rel)).toEqual([]);
  });

  it('an approval marks the gate approved; an auto-approval says so', async () => {
    const t = omniClaudeRun();
    const { ctx, gate, run } = await gateContext(t.dir, (r, g) => r.family === 'omniclaude' && g.status === 'waiting', { auto: true });
    await sidecarWriter('omniclaude').decide(ctx, { gateId: gate.id, decision: 'approve' });
    expect(readSidecar(path.join(t.dir, `${run.folder}/greenlight-decision_ready_for_merge_a1.json`))).toMatchObject({ decision: 'approve', auto: true });
    const g = (await indexed(t.dir)).runs.find((r) => r.family === 'omniclaude')!.gates.find((x) => x.id === gate.id)!;
    expect(g.status).toBe('auto_approved');
  });
});

// ---- CineCut -------------------------------------------------------------------------------

function cineCutRun() {
  tmp = makeTempDir('greenlight-cc-');
  const f = film(tmp);
  f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source), 10);
  f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 5);
  return { t: tmp, work: f.work };
}

describe('CineCut sidecar', () => {
  it('approves the conform in greenlight_review.json; pipeline_checkpoint.json and the manifest stay untouched', async () => {
    const { t, work } = cineCutRun();
    const { ctx, gate } = await gateContext(t.dir, (r) => r.family === 'cinecut');
    expect(gate).toMatchObject({ stageName: 'conform', status: 'waiting' });
    const before = snapshot(t.dir);
    await writerFor('cinecut').decide(ctx, { gateId: gate.id, decision: 'approve', note: 'Cut looks right', revision: gate.revision });
    const rel = `${work}/greenlight_review.json`;
    expectOnlyAdded(before, snapshot(t.dir), [rel]);
    expect(readSidecar(path.join(t.dir, rel))).toMatchObject({ gate: 'conform', decision: 'approve', target: { rel: gate.rel } });

    const { runs, index } = await indexed(t.dir);
    const run = runs.find((r) => r.family === 'cinecut')!;
    expect(run.gates[0]).toMatchObject({ status: 'approved', note: 'Cut looks right', decidedBy: 'ada', decidedAt: NOW.toISOString() });
    expect(index.waitingGates()).toEqual([]);
    expect(index.listProblems().filter((p) => p.file.rel === rel)).toEqual([]);
  });

  it('conflict when the manifest was edited since it was shown: no sidecar', async () => {
    const { t, work } = cineCutRun();
    const { ctx, gate } = await gateContext(t.dir, (r) => r.family === 'cinecut');
    t.write(`${work}/TRAILER_MANIFEST.json`, JSON.stringify(manifest(path.join(t.dir, 'films/film.mkv'), { vibe: 'drama' }), null, 2));
    await expect(writerFor('cinecut').decide(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision })).rejects.toBeInstanceOf(ConflictError);
    expect(existsSync(path.join(t.dir, work, 'greenlight_review.json'))).toBe(false);
  });

  it('refuses when the run is not of the family the writer is for', async () => {
    const { t } = cineCutRun();
    const { ctx, gate } = await gateContext(t.dir, (r) => r.family === 'cinecut');
    await expect(sidecarWriter('twinklr').decide(ctx, { gateId: gate.id, decision: 'approve' })).rejects.toBeInstanceOf(RefusedError);
  });
});
