// OpenMontage projects (FORMATS §1), in the shapes scripts/samples/openmontage.mjs writes: the
// envelope in lib/checkpoint.py's key order, inline canonical artifacts per stage, history/
// copies of superseded versions, project.json, and media the asset manifest and render report
// point at. Every project follows one nine-stage manifest; where it stands is drawn per project.
import { seeded, hex } from '../../scripts/samples/ids.mjs';
import { MIN, HOUR, DAY } from '../../scripts/samples/clock.mjs';
import { int, paragraph, pick, round, sentence, slug, words } from './text.mjs';

const OM = 'openmontage';
const F = 'openmontage';

export const OM_STAGES = ['idea', 'research', 'proposal', 'script', 'scene_plan', 'assets', 'edit', 'compose', 'publish'];
const GATED = new Set(['proposal', 'script', 'scene_plan', 'assets', 'publish']);

const MANIFEST = `name: full-production
version: "1.0"
description: >
  Synthetic nine-stage pipeline for the Greenlight benchmark: every canonical
  stage OpenMontage knows, in its fallback order, with the usual gates.
category: hybrid
stability: production
default_checkpoint_policy: guided

stages:
${OM_STAGES.map(
  (s) => `  - name: ${s}
    skill: pipelines/full-production/${s.replace('_', '-')}-director
    checkpoint_required: true
    human_approval_default: ${GATED.has(s)}`,
).join('\n')}
`;

const PLATFORMS = ['youtube', 'tiktok', 'instagram', 'linkedin'];
const TOOLS = ['flux_image', 'elevenlabs_tts', 'stable_audio', 'runway_gen3', 'remotion', 'ffmpeg'];

function brief(r) {
  return { version: '1.0', title: sentence(r, 3, 6).slice(0, -1), hook: sentence(r), key_points: Array.from({ length: int(r, 3, 5) }, () => sentence(r, 4, 9)), target_duration_seconds: int(r, 30, 120), audience: words(r, 4), tone: pick(r, ['warm', 'playful', 'serious', 'curious']) };
}

function researchBrief(r, at, clock) {
  return {
    version: '1.0',
    topic: sentence(r, 5, 9),
    research_date: clock.day(at),
    landscape: {
      existing_content: Array.from({ length: int(r, 4, 8) }, () => ({ title: sentence(r, 3, 7), source: pick(r, ['youtube.com', 'bbc.co.uk', 'tiktok.com', 'ted.com']), angle: words(r, 4), what_it_covers: sentence(r) })),
      saturated_angles: Array.from({ length: int(r, 1, 3) }, () => sentence(r, 4, 8)),
      underserved_gaps: Array.from({ length: int(r, 2, 4) }, () => sentence(r, 6, 12)),
    },
    data_points: Array.from({ length: int(r, 16, 32) }, () => ({ claim: sentence(r, 12, 24), source_url: `https://example.org/${slug(r, 3)}`, credibility: pick(r, ['primary_source', 'secondary_source']), surprise_factor: pick(r, ['notable', 'surprising', 'expected']) })),
    audience_insights: { common_questions: Array.from({ length: 3 }, () => sentence(r, 5, 10).replace(/\.$/, '?')), misconceptions: [{ myth: sentence(r), reality: sentence(r) }], knowledge_level: words(r, 6) },
    angles_discovered: Array.from({ length: int(r, 3, 5) }, () => ({ name: words(r, 3), hook: sentence(r), type: pick(r, ['evergreen', 'data_driven', 'contrarian', 'narrative']), why_now: words(r, 4) })),
    sources: Array.from({ length: int(r, 6, 12) }, () => ({ url: `https://example.org/${slug(r, 3)}`, title: sentence(r, 3, 7), used_for: words(r, 3) })),
  };
}

