// Twinklr samples (FORMATS §2): planner/judge iterations with and without a run id, the latest
// raw/evaluation/final files, audio and sequence analyses, an old-era run and a half-written file.
import { clock, out } from './session.mjs';
import { MIN, HOUR, DAY } from './clock.mjs';
import { seeded, hex } from './ids.mjs';
import { pyJson } from './serialise.mjs';
import { writeDecision } from './greenlight-decision.mjs';

const TW = 'twinklr/artifacts';

/** Judge decision implied by the thresholds in the JudgeResponse enum comments. */
const decisionFor = (score) => (score >= 7 ? 'APPROVE' : score >= 5 ? 'SOFT_FAIL' : 'HARD_FAIL');

// Holiday show: nine sections of a 142 bpm rock carol. Each row: name, bars, role, final energy,
// final template, preset, modifiers, reasoning, and the iteration from which the planner stopped
// using the default chevron sweep there (the judge's feedback pushed it, section by section).
const HOLIDAY_SECTIONS = [
  ['intro', 1, 8, 'intro', 20, 'circle_slow', 'soft_white', { speed: 'half', spread: 'narrow' }, 'Slow circles in warm white let the audience find the rig before anything moves fast.', 1],
  ['verse_1', 9, 24, 'verse', 40, 'tilt_wave', 'cool_blue', { speed: 'normal', spread: 'medium' }, 'A gentle tilt wave follows the bell ostinato without competing with the vocal line.', 3],
  ['build_1', 25, 32, 'build', 65, 'pan_chase_lr', 'ice_to_gold', { speed: 'double', spread: 'wide' }, 'Left-to-right chase accelerates into the chorus; the palette warms as the drums enter.', 5],
  ['chorus_1', 33, 48, 'chorus', 88, 'ballyhoo_wide', 'full_gold', { speed: 'normal', spread: 'wide' }, 'Full ballyhoo on the first big chorus: the first time every head moves at once.', 2],
  ['verse_2', 49, 64, 'verse', 50, 'tilt_wave', 'cool_blue_fast', { speed: 'double', spread: 'medium' }, 'Same wave as verse 1 at double speed so the second verse feels like a development, not a repeat.', 3],
  ['chorus_2', 65, 80, 'chorus', 92, null, 'full_gold', { spread: 'wide' }, 'Split the chorus: fan pulses on the hits, then release into the ballyhoo.', 2],
  ['bridge', 81, 88, 'breakdown', 35, 'circle_slow', 'deep_red', { speed: 'half', spread: 'narrow' }, 'Drop to slow red circles so the finale has somewhere to climb from.', 6],
  ['finale', 89, 104, 'climax', 100, 'fan_burst', 'white_flash', { speed: 'double', spread: 'full' }, 'Fan bursts in white on every downbeat: the peak of the show.', 2],
  ['outro', 105, 112, 'outro', 15, 'figure_eight', 'candle_fade', { speed: 'half', spread: 'narrow' }, 'A slow figure eight that fades to candle warm as the last bell rings out.', 7],
];

const HOLIDAY_STRATEGY = [
  'Keep every head moving with the beat; use one consistent sweep so the show reads as a single piece.',
  'Give the choruses their own movement; keep the verses on the sweep for contrast.',
  'Differentiate the verses with tilt waves and raise the energy contrast between verse and chorus.',
  'Keep the iteration 3 structure; tighten chorus presets.',
  'Build a proper ramp into chorus 1 and split chorus 2 into hit and release segments.',
  'Introduce a breakdown in the bridge so the finale lands harder.',
  'Add transitions between sections and a distinct outro; the arc is intro, two rises, breakdown, climax, fade.',
  'Final shape: quiet intro, two verse/chorus rises with growing energy, a red breakdown, a white climax and a candle-warm fade. Transitions smooth every chorus entry.',
];

