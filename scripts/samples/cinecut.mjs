// CineCut samples (FORMATS §5): films beside their `<stem>_cinecut_work/` dirs; absolute paths are
// computed from the real out dir at generation time.
import path from 'node:path';
import { clock, out } from './session.mjs';
import { MIN, HOUR, DAY } from './clock.mjs';

const CC = 'cinecut/films';
const FILM_SECONDS = 24;

/** HEAD `PipelineCheckpoint` field order (12 fields); `older` = the first 9 (f427052). */
export function ccCheckpoint(c, older = false) {
  const head = {
    source_file: c.source_file,
    vibe: c.vibe,
    stages_complete: c.stages_complete,
    proxy_path: c.proxy_path ?? null,
    keyframe_count: c.keyframe_count ?? null,
    dialogue_event_count: c.dialogue_event_count ?? null,
    inference_complete: c.inference_complete ?? null,
    cache_hit: c.cache_hit ?? null,
    manifest_path: c.manifest_path ?? null,
    assembly_manifest_path: c.assembly_manifest_path ?? null,
    proxy_duration_s: c.proxy_duration_s ?? null,
    structural_anchors: c.structural_anchors ?? null,
  };
  if (older) {
    delete head.cache_hit;
    delete head.proxy_duration_s;
    delete head.structural_anchors;
  }
  return head;
}

function ccWork(stem) {
  const film = out.abs(`${CC}/${stem}.mp4`);
  const work = out.abs(`${CC}/${stem}_cinecut_work`);
  return { film, work, rel: `${CC}/${stem}_cinecut_work`, p: (name) => path.join(work, name) };
}

function nightTrain() {
  const stem = 'night_train';
  const w = ccWork(stem);
  const t = { film: clock.ago(2 * DAY), start: clock.ago(4 * HOUR + 10 * MIN), keyframes: clock.ago(4 * HOUR), narrative: clock.ago(3 * HOUR + 30 * MIN), music: clock.ago(3 * HOUR) };
  out.copyMedia('film-reel.mp4', `${CC}/${stem}.mp4`, t.film);
  out.copyMedia('film-proxy.mp4', `${w.rel}/${stem}_proxy.mp4`, t.start);
  const stamps = [3.5, 11.0, 19.5];
  stamps.forEach((s, i) => out.copyMedia(`keyframe-0${i + 1}.jpg`, `${w.rel}/keyframes/frame_${String(Math.round(s * 1000)).padStart(6, '0')}.jpg`, t.keyframes));
  out.putJson(`${w.rel}/keyframe_timestamps.json`, stamps, t.keyframes);
  out.copyMedia('music-bed.mp3', `${w.rel}/music/ccmixter-night-signal.mp3`, t.music);
  const anchors = { begin_t: 2.0, escalation_t: 9.5, climax_t: 18.0, source: 'llm' };
  const manifest = {
    schema_version: '2.0',
    source_file: w.film,
    vibe: 'thriller',
    clips: [
      { source_start_s: 0.5, source_end_s: 2.5, beat_type: 'character_introduction', act: 'cold_open', transition: 'hard_cut', dialogue_excerpt: 'Last train out. Nobody else gets on.', reasoning: 'An empty platform establishes isolation before any dialogue.', narrative_zone: 'BEGINNING', money_shot_score: 0.41 },
      { source_start_s: 3.0, source_end_s: 5.5, beat_type: 'inciting_incident', act: 'act1', transition: 'hard_cut', dialogue_excerpt: 'Whose bag is that?', reasoning: 'The unattended bag is the hook.', narrative_zone: 'BEGINNING', money_shot_score: 0.55 },
      { source_start_s: 7.0, source_end_s: 8.0, beat_type: 'breath', act: 'beat_drop', transition: 'fade_to_black', dialogue_excerpt: '' },
      { source_start_s: 9.5, source_end_s: 12.0, beat_type: 'escalation_beat', act: 'act2', transition: 'crossfade', dialogue_excerpt: 'The lights are going out, carriage by carriage.', visual_analysis: 'Yellow window light sweeping past, strong motion', narrative_zone: 'ESCALATION', money_shot_score: 0.72 },
      { source_start_s: 13.0, source_end_s: 14.5, beat_type: 'relationship_beat', act: 'breath', transition: 'hard_cut', dialogue_excerpt: 'Stay with me.', subtitle_analysis: 'Quiet line between two loud beats', narrative_zone: 'ESCALATION' },
      { source_start_s: 17.5, source_end_s: 19.5, beat_type: 'money_shot', act: 'act3', transition: 'hard_cut', dialogue_excerpt: '', visual_analysis: 'Full-frame light flare as the carriage passes', narrative_zone: 'CLIMAX', money_shot_score: 0.93 },
      { source_start_s: 20.0, source_end_s: 21.5, beat_type: 'climax_peak', act: 'act3', transition: 'fade_to_white', dialogue_excerpt: 'Pull the brake!', narrative_zone: 'CLIMAX', money_shot_score: 0.88 },
      { source_start_s: 22.0, source_end_s: 23.5, beat_type: 'breath', act: 'button', transition: 'fade_to_black', dialogue_excerpt: 'Tickets, please.' },
    ],
    structural_anchors: anchors,
    bpm_grid: { bpm: 120.0, beat_count: 48, source: 'librosa' },
    music_bed: { track_id: 'ccm-70412', track_name: 'Night Signal', artist_name: 'Vessel Drift', license_ccurl: 'https://creativecommons.org/licenses/by/4.0/', local_path: w.p('music/ccmixter-night-signal.mp3'), bpm: 120.0 },
  };
  out.putJson(`${w.rel}/TRAILER_MANIFEST.json`, manifest, t.narrative);
  out.putJson(`${w.rel}/ASSEMBLY_MANIFEST.json`, { schema_version: '2.0', source_file: w.film, vibe: 'thriller', target_duration_s: 16, clips: manifest.clips.map((c, i) => ({ order: i + 1, source_start_s: c.source_start_s, source_end_s: c.source_end_s, act: c.act, transition: c.transition })), bpm_grid: manifest.bpm_grid, music_bed: manifest.music_bed }, t.music - 5 * MIN);
  // Gate: finished through music, waiting for the --review confirmation before FFmpeg conform.
  out.putJson(`${w.rel}/pipeline_checkpoint.json`, ccCheckpoint({
    source_file: w.film, vibe: 'thriller',
    stages_complete: ['proxy', 'subtitles', 'keyframes', 'structural', 'narrative', 'assembly', 'music'],
    proxy_path: w.p(`${stem}_proxy.mp4`), keyframe_count: stamps.length, dialogue_event_count: 14,
    inference_complete: true, cache_hit: false,
    manifest_path: w.p('TRAILER_MANIFEST.json'), assembly_manifest_path: w.p('ASSEMBLY_MANIFEST.json'),
    proxy_duration_s: FILM_SECONDS, structural_anchors: anchors,
  }), t.music);
}

