// aivideo samples (FORMATS §4): JSON exported from the REST API (checkpoint tree and status object).
import { clock, out } from './session.mjs';
import { MIN, HOUR, DAY } from './clock.mjs';
import { seeded, hex, uuid4 } from './ids.mjs';

const AV = 'aivideo';
const S3_HOST = 'https://aivideo-media-prod.s3.amazonaws.com';

function avFactory(label, userId, videoId) {
  const r = seeded(`aivideo-${label}`);
  const presign = (key, at) => {
    const amzDate = new Date(at).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    return `${S3_HOST}/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F${amzDate.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${amzDate}&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${hex(64, r)}`;
  };
  const art = (type, key, file, version, metadata, at, exportAt) => ({
    id: `art-${uuid4(r)}`,
    artifact_type: type,
    artifact_key: key,
    s3_url: file ? presign(`${userId}/videos/${videoId}/${file}`, exportAt) : '',
    version,
    metadata,
    created_at: clock.zIso(at),
  });
  const cp = (fields) => ({
    id: `cp-${uuid4(r)}`,
    video_id: videoId,
    branch_name: fields.branch,
    phase_number: fields.phase,
    version: 1,
    status: fields.approvedAt ? 'approved' : 'pending',
    approved_at: fields.approvedAt ? clock.zIso(fields.approvedAt) : null,
    created_at: clock.zIso(fields.at),
    cost_usd: fields.cost,
    parent_checkpoint_id: fields.parent ?? null,
    user_id: userId,
    edit_description: fields.edit ?? null,
    artifacts: fields.artifacts,
  });
  return { art, cp, uuid: () => uuid4(r) };
}

function specFor(name, category, beats, style, audio) {
  return {
    spec: {
      template: 'product_showcase',
      duration: beats.reduce((a, b) => a + b.duration, 0),
      beats: beats.map((b, i) => ({ beat_id: `beat_${i}`, duration: b.duration, shot_type: b.shot, prompt_template: b.prompt })),
      style,
      product: { name, category },
      audio,
    },
  };
}

/** Tree node as GET /checkpoint-tree returns it. */
const node = (checkpoint, children = []) => ({ checkpoint, children });

function sneakerTeaser() {
  const user = 'Xk3v9QpL2mTzR8aB1cD4eF5gH6i2';
  const videoId = uuid4(seeded('aivideo-sneaker-id'));
  const f = avFactory('sneaker', user, videoId);
  const exportAt = clock.ago(4 * MIN);
  const beats = [
    { duration: 3, shot: 'close_up', prompt: '{product} sole flexing, neon rim light, wet asphalt' },
    { duration: 3, shot: 'tracking', prompt: 'runner feet at night, city lights streak past, {product}' },
    { duration: 3, shot: 'macro', prompt: 'knit upper texture, magenta and blue reflections' },
    { duration: 3, shot: 'wide', prompt: 'runner on an empty bridge at 2am, {product} glowing' },
    { duration: 3, shot: 'hero', prompt: '{product} floating, slow rotation, logo reveal' },
  ];
  const spec = specFor('Strata Runner 2', 'footwear', beats, { mood: 'energetic', lighting: 'neon rim light', aesthetic: 'urban night', color_palette: ['#0d0d0d', '#ff006e', '#3a86ff'] }, { music_style: 'driving synthwave', tempo: 'fast', mood: 'confident' });
  const T = (h, m = 0) => clock.ago(h * HOUR + m * MIN);
  const t = { p1: T(27), p1ok: T(26, 50), p2: T(26, 45), beatEdit: T(25), p2ok: T(23), p3: T(22, 50), chunkEdit: T(6), p3ok: T(5), p4: T(4, 50) };

  // The spec was edited before approval, so continuing it opened branch main-1; the beat edit
  // on main-1 then opened main-1-1, where phase 3 now waits (continue = approve).
  const p1 = f.cp({ branch: 'main', phase: 1, at: t.p1, approvedAt: t.p1ok, cost: 0.0008, edit: 'Tightened beat 3 to a macro shot of the knit upper', artifacts: [f.art('spec', 'spec', null, 2, spec, t.p1, exportAt)] });
  const beatArts = beats.map((b, i) => {
    const edited = i === 2;
    const version = edited ? 2 : 1;
    const meta = { beat_id: `beat_${i}`, prompt_used: b.prompt.replace('{product}', 'Strata Runner 2'), shot_type: b.shot };
    if (edited) Object.assign(meta, { regenerated: true, prompt_override: 'macro of the knit upper, strong magenta side light, shallow depth of field' });
    return f.art('beat_image', `beat_${i}`, `beat_${String(i).padStart(2, '0')}_v${version}.png`, version, meta, edited ? t.beatEdit : t.p2, exportAt);
  });
  const p2 = f.cp({ branch: 'main-1', phase: 2, at: t.p2, approvedAt: t.p2ok, cost: 0.2, parent: p1.id, edit: 'Regenerated beat 2 with a stronger magenta side light', artifacts: beatArts });
  const chunkArts = beats.map((_, i) => {
    const meta = { chunk_index: i, model: 'wan-2.1-i2v' };
    return f.art('video_chunk', `chunk_${i}`, `chunk_${String(i).padStart(2, '0')}_v1.mp4`, 1, meta, t.p3, exportAt);
  });
  chunkArts.push(f.art('stitched_video', 'stitched', 'stitched_v1.mp4', 1, { num_chunks: 5 }, t.p3, exportAt));
  const p3 = f.cp({ branch: 'main-1-1', phase: 3, at: t.p3, cost: 1.15, parent: p2.id, artifacts: chunkArts });
  // Waiting gate: phase 3 (chunks) on main-1-1 is pending (continue = approve).
  const tree = [node(p1, [node(p2, [node(p3)])])];
  out.put(`${AV}/sneaker-launch-teaser.aivideo.json`, `${JSON.stringify(tree, null, 2)}\n`, exportAt);
}