function holidayPlan(iter) {
  const ramp = Math.min(1, (iter - 1) / 5);
  const sections = HOLIDAY_SECTIONS.map(([name, start, end, role, energy, template, preset, modifiers, reasoning, switchAt]) => {
    const flat = name === 'intro' ? 30 : 65;
    const sec = { section_name: name, start_bar: start, end_bar: end, section_role: role, energy_level: Math.round(flat + (energy - flat) * ramp) };
    if (iter < switchAt) {
      Object.assign(sec, { template_id: 'sweep_lr_chevron', preset_id: 'default', modifiers: { speed: 'normal' }, reasoning: 'A steady chevron sweep keeps the rig moving on the beat.' });
    } else if (name === 'chorus_2' && iter >= 5) {
      Object.assign(sec, {
        segments: [
          { segment_id: 'chorus_2a', start_bar: 65, end_bar: 72, template_id: 'fan_pulse', preset_id: 'full_gold', modifiers: { speed: 'double' }, reasoning: 'Pulses hit with the snare accents.' },
          { segment_id: 'chorus_2b', start_bar: 73, end_bar: 80, template_id: 'ballyhoo_wide', preset_id: 'full_gold', modifiers: { speed: 'normal' }, reasoning: 'Release into the wide ballyhoo for the last eight bars.' },
        ],
        preset_id: preset, modifiers, reasoning,
      });
    } else {
      Object.assign(sec, { template_id: template ?? 'ballyhoo_wide', preset_id: preset, modifiers, reasoning });
    }
    if (iter >= 7 && role === 'chorus') {
      sec.transition_in = { type: 'crossfade', duration_bars: 1 };
      sec.transition_out = { type: 'snap', duration_bars: 0 };
    }
    return sec;
  });
  return { sections, overall_strategy: HOLIDAY_STRATEGY[iter - 1] };
}

const issue = (severity, location, text, suggestion) => ({ severity, location, issue: text, suggestion });

// score === null: the judge call failed (timeout), so Twinklr wrote no evaluation for that iteration.
const HOLIDAY_JUDGE = [
  { score: 4.2, strengths: ['Every section boundary is bar-aligned', 'Energy never drops to zero, the rig is always alive'], issues: [
    issue('critical', 'all sections', 'Seven of nine sections use sweep_lr_chevron with the default preset; the show has no shape.', 'Give each section role its own template family.'),
    issue('moderate', 'chorus_1, chorus_2, finale', 'Chorus energy (65) is the same as the verses.', 'Push choruses above 85 and keep verses near 40-50.'),
  ], feedback: 'Start from the song structure: the choruses and finale need their own movement and much higher energy. Keep the intro calm.', overall: 'Technically valid but monotonous; an audience would stop watching by the first chorus.' },
  { score: 5.1, strengths: ['Choruses and finale now have distinct templates', 'Finale uses fan_burst, which suits the climax'], issues: [
    issue('moderate', 'verse_1, verse_2', 'Both verses still use the chevron sweep, so the contrast comes only from the choruses.', 'Try a slower vertical movement for verses.'),
    issue('moderate', 'energy curve', 'Energy rises only slightly between verse and chorus (58 to 72).', 'Make the verse/chorus gap at least 30 points.'),
  ], feedback: 'Good direction. Work on the verses and on the energy contrast.', overall: 'The show has a chorus now, but the verses are filler.' },
  { score: 5.8, strengths: ['Tilt waves in the verses follow the bell ostinato nicely', 'Verse 2 at double speed reads as development'], issues: [
    issue('moderate', 'build_1', 'The build into chorus 1 is still a flat sweep; the first chorus arrives without a lift.', 'Use an accelerating chase over bars 25-32.'),
    issue('minor', 'chorus_2', 'Chorus 2 is identical to chorus 1.', 'Vary the second chorus, e.g. split it into segments.'),
  ], feedback: 'Add a real build before chorus 1 and make chorus 2 different from chorus 1.', overall: 'Verses fixed; the big moments still arrive unannounced.' },
  { score: null },
  { score: 6.3, strengths: ['pan_chase_lr build lifts nicely into chorus 1', 'Chorus 2 split into hit and release segments'], issues: [
    issue('moderate', 'bridge', 'The bridge (bars 81-88) is still at chorus-level energy, so the finale has nowhere to climb from.', 'Drop the bridge to a breakdown around 35.'),
    issue('minor', 'outro', 'Outro sweep ends abruptly on bar 112.', 'Use a slow movement that fades with the last bell.'),
  ], feedback: 'Create a breakdown in the bridge and a proper ending.', overall: 'Strong first two thirds; the ending is flat.' },
  { score: 6.1, strengths: ['Bridge is now a real breakdown in deep red'], issues: [
    issue('moderate', 'bridge -> finale', 'Going from 35 to 100 in one bar with a hard snap is jarring; it reads as a glitch rather than a drop.', 'Add a one-bar transition into the finale or start the finale at 90 and build.'),
    issue('moderate', 'chorus entries', 'No transitions anywhere; every section change is a hard cut.', 'Crossfade into choruses.'),
  ], feedback: 'The breakdown works but the exit from it is too abrupt. Add transitions.', overall: 'Slight regression: the new bridge exposes the missing transitions.' },
  { score: 6.9, strengths: ['Crossfaded chorus entries feel intentional', 'Finale lands after the breakdown'], issues: [
    issue('minor', 'outro', 'Outro still reuses the default sweep.', 'A slow figure eight in a warm preset would close the show.'),
  ], feedback: 'Almost there: give the outro its own movement.', overall: 'A coherent show; only the outro is unfinished.' },
  { score: 7.4, strengths: ['Clear arc from a calm intro to a white climax and a candle fade', 'Every section role has its own template family', 'Transitions smooth each chorus entry'], issues: [
    issue('minor', 'verse_2', 'Double-speed tilt wave may read as busy on small rigs.', 'Consider normal speed if the rig has fewer than eight heads.'),
  ], feedback: 'Approved. Optional: check verse 2 speed on the smaller yard rig.', overall: 'A well-shaped, musical show that follows the song. Ready to sequence.' },
];

