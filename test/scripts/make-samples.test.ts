// The sample workspace generator: run it into a temp dir with a fixed clock and check the layout
// each family's real writer would produce. Deliberately independent of the adapters (they read these
// files; this test only checks the files are what FORMATS.md says).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createHash } from 'node:crypto';
import { decisionSidecarSchema, SIDECAR_TAG } from '../../shared/decision-sidecar';
import { makeTempDir } from '../helpers/temp-dir';

const SCRIPT = path.resolve(__dirname, '../../scripts/make-samples.mjs');
const NOW = '2026-03-01T12:00:00.000Z';
const NOW_MS = Date.parse(NOW);

const tmp = makeTempDir('greenlight-samples-');
const ws = path.join(tmp.dir, 'ws');

function generate(out: string, now = NOW) {
  execFileSync(process.execPath, [SCRIPT, '--out', out, '--now', now], { stdio: 'pipe' });
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    return e.isDirectory() ? walk(abs) : [abs];
  });
}

const rel = (abs: string, base = ws) => path.relative(base, abs).split(path.sep).join('/');
const files = () => walk(ws).map((f) => rel(f));
const read = (r: string) => fs.readFileSync(path.join(ws, r), 'utf8');
const json = (r: string): any => JSON.parse(read(r));
const exists = (r: string) => fs.existsSync(path.join(ws, r));

beforeAll(() => generate(ws));
afterAll(() => tmp.cleanup());

describe('make-samples: workspace as a whole', () => {
  it('writes a README and every family folder, under ~3 MB', () => {
    expect(read('README.md')).toMatch(/^# Greenlight sample workspace/);
    for (const dir of ['openmontage', 'twinklr', 'omniclaude', 'aivideo', 'cinecut']) expect(exists(dir)).toBe(true);
    const total = walk(ws).reduce((n, f) => n + fs.statSync(f).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('is deterministic for a fixed --now, apart from the absolute paths CineCut records', () => {
    const ws2 = path.join(tmp.dir, 'ws2');
    generate(ws2);
    const a = files().sort();
    const b = walk(ws2).map((f) => rel(f, ws2)).sort();
    expect(b).toEqual(a);
    for (const r of a) {
      const x = fs.readFileSync(path.join(ws, r));
      const y = fs.readFileSync(path.join(ws2, r));
      if (r.endsWith('.json')) expect(y.toString('utf8').split(ws2).join(ws), r).toBe(x.toString('utf8'));
      else expect(y.equals(x), r).toBe(true);
    }
  });

  it('puts every timestamp in the past relative to --now and sets file mtimes to match', () => {
    const stamp = /"(?:timestamp|created_at|approved_at)": "([^"]+)"|timestamp_utc: '([^']+)'/g;
    for (const r of files().filter((f) => /\.(json|yaml)$/.test(f) && !f.includes('broken'))) {
      for (const m of read(r).matchAll(stamp)) {
        const t = Date.parse(m[1] ?? m[2]);
        expect(t, `${r}: ${m[0]}`).toBeLessThanOrEqual(NOW_MS);
        expect(t, `${r}: ${m[0]}`).toBeGreaterThan(NOW_MS - 40 * 86_400_000);
      }
    }
    const compose = 'openmontage/projects/tides-explainer/checkpoint_compose.json';
    const mtime = fs.statSync(path.join(ws, compose)).mtimeMs;
    expect(Math.abs(mtime - Date.parse(json(compose).timestamp))).toBeLessThan(1000);
  });

  it('records the already-decided gates as valid Greenlight decision sidecars for the current files', () => {
    const sidecars = files().filter((f) => /(greenlight-decision_.+|_decision\.greenlight)\.json$/.test(f));
    expect(sidecars.length).toBe(2);
    for (const r of sidecars) {
      const d = decisionSidecarSchema.parse(json(r));
      expect(d.greenlight).toBe(SIDECAR_TAG);
      expect(createHash('sha256').update(fs.readFileSync(path.join(ws, d.target!.rel))).digest('hex')).toBe(d.target!.sha256);
      expect(Date.parse(d.decidedAt)).toBeLessThanOrEqual(NOW_MS);
    }
  });

  it('refuses to wipe a non-empty folder that is not a sample workspace', () => {
    const other = path.join(tmp.dir, 'precious');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'thesis.txt'), 'do not delete');
    const res = spawnSync(process.execPath, [SCRIPT, '--out', other, '--now', NOW], { encoding: 'utf8' });
    expect(res.status).not.toBe(0);
    expect(fs.readFileSync(path.join(other, 'thesis.txt'), 'utf8')).toBe('do not delete');
  });
});