function proposalPacket(r, approved) {
  const options = Array.from({ length: 3 }, (_, i) => ({ id: `c${i + 1}`, title: sentence(r, 3, 5).slice(0, -1), hook: sentence(r), narrative_structure: pick(r, ['myth_busting', 'timeline', 'analogy', 'story']), visual_approach: sentence(r), target_duration_seconds: int(r, 30, 90), why_this_works: paragraph(r, 4), target_platform: pick(r, PLATFORMS) }));
  const items = Array.from({ length: int(r, 3, 6) }, () => ({ tool: pick(r, TOOLS), operation: words(r, 4), estimated_usd: round(r() * 0.6) }));
  return {
    version: '1.0',
    concept_options: options,
    selected_concept: { concept_id: 'c1', rationale: paragraph(r, 2) },
    production_plan: { pipeline: 'full-production', stages: ['assets', 'compose'].map((stage) => ({ stage, tools: [{ tool_name: pick(r, TOOLS), role: words(r, 3), available: true }], approach: sentence(r) })), render_runtime: pick(r, ['remotion', 'ffmpeg']) },
    cost_estimate: { total_estimated_usd: round(items.reduce((a, b) => a + b.estimated_usd, 0)), line_items: items, budget_verdict: pick(r, ['within_budget', 'near_limit']) },
    approval: approved ? { status: 'approved', user_notes: sentence(r), approved_budget_usd: 2.0 } : { status: 'pending' },
  };
}

function decisionLog(r, id) {
  return { version: '1.0', project_id: id, decisions: Array.from({ length: int(r, 1, 3) }, (_, i) => ({ decision_id: `dec-00${i + 1}`, stage: 'proposal', category: 'concept_selection', subject: sentence(r, 3, 6), options_considered: Array.from({ length: 3 }, (_, k) => ({ option_id: `c${k + 1}`, label: words(r, 3), score: round(r()), reason: sentence(r) })), selected: 'c1', reason: sentence(r), user_visible: true, confidence: round(r()) })) };
}

function script(r, sections) {
  let t = 0;
  return {
    version: '1.0',
    title: sentence(r, 3, 6).slice(0, -1),
    total_duration_seconds: sections * 6,
    voice_performance: { performance_intent: sentence(r, 4, 7), pacing_profile: pick(r, ['conversational', 'brisk', 'measured']) },
    sections: Array.from({ length: sections }, (_, i) => ({ id: `s${i + 1}`, label: words(r, 2), text: paragraph(r, int(r, 3, 5)), start_seconds: t, end_seconds: (t += 6) })),
  };
}

function scenePlan(r, scenes) {
  return {
    version: '1.0',
    style_playbook: 'flat-motion',
    scenes: Array.from({ length: scenes }, (_, i) => ({
      id: `sc${String(i + 1).padStart(2, '0')}`,
      type: pick(r, ['generated', 'diagram', 'animation', 'broll', 'text_card']),
      description: paragraph(r, 3),
      start_seconds: i * 6,
      end_seconds: i * 6 + 6,
      script_section_id: `s${i + 1}`,
      narrative_role: pick(r, ['establish_context', 'introduce_subject', 'deliver_payload', 'resolution']),
      shot_language: { shot_size: pick(r, ['wide', 'medium', 'close_up']), camera_movement: pick(r, ['static', 'dolly_in', 'pan']), lighting_key: pick(r, ['blue_hour', 'high_key', 'low_key']) },
      required_assets: [{ type: 'image', description: sentence(r, 4, 9), source: 'generate' }],
    })),
  };
}

const MEDIA = [
  ['image', 'png', 'storyboard-01.png'],
  ['image', 'png', 'storyboard-02.png'],
  ['diagram', 'png', 'storyboard-03.png'],
  ['image', 'png', 'storyboard-04.png'],
  ['narration', 'wav', 'narration.wav'],
  ['music', 'mp3', 'music-bed.mp3'],
];

function assetManifest(r, count) {
  const assets = Array.from({ length: count }, (_, i) => {
    const [type, ext] = MEDIA[i % MEDIA.length];
    const folder = ext === 'png' ? 'images' : ext === 'wav' ? 'audio' : 'music';
    return { id: `a${String(i + 1).padStart(2, '0')}`, type, path: `assets/${folder}/a${String(i + 1).padStart(2, '0')}-${slug(r, 2)}.${ext}`, source_tool: pick(r, TOOLS), scene_id: `sc${String((i % 20) + 1).padStart(2, '0')}`, prompt: sentence(r, 12, 24), seed: int(r, 100000, 999999), cost_usd: round(r() * 0.1, 3), format: ext };
  });
  return { version: '1.0', assets, total_cost_usd: round(assets.reduce((a, b) => a + b.cost_usd, 0), 3) };
}

