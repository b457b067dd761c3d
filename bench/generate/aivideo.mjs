// aivideo API exports (FORMATS §4), shaped like scripts/samples/aivideo.mjs: the checkpoint tree
// GET /checkpoint-tree returns, with presigned S3 URLs for every artifact, saved in one folder.
import { seeded, hex, uuid4 } from '../../scripts/samples/ids.mjs';
import { MIN, HOUR } from '../../scripts/samples/clock.mjs';
import { int, pick, round, sentence, slug } from './text.mjs';

const AV = 'aivideo';
const F = 'aivideo';
const S3 = 'https://aivideo-media-prod.s3.amazonaws.com';

export function aivideo(w, clock, { exports }) {
  let waiting = 0;
  for (let i = 0; i < exports; i++) {
    const r = seeded(`bench-av-${i}`);
    const user = hex(28, r);
    const videoId = uuid4(r);
    const exportAt = clock.ago(int(r, 1, 20 * 24) * HOUR);
    const presign = (key) => `${S3}/${user}/videos/${videoId}/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${hex(64, r)}`;
    const art = (type, key, file, version, metadata, at) => ({ id: `art-${uuid4(r)}`, artifact_type: type, artifact_key: key, s3_url: file ? presign(file) : '', version, metadata, created_at: clock.zIso(at) });
    const beats = Array.from({ length: int(r, 4, 8) }, (_, k) => ({ beat_id: `beat_${k}`, duration: 3, shot_type: pick(r, ['close_up', 'wide', 'macro', 'hero', 'tracking']), prompt_template: sentence(r, 8, 14) }));
    const spec = { spec: { template: 'product_showcase', duration: beats.length * 3, beats, style: { mood: pick(r, ['energetic', 'warm', 'calm']), lighting: sentence(r, 2, 4), aesthetic: slug(r, 2), color_palette: ['#0d0d0d', '#ff006e', '#3a86ff'] }, product: { name: sentence(r, 2, 3).slice(0, -1), category: pick(r, ['footwear', 'coffee', 'home']) }, audio: { music_style: sentence(r, 2, 3), tempo: 'fast', mood: 'confident' } } };
    const reach = int(r, 2, 4);
    let t = exportAt - reach * 30 * MIN;
    let parent = null;
    const nodes = [];
    for (let phase = 1; phase <= reach; phase++) {
      t += int(r, 5, 25) * MIN;
      const pending = phase === reach && r() < 0.5;
      if (pending) waiting++;
      const artifacts =
        phase === 1
          ? [art('spec', 'spec', null, 1, spec, t)]
          : phase === 2
            ? beats.map((b, k) => art('beat_image', `beat_${k}`, `beat_${String(k).padStart(2, '0')}_v1.png`, 1, { beat_id: b.beat_id, prompt_used: b.prompt_template, shot_type: b.shot_type }, t))
            : phase === 3
              ? [...beats.map((_, k) => art('video_chunk', `chunk_${k}`, `chunk_${String(k).padStart(2, '0')}_v1.mp4`, 1, { chunk_index: k, model: 'wan-2.1-i2v' }, t)), art('stitched_video', 'stitched', 'stitched_v1.mp4', 1, { num_chunks: beats.length }, t)]
              : [art('final_video', 'final', 'final_v1.mp4', 1, { with_audio: true }, t), art('music', 'music', 'music_v1.mp3', 1, { music_style: 'synthwave' }, t)];
      const cp = { id: `cp-${uuid4(r)}`, video_id: videoId, branch_name: 'main', phase_number: phase, version: 1, status: pending ? 'pending' : 'approved', approved_at: pending ? null : clock.zIso(t + 4 * MIN), created_at: clock.zIso(t), cost_usd: round(r() * 1.2, 4), parent_checkpoint_id: parent, user_id: user, edit_description: null, artifacts };
      parent = cp.id;
      nodes.push(cp);
    }
    let tree = null;
    for (let k = nodes.length - 1; k >= 0; k--) tree = { checkpoint: nodes[k], children: tree ? [tree] : [] };
    w.put(F, `${AV}/${slug(r, 2)}-${String(i).padStart(3, '0')}.aivideo.json`, `${JSON.stringify([tree], null, 2)}\n`, exportAt);
  }
  return { exports, waiting };
}