function coffeeStory() {
  const user = 'q8WnE2rVb7YtU1iO3pA5sD9fG4h0';
  const videoId = uuid4(seeded('aivideo-coffee-id'));
  const f = avFactory('coffee', user, videoId);
  const exportAt = clock.ago(2 * MIN);
  const beats = [
    { duration: 4, shot: 'establishing', prompt: 'misty highland coffee farm at sunrise, {product} sacks on a cart' },
    { duration: 4, shot: 'close_up', prompt: 'hands sorting ripe red cherries' },
    { duration: 4, shot: 'medium', prompt: 'roaster pouring beans into the cooling tray, steam' },
    { duration: 3, shot: 'hero', prompt: 'a cup of {product} on a wooden counter, morning light' },
  ];
  const spec = specFor('Altura Single Origin', 'coffee', beats, { mood: 'warm', lighting: 'golden hour', aesthetic: 'documentary', color_palette: ['#3e2723', '#d7a86e', '#f5f0e6'] }, { music_style: 'acoustic guitar', tempo: 'slow', mood: 'hopeful' });
  const t = { p1: clock.ago(50 * MIN), p1ok: clock.ago(42 * MIN), p2: clock.ago(38 * MIN) };
  // The spec was edited before approval, so continuing it opened branch main-1; the beat edit
  // on main-1 then opened main-1-1, where phase 3 now waits (continue = approve).
  const p1 = f.cp({ branch: 'main', phase: 1, at: t.p1, approvedAt: t.p1ok, cost: 0.0008, edit: 'Tightened beat 3 to a macro shot of the knit upper', artifacts: [f.art('spec', 'spec', null, 2, spec, t.p1, exportAt)] });
  const beatArts = beats.map((b, i) => f.art('beat_image', `beat_${i}`, `beat_${String(i).padStart(2, '0')}_v1.png`, 1, { beat_id: `beat_${i}`, prompt_used: b.prompt.replace('{product}', 'Altura'), shot_type: b.shot }, t.p2, exportAt));
  const p2 = f.cp({ branch: 'main', phase: 2, at: t.p2, cost: 0.16, parent: p1.id, artifacts: beatArts });
  const { artifacts, ...p2Info } = p2;
  const status = {
    video_id: videoId,
    status: 'paused_at_phase2',
    progress: 40,
    current_phase: 'phase2',
    error: null,
    current_checkpoint: {
      checkpoint_id: p2Info.id,
      branch_name: p2Info.branch_name,
      phase_number: p2Info.phase_number,
      version: p2Info.version,
      status: p2Info.status,
      created_at: p2Info.created_at,
      artifacts: Object.fromEntries(artifacts.map((a) => [a.artifact_key, a])),
    },
    checkpoint_tree: [node(p1, [node(p2)])],
    active_branches: [{ branch_name: 'main', latest_checkpoint_id: p2Info.id, phase_number: 2, status: 'pending', can_continue: true }],
  };
  out.put(`${AV}/coffee-brand-story.aivideo.json`, `${JSON.stringify(status, null, 2)}\n`, exportAt);
}