function editDecisions(r, cuts) {
  return {
    version: '1.0',
    cuts: Array.from({ length: cuts }, (_, i) => ({ id: `cut${String(i + 1).padStart(2, '0')}`, source: `a${String((i % 12) + 1).padStart(2, '0')}`, in_seconds: i * 3, out_seconds: i * 3 + 3, layer: 'primary', transition_out: pick(r, ['crossfade', 'hard_cut']), reason: paragraph(r, 2) })),
    audio: { narration: { segments: [{ asset_id: 'a05', start_seconds: 0.5 }] }, music: { asset_id: 'a06', volume: 0.22, fade_in_seconds: 1, fade_out_seconds: 2, ducking: true } },
    subtitles: { enabled: true, position: 'bottom-center', max_words_per_line: 7 },
    render_runtime: 'remotion',
    slideshow_risk_score: { average: round(r() * 4), verdict: 'acceptable' },
  };
}

function renderReport(r, id) {
  return { version: '1.0', outputs: [{ path: `renders/${id}.mp4`, format: 'mp4', resolution: '320x180', duration_seconds: 4, codec: 'h264', size_bytes: 40132 }], render_runtime: 'remotion', render_time_seconds: round(20 + r() * 200, 1), warnings: [sentence(r)] };
}

function publishLog(r, at, clock) {
  return { version: '1.0', entries: Array.from({ length: int(r, 1, 3) }, () => ({ platform: pick(r, PLATFORMS), status: pick(r, ['published', 'exported']), url: `https://example.org/v/${hex(11, r)}`, timestamp: clock.pyIso(at), metadata_used: { title: sentence(r, 3, 6), description: sentence(r), hashtags: words(r, 3).split(' ') } })) };
}

function artifactsFor(stage, r, ctx) {
  const { id, at, clock, approved } = ctx;
  switch (stage) {
    case 'idea':
      return { brief: brief(r) };
    case 'research':
      return { research_brief: researchBrief(r, at, clock) };
    case 'proposal':
      return { proposal_packet: proposalPacket(r, approved), decision_log: decisionLog(r, id) };
    case 'script':
      return { script: script(r, int(r, 12, 30)) };
    case 'scene_plan':
      return { scene_plan: scenePlan(r, int(r, 12, 32)) };
    case 'assets':
      return { asset_manifest: assetManifest(r, int(r, 16, 48)) };
    case 'edit':
      return { edit_decisions: editDecisions(r, int(r, 16, 48)) };
    case 'compose':
      return { render_report: renderReport(r, id), final_review: { version: '1.0', verdict: 'ship', notes: paragraph(r, 2) } };
    case 'publish':
      return { publish_log: publishLog(r, at, clock) };
  }
  return {};
}

/** Envelope in the key order `lib/checkpoint.py` writes (as scripts/samples/openmontage.mjs). */
function envelope(id, v, clock) {
  return {
    version: '1.0',
    project_id: id,
    pipeline_type: 'full-production',
    stage: v.stage,
    status: v.status,
    timestamp: clock.pyIso(v.at),
    checkpoint_policy: 'guided',
    human_approval_required: GATED.has(v.stage),
    human_approved: v.approved ?? false,
    artifacts: v.artifacts,
    review: v.review,
    cost_snapshot: v.cost,
    error: v.error,
    metadata: v.metadata,
  };
}

/**
 * One project. `state` decides where it stands: done, waiting at a gate, in progress, failed,
 * or broken (a truncated file or an unknown status, so the Problems view has work).
 */