describe('make-samples: media', () => {
  const magic = (r: string, n = 12) => fs.readFileSync(path.join(ws, r)).subarray(0, n);

  it('copies real, non-empty media files', () => {
    const media = files().filter((f) => /\.(mp4|png|jpg|mp3|wav)$/.test(f));
    expect(media.length).toBeGreaterThan(20);
    for (const r of media) {
      expect(fs.statSync(path.join(ws, r)).size, r).toBeGreaterThan(1000);
      const head = magic(r);
      if (r.endsWith('.mp4')) expect(head.subarray(4, 8).toString('latin1'), r).toBe('ftyp');
      if (r.endsWith('.png')) expect([...head.subarray(0, 8)], r).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      if (r.endsWith('.jpg')) expect([...head.subarray(0, 3)], r).toEqual([0xff, 0xd8, 0xff]);
      if (r.endsWith('.mp3')) expect(head.subarray(0, 3).toString('latin1') === 'ID3' || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0), r).toBe(true);
      if (r.endsWith('.wav')) expect(`${head.subarray(0, 4).toString('latin1')}${head.subarray(8, 12).toString('latin1')}`, r).toBe('RIFFWAVE');
    }
  });
});

describe('make-samples: OpenMontage', () => {
  const OM = 'openmontage';
  const ENVELOPE_ORDER = ['version', 'project_id', 'pipeline_type', 'stage', 'status', 'timestamp'];
  const checkpoints = () => files().filter((f) => f.startsWith(OM) && /\/checkpoint_[A-Za-z0-9_]+\.json$/.test(f));

  it('has two manifests, five projects, an older pipelines/ project and two broken ones', () => {
    const defs = files().filter((f) => f.startsWith(`${OM}/pipeline_defs/`));
    expect(defs.sort()).toEqual([`${OM}/pipeline_defs/animated-explainer.yaml`, `${OM}/pipeline_defs/talking-head.yaml`]);
    for (const d of defs) {
      const m = YAML.parse(read(d));
      expect(m.default_checkpoint_policy).toBe('guided');
      for (const s of m.stages) expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'skill', 'produces', 'checkpoint_required', 'human_approval_default']));
    }
    const projects = fs.readdirSync(path.join(ws, OM, 'projects')).sort();
    expect(projects).toEqual(['broken-invalid-status', 'broken-truncated', 'founder-update-q3', 'kitchen-tips-ep4', 'podcast-teaser-ep12', 'solar-sails-explainer', 'tides-explainer']);
    expect(fs.readdirSync(path.join(ws, OM, 'pipelines'))).toEqual(['why-bees-dance']);
    expect(checkpoints().filter((f) => !f.includes('/history/') && !f.includes('broken')).length).toBe(27);
  });

  it('writes the real envelope: key order, +00:00 microsecond stamps, canonical artifact inline', () => {
    const canonical: Record<string, string> = { research: 'research_brief', proposal: 'proposal_packet', idea: 'brief', script: 'script', scene_plan: 'scene_plan', assets: 'asset_manifest', edit: 'edit_decisions', compose: 'render_report', publish: 'publish_log' };
    for (const r of checkpoints().filter((f) => !f.includes('broken'))) {
      const d = json(r);
      expect(Object.keys(d).slice(0, 6), r).toEqual(ENVELOPE_ORDER);
      expect(d.version).toBe('1.0');
      expect(r.includes(`/${d.project_id}/`), r).toBe(true);
      const stamp = r.includes('/pipelines/') ? /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ : /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;
      expect(d.timestamp, r).toMatch(stamp);
      if (d.status === 'completed' || d.status === 'awaiting_human') expect(typeof d.artifacts[canonical[d.stage]], r).toBe('object');
      expect(read(r).startsWith('{\n  "version": "1.0",\n'), r).toBe(true);
    }
  });

  it('names history copies after the superseded timestamp and keeps them out of in_progress', () => {
    const history = checkpoints().filter((f) => f.includes('/history/'));
    expect(history.filter((f) => f.includes('tides-explainer/history/checkpoint_script_')).length).toBe(2);
    for (const r of history) {
      const d = json(r);
      expect(path.basename(r)).toBe(`checkpoint_${d.stage}_${d.timestamp.replace(/[^A-Za-z0-9]/g, '')}.json`);
      expect(d.status).not.toBe('in_progress');
    }
  });

  it('has the intended gates and statuses', () => {
    const cp = (p: string, s: string) => json(`${OM}/projects/${p}/checkpoint_${s}.json`);
    const proposal = cp('solar-sails-explainer', 'proposal');
    expect([proposal.status, proposal.human_approval_required, proposal.human_approved]).toEqual(['awaiting_human', true, false]);
    expect(proposal.artifacts.proposal_packet.approval).toEqual({ status: 'pending' });

    const compose = cp('tides-explainer', 'compose');
    expect([compose.status, compose.human_approval_required, compose.human_approved]).toEqual(['awaiting_human', true, false]);
    const output = compose.artifacts.render_report.outputs[0];
    expect(output.path).toBe('renders/tides-explainer.mp4');
    expect(fs.statSync(path.join(ws, OM, 'projects/tides-explainer', output.path)).size).toBe(output.file_size_bytes);
    expect(compose.cost_snapshot).toMatchObject({ spent_usd: expect.any(Number), budget_usd: expect.any(Number) });
    expect(compose.review).toMatchObject({ scores: expect.any(Object), summary: expect.any(String) });

    for (const s of ['idea', 'script', 'scene_plan', 'assets', 'edit', 'compose', 'publish']) expect(cp('founder-update-q3', s).status).toBe('completed');
    expect(cp('kitchen-tips-ep4', 'assets').status).toBe('in_progress');
    const failed = cp('podcast-teaser-ep12', 'assets');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/429/);
  });

  it('references files by path string and by @name, and points asset paths at real files', () => {
    const tides = `${OM}/projects/tides-explainer`;
    expect(json(`${tides}/checkpoint_research.json`).artifacts.reading_list).toBe('@reading_list.json');
    expect(exists(`${tides}/reading_list.json`)).toBe(true);
    for (const [stage, key] of [['scene_plan', 'storyboard'], ['edit', 'composition']]) {
      const ref = json(`${tides}/checkpoint_${stage}.json`).artifacts[key];
      expect(ref).toMatch(/^artifacts\/.+\.json$/);
      expect(exists(`${tides}/${ref}`)).toBe(true);
    }
    for (const p of ['tides-explainer', 'founder-update-q3']) {
      for (const a of json(`${OM}/projects/${p}/checkpoint_assets.json`).artifacts.asset_manifest.assets) expect(exists(`${OM}/projects/${p}/${a.path}`), a.path).toBe(true);
    }
  });

  it('ships the broken samples broken', () => {
    expect(() => json(`${OM}/projects/broken-truncated/checkpoint_script.json`)).toThrow();
    const bad = json(`${OM}/projects/broken-invalid-status/checkpoint_scene_plan.json`);
    expect(['completed', 'failed', 'awaiting_human', 'in_progress']).not.toContain(bad.status);
    expect(bad.artifacts.scene_plan).toBeUndefined();
  });
});