function judgeResponse(j) {
  return { decision: decisionFor(j.score), score: j.score, strengths: j.strengths, issues: j.issues, feedback_for_planner: j.feedback, overall_assessment: j.overall };
}

function holidayLights() {
  const project = 'holiday_lights_2026';
  const dir = `${TW}/${project}/checkpoints`;
  const runId = hex(8, seeded('twinklr-holiday-run'));
  const start = clock.ago(1 * HOUR + 20 * MIN);
  const tokensPerIter = [18422, 19107, 20385, 20911, 21766, 22030, 22874, 23512];
  const bpm = 142;
  const duration = Math.round(((112 * 4 * 60) / bpm) * 10) / 10;
  out.putJson(`${dir}/${project}_audio.json`, {
    audio_path: 'audio/carol_of_the_bells_rock.mp3', tempo_bpm: bpm, duration_s: duration, time_signature: '4/4', bar_count: 112, beat_count: 448,
    sections: HOLIDAY_SECTIONS.map(([label, sb, eb]) => ({ label, start_bar: sb, end_bar: eb, start_s: Math.round(((sb - 1) * 4 * 60 / bpm) * 100) / 100, end_s: Math.round((eb * 4 * 60 / bpm) * 100) / 100 })),
    energy_curve: { bin_s: 8.0, bins: [0.18, 0.22, 0.35, 0.38, 0.52, 0.61, 0.84, 0.88, 0.47, 0.5, 0.55, 0.86, 0.91, 0.33, 0.3, 0.93, 0.97, 0.99, 0.95, 0.4, 0.22, 0.12, 0.08, 0.05] },
  }, start - 3 * MIN, { ensureAscii: false });
  out.putJson(`${dir}/${project}_sequence.json`, {
    schema_version: '1.0', xsq_path: 'sequences/holiday_lights_2026.xsq', xlights_version: '2025.12', duration_s: duration,
    timing_tracks: ['Beats', 'Bars', 'Song Sections'], timing_track_events: { Beats: 448, Bars: 112, 'Song Sections': 9 },
    effect_type_histogram: { On: 188, Twinkle: 96, 'Color Wash': 41, Shimmer: 28, Fan: 0 },
    activity_proxy: { bin_s: 4.0, bins: Array.from({ length: 48 }, (_, i) => Math.round((0.3 + 0.6 * Math.abs(Math.sin(i / 7))) * 100) / 100) },
    notes: ['Moving heads are on universes 5-6; props and mega tree already sequenced by hand.', 'Moving-head tracks are empty and will be generated from the plan.'],
  }, start - 2 * MIN, { ensureAscii: false });

  let t = start;
  let tokens = 0;
  let last = null;
  HOLIDAY_JUDGE.forEach((j, i) => {
    const n = i + 1;
    const nn = String(n).padStart(2, '0');
    const plan = holidayPlan(n);
    t = clock.after(t, 4 * MIN + (n % 3) * MIN);
    tokens += tokensPerIter[i];
    out.putJson(`${dir}/plans/${project}_${runId}_iter${nn}_raw.json`, { run_id: runId, iteration: n, checkpoint_type: 'raw', plan }, t, { ensureAscii: false });
    if (j.score === null) return;
    const evaluation = judgeResponse(j);
    last = { plan, evaluation, at: t + 90_000 };
    out.putJson(`${dir}/plans/${project}_${runId}_iter${nn}_evaluation.json`, { run_id: runId, iteration: n, checkpoint_type: 'evaluation', evaluation, plan_sections: plan.sections.length, score: j.score, decision: evaluation.decision }, t + 90_000, { ensureAscii: false });
  });
  const lastRawAt = t;
  out.putJson(`${dir}/plans/${project}_raw.json`, holidayPlan(HOLIDAY_JUDGE.length), lastRawAt, { ensureAscii: false });
  out.putJson(`${dir}/plans/${project}_evaluation.json`, last.evaluation, last.at, { ensureAscii: false });
  // The approved plan: the desk's gate for this family (accept it, or send it back via a sidecar).
  out.putJson(`${dir}/plans/${project}_final.json`, { status: 'SUCCESS', plan: last.plan, evaluation: last.evaluation, iterations: HOLIDAY_JUDGE.length, total_tokens: tokens, duration_seconds: Math.round((last.at - start) / 100) / 10 }, last.at + 2000, { ensureAscii: false });
}