function harborLights() {
  const stem = 'harbor_lights';
  const w = ccWork(stem);
  const t = { film: clock.ago(1 * DAY + 3 * HOUR), start: clock.ago(25 * MIN), keyframes: clock.ago(12 * MIN) };
  out.copyMedia('film-reel.mp4', `${CC}/${stem}.mp4`, t.film);
  out.copyMedia('film-proxy.mp4', `${w.rel}/${stem}_proxy.mp4`, t.start);
  const stamps = [6.0, 15.5];
  stamps.forEach((s, i) => out.copyMedia(`keyframe-0${i + 2}.jpg`, `${w.rel}/keyframes/frame_${String(Math.round(s * 1000)).padStart(6, '0')}.jpg`, t.keyframes));
  out.putJson(`${w.rel}/keyframe_timestamps.json`, stamps, t.keyframes);
  // Mid-run: keyframes extracted, scene inference still running.
  out.putJson(`${w.rel}/pipeline_checkpoint.json`, ccCheckpoint({
    source_file: w.film, vibe: 'romance', stages_complete: ['proxy', 'subtitles', 'keyframes'],
    proxy_path: w.p(`${stem}_proxy.mp4`), keyframe_count: stamps.length, dialogue_event_count: 9,
    inference_complete: false, proxy_duration_s: FILM_SECONDS,
  }), t.keyframes);
}

function lostReel() {
  // The film was moved or deleted after this run: CineCut would call the checkpoint stale.
  const stem = 'lost_reel';
  const w = ccWork(stem);
  const lostFilm = out.abs(`${CC}/${stem}.mkv`);
  const at = clock.ago(9 * DAY + 2 * HOUR);
  out.putJson(`${w.rel}/pipeline_checkpoint.json`, ccCheckpoint({
    source_file: lostFilm, vibe: 'sci-fi', stages_complete: ['proxy', 'subtitles', 'keyframes', 'structural', 'narrative'],
    proxy_path: w.p(`${stem}_proxy.mp4`), keyframe_count: 212, dialogue_event_count: 640,
    inference_complete: true, cache_hit: true, manifest_path: w.p('TRAILER_MANIFEST.json'),
    proxy_duration_s: 5432.1, structural_anchors: { begin_t: 95.0, escalation_t: 2210.5, climax_t: 4630.0, source: 'heuristic' },
  }), at);
  out.putJson(`${w.rel}/TRAILER_MANIFEST.json`, { schema_version: '2.0', source_file: lostFilm, vibe: 'sci-fi', clips: [
    { source_start_s: 95.0, source_end_s: 99.5, beat_type: 'character_introduction', act: 'cold_open', transition: 'hard_cut', dialogue_excerpt: 'Reel four is missing.' },
    { source_start_s: 4630.0, source_end_s: 4634.0, beat_type: 'climax_peak', act: 'act3', transition: 'fade_to_black', dialogue_excerpt: '' },
  ] }, at - 10 * MIN);
}