describe('make-samples: Twinklr', () => {
  const plans = (p: string) => `twinklr/artifacts/${p}/checkpoints/plans`;
  const decisionFor = (s: number) => (s >= 7 ? 'APPROVE' : s >= 5 ? 'SOFT_FAIL' : 'HARD_FAIL');

  it('holiday_lights_2026: a run id, 8 iterations, scores rising to APPROVE, one judge gap', () => {
    const dir = plans('holiday_lights_2026');
    const names = fs.readdirSync(path.join(ws, dir));
    const iter = names.map((n) => /^holiday_lights_2026_([0-9a-f]{8})_iter(\d{2,})_(raw|evaluation)\.json$/.exec(n)).filter((m) => m !== null);
    const runIds = new Set(iter.map((m) => m![1]));
    expect(runIds.size).toBe(1);
    const raws = iter.filter((m) => m![3] === 'raw').map((m) => Number(m![2]));
    const evals = iter.filter((m) => m![3] === 'evaluation').map((m) => Number(m![2])).sort((a, b) => a - b);
    expect(raws.length).toBe(8);
    expect(evals.length).toBe(7);
    expect(raws.filter((n) => !evals.includes(n))).toEqual([4]);

    const scores = evals.map((n) => {
      const d = json(`${dir}/holiday_lights_2026_${[...runIds][0]}_iter${String(n).padStart(2, '0')}_evaluation.json`);
      expect(Object.keys(d)).toEqual(['run_id', 'iteration', 'checkpoint_type', 'evaluation', 'plan_sections', 'score', 'decision']);
      expect(d.checkpoint_type).toBe('evaluation');
      expect(d.evaluation.decision).toBe(decisionFor(d.score));
      expect(d.decision).toBe(d.evaluation.decision);
      for (const i of d.evaluation.issues) expect(Object.keys(i)).toEqual(['severity', 'location', 'issue', 'suggestion']);
      return d.score as number;
    });
    expect(scores.length).toBeGreaterThanOrEqual(6);
    expect(scores[scores.length - 1]).toBe(Math.max(...scores));
    expect(scores[scores.length - 1]).toBeGreaterThan(scores[0] + 2);
    expect(scores.filter((s, i) => i > 0 && s > scores[i - 1]).length).toBeGreaterThanOrEqual(scores.length - 2);
    expect(decisionFor(scores[scores.length - 1])).toBe('APPROVE');

    const raw = json(`${dir}/holiday_lights_2026_${[...runIds][0]}_iter01_raw.json`);
    expect(Object.keys(raw)).toEqual(['run_id', 'iteration', 'checkpoint_type', 'plan']);
    expect(Object.keys(raw.plan)).toEqual(['sections', 'overall_strategy']);

    const final = json(`${dir}/holiday_lights_2026_final.json`);
    expect(Object.keys(final)).toEqual(['status', 'plan', 'evaluation', 'iterations', 'total_tokens', 'duration_seconds']);
    expect(final.status).toBe('SUCCESS');
    expect(final.iterations).toBe(8);
    expect(final.evaluation).toEqual(json(`${dir}/holiday_lights_2026_evaluation.json`));
    expect(final.plan).toEqual(json(`${dir}/holiday_lights_2026_raw.json`));
    for (const t of ['audio', 'sequence']) expect(exists(`twinklr/artifacts/holiday_lights_2026/checkpoints/holiday_lights_2026_${t}.json`)).toBe(true);
  });

  it('midnight_drive: no run id, INCOMPLETE at max iterations, plus an old-era 0-100 evaluation', () => {
    const dir = plans('midnight_drive');
    const names = fs.readdirSync(path.join(ws, dir));
    expect(names.filter((n) => /^midnight_drive_iter\d{2}_(raw|evaluation)\.json$/.test(n)).length).toBe(10);
    const final = json(`${dir}/midnight_drive_final.json`);
    expect(final.status).toBe('INCOMPLETE');
    expect(final.reason).toBe('Max iterations reached without approval');
    const scores = [1, 2, 3, 4, 5].map((n) => json(`${dir}/midnight_drive_iter0${n}_evaluation.json`).score as number);
    expect(final.best_score).toBe(Math.max(...scores));
    expect(scores.every((s) => s < 7)).toBe(true);
    const old = json(`${dir}/midnight_drive_v1_evaluation.json`);
    expect(old.overall_score).toBeGreaterThan(10);
    expect(old.overall_score).toBeLessThanOrEqual(100);
    expect(old.category_scores.length).toBeGreaterThan(0);
  });

  it('ships a half-written evaluation', () => {
    expect(() => json(`${plans('broken_half_written')}/broken_half_written_iter01_evaluation.json`)).toThrow();
  });
});