// Synthwave track, run without start_run() (no run id), capped at five iterations and never approved.
const MIDNIGHT_SECTIONS = [
  ['intro', 1, 8, 'intro', 25, 'circle_slow', 'magenta_haze'],
  ['verse_1', 9, 24, 'verse', 45, 'tilt_wave', 'teal_glow'],
  ['chorus_1', 25, 40, 'chorus', 80, 'pan_chase_lr', 'neon_split'],
  ['verse_2', 41, 56, 'verse', 50, 'tilt_wave', 'teal_glow'],
  ['chorus_2', 57, 72, 'chorus', 85, 'ballyhoo_wide', 'neon_split'],
  ['outro', 73, 80, 'outro', 20, 'circle_slow', 'magenta_haze'],
];
const MIDNIGHT_JUDGE = [
  { score: 3.8, strengths: ['Palette matches the synthwave look'], issues: [issue('critical', 'chorus_1, chorus_2', 'Choruses are slower than the verses; the movement fights the track.', 'Choruses need the fastest movement in the show.')], feedback: 'Invert the speed relationship between verses and choruses.', overall: 'Looks right, moves wrong.' },
  { score: 4.6, strengths: ['Choruses are faster now'], issues: [issue('critical', 'all sections', 'Every section sits between 60 and 70 energy.', 'Spread energy from 20 (intro) to 85+ (chorus 2).'), issue('minor', 'outro', 'Outro ends mid-movement.', 'Fade to a rest position.')], feedback: 'Open up the energy range.', overall: 'Still flat.' },
  { score: 5.2, strengths: ['Energy range is wider', 'Intro and outro bookend the show'], issues: [issue('moderate', 'chorus_2', 'Chorus 2 is a copy of chorus 1.', 'Vary template or split into segments.')], feedback: 'Differentiate the second chorus.', overall: 'Acceptable structure, no development.' },
  { score: 4.9, strengths: ['Chorus 2 uses ballyhoo_wide'], issues: [issue('critical', 'verse_2', 'Verse 2 jumped to 90 energy, so chorus 2 has nothing to rise from.', 'Bring verse 2 back near 50.'), issue('moderate', 'chorus_2', 'Ballyhoo at full speed is chaotic at 118 bpm.', 'Use normal speed.')], feedback: 'Regression in verse 2; keep the iteration 3 energy curve.', overall: 'Worse than the previous attempt.' },
  { score: 5.5, strengths: ['Energy curve restored', 'Chorus 2 differs from chorus 1'], issues: [issue('moderate', 'transitions', 'Hard cuts at every section change.', 'Crossfade into choruses.'), issue('minor', 'verse_1', 'Tilt wave amplitude is small for the wide stage.', 'Use a wider spread.')], feedback: 'Add transitions and widen the verse movement.', overall: 'Best so far but not ready.' },
];

