import { describe, it, expect, afterEach } from 'vitest';
import { utimesSync } from 'node:fs';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { indexDir } from '../../../../helpers/index-dir';
import { cineCutAdapter } from '../../../../../electron/core/families/cinecut';
import { SIDECAR_TAG } from '../../../../../shared/decision-sidecar';
import { runSchema, type Run } from '../../../../../shared/model';
import { BASE_TIME, checkpointV1, checkpointV2, film, manifest, STAGES_DONE } from './cinecut-fixtures';

let tmp: ReturnType<typeof makeTempDir>;
afterEach(() => tmp?.cleanup());

async function indexTmp() {
  const { index, root } = await indexDir(tmp.dir, [cineCutAdapter]);
  const runs = index.listRuns();
  for (const r of runs) runSchema.parse(r);
  return { index, root, runs };
}

function problems(index: Awaited<ReturnType<typeof indexDir>>['index'], relEnd: string) {
  return index.listProblems().filter((p) => p.file.rel.endsWith(relEnd));
}

const statuses = (run: Run) => Object.fromEntries(run.stages.map((s) => [s.name, s.status]));

describe('CineCut runs', () => {
  it('builds a finished run: stages in order, inference from its flag, conform from the trailer file', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    f.put(`${f.work}/ASSEMBLY_MANIFEST.json`, { clips: [{}, {}, {}], title_card: 'title_card.mp4' }, 95);
    f.put(`${f.work}/film_proxy.mp4`, 'proxy', 10);
    f.put(`${f.work}/title_card.mp4`, 'card', 95);
    for (let i = 0; i < 20; i++) f.put(`${f.work}/keyframes/frame_${String(i).padStart(4, '0')}.jpg`, 'jpg', 20);
    f.put(`${f.work}/keyframes/notes.txt`, 'not an image', 20);
    f.put('films/film_trailer_thriller.mp4', 'trailer', 200);

    const { runs, index } = await indexTmp();
    expect(index.listProblems()).toEqual([]);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run).toMatchObject({ family: 'cinecut', title: 'film · thriller', project: 'film', folder: f.work, status: 'completed', pendingGates: 0, stageCount: 9 });
    expect(run.stages.map((s) => s.name)).toEqual(['proxy', 'subtitles', 'keyframes', 'inference', 'structural', 'narrative', 'assembly', 'music', 'conform']);
    expect(run.stages.every((s) => s.status === 'completed')).toBe(true);
    expect(run.gates).toEqual([]);
    expect(run.meta).toMatchObject({
      vibe: 'thriller',
      source: 'film.mkv',
      keyframe_count: 412,
      dialogue_event_count: 980,
      proxy_duration_s: 6123.4,
      structural_anchors_source: 'llm',
      cache_hit: false,
      checkpoint_fields: 12,
      clips: 3,
    });
    const byName = (n: string) => run.artifacts.find((a) => a.name === n)!;
    expect(byName('TRAILER_MANIFEST.json')).toMatchObject({ source: 'file', kind: 'json', editable: true, rel: `${f.work}/TRAILER_MANIFEST.json`, summary: expect.stringContaining('3 clips') });
    expect(byName('ASSEMBLY_MANIFEST.json')).toMatchObject({ source: 'file', summary: '3 clips' });
    expect(byName('proxy video')).toMatchObject({ source: 'file', kind: 'video', rel: `${f.work}/film_proxy.mp4` });
    expect(byName('trailer')).toMatchObject({ source: 'file', kind: 'video', rel: 'films/film_trailer_thriller.mp4', role: 'canonical' });
    expect(byName('title_card.mp4')).toMatchObject({ kind: 'video' });
    const keyframes = run.artifacts.filter((a) => a.name.startsWith('keyframe '));
    expect(keyframes).toHaveLength(12);
    expect(keyframes.every((k) => k.kind === 'image')).toBe(true);
    const kfStage = run.stages.find((s) => s.name === 'keyframes')!;
    expect(kfStage.details).toMatchObject({ keyframe_count: 412, keyframe_images: 20, keyframes_shown: 12 });
    expect(kfStage.artifacts).toHaveLength(12);
    expect(run.stages.find((s) => s.name === 'structural')!.details).toMatchObject({ structural_anchors: { source: 'llm', climax_t: 2714 } });
    const ids = run.artifacts.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.files.map((x) => x.rel).sort()).toEqual(
      [`${f.work}/ASSEMBLY_MANIFEST.json`, `${f.work}/TRAILER_MANIFEST.json`, `${f.work}/pipeline_checkpoint.json`, 'films/film_trailer_thriller.mp4'].sort(),
    );
  });

  it('reads the first 9-field checkpoint without complaint', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV1(f.source), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    f.put(`${f.work}/ASSEMBLY_MANIFEST.json`, { clips: [] }, 95);
    const { runs, index } = await indexTmp();
    expect(index.listProblems()).toEqual([]);
    expect(runs[0].meta.checkpoint_fields).toBe(9);
    expect(runs[0].meta.cache_hit).toBeUndefined();
    expect(statuses(runs[0])).toMatchObject({ structural: 'pending', narrative: 'completed', assembly: 'completed', music: 'pending', inference: 'completed' });
  });

  it('waits at the --review gate once assembly is done and no trailer exists', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    f.put(`${f.work}/ASSEMBLY_MANIFEST.json`, { clips: [] }, 95);
    const { runs, index } = await indexTmp();
    const run = runs[0];
    expect(run.status).toBe('waiting');
    expect(run.pendingGates).toBe(1);
    const gate = run.gates[0];
    expect(gate).toMatchObject({
      family: 'cinecut',
      stageName: 'conform',
      status: 'waiting',
      decisions: ['approve', 'reject', 'edit'],
      question: 'Proceed with FFmpeg conform?',
      since: new Date((BASE_TIME + 100) * 1000).toISOString(),
      rel: `${f.work}/TRAILER_MANIFEST.json`,
      runId: run.id,
    });
    expect(gate.unavailable.branch).toMatch(/single pipeline_checkpoint\.json/);
    const conform = run.stages.find((s) => s.name === 'conform')!;
    expect(conform).toMatchObject({ status: 'awaiting_human', gateRequired: true, gateId: gate.id, id: gate.stageId });
    expect(run.currentStage).toBe('conform');
    expect(index.waitingGates()).toHaveLength(1);
  });

  it('closes the gate when the trailer appears, and ignores a trailer from an earlier run', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    f.put('films/film_trailer_thriller.mp4', 'old trailer', 50); // older than the checkpoint
    f.put('films/film_trailer_action.mp4', 'another vibe', 150); // not this run's vibe
    const { index, root } = await indexDir(tmp.dir, [cineCutAdapter]);
    let run = index.listRuns()[0];
    expect(run.status).toBe('waiting');
    expect(run.artifacts.find((a) => a.rel === 'films/film_trailer_thriller.mp4')).toMatchObject({ name: 'trailer (earlier run): film_trailer_thriller.mp4', metadata: { outdated: true } });

    const abs = `${tmp.dir}/films/film_trailer_thriller.mp4`;
    utimesSync(abs, BASE_TIME + 300, BASE_TIME + 300);
    await index.upsertFile(root.id, abs);
    run = index.listRuns()[0];
    expect(run.status).toBe('completed');
    expect(run.gates).toEqual([]);
    expect(statuses(run).conform).toBe('completed');
  });

  it('does not wait before assembly is complete', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(
      `${f.work}/pipeline_checkpoint.json`,
      checkpointV2(f.source, { stages_complete: ['proxy', 'subtitles', 'keyframes'], inference_complete: null, cache_hit: null, manifest_path: null, assembly_manifest_path: null, structural_anchors: null }),
      100,
    );
    f.put(`${f.work}/film_proxy.mp4`, 'proxy', 10);
    const { runs, index } = await indexTmp();
    expect(index.listProblems()).toEqual([]);
    expect(runs[0].status).toBe('running');
    expect(runs[0].gates).toEqual([]);
    expect(runs[0].currentStage).toBe('inference');
    expect(statuses(runs[0])).toMatchObject({ keyframes: 'completed', inference: 'pending', structural: 'pending', conform: 'pending' });
  });

  it('tracks inference by inference_complete only, and warns about an "inference" entry', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source, { stages_complete: ['proxy', 'subtitles', 'keyframes', 'inference'], inference_complete: null, manifest_path: null, assembly_manifest_path: null }), 100);
    const { runs, index } = await indexTmp();
    expect(statuses(runs[0]).inference).toBe('pending');
    expect(problems(index, 'pipeline_checkpoint.json')).toEqual([expect.objectContaining({ field: '/stages_complete/3', code: 'cc.inference_in_stages', severity: 'warning' })]);
  });

  it('marks a cache hit on the inference stage', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source, { cache_hit: true }), 100);
    const { runs } = await indexTmp();
    const inf = runs[0].stages.find((s) => s.name === 'inference')!;
    expect(inf).toMatchObject({ status: 'completed', flags: ['cache_hit'], details: { inference_complete: true, cache_hit: true } });
  });

  it('reports an unknown key as an error: the real loader would restart the run', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source, { approved: true }), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    const { runs, index } = await indexTmp();
    const p = problems(index, 'pipeline_checkpoint.json');
    expect(p).toEqual([expect.objectContaining({ field: '/approved', code: 'cc.unknown_key', severity: 'error', message: expect.stringMatching(/silently restart/) })]);
    expect(runs[0].errors).toBe(1);
    expect(runs[0].stages.length).toBe(9); // still shown
  });

  it('reports a missing required key and wrong types', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    const { vibe, ...noVibe } = checkpointV2(f.source, { keyframe_count: 'many', stages_complete: ['proxy', 7] });
    void vibe;
    f.put(`${f.work}/pipeline_checkpoint.json`, noVibe, 100);
    const { runs, index } = await indexTmp();
    const p = problems(index, 'pipeline_checkpoint.json').map((x) => [x.field, x.code]);
    expect(p).toEqual(expect.arrayContaining([['/vibe', 'cc.missing_key'], ['/keyframe_count', 'schema.invalid_type'], ['/stages_complete/1', 'schema.invalid_type']]));
    expect(runs[0].title).toBe('film');
  });

  it('warns about unknown and duplicate stage names', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source, { stages_complete: ['proxy', 'subtitles', 'proxy', 'colour_grade', ...STAGES_DONE.slice(2), 'conform'] }), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    const { index } = await indexTmp();
    const p = problems(index, 'pipeline_checkpoint.json').map((x) => [x.field, x.code]);
    expect(p).toEqual([
      ['/stages_complete/2', 'cc.duplicate_stage'],
      ['/stages_complete/3', 'cc.unknown_stage'],
      ['/stages_complete/9', 'cc.conform_in_stages'],
    ]);
  });

  it('flags a checkpoint whose source_file is missing as stale, with no waiting gate', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    const gone = `${tmp.dir}/films/moved-away.mkv`;
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(gone), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(gone), 90);
    const { runs, index } = await indexTmp();
    const run = runs[0];
    expect(run.status).toBe('stale');
    expect(run.gates).toEqual([]);
    expect(run.stages.find((s) => s.name === 'assembly')!.flags).toContain('stale');
    const p = problems(index, 'pipeline_checkpoint.json');
    expect(p).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: '/source_file', code: 'cc.source_missing', severity: 'warning', message: expect.stringContaining('source file missing: the pipeline would start fresh') }),
        expect.objectContaining({ field: '/source_file', code: 'cc.work_dir_mismatch' }),
      ]),
    );
  });

  it('shows the cascade after an inference cache miss: narrative and assembly reset, music kept', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(
      `${f.work}/pipeline_checkpoint.json`,
      checkpointV2(f.source, {
        stages_complete: ['proxy', 'subtitles', 'keyframes', 'structural', 'music'],
        cache_hit: false,
        manifest_path: null,
        assembly_manifest_path: null,
      }),
      100,
    );
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 50); // left from the previous run
    const { runs, index } = await indexTmp();
    const run = runs[0];
    const st = Object.fromEntries(run.stages.map((s) => [s.name, s]));
    expect(st.narrative).toMatchObject({ status: 'pending', flags: ['reset_by_cache_miss'] });
    expect(st.assembly).toMatchObject({ status: 'pending', flags: ['reset_by_cache_miss'] });
    expect(st.music).toMatchObject({ status: 'completed', flags: ['kept_after_cache_miss'] });
    expect(run.gates).toEqual([]);
    expect(run.status).toBe('running');
    expect(run.currentStage).toBe('narrative');
    expect(run.artifacts.find((a) => a.name === 'TRAILER_MANIFEST.json')!.metadata).toEqual({ linked: false });
    expect(problems(index, 'TRAILER_MANIFEST.json')).toEqual([expect.objectContaining({ code: 'cc.assembly.unlinked_manifest', severity: 'warning' })]);
  });

  it('validates TRAILER_MANIFEST.json with pointers and checks it against the checkpoint', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source), 100);
    const m = manifest('/elsewhere/other.mkv', { vibe: 'comedy' });
    m.clips[1].beat_type = 'plot_twist';
    m.clips[2].source_end_s = 1;
    f.put(`${f.work}/TRAILER_MANIFEST.json`, m, 90);
    const { runs, index } = await indexTmp();
    const p = problems(index, 'TRAILER_MANIFEST.json').map((x) => [x.field, x.code, x.severity]);
    expect(p).toEqual(
      expect.arrayContaining([
        ['/clips/1/beat_type', 'schema.invalid_value', 'error'],
        ['/clips/2/source_end_s', 'schema.custom', 'error'],
        ['/source_file', 'cc.assembly.manifest_source_mismatch', 'warning'],
        ['/vibe', 'cc.assembly.manifest_vibe_mismatch', 'warning'],
      ]),
    );
    expect(runs[0].errors).toBe(2);
  });

  it('links a missing manifest as missing, and does not follow paths outside the work dir', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source, { assembly_manifest_path: '/tmp/elsewhere/ASSEMBLY_MANIFEST.json' }), 100);
    const { runs, index } = await indexTmp();
    expect(runs[0].artifacts.find((a) => a.name === 'TRAILER_MANIFEST.json')).toMatchObject({ source: 'missing', rel: `${f.work}/TRAILER_MANIFEST.json` });
    expect(runs[0].artifacts.find((a) => a.name === 'ASSEMBLY_MANIFEST.json')).toBeUndefined();
    const p = problems(index, 'pipeline_checkpoint.json').map((x) => [x.field, x.code]);
    expect(p).toEqual(
      expect.arrayContaining([
        ['/manifest_path', 'cc.assembly.manifest_missing'],
        ['/assembly_manifest_path', 'cc.assembly.path_outside_work_dir'],
      ]),
    );
    expect(runs[0].artifacts.find((a) => a.name === 'proxy video')).toMatchObject({ source: 'missing' });
  });

  it("accepts the README's <stem>_work folder with a warning", async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put('films/film_work/pipeline_checkpoint.json', checkpointV2(f.source, { stages_complete: ['proxy'], manifest_path: null, assembly_manifest_path: null, proxy_path: null }), 100);
    const { runs, index } = await indexTmp();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ folder: 'films/film_work', project: 'film', meta: expect.objectContaining({ work_dir_convention: 'readme' }) });
    expect(problems(index, 'pipeline_checkpoint.json').map((p) => p.code)).toContain('cc.work_dir_name');
  });

  it('shows a decided gate from greenlight_review.json', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source), 100);
    const manifestAbs = f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    void manifestAbs;
    f.put(`${f.work}/greenlight_review.json`, { greenlight: SIDECAR_TAG, gate: 'conform', decision: 'approve', note: 'Cut is good', decidedBy: 'mia', decidedAt: '2026-02-27T18:00:00Z' }, 110);
    const { runs, index } = await indexTmp();
    const run = runs[0];
    expect(run.gates[0]).toMatchObject({ status: 'approved', decidedBy: 'mia', decidedAt: '2026-02-27T18:00:00Z', note: 'Cut is good' });
    expect(run.pendingGates).toBe(0);
    expect(run.status).toBe('running'); // approved; the operator still answers CineCut's prompt
    expect(run.stages.find((s) => s.name === 'conform')!.status).toBe('pending');
    expect(index.listProblems()).toEqual([]);
  });

  it('shows a rejected decision and warns when the manifest changed after it', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    f.put(`${f.work}/greenlight_review.json`, {
      greenlight: SIDECAR_TAG,
      gate: 'conform',
      decision: 'reject',
      decidedBy: 'mia',
      decidedAt: '2026-02-27T18:00:00Z',
      target: { rel: `${f.work}/TRAILER_MANIFEST.json`, sha256: '0'.repeat(64) },
    }, 110);
    const { runs, index } = await indexTmp();
    expect(runs[0].gates[0].status).toBe('rejected');
    expect(runs[0].status).toBe('incomplete');
    expect(problems(index, 'greenlight_review.json')).toEqual([expect.objectContaining({ code: 'cc.assembly.decision_target_changed', field: '/target/sha256' })]);
  });

  it('keeps a run for a half-written or corrupt checkpoint', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/pipeline_checkpoint.json`, '{"source_file": "/films/film.mkv", "vibe": "thr', 100);
    const { runs, index } = await indexTmp();
    expect(runs[0]).toMatchObject({ status: 'unknown', title: 'film', errors: 1 });
    expect(problems(index, 'pipeline_checkpoint.json')[0].code).toBe('json.truncated');
  });

  it('yields no run for a work dir without a checkpoint', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    const { runs } = await indexTmp();
    expect(runs).toEqual([]);
  });

  it('does not pile up assembly problems on re-assembly', async () => {
    tmp = makeTempDir();
    const f = film(tmp);
    const ck = f.put(`${f.work}/pipeline_checkpoint.json`, checkpointV2(f.source, { manifest_path: null }), 100);
    f.put(`${f.work}/TRAILER_MANIFEST.json`, manifest(f.source), 90);
    const { index, root } = await indexDir(tmp.dir, [cineCutAdapter]);
    const n = index.listProblems().length;
    for (let i = 0; i < 3; i++) await index.upsertFile(root.id, ck);
    expect(index.listProblems().length).toBe(n);
  });
});