function docksideOld() {
  // Written by the first CineCut release: 9 fields, no structural or music stage.
  const stem = 'dockside_cut';
  const w = ccWork(stem);
  const t = { film: clock.ago(17 * DAY), run: clock.ago(16 * DAY + 5 * HOUR) };
  out.copyMedia('film-reel.mp4', `${CC}/${stem}.mp4`, t.film);
  out.copyMedia('film-proxy.mp4', `${w.rel}/${stem}_proxy.mp4`, t.run - 40 * MIN);
  out.copyMedia('keyframe-01.jpg', `${w.rel}/keyframes/frame_003500.jpg`, t.run - 20 * MIN);
  out.copyMedia('keyframe-03.jpg', `${w.rel}/keyframes/frame_019500.jpg`, t.run - 20 * MIN);
  out.putJson(`${w.rel}/TRAILER_MANIFEST.json`, { schema_version: '1.0', source_file: w.film, vibe: 'drama', clips: [
    { source_start_s: 1.0, source_end_s: 4.0, beat_type: 'character_introduction', act: 'cold_open', transition: 'hard_cut', dialogue_excerpt: 'They are closing the docks.' },
    { source_start_s: 10.0, source_end_s: 13.0, beat_type: 'escalation_beat', act: 'act2', transition: 'crossfade', dialogue_excerpt: 'Then we make them listen.' },
    { source_start_s: 19.0, source_end_s: 21.0, beat_type: 'money_shot', act: 'act3', transition: 'fade_to_black', dialogue_excerpt: '' },
  ] }, t.run - 10 * MIN);
  out.putJson(`${w.rel}/ASSEMBLY_MANIFEST.json`, { schema_version: '1.0', source_file: w.film, clips: [{ order: 1, source_start_s: 1.0, source_end_s: 4.0 }, { order: 2, source_start_s: 10.0, source_end_s: 13.0 }, { order: 3, source_start_s: 19.0, source_end_s: 21.0 }] }, t.run);
  out.putJson(`${w.rel}/pipeline_checkpoint.json`, ccCheckpoint({
    source_file: w.film, vibe: 'drama', stages_complete: ['proxy', 'subtitles', 'keyframes', 'narrative', 'assembly'],
    proxy_path: w.p(`${stem}_proxy.mp4`), keyframe_count: 2, dialogue_event_count: 11, inference_complete: true,
    manifest_path: w.p('TRAILER_MANIFEST.json'), assembly_manifest_path: w.p('ASSEMBLY_MANIFEST.json'),
  }, true), t.run);
  // Conform ran: the trailer sits beside the film (conform itself is never recorded in the checkpoint).
  out.copyMedia('film-reel.mp4', `${CC}/${stem}_trailer_drama.mp4`, t.run + 25 * MIN);
}

function cinecutBroken() {
  // An app once added "approved": CineCut's loader rejects unknown keys and silently restarts the run.
  const stem = 'broken_extra_key';
  const w = ccWork(stem);
  const at = clock.ago(5 * HOUR);
  out.copyMedia('film-reel.mp4', `${CC}/${stem}.mp4`, at - HOUR);
  out.copyMedia('film-proxy.mp4', `${w.rel}/${stem}_proxy.mp4`, at - 30 * MIN);
  const cp = ccCheckpoint({
    source_file: w.film, vibe: 'comedy', stages_complete: ['proxy', 'subtitles'],
    proxy_path: w.p(`${stem}_proxy.mp4`), keyframe_count: null, dialogue_event_count: 21, inference_complete: false, proxy_duration_s: FILM_SECONDS,
  });
  out.putJson(`${w.rel}/pipeline_checkpoint.json`, { ...cp, approved: true }, at);
}

export function cinecut() {
  nightTrain();
  harborLights();
  lostReel();
  docksideOld();
  cinecutBroken();
}
