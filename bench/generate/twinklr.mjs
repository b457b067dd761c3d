// Twinklr planner/judge runs (FORMATS §2), shaped like scripts/samples/twinklr.mjs: per-iteration
// raw plans and judge evaluations named with the run id, the project's latest raw/evaluation/
// final files, and the audio and sequence analyses. Several runs share a project; one run is
// long enough (default 1,000 iterations) to load the iteration chart.
import { seeded, hex } from '../../scripts/samples/ids.mjs';
import { MIN, HOUR } from '../../scripts/samples/clock.mjs';
import { int, pick, round, sentence, words } from './text.mjs';

const TW = 'twinklr/artifacts';
const F = 'twinklr';
const ROLES = ['intro', 'verse', 'build', 'chorus', 'breakdown', 'climax', 'outro'];
const TEMPLATES = ['circle_slow', 'tilt_wave', 'pan_chase_lr', 'ballyhoo_wide', 'fan_burst', 'figure_eight', 'sweep_lr_chevron'];
const PRESETS = ['soft_white', 'cool_blue', 'full_gold', 'deep_red', 'white_flash', 'candle_fade', 'neon_split'];

const decisionFor = (score) => (score >= 7 ? 'APPROVE' : score >= 5 ? 'SOFT_FAIL' : 'HARD_FAIL');

function plan(r, sections) {
  let bar = 1;
  return {
    sections: Array.from({ length: sections }, (_, i) => {
      const len = pick(r, [8, 8, 16]);
      const s = { section_name: `${pick(r, ROLES)}_${i + 1}`, start_bar: bar, end_bar: bar + len - 1, section_role: pick(r, ROLES), energy_level: int(r, 15, 100), template_id: pick(r, TEMPLATES), preset_id: pick(r, PRESETS), modifiers: { speed: pick(r, ['half', 'normal', 'double']), spread: pick(r, ['narrow', 'medium', 'wide']) }, reasoning: sentence(r, 12, 22) };
      bar += len;
      return s;
    }),
    overall_strategy: sentence(r, 14, 26),
  };
}

function judge(r, score) {
  return {
    decision: decisionFor(score),
    score,
    strengths: Array.from({ length: int(r, 1, 3) }, () => sentence(r, 5, 10)),
    issues: Array.from({ length: int(r, 1, 3) }, () => ({ severity: pick(r, ['critical', 'moderate', 'minor']), location: words(r, 2), issue: sentence(r), suggestion: sentence(r, 6, 12) })),
    feedback_for_planner: sentence(r, 10, 20),
    overall_assessment: sentence(r, 8, 14),
  };
}

function run(w, clock, r, { project, dir, runId, iterations, start }) {
  let t = start;
  let score = 3 + r() * 2;
  let best = null;
  let last = null;
  const sections = int(r, 8, 14);
  for (let n = 1; n <= iterations; n++) {
    const nn = String(n).padStart(2, '0');
    const p = plan(r, sections);
    t += 3 * MIN + Math.floor(r() * 3 * MIN);
    w.putJson(F, `${dir}/plans/${project}_${runId}_iter${nn}_raw.json`, { run_id: runId, iteration: n, checkpoint_type: 'raw', plan: p }, t, { ensureAscii: false });
    // About one judge call in twenty times out: no evaluation file for that iteration.
    if (r() < 0.05) continue;
    score = Math.max(0, Math.min(10, score + (r() - 0.4) * 1.2));
    const s = round(score, 1);
    const evaluation = judge(r, s);
    last = { plan: p, evaluation, at: t + 80_000 };
    if (!best || s > best.score) best = { score: s, plan: p };
    w.putJson(F, `${dir}/plans/${project}_${runId}_iter${nn}_evaluation.json`, { run_id: runId, iteration: n, checkpoint_type: 'evaluation', evaluation, plan_sections: sections, score: s, decision: evaluation.decision }, t + 80_000, { ensureAscii: false });
  }
  return { last, best, t };
}

export function twinklr(w, clock, { runs, iterations, chartIterations }) {
  const runsPerProject = 4;
  let made = 0;
  let longRun;
  for (let p = 0; made < runs; p++) {
    const r = seeded(`bench-tw-${p}`);
    const long = p === 0 && chartIterations > 0;
    const project = long ? 'marathon_show' : `${words(r, 2).replace(/ /g, '_')}_${String(p).padStart(3, '0')}`;
    const dir = `${TW}/${project}/checkpoints`;
    // Iterations take up to seven minutes: start early enough that the last one is in the past.
    const span = (long ? chartIterations : iterations * runsPerProject) * 7 * MIN + runsPerProject * HOUR;
    let start = clock.ago(span + int(r, 2, 40 * 24) * HOUR);
    w.putJson(F, `${dir}/${project}_audio.json`, { audio_path: `audio/${project}.mp3`, tempo_bpm: int(r, 90, 150), duration_s: round(120 + r() * 120, 1), time_signature: '4/4', bar_count: 112, beat_count: 448, energy_curve: { bin_s: 8.0, bins: Array.from({ length: 24 }, () => round(r())) } }, start - 2 * MIN, { ensureAscii: false });
    w.putJson(F, `${dir}/${project}_sequence.json`, { schema_version: '1.0', xsq_path: `sequences/${project}.xsq`, xlights_version: '2025.12', duration_s: 180.0, timing_tracks: ['Beats', 'Bars'], timing_track_events: { Beats: 448, Bars: 112 }, effect_type_histogram: { On: int(r, 20, 200), Twinkle: int(r, 0, 100) }, notes: [sentence(r)] }, start - MIN, { ensureAscii: false });
    let last;
    const count = long ? 1 : Math.min(runsPerProject, runs - made);
    for (let k = 0; k < count; k++) {
      const runId = hex(8, r);
      const res = run(w, clock, r, { project, dir, runId, iterations: long ? chartIterations : iterations, start });
      if (long) longRun = { project, runId, iterations: chartIterations };
      start = res.t + HOUR;
      last = res;
      made++;
    }
    if (!last?.last) continue;
    w.putJson(F, `${dir}/plans/${project}_raw.json`, last.last.plan, last.t, { ensureAscii: false });
    w.putJson(F, `${dir}/plans/${project}_evaluation.json`, last.last.evaluation, last.last.at, { ensureAscii: false });
    const ok = last.best.score >= 7;
    const final = ok
      ? { status: 'SUCCESS', plan: last.best.plan, evaluation: last.last.evaluation, iterations, total_tokens: int(r, 100000, 900000), duration_seconds: round((last.last.at - start) / 1000, 1) }
      : { status: 'INCOMPLETE', plan: last.best.plan, iterations, total_tokens: int(r, 100000, 900000), duration_seconds: 1800.0, best_score: last.best.score, reason: 'Max iterations reached without approval' };
    w.putJson(F, `${dir}/plans/${project}_final.json`, final, last.last.at + 2000, { ensureAscii: false });
  }
  return { runs: made, longRun };
}