function yoloReel() {
  const user = 'Xk3v9QpL2mTzR8aB1cD4eF5gH6i2';
  const videoId = uuid4(seeded('aivideo-yolo-id'));
  const f = avFactory('yolo', user, videoId);
  const exportAt = clock.ago(3 * DAY);
  const beats = [
    { duration: 3, shot: 'wide', prompt: 'desk lamp switching on in a dark studio, {product}' },
    { duration: 3, shot: 'close_up', prompt: '{product} dial turning, soft focus' },
    { duration: 3, shot: 'hero', prompt: '{product} on a white sweep, logo' },
  ];
  const spec = specFor('Lumo Desk Lamp', 'home', beats, { mood: 'calm', lighting: 'soft key', aesthetic: 'minimal', color_palette: ['#ffffff', '#222222', '#ffb703'] }, { music_style: 'lo-fi piano', tempo: 'medium', mood: 'calm' });
  const base = exportAt - 14 * MIN;
  // auto_continue ("YOLO"): every checkpoint approved by the pipeline itself, all on main.
  const p1 = f.cp({ branch: 'main', phase: 1, at: base, approvedAt: base + 5000, cost: 0.0008, artifacts: [f.art('spec', 'spec', null, 1, spec, base, exportAt)] });
  const p2 = f.cp({ branch: 'main', phase: 2, at: base + 2 * MIN, approvedAt: base + 2 * MIN + 4000, cost: 0.12, parent: p1.id, artifacts: beats.map((b, i) => f.art('beat_image', `beat_${i}`, `beat_${String(i).padStart(2, '0')}_v1.png`, 1, { beat_id: `beat_${i}`, prompt_used: b.prompt.replace('{product}', 'Lumo'), shot_type: b.shot }, base + 2 * MIN, exportAt)) });
  const p3 = f.cp({ branch: 'main', phase: 3, at: base + 8 * MIN, approvedAt: base + 8 * MIN + 4000, cost: 0.66, parent: p2.id, artifacts: [
    ...beats.map((_, i) => f.art('video_chunk', `chunk_${i}`, `chunk_${String(i).padStart(2, '0')}_v1.mp4`, 1, { chunk_index: i }, base + 8 * MIN, exportAt)),
    f.art('stitched_video', 'stitched', 'stitched_v1.mp4', 1, { num_chunks: 3 }, base + 8 * MIN, exportAt),
  ] });
  const p4 = f.cp({ branch: 'main', phase: 4, at: base + 12 * MIN, approvedAt: base + 12 * MIN + 3000, cost: 0.1, parent: p3.id, artifacts: [
    f.art('final_video', 'final', 'final_v1.mp4', 1, { with_audio: true }, base + 12 * MIN, exportAt),
    f.art('music', 'music', 'music_v1.mp3', 1, { music_style: 'lo-fi piano' }, base + 12 * MIN, exportAt),
  ] });
  out.put(`${AV}/lamp-yolo-reel.aivideo.json`, `${JSON.stringify([node(p1, [node(p2, [node(p3, [node(p4)])])])], null, 2)}\n`, exportAt);
}

export function aivideo() {
  sneakerTeaser();
  coffeeStory();
  yoloReel();
}