describe('make-samples: OmniClaude', () => {
  const OC = 'omniclaude/checkpoints';
  const KEYS = ['schema_version', 'run_id', 'ticket_id', 'phase', 'timestamp_utc', 'repo_commit_map', 'artifact_paths', 'attempt_number', 'phase_payload'];
  const yamls = () => files().filter((f) => f.startsWith(OC) && f.endsWith('.yaml'));

  it('writes append-only phase files per ticket/run with PyYAML key order and quoting', () => {
    const re = /^omniclaude\/checkpoints\/([A-Z0-9-]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/phase_(\d)_([a-z_]+)_a(\d+)\.yaml$/;
    const tickets = new Set<string>();
    for (const r of yamls()) {
      const m = re.exec(r);
      expect(m, r).not.toBeNull();
      tickets.add(m![1]);
      const text = read(r);
      expect(text).toMatch(/^timestamp_utc: '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z'$/m);
      const d = YAML.parse(text);
      expect(Object.keys(d), r).toEqual(KEYS);
      expect([d.ticket_id, d.run_id, d.phase, d.attempt_number]).toEqual([m![1], m![2], m![4], Number(m![5])]);
      for (const sha of Object.values(d.repo_commit_map)) expect(sha).toMatch(/^[0-9a-f]{7,40}$/);
      if (m![1].startsWith('BROKEN')) continue;
      expect(d.phase_payload.phase, r).toBe(d.phase);
      for (const p of d.artifact_paths) expect(p.startsWith('/') || p.split('/').includes('..'), p).toBe(false);
      if (d.phase === 'create_pr') expect(d.phase_payload.pr_url).toMatch(/^https:\/\/github\.com\/acme\/[a-z-]+\/pull\/\d+$/);
    }
    expect([...tickets].sort()).toEqual(['ACME-377', 'ACME-412', 'ACME-418', 'BROKEN-SAMPLE-1']);
  });

  it('has the retried review, the waiting merge gate and the older phase 4', () => {
    const names = yamls().map((f) => f.split('/').slice(2).join('/'));
    const acme412 = names.filter((n) => n.startsWith('ACME-412/')).map((n) => n.split('/')[2]).sort();
    expect(acme412).toEqual(['phase_1_implement_a1.yaml', 'phase_2_local_review_a1.yaml', 'phase_2_local_review_a2.yaml', 'phase_3_create_pr_a1.yaml', 'phase_5_ready_for_merge_a1.yaml']);
    expect(names.filter((n) => n.startsWith('ACME-418/')).map((n) => n.split('/')[2]).sort().pop()).toBe('phase_3_create_pr_a1.yaml');
    expect(names.some((n) => n.startsWith('ACME-377/') && n.endsWith('/phase_4_pr_release_ready_a1.yaml'))).toBe(true);
  });

  it('ships a payload for the wrong phase with an absolute artifact path', () => {
    const r = yamls().find((f) => f.includes('BROKEN-SAMPLE-1'))!;
    const d = YAML.parse(read(r));
    expect(d.phase_payload.phase).not.toBe(d.phase);
    expect(d.artifact_paths.some((p: string) => p.startsWith('/'))).toBe(true);
  });
});

describe('make-samples: aivideo', () => {
  const CP = /^cp-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const ART = /^art-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  type Node = { checkpoint: any; children: Node[] };
  const flatten = (nodes: Node[]): Node['checkpoint'][] => nodes.flatMap((n) => [n.checkpoint, ...flatten(n.children)]);

  it('exports two to three <slug>.aivideo.json files in aivideo/', () => {
    const exports = files().filter((f) => f.startsWith('aivideo/'));
    expect(exports.length).toBeGreaterThanOrEqual(2);
    expect(exports.length).toBeLessThanOrEqual(3);
    for (const f of exports) expect(f).toMatch(/^aivideo\/[a-z0-9-]+\.aivideo\.json$/);
  });

  it('checkpoint tree: main -> main-1 -> main-1-1, each branch opened by an edit, with phase 3 pending', () => {
    const tree = json('aivideo/sneaker-launch-teaser.aivideo.json') as Node[];
    expect(Array.isArray(tree)).toBe(true);
    const cps = flatten(tree);
    expect(new Set(cps.map((c) => c.branch_name))).toEqual(new Set(['main', 'main-1', 'main-1-1']));
    const byPhase = Object.fromEntries(cps.map((c) => [c.phase_number, c]));
    expect([byPhase[1].branch_name, byPhase[2].branch_name, byPhase[3].branch_name]).toEqual(['main', 'main-1', 'main-1-1']);
    expect([byPhase[1].status, byPhase[2].status, byPhase[3].status]).toEqual(['approved', 'approved', 'pending']);
    expect(byPhase[1].artifacts.some((a: { artifact_type: string; version: number }) => a.artifact_type === 'spec' && a.version === 2)).toBe(true);
    expect(byPhase[2].artifacts.some((a: { artifact_type: string; version: number }) => a.artifact_type === 'beat_image' && a.version === 2)).toBe(true);
    for (const c of cps) {
      expect(c.id).toMatch(CP);
      if (c.parent_checkpoint_id !== null) expect(cps.some((p) => p.id === c.parent_checkpoint_id)).toBe(true);
      for (const a of c.artifacts) {
        expect(a.id).toMatch(ART);
        if (a.artifact_type === 'spec') expect(a.metadata.spec.beats.length).toBeGreaterThan(0);
        else expect(a.s3_url).toMatch(/^https:\/\/.+X-Amz-Signature=[0-9a-f]{64}$/);
      }
    }
    const types = new Set(cps.flatMap((c) => c.artifacts.map((a: { artifact_type: string }) => a.artifact_type)));
    expect(types).toEqual(new Set(['spec', 'beat_image', 'video_chunk', 'stitched_video']));
  });

  it('status export: paused at phase 2 with a pending current checkpoint keyed by artifact_key', () => {
    const s = json('aivideo/coffee-brand-story.aivideo.json');
    expect(s.status).toBe('paused_at_phase2');
    expect(s.current_checkpoint.status).toBe('pending');
    expect(s.current_checkpoint.checkpoint_id).toMatch(CP);
    for (const [key, a] of Object.entries(s.current_checkpoint.artifacts)) expect((a as { artifact_key: string }).artifact_key).toBe(key);
    expect(s.active_branches).toEqual([{ branch_name: 'main', latest_checkpoint_id: s.current_checkpoint.checkpoint_id, phase_number: 2, status: 'pending', can_continue: true }]);
    expect(flatten(s.checkpoint_tree).length).toBe(2);
  });
});

describe('make-samples: CineCut', () => {
  const FILMS = 'cinecut/films';
  const HEAD = ['source_file', 'vibe', 'stages_complete', 'proxy_path', 'keyframe_count', 'dialogue_event_count', 'inference_complete', 'cache_hit', 'manifest_path', 'assembly_manifest_path', 'proxy_duration_s', 'structural_anchors'];
  const OLD = HEAD.filter((k) => !['cache_hit', 'proxy_duration_s', 'structural_anchors'].includes(k));
  const cp = (stem: string) => json(`${FILMS}/${stem}_cinecut_work/pipeline_checkpoint.json`);

  it('has work dirs beside their films with absolute paths into the out dir', () => {
    const work = fs.readdirSync(path.join(ws, FILMS)).filter((n) => n.endsWith('_cinecut_work')).sort();
    expect(work).toEqual(['broken_extra_key_cinecut_work', 'dockside_cut_cinecut_work', 'harbor_lights_cinecut_work', 'lost_reel_cinecut_work', 'night_train_cinecut_work']);
    const night = cp('night_train');
    expect(Object.keys(night)).toEqual(HEAD);
    expect(night.source_file).toBe(path.join(ws, FILMS, 'night_train.mp4'));
    expect(fs.existsSync(night.source_file)).toBe(true);
    expect(fs.existsSync(night.proxy_path)).toBe(true);
    expect(night.stages_complete).toEqual(['proxy', 'subtitles', 'keyframes', 'structural', 'narrative', 'assembly', 'music']);
    expect(fs.readdirSync(path.join(ws, FILMS, 'night_train_cinecut_work/keyframes')).length).toBe(night.keyframe_count);
  });

  it('has a mid-run, a stale and a first-release checkpoint', () => {
    const harbor = cp('harbor_lights');
    expect(Object.keys(harbor)).toEqual(HEAD);
    expect(harbor.stages_complete).toEqual(['proxy', 'subtitles', 'keyframes']);
    expect(harbor.inference_complete).toBe(false);
    expect(fs.existsSync(harbor.source_file)).toBe(true);
    const lost = cp('lost_reel');
    expect(path.isAbsolute(lost.source_file)).toBe(true);
    expect(fs.existsSync(lost.source_file)).toBe(false);
    expect(Object.keys(cp('dockside_cut'))).toEqual(OLD);
  });

  it('writes trailer manifests with valid enums', () => {
    const beat = ['inciting_incident', 'character_introduction', 'escalation_beat', 'relationship_beat', 'money_shot', 'climax_peak', 'breath'];
    const act = ['cold_open', 'act1', 'beat_drop', 'act2', 'breath', 'act3', 'title_card', 'button'];
    const transition = ['hard_cut', 'crossfade', 'fade_to_black', 'fade_to_white'];
    const manifests = files().filter((f) => f.startsWith(FILMS) && f.endsWith('/TRAILER_MANIFEST.json'));
    expect(manifests.length).toBe(3);
    for (const r of manifests) {
      const m = json(r);
      expect(['1.0', '2.0']).toContain(m.schema_version);
      expect(m.clips.length).toBeGreaterThan(0);
      for (const c of m.clips) {
        expect(c.source_end_s).toBeGreaterThan(c.source_start_s);
        expect(beat).toContain(c.beat_type);
        expect(act).toContain(c.act);
        expect(transition).toContain(c.transition);
      }
    }
    expect(json(`${FILMS}/night_train_cinecut_work/TRAILER_MANIFEST.json`).schema_version).toBe('2.0');
  });

  it('ships a checkpoint with a key CineCut does not know', () => {
    const broken = cp('broken_extra_key');
    expect(Object.keys(broken).filter((k) => !HEAD.includes(k))).toEqual(['approved']);
  });
});
