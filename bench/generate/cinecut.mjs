// CineCut work folders (FORMATS §5), as scripts/samples/cinecut.mjs writes them: the film beside
// `<stem>_cinecut_work/` holding pipeline_checkpoint.json (HEAD field order, absolute paths),
// the trailer and assembly manifests, the proxy and keyframes. Some runs finished (trailer
// beside the film), some wait for the conform review, some are mid-run or stale.
import path from 'node:path';
import { seeded } from '../../scripts/samples/ids.mjs';
import { ccCheckpoint } from '../../scripts/samples/cinecut.mjs';
import { MIN, HOUR } from '../../scripts/samples/clock.mjs';
import { int, pick, round, sentence } from './text.mjs';

const CC = 'cinecut/films';
const F = 'cinecut';
const STAGES = ['proxy', 'subtitles', 'keyframes', 'structural', 'narrative', 'assembly', 'music'];
const VIBES = ['thriller', 'drama', 'comedy', 'romance', 'sci-fi', 'horror'];
const BEATS = ['character_introduction', 'inciting_incident', 'escalation_beat', 'relationship_beat', 'money_shot', 'climax_peak', 'breath'];


export function cinecut(w, clock, { folders }) {
  const states = {};
  for (let i = 0; i < folders; i++) {
    const r = seeded(`bench-cc-${i}`);
    const stem = `film_${String(i).padStart(4, '0')}`;
    const rel = `${CC}/${stem}_cinecut_work`;
    const work = w.abs(rel);
    const p = (name) => path.join(work, name);
    const film = w.abs(`${CC}/${stem}.mp4`);
    const roll = r();
    const state = roll < 0.4 ? 'done' : roll < 0.7 ? 'review' : roll < 0.9 ? 'running' : 'stale';
    states[state] = (states[state] ?? 0) + 1;
    const vibe = pick(r, VIBES);
    const at = clock.ago(int(r, 1, 30 * 24) * HOUR);
    if (state !== 'stale') w.media(F, 'film-reel.mp4', `${CC}/${stem}.mp4`);
    w.media(F, 'film-proxy.mp4', `${rel}/${stem}_proxy.mp4`);
    for (let k = 1; k <= 3; k++) w.media(F, `keyframe-0${k}.jpg`, `${rel}/keyframes/frame_${String(k * 6500).padStart(6, '0')}.jpg`);
    const anchors = { begin_t: 2.0, escalation_t: 9.5, climax_t: 18.0, source: 'llm' };
    const reached = state === 'running' ? int(r, 1, 4) : STAGES.length;
    if (reached >= 5) {
      let t = 0;
      const clips = Array.from({ length: int(r, 20, 60) }, () => {
        const start = round((t += 0.5 + r() * 2), 1);
        return { source_start_s: start, source_end_s: round(start + 0.5 + r() * 2, 1), beat_type: pick(r, BEATS), act: pick(r, ['cold_open', 'act1', 'act2', 'act3', 'button']), transition: pick(r, ['hard_cut', 'crossfade', 'fade_to_black']), dialogue_excerpt: sentence(r, 3, 9), reasoning: sentence(r, 8, 16), narrative_zone: pick(r, ['BEGINNING', 'ESCALATION', 'CLIMAX']), money_shot_score: round(r()) };
      });
      const music = { track_id: `ccm-${int(r, 10000, 99999)}`, track_name: sentence(r, 2, 3).slice(0, -1), artist_name: sentence(r, 2, 2).slice(0, -1), license_ccurl: 'https://creativecommons.org/licenses/by/4.0/', local_path: p('music/track.mp3'), bpm: 120.0 };
      w.putJson(F, `${rel}/TRAILER_MANIFEST.json`, { schema_version: '2.0', source_file: film, vibe, clips, structural_anchors: anchors, bpm_grid: { bpm: 120.0, beat_count: 48, source: 'librosa' }, music_bed: music }, at - 10 * MIN);
      w.putJson(F, `${rel}/ASSEMBLY_MANIFEST.json`, { schema_version: '2.0', source_file: film, vibe, target_duration_s: 60, clips: clips.map((c, k) => ({ order: k + 1, source_start_s: c.source_start_s, source_end_s: c.source_end_s, act: c.act, transition: c.transition })), bpm_grid: { bpm: 120.0, beat_count: 48, source: 'librosa' }, music_bed: music }, at - 5 * MIN);
    }
    const done = reached >= 5;
    w.putJson(F, `${rel}/pipeline_checkpoint.json`, ccCheckpoint({
      source_file: film, vibe, stages_complete: STAGES.slice(0, reached), proxy_path: p(`${stem}_proxy.mp4`), keyframe_count: 3, dialogue_event_count: int(r, 5, 600),
      inference_complete: done, cache_hit: false, manifest_path: done ? p('TRAILER_MANIFEST.json') : null, assembly_manifest_path: done ? p('ASSEMBLY_MANIFEST.json') : null,
      proxy_duration_s: 24.0, structural_anchors: reached >= 4 ? anchors : null,
    }), at);
    if (state === 'done') w.media(F, 'film-reel.mp4', `${CC}/${stem}_trailer_${vibe.replace('-', '_')}.mp4`);
  }
  return { folders, states };
}