function project(w, clock, i, live) {
  const r = seeded(`bench-om-${i}`);
  const id = `${slug(r, 2)}-${String(i).padStart(4, '0')}`;
  const dir = `${OM}/projects/${id}`;
  const roll = r();
  const state = roll < 0.5 ? 'done' : roll < 0.76 ? 'waiting' : roll < 0.9 ? 'running' : roll < 0.98 ? 'failed' : 'broken';
  const gatedIdx = OM_STAGES.map((s, k) => (GATED.has(s) ? k : -1)).filter((k) => k >= 0);
  const stop = state === 'done' ? OM_STAGES.length : state === 'waiting' ? pick(r, gatedIdx) : int(r, 1, OM_STAGES.length - 1);
  const created = clock.ago(int(r, 1, 60 * 24) * HOUR);
  w.putJson(F, `${dir}/project.json`, { version: '1.0', created_at: clock.pyIso(created), project_id: id, title: sentence(r, 3, 7).slice(0, -1), pipeline_type: 'full-production', style_playbook: 'flat-motion' }, created);
  let t = created;
  let spent = 0;
  const last = Math.min(stop, OM_STAGES.length - 1);
  const totalSpan = Math.max(HOUR, clock.nowMs - created - 5 * MIN);
  const step = totalSpan / (last + 2);
  for (let k = 0; k <= last; k++) {
    const stage = OM_STAGES[k];
    const finished = k < stop;
    t += step * (0.5 + r() * 0.5);
    spent = round(spent + r() * 0.2);
    const cost = { spent_usd: spent, budget_usd: 2.0, paid_calls: k };
    const review = { scores: { clarity: int(r, 5, 10), accuracy: int(r, 5, 10) }, summary: sentence(r) };
    const base = { stage, at: t, cost, review };
    const gated = GATED.has(stage);
    if (finished) {
      const artifacts = artifactsFor(stage, r, { id, at: t, clock, approved: true });
      // The approved version; the awaiting_human one it superseded is archived for some gates.
      if (gated && r() < 0.2) {
        const ask = { ...base, status: 'awaiting_human', at: t - 20 * MIN, artifacts };
        const env = envelope(id, ask, clock);
        w.putJson(F, `${dir}/history/checkpoint_${stage}_${env.timestamp.replace(/[^A-Za-z0-9]/g, '')}.json`, env, t);
      }
      w.putJson(F, `${dir}/checkpoint_${stage}.json`, envelope(id, { ...base, status: 'completed', approved: gated, artifacts }, clock), t);
      if (stage === 'assets') {
        const list = artifacts.asset_manifest.assets;
        for (let a = 0; a < Math.min(6, list.length); a++) w.media(F, MEDIA[a % MEDIA.length][2], `${dir}/${list[a].path}`);
      }
      if (stage === 'compose') w.media(F, 'explainer-render.mp4', `${dir}/renders/${id}.mp4`);
      continue;
    }
    // The stage it stopped at started after the previous one finished, and before now.
    const at = Math.min(clock.nowMs - 2 * MIN, t + step * (0.2 + r() * 0.5));
    if (state === 'waiting') {
      const artifacts = artifactsFor(stage, r, { id, at, clock, approved: false });
      w.putJson(F, `${dir}/checkpoint_${stage}.json`, envelope(id, { ...base, at, status: 'awaiting_human', artifacts }, clock), at);
    } else if (state === 'running') {
      const env = envelope(id, { ...base, at, status: 'in_progress', artifacts: {}, metadata: { partial_progress: { completed_scene_ids: ['sc01', 'sc02'], note: sentence(r) } } }, clock);
      const rel = `${dir}/checkpoint_${stage}.json`;
      w.putJson(F, rel, env, at);
      live.push({ rel, stage, id });
    } else if (state === 'failed') {
      w.putJson(F, `${dir}/checkpoint_${stage}.json`, envelope(id, { ...base, at, status: 'failed', artifacts: {}, error: `${pick(r, TOOLS)}: HTTP 429 quota_exceeded. ${sentence(r)}` }, clock), at);
    } else {
      const text = JSON.stringify(envelope(id, { ...base, at, status: 'awaiting_human', artifacts: artifactsFor(stage, r, { id, at, clock, approved: false }) }, clock), null, 2);
      if (r() < 0.5) w.put(F, `${dir}/checkpoint_${stage}.json`, text.slice(0, Math.floor(text.length * 0.6)), at);
      else w.putJson(F, `${dir}/checkpoint_${stage}.json`, envelope(id, { ...base, at, status: 'approved', approved: true, artifacts: { notes: sentence(r) } }, clock), at);
    }
  }
  return state;
}

export function openMontage(w, clock, { projects }) {
  w.put(F, `${OM}/pipeline_defs/full-production.yaml`, MANIFEST, clock.ago(90 * DAY));
  const live = [];
  const states = {};
  for (let i = 0; i < projects; i++) {
    const s = project(w, clock, i, live);
    states[s] = (states[s] ?? 0) + 1;
  }
  return { states, live };
}