function midnightPlan(iter) {
  const sections = MIDNIGHT_SECTIONS.map(([name, sb, eb, role, energy, template, preset]) => {
    let e = energy;
    let tpl = template;
    if (iter === 1) { e = role === 'chorus' ? 55 : 65; tpl = role === 'chorus' ? 'circle_slow' : 'pan_chase_lr'; }
    if (iter === 2) e = 60 + (sb % 10);
    if (iter === 4 && name === 'verse_2') e = 90;
    if (iter <= 2 && name === 'chorus_2') tpl = 'pan_chase_lr';
    if (iter === 3 && name === 'chorus_2') tpl = 'pan_chase_lr';
    return { section_name: name, start_bar: sb, end_bar: eb, section_role: role, energy_level: e, template_id: tpl, preset_id: preset, modifiers: { speed: role === 'chorus' && iter > 1 ? 'double' : 'normal' }, reasoning: `${role} at energy ${e}: ${tpl.replace(/_/g, ' ')} in ${preset.replace(/_/g, ' ')}.` };
  });
  return { sections, overall_strategy: iter === 1 ? 'Moody and restrained throughout, saving speed for the verses.' : `Revision ${iter}: ${MIDNIGHT_JUDGE[iter - 2].feedback}` };
}

function midnightDrive() {
  const project = 'midnight_drive';
  const dir = `${TW}/${project}/checkpoints`;
  const start = clock.ago(1 * DAY + 5 * HOUR);
  out.putJson(`${dir}/${project}_audio.json`, { audio_path: 'audio/midnight_drive.wav', tempo_bpm: 118, duration_s: 162.7, time_signature: '4/4', bar_count: 80, beat_count: 320 }, start - MIN, { ensureAscii: false });
  out.putJson(`${dir}/${project}_sequence.json`, { schema_version: '1.0', xsq_path: 'sequences/midnight_drive.xsq', xlights_version: '2025.12', duration_s: 162.7, timing_tracks: ['Beats', 'Bars'], timing_track_events: { Beats: 320, Bars: 80 }, effect_type_histogram: { On: 64, 'Color Wash': 22 }, activity_proxy: { bin_s: 8.0, bins: [0.2, 0.3, 0.4, 0.7, 0.8, 0.5, 0.5, 0.8, 0.9, 0.9, 0.4, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.0] }, notes: ['Stage show for the Friday night market.'] }, start - MIN, { ensureAscii: false });
  let t = start;
  let best = null;
  let tokens = 0;
  let lastEval = null;
  MIDNIGHT_JUDGE.forEach((j, i) => {
    const n = i + 1;
    const nn = String(n).padStart(2, '0');
    const plan = midnightPlan(n);
    t = clock.after(t, 6 * MIN);
    tokens += 15800 + 900 * i;
    out.putJson(`${dir}/plans/${project}_iter${nn}_raw.json`, { run_id: null, iteration: n, checkpoint_type: 'raw', plan }, t, { ensureAscii: false });
    const evaluation = judgeResponse(j);
    lastEval = { evaluation, at: t + 80_000 };
    out.putJson(`${dir}/plans/${project}_iter${nn}_evaluation.json`, { run_id: null, iteration: n, checkpoint_type: 'evaluation', evaluation, plan_sections: plan.sections.length, score: j.score, decision: evaluation.decision }, t + 80_000, { ensureAscii: false });
    if (!best || j.score > best.score) best = { score: j.score, plan };
  });
  out.putJson(`${dir}/plans/${project}_raw.json`, midnightPlan(MIDNIGHT_JUDGE.length), t, { ensureAscii: false });
  out.putJson(`${dir}/plans/${project}_evaluation.json`, lastEval.evaluation, lastEval.at, { ensureAscii: false });
  out.putJson(`${dir}/plans/${project}_final.json`, { status: 'INCOMPLETE', plan: best.plan, iterations: MIDNIGHT_JUDGE.length, total_tokens: tokens, duration_seconds: Math.round((lastEval.at - start) / 100) / 10, best_score: best.score, reason: 'Max iterations reached without approval' }, lastEval.at + 1500, { ensureAscii: false });

  // An earlier job for the same show, from before per-iteration files existed: one plan, one
  // implementation, and the old judge's 0-100 evaluation with category scores.
  const old = 'midnight_drive_v1';
  const oldAt = clock.ago(19 * DAY + 4 * HOUR);
  const oldPlan = { sections: MIDNIGHT_SECTIONS.map(([name, sb, eb, role, energy, template, preset]) => ({ section_name: name, start_bar: sb, end_bar: eb, section_role: role, energy_level: energy, template_id: template, preset_id: preset, modifiers: {}, reasoning: `${role} section` })), overall_strategy: 'Follow the song sections one to one.' };
  const implementation = { sections: oldPlan.sections.map((s) => ({ section_name: s.section_name, start_ms: Math.round((s.start_bar - 1) * 4 * 60000 / 118), end_ms: Math.round(s.end_bar * 4 * 60000 / 118), template_id: s.template_id, fixtures: ['MH1', 'MH2', 'MH3', 'MH4'], channels: { shutter: 'open', color: s.preset_id, gobo: 'open' } })), metadata: { beat_aligned: true, bar_aligned: true } };
  const oldEval = {
    story_overview: 'A six-section synthwave show that mirrors the song structure: calm intro, two verse/chorus pairs, and a short outro.',
    overall_score: 72.5,
    category_scores: [
      { category: 'Musical Alignment', score: 84, reasoning: 'Section boundaries are bar-aligned; choruses start on the downbeat.', strengths: ['Bar-aligned sections'], weaknesses: ['Verse 2 repeats verse 1 exactly'] },
      { category: 'Energy Arc', score: 66, reasoning: 'Energy follows the song but the second chorus does not build on the first.', strengths: ['Clear intro and outro'], weaknesses: ['No climax'] },
      { category: 'Variety', score: 61, reasoning: 'Only four templates in six sections.', strengths: [], weaknesses: ['Repetition in verses and choruses'] },
    ],
    summary: 'Serviceable and musical, but repetitive; acceptable for a first market night.',
    actionable_feedback: ['Vary the second chorus', 'Add a climax before the outro'],
    pass_threshold: true,
    channel_scoring: { shutter_appropriateness: 8, shutter_issues: [], color_appropriateness: 9, color_issues: [], gobo_appropriateness: 6, gobo_issues: ['Gobos stay open all show; a rotating gobo in the choruses would add texture.'], visual_impact: 6, visual_impact_issues: ['Choruses look like the verses from the back of the crowd.'] },
  };
  out.putJson(`${dir}/plans/${old}_raw.json`, oldPlan, oldAt, { ensureAscii: false });
  out.putJson(`${dir}/plans/${old}_implementation.json`, implementation, oldAt + 2 * MIN, { ensureAscii: false });
  out.putJson(`${dir}/plans/${old}_evaluation.json`, oldEval, oldAt + 4 * MIN, { ensureAscii: false });
  out.putJson(`${dir}/plans/${old}_final.json`, { status: 'SUCCESS', plan: oldPlan, implementation, evaluation: oldEval, iterations: 1, tokens_used: 24310, execution_time_s: 251.6 }, oldAt + 5 * MIN, { ensureAscii: false });
  writeDecision({ rel: `${dir}/plans/${old}_decision.greenlight.json`, targetRel: `${dir}/plans/${old}_final.json`, gate: 'final', decision: 'approve', note: 'Good enough for the first market night; the new run should fix the repetition.', by: 'sam.okafor', at: oldAt + 3 * HOUR });
}

function twinklrBroken() {
  const project = 'broken_half_written';
  const dir = `${TW}/${project}/checkpoints/plans`;
  const at = clock.ago(3 * HOUR);
  const plan = { sections: [{ section_name: 'intro', start_bar: 1, end_bar: 8, template_id: 'circle_slow', modifiers: {}, reasoning: 'Calm start.' }], overall_strategy: 'Sample of a file Twinklr was still writing (it writes in place, not atomically).' };
  out.putJson(`${dir}/${project}_iter01_raw.json`, { run_id: null, iteration: 1, checkpoint_type: 'raw', plan }, at, { ensureAscii: false });
  const full = pyJson({ run_id: null, iteration: 1, checkpoint_type: 'evaluation', evaluation: judgeResponse(MIDNIGHT_JUDGE[2]), plan_sections: 1, score: 5.2, decision: 'SOFT_FAIL' }, { ensureAscii: false });
  out.put(`${dir}/${project}_iter01_evaluation.json`, full.slice(0, Math.floor(full.length * 0.55)), at + 60_000);
}

export function twinklr() {
  holidayLights();
  midnightDrive();
  twinklrBroken();
}
