// OpenMontage samples (FORMATS §1): two pipeline manifests, five projects under projects/, an
// older one under pipelines/, and two deliberately broken projects.
import { clock, out } from './session.mjs';
import { MIN, HOUR, DAY } from './clock.mjs';
import { pyJson } from './serialise.mjs';

const OM = 'openmontage';

const ANIMATED_EXPLAINER_YAML = `name: animated-explainer
version: "1.4"
description: >
  Turns a topic into a short animated explainer. Research the angle, pitch
  two or three concepts with a cost estimate, write the narration, storyboard
  every scene, generate artwork and voice, then cut, render and publish.
category: animation
stability: production
default_checkpoint_policy: guided

orchestration:
  mode: executive-producer
  skill: pipelines/explainer/executive-producer
  budget_default_usd: 2.00
  max_revisions_per_stage: 3

compatible_playbooks:
  recommended:
    - flat-motion
    - chalkboard
  custom_allowed: true

stages:
  - name: research
    skill: pipelines/explainer/research-director
    produces:
      - research_brief
    tools_available:
      - web_search
    checkpoint_required: true
    human_approval_default: false
    review_focus:
      - Claims carry a source a viewer could check
      - At least one angle nobody in the top results covers

  - name: proposal
    skill: pipelines/explainer/proposal-director
    required_artifacts_in:
      - research_brief
    produces:
      - proposal_packet
      - decision_log
    checkpoint_required: true
    human_approval_default: true
    review_focus:
      - Concepts are genuinely different, not three titles for one idea
      - Cost estimate fits the budget

  - name: script
    skill: pipelines/explainer/script-director
    required_artifacts_in:
      - proposal_packet
    produces:
      - script
    checkpoint_required: true
    human_approval_default: true
    review_focus:
      - Narration fits the target duration at a natural pace
      - Every claim comes from the research brief

  - name: scene_plan
    skill: pipelines/explainer/scene-director
    required_artifacts_in:
      - script
    produces:
      - scene_plan
    checkpoint_required: true
    human_approval_default: true
    review_focus:
      - One visual idea per scene
      - Diagrams where the script explains a mechanism

  - name: assets
    skill: pipelines/explainer/asset-director
    required_artifacts_in:
      - scene_plan
    produces:
      - asset_manifest
    tools_available:
      - image_generator
      - tts
      - music_generator
    checkpoint_required: true
    human_approval_default: true

  - name: edit
    skill: pipelines/explainer/edit-director
    required_artifacts_in:
      - asset_manifest
    produces:
      - edit_decisions
    checkpoint_required: true
    human_approval_default: false

  - name: compose
    skill: pipelines/explainer/compose-director
    required_artifacts_in:
      - edit_decisions
    produces:
      - render_report
      - final_review
    tools_available:
      - remotion
      - ffmpeg
    checkpoint_required: true
    # Our team watches the preview render before anything is published.
    human_approval_default: true

  - name: publish
    skill: pipelines/explainer/publish-director
    required_artifacts_in:
      - render_report
    produces:
      - publish_log
    checkpoint_required: true
    human_approval_default: true
`;

const TALKING_HEAD_YAML = `name: talking-head
version: "2.1"
description: >
  Edits raw footage of one person speaking to camera into a tight, captioned
  video: pick the message, transcribe, plan cutaways and graphics, trim the
  takes, mix the audio and render for each platform.
category: talking_head
stability: production
default_checkpoint_policy: guided

orchestration:
  mode: executive-producer
  skill: pipelines/talking-head/executive-producer
  budget_default_usd: 0.50
  max_revisions_per_stage: 3

stages:
  - name: idea
    skill: pipelines/talking-head/idea-director
    produces:
      - brief
      - decision_log
    checkpoint_required: true
    human_approval_default: true
    review_focus:
      - The brief says what the speaker actually says in the footage

  - name: script
    skill: pipelines/talking-head/script-director
    required_artifacts_in:
      - brief
    produces:
      - script
    tools_available:
      - transcriber
    checkpoint_required: true
    human_approval_default: true

  - name: scene_plan
    skill: pipelines/talking-head/scene-director
    required_artifacts_in:
      - script
    produces:
      - scene_plan
    checkpoint_required: true
    human_approval_default: true

  - name: assets
    skill: pipelines/talking-head/asset-director
    required_artifacts_in:
      - scene_plan
    produces:
      - asset_manifest
    tools_available:
      - image_generator
      - tts
    checkpoint_required: true
    human_approval_default: true

  - name: edit
    skill: pipelines/talking-head/edit-director
    required_artifacts_in:
      - asset_manifest
    produces:
      - edit_decisions
    checkpoint_required: true
    human_approval_default: false

  - name: compose
    skill: pipelines/talking-head/compose-director
    required_artifacts_in:
      - edit_decisions
    produces:
      - render_report
    checkpoint_required: true
    human_approval_default: false

  - name: publish
    skill: pipelines/talking-head/publish-director
    required_artifacts_in:
      - render_report
    produces:
      - publish_log
    checkpoint_required: true
    human_approval_default: true
`;

/** Envelope in the key order `lib/checkpoint.py` writes. */
function omEnvelope(p, v) {
  return {
    version: '1.0',
    project_id: p.id,
    pipeline_type: p.pipeline,
    stage: v.stage,
    status: v.status,
    timestamp: v.timestamp ?? clock.pyIso(v.at),
    style_playbook: v.style_playbook,
    checkpoint_policy: 'checkpoint_policy' in v ? v.checkpoint_policy : 'guided',
    human_approval_required: 'required' in v ? v.required : p.gated.has(v.stage),
    human_approved: v.approved ?? false,
    artifacts: v.artifacts ?? {},
    review: v.review,
    cost_snapshot: v.cost,
    error: v.error,
    metadata: v.metadata,
  };
}

/**
 * Writes one project: project.json, the current checkpoint of each stage, and a history/ copy of
 * every superseded non-in_progress version (named from the superseded file's timestamp, as the
 * HEAD writer does), plus extra files (artifacts/*.json, media).
 */
function omProject(root, p) {
  const dir = `${OM}/${root}/${p.id}`;
  if (p.projectJson) out.putJson(`${dir}/project.json`, p.projectJson, p.createdAt);
  for (const versions of p.stages) {
    for (let i = 0; i < versions.length; i++) {
      const v = versions[i];
      const env = omEnvelope(p, v);
      const current = i === versions.length - 1;
      if (current) {
        out.putJson(`${dir}/checkpoint_${v.stage}.json`, env, v.at);
      } else if (v.status !== 'in_progress') {
        const stamp = env.timestamp.replace(/[^A-Za-z0-9]/g, '');
        out.putJson(`${dir}/history/checkpoint_${v.stage}_${stamp}.json`, env, versions[i + 1].at);
      }
    }
  }
  for (const f of p.files ?? []) {
    if (f.media) out.copyMedia(f.media, `${dir}/${f.rel}`, f.at);
    else out.putJson(`${dir}/${f.rel}`, f.json, f.at);
  }
}

const cost = (spent, budget, calls, note) => ({ spent_usd: spent, budget_usd: budget, paid_calls: calls, note });
const review = (scores, summary) => ({ scores, summary });

// ---- tides-explainer: the full animated-explainer run, waiting at compose with a render to watch

function tidesScript(draft) {
  const sections = [
    { id: 's1', label: 'Cold open', text: 'Every day the sea climbs the beach and slides back. Twice. But there is only one Moon, so why two tides?', start_seconds: 0, end_seconds: 9 },
    { id: 's2', label: 'The pull', text: 'The Moon pulls hardest on the water facing it, and that side of the ocean bulges towards it.', start_seconds: 9, end_seconds: 20 },
    { id: 's3', label: 'The far side', text: 'On the far side the Moon pulls the Earth away from the water more than the water itself, so a second bulge is left behind.', start_seconds: 20, end_seconds: 35 },
    { id: 's4', label: 'The clock', text: 'The Earth turns through both bulges each day. And because the Moon moves on, high tide arrives about fifty minutes later every day.', start_seconds: 35, end_seconds: 48 },
  ];
  if (draft === 1) {
    sections.splice(1, 0, { id: 's1b', label: 'History aside', text: 'Sailors have timed the tides for thousands of years, long before anyone could say why they happen. Ancient harbours were built around them.', start_seconds: 9, end_seconds: 22 });
    sections.push({ id: 's5', label: 'Spring and neap', text: 'When the Sun lines up with the Moon the bulges grow: spring tides. At right angles they shrink: neap tides.', start_seconds: 48, end_seconds: 61 });
    sections.push({ id: 's6', label: 'Outro', text: 'So next time you are at the beach, thank the Moon, and the far side of the planet.', start_seconds: 61, end_seconds: 71 });
  }
  if (draft === 2) sections.push({ id: 's5', label: 'Outro', text: 'Two bulges, one turning planet: that is the whole trick.', start_seconds: 48, end_seconds: 52 });
  const total = sections[sections.length - 1].end_seconds;
  let t = 0;
  for (const s of sections) {
    const len = s.end_seconds - s.start_seconds;
    s.start_seconds = t;
    s.end_seconds = t + len;
    t += len;
  }
  return {
    version: '1.0',
    title: 'Why the Sea Breathes Twice a Day',
    total_duration_seconds: total,
    voice_performance: { performance_intent: 'Curious, warm, never lecturing', pacing_profile: 'conversational' },
    sections,
  };
}

function tidesProposal(approved) {
  return {
    version: '1.0',
    concept_options: [
      { id: 'c1', title: 'The Sea Breathes Twice', hook: 'There is one Moon. So why are there two high tides?', narrative_structure: 'myth_busting', visual_approach: 'Flat vector cross-sections of the Earth with animated water bulges', target_duration_seconds: 48, why_this_works: 'Opens on a question almost nobody can answer, then pays it off with one diagram', target_platform: 'youtube' },
      { id: 'c2', title: 'A Day at the Harbour Wall', hook: 'Watch one harbour wall for 25 hours', narrative_structure: 'timeline', visual_approach: 'Time-lapse illustration of a single harbour with a clock overlay', target_duration_seconds: 60, why_this_works: 'Concrete and visual, but the mechanism arrives late', target_platform: 'youtube' },
      { id: 'c3', title: 'Tug of War', hook: 'The Earth and the Moon are playing tug of war with the ocean', narrative_structure: 'analogy', visual_approach: 'Character animation of a rope pull between Earth and Moon', target_duration_seconds: 45, why_this_works: 'Fun, but the analogy hides the far-side bulge', target_platform: 'youtube' },
    ],
    selected_concept: {
      concept_id: 'c1',
      rationale: approved
        ? 'c1, as approved: lead with the two-tides question and keep it under 50 seconds.'
        : 'c1 answers the question the research found people actually ask, with the fewest assets.',
    },
    production_plan: {
      pipeline: 'animated-explainer',
      stages: [
        { stage: 'assets', tools: [{ tool_name: 'flux_image', role: 'storyboard frames and diagrams', available: true }, { tool_name: 'elevenlabs_tts', role: 'narration', available: true }, { tool_name: 'stable_audio', role: 'music bed', available: true }], approach: 'Four illustrated frames, one narration pass, one 48 s music bed' },
        { stage: 'compose', tools: [{ tool_name: 'remotion', role: 'animation and render', available: true }], approach: 'Animate the bulges in code so the diagram stays exact' },
      ],
      render_runtime: 'remotion',
    },
    cost_estimate: {
      total_estimated_usd: 1.18,
      line_items: [
        { tool: 'flux_image', operation: '4 frames x 2 variants', estimated_usd: 0.32 },
        { tool: 'elevenlabs_tts', operation: '48 s narration', estimated_usd: 0.36 },
        { tool: 'stable_audio', operation: '48 s music bed', estimated_usd: 0.5 },
      ],
      budget_verdict: 'within_budget',
    },
    approval: approved
      ? { status: 'approved', user_notes: 'Go with c1. Keep it under 50 seconds and skip the history aside.', approved_budget_usd: 1.5 }
      : { status: 'pending' },
  };
}

const tidesScenePlan = {
  version: '1.0',
  style_playbook: 'flat-motion',
  scenes: [
    { id: 'sc01', type: 'generated', description: 'Wide night shot: full moon over a bay, the tide line creeping up the sand', start_seconds: 0, end_seconds: 9, script_section_id: 's1', narrative_role: 'establish_context', shot_language: { shot_size: 'wide', camera_movement: 'dolly_in', lighting_key: 'blue_hour' }, required_assets: [{ type: 'image', description: 'moonlit bay storyboard frame', source: 'generate' }] },
    { id: 'sc02', type: 'diagram', description: 'Earth cross-section, Moon to the right, near-side bulge grows towards it', start_seconds: 9, end_seconds: 20, script_section_id: 's2', narrative_role: 'introduce_subject', required_assets: [{ type: 'image', description: 'gravity diagram base plate', source: 'generate' }] },
    { id: 'sc03', type: 'diagram', description: 'Same diagram, second bulge appears on the far side; arrows show the Earth pulled away from it', start_seconds: 20, end_seconds: 35, script_section_id: 's3', narrative_role: 'deliver_payload', hero_moment: true, required_assets: [{ type: 'image', description: 'far-side bulge diagram', source: 'generate' }] },
    { id: 'sc04', type: 'animation', description: 'Tide clock: the Earth spins through both bulges; a calendar shows high tide +50 min each day', start_seconds: 35, end_seconds: 48, script_section_id: 's4', narrative_role: 'resolution', required_assets: [{ type: 'image', description: 'tide clock timelapse frame', source: 'generate' }] },
  ],
};

const tidesAssetManifest = {
  version: '1.0',
  assets: [
    { id: 'a01', type: 'image', path: 'assets/images/sc01-moon-over-bay.png', source_tool: 'flux_image', scene_id: 'sc01', prompt: 'flat vector illustration, full moon over a quiet bay, tide line on the sand, deep blue palette', seed: 771203, cost_usd: 0.04, resolution: '480x270', format: 'png' },
    { id: 'a02', type: 'diagram', path: 'assets/images/sc02-gravity-diagram.png', source_tool: 'flux_image', scene_id: 'sc02', prompt: 'clean diagram plate, Earth cross-section, Moon to the right', seed: 771219, cost_usd: 0.04, resolution: '480x270', format: 'png' },
    { id: 'a03', type: 'diagram', path: 'assets/images/sc03-far-side-bulge.png', source_tool: 'flux_image', scene_id: 'sc03', prompt: 'same plate with two opposite water bulges', seed: 771244, cost_usd: 0.04, resolution: '480x270', format: 'png' },
    { id: 'a04', type: 'image', path: 'assets/images/sc04-tide-clock.png', source_tool: 'flux_image', scene_id: 'sc04', prompt: 'bar chart of high tide times across a week, teal on dark green', seed: 771260, cost_usd: 0.04, resolution: '480x270', format: 'png' },
    { id: 'a05', type: 'narration', path: 'assets/audio/narration.wav', source_tool: 'elevenlabs_tts', scene_id: 'sc01', cost_usd: 0.36, duration_seconds: 3, format: 'wav', voice_performance: { source_section_id: 's1', sample_approved: true } },
    { id: 'a06', type: 'music', path: 'assets/music/music-bed.mp3', source_tool: 'stable_audio', scene_id: 'sc01', cost_usd: 0.5, duration_seconds: 4, format: 'mp3', license: 'generated, commercial use permitted' },
  ],
  total_cost_usd: 1.02,
};

const tidesEditDecisions = {
  version: '1.0',
  cuts: [
    { id: 'cut01', source: 'a01', in_seconds: 0, out_seconds: 9, layer: 'primary', transition_out: 'crossfade', transition_duration: 0.5, reason: 'Hold the wide while the question lands' },
    { id: 'cut02', source: 'a02', in_seconds: 9, out_seconds: 20, layer: 'primary' },
    { id: 'cut03', source: 'a03', in_seconds: 20, out_seconds: 35, layer: 'primary', reason: 'Hero diagram gets the longest hold' },
    { id: 'cut04', source: 'a04', in_seconds: 35, out_seconds: 48, layer: 'primary', transition_in: 'crossfade' },
  ],
  audio: { narration: { segments: [{ asset_id: 'a05', start_seconds: 0.5 }] }, music: { asset_id: 'a06', volume: 0.22, fade_in_seconds: 1, fade_out_seconds: 2, ducking: true } },
  subtitles: { enabled: true, position: 'bottom-center', max_words_per_line: 7 },
  transitions: [{ type: 'crossfade', at_seconds: 9, duration_seconds: 0.5 }, { type: 'crossfade', at_seconds: 35, duration_seconds: 0.5 }],
  renderer_family: 'explainer-teacher',
  render_runtime: 'remotion',
  composition_mode: 'templated',
  slideshow_risk_score: { average: 2.4, verdict: 'acceptable' },
};

const tidesDecisionLog = { version: '1.0', project_id: 'tides-explainer', decisions: [
  { decision_id: 'dec-001', stage: 'proposal', category: 'concept_selection', subject: 'Which concept to produce', options_considered: [
    { option_id: 'c1', label: 'The Sea Breathes Twice', score: 0.86, reason: 'Answers the question people ask; fewest assets' },
    { option_id: 'c2', label: 'A Day at the Harbour Wall', score: 0.64, reason: 'Mechanism arrives too late' },
    { option_id: 'c3', label: 'Tug of War', score: 0.52, reason: 'Analogy hides the far-side bulge' },
  ], selected: 'c1', reason: 'Highest score and approved by the producer', user_visible: true, user_approved: true, confidence: 0.8 },
  { decision_id: 'dec-002', stage: 'proposal', category: 'render_runtime_selection', subject: 'Render runtime', options_considered: [
    { option_id: 'remotion', label: 'Remotion', score: 0.9, reason: 'Diagram animation in code stays exact' },
    { option_id: 'ffmpeg', label: 'ffmpeg slideshow', score: 0.4, reason: 'Would read as a slideshow' },
  ], selected: 'remotion', reason: 'Bulges must move smoothly', user_visible: false, confidence: 0.9 },
] };

function omTides() {
  const id = 'tides-explainer';
  const t = {
    created: clock.ago(2 * DAY + 6 * HOUR),
    research: clock.ago(2 * DAY + 5 * HOUR + 30 * MIN),
    proposalAsk: clock.ago(2 * DAY + 5 * HOUR),
    proposalOk: clock.ago(2 * DAY + 2 * HOUR),
    script1: clock.ago(2 * DAY + 1 * HOUR),
    script2: clock.ago(1 * DAY + 20 * HOUR),
    scriptOk: clock.ago(1 * DAY + 18 * HOUR),
    sceneAsk: clock.ago(1 * DAY + 16 * HOUR),
    sceneOk: clock.ago(1 * DAY + 9 * HOUR),
    assetsAsk: clock.ago(1 * DAY + 5 * HOUR),
    assetsOk: clock.ago(1 * DAY + 2 * HOUR),
    edit: clock.ago(5 * HOUR),
    compose: clock.ago(40 * MIN),
  };
  const renderRel = `renders/${id}.mp4`;
  // The render is copied first so the report can carry the real file size.
  const renderSize = out.copyMedia('explainer-render.mp4', `${OM}/projects/${id}/${renderRel}`, t.compose);
  const research = {
    stage: 'research', status: 'completed', at: t.research, required: false,
    artifacts: {
      research_brief: {
        version: '1.0',
        topic: 'Why the ocean has two high tides a day',
        research_date: clock.day(t.research),
        landscape: {
          existing_content: [
            { title: 'Tides explained in 3 minutes', source: 'youtube.com', angle: 'The Moon pulls the water', what_it_covers: 'Near-side bulge only; the second tide is waved away' },
            { title: 'What causes tides? (school revision)', source: 'bbc.co.uk', angle: 'Textbook diagram', what_it_covers: 'Both bulges, but as a still image with no intuition' },
            { title: 'Tide pools at low tide', source: 'tiktok.com', angle: 'Beach vlog', what_it_covers: 'What to see at low tide; no mechanism at all' },
          ],
          saturated_angles: ['The Moon pulls the sea towards it'],
          underserved_gaps: ['Why there is a bulge on the side facing away from the Moon', 'Why tide times drift later every day'],
        },
        data_points: [
          { claim: 'Most coasts see two high and two low tides roughly every 24 hours 50 minutes.', source_url: 'https://oceanservice.noaa.gov/education/tutorial_tides/', credibility: 'primary_source', surprise_factor: 'notable' },
          { claim: 'The Sun raises tides too, a little under half as strongly as the Moon.', source_url: 'https://oceanservice.noaa.gov/education/tutorial_tides/tides02_cause.html', credibility: 'primary_source', surprise_factor: 'surprising' },
          { claim: 'The Bay of Fundy has the largest tidal range in the world, up to about 16 metres.', source_url: 'https://www.bayoffundy.com/about/highest-tides/', credibility: 'secondary_source', surprise_factor: 'notable' },
        ],
        audience_insights: {
          common_questions: ['Why two tides if there is one Moon?', 'Why is high tide at a different time every day?', 'Does the Sun cause tides too?'],
          misconceptions: [{ myth: 'The far-side tide is caused by the Sun.', reality: 'It comes from the Moon pulling the Earth away from the far-side water.' }],
          knowledge_level: 'Knows the Moon causes tides; has never seen the far-side bulge explained',
        },
        angles_discovered: [
          { name: 'The second bulge', hook: 'One Moon, two tides: the answer is on the other side of the planet', type: 'evergreen', why_now: 'Search interest spikes every spring-tide weekend' },
          { name: 'The 50-minute drift', hook: 'Your tide table is late every day, on purpose', type: 'data_driven', why_now: 'Summer beach season' },
          { name: 'Spring tides are not about spring', hook: 'Spring tides happen every two weeks, all year', type: 'contrarian', why_now: 'A supermoon is due next month' },
        ],
        sources: [
          { url: 'https://oceanservice.noaa.gov/education/tutorial_tides/', title: 'NOAA tides and water levels tutorial', used_for: 'mechanism and timing' },
          { url: 'https://oceanservice.noaa.gov/education/tutorial_tides/tides02_cause.html', title: 'NOAA: what causes tides', used_for: 'far-side bulge explanation' },
          { url: 'https://science.nasa.gov/moon/tides/', title: 'NASA: tides', used_for: 'diagram reference' },
          { url: 'https://www.bayoffundy.com/about/highest-tides/', title: 'Bay of Fundy tides', used_for: 'record tidal range' },
          { url: 'https://tidesandcurrents.noaa.gov/', title: 'NOAA tide predictions', used_for: 'the 50-minute drift, checked on a real station' },
        ],
      },
    },
    review: review({ coverage: 8, source_quality: 9 }, 'Solid sourcing; the far-side bulge is the angle.'),
    cost: cost(0.04, 1.5, 2),
  };
  // Agents sometimes hand-write `@file` references (FORMATS §1.7); this one is not an artifact name.
  research.artifacts.reading_list = '@reading_list.json';
  const proposal = (approved, at) => ({
    stage: 'proposal', status: approved ? 'completed' : 'awaiting_human', at, approved,
    artifacts: approved ? { proposal_packet: tidesProposal(true), decision_log: tidesDecisionLog } : { proposal_packet: tidesProposal(false) },
    review: review({ distinctness: 8, budget_fit: 9 }, 'Three real alternatives; c1 is the strongest and the cheapest.'),
    cost: cost(0.07, 1.5, 3),
  });
  const script = (draft, status, at, approved, summary, scores) => ({
    stage: 'script', status, at, approved,
    artifacts: { script: tidesScript(draft), voice_sample: 'assets/audio/narration.wav' },
    review: review(scores, summary),
    cost: cost(0.09, 1.5, 4),
  });
  const scene = (status, at, approved) => ({
    stage: 'scene_plan', status, at, approved,
    artifacts: { scene_plan: tidesScenePlan, storyboard: 'artifacts/storyboard.json' },
    review: review({ visual_clarity: 8, pacing: 8 }, 'One idea per scene; sc03 carries the payoff.'),
    cost: cost(0.11, 1.5, 5),
  });
  const assets = (status, at, approved) => ({
    stage: 'assets', status, at, approved,
    artifacts: { asset_manifest: tidesAssetManifest },
    review: review({ style_consistency: 8, diagram_accuracy: 9 }, 'All four frames share the palette; bulges are drawn to the same scale.'),
    cost: cost(1.13, 1.5, 11, 'narration re-generated once'),
  });
  omProject('projects', {
    id,
    pipeline: 'animated-explainer',
    gated: new Set(['proposal', 'script', 'scene_plan', 'assets', 'compose', 'publish']),
    createdAt: t.created,
    projectJson: { version: '1.0', created_at: clock.pyIso(t.created), project_id: id, title: 'Why the Sea Breathes Twice a Day', pipeline_type: 'animated-explainer', style_playbook: 'flat-motion', profile: { audience: 'curious adults', platform: 'youtube' }, delivery: { aspect_ratio: '16:9', target_duration_seconds: 48 } },
    stages: [
      [research],
      [proposal(false, t.proposalAsk), proposal(true, t.proposalOk)],
      [
        script(1, 'awaiting_human', t.script1, false, 'Draft 1 runs 71 s against a 48 s target; the history aside and outro can go.', { accuracy: 9, length_fit: 4 }),
        script(2, 'awaiting_human', t.script2, false, 'Draft 2 is 52 s; still a closing line over target.', { accuracy: 9, length_fit: 7 }),
        script(3, 'completed', t.scriptOk, true, 'Approved at 48 s.', { accuracy: 9, length_fit: 9 }),
      ],
      [scene('awaiting_human', t.sceneAsk, false), scene('completed', t.sceneOk, true)],
      [assets('awaiting_human', t.assetsAsk, false), assets('completed', t.assetsOk, true)],
      [{
        stage: 'edit', status: 'completed', at: t.edit, required: false, approved: false,
        artifacts: { edit_decisions: tidesEditDecisions, composition: 'artifacts/composition.json' },
        review: review({ rhythm: 8, slideshow_risk: 7 }, 'Cuts land on narration phrases; sc03 hold is long but earned.'),
        cost: cost(1.13, 1.5, 11),
      }],
      [{
        stage: 'compose', status: 'awaiting_human', at: t.compose, approved: false,
        artifacts: {
          render_report: {
            version: '1.0',
            outputs: [{ path: renderRel, format: 'mp4', codec: 'h264', audio_codec: 'aac', resolution: '320x180', fps: 24, duration_seconds: 4, file_size_bytes: renderSize, platform_target: 'review-preview' }],
            render_time_seconds: 31.8,
            warnings: ['Review preview: title sequence only, at 320x180. The 1080p master renders after sign-off.'],
            verification_notes: ['Container and streams checked with ffprobe.', 'Title safe area respected.', 'Narration and music levels within -16 LUFS +/- 1.'],
            render_grammar: 'explainer-teacher',
            final_review_ref: 'artifacts/final_review.json',
          },
          output: renderRel,
        },
        review: review({ technical: 9, story: 8, polish: 7 }, 'Preview is clean. Decide whether the title card holds long enough before the master render.'),
        cost: cost(1.14, 1.5, 12),
        metadata: { preview: renderRel },
      }],
    ],
    files: [
      { rel: 'decision_log.json', at: t.proposalOk, json: tidesDecisionLog },
      { rel: 'reading_list.json', at: t.research, json: { topic: 'tides', read: research.artifacts.research_brief.sources.map((x) => x.url), to_read: ['https://en.wikipedia.org/wiki/Tide'] } },
      { rel: 'artifacts/storyboard.json', at: t.sceneOk, json: { version: '1.0', frames: tidesScenePlan.scenes.map((s, i) => ({ scene_id: s.id, image: tidesAssetManifest.assets[i].path, caption: s.description })) } },
      { rel: 'artifacts/composition.json', at: t.edit, json: { composition_id: 'TidesExplainer', fps: 24, width: 1920, height: 1080, duration_in_frames: 1152, props_path: 'artifacts/edit_decisions.json' } },
      { rel: 'artifacts/edit_decisions.json', at: t.edit, json: tidesEditDecisions },
      { rel: 'artifacts/script.json', at: t.scriptOk, json: tidesScript(3) },
      { rel: 'artifacts/final_review.json', at: t.compose, json: { version: '1.0', output_path: renderRel, status: 'pass', checks: { technical_probe: { valid_container: true, duration_seconds: 4, resolution: '320x180', has_audio: true, issues: [] }, visual_spotcheck: { frames_checked: 8, issues: [] } }, summary: 'Preview render passes technical and visual checks.' } },
      { rel: 'assets/images/sc01-moon-over-bay.png', media: 'storyboard-01.png', at: t.assetsAsk },
      { rel: 'assets/images/sc02-gravity-diagram.png', media: 'storyboard-02.png', at: t.assetsAsk },
      { rel: 'assets/images/sc03-far-side-bulge.png', media: 'storyboard-03.png', at: t.assetsAsk },
      { rel: 'assets/images/sc04-tide-clock.png', media: 'storyboard-04.png', at: t.assetsAsk },
      { rel: 'assets/audio/narration.wav', media: 'narration.wav', at: t.script2 },
      { rel: 'assets/music/music-bed.mp3', media: 'music-bed.mp3', at: t.assetsAsk },
    ],
  });
}

// ---- solar-sails-explainer: waiting at the proposal gate (approval pending)

function omSolarSails() {
  const id = 'solar-sails-explainer';
  const t = { created: clock.ago(3 * HOUR), research: clock.ago(2 * HOUR + 10 * MIN), proposal: clock.ago(1 * HOUR + 45 * MIN) };
  omProject('projects', {
    id,
    pipeline: 'animated-explainer',
    gated: new Set(['proposal', 'script', 'scene_plan', 'assets', 'compose', 'publish']),
    createdAt: t.created,
    projectJson: { version: '1.0', created_at: clock.pyIso(t.created), project_id: id, title: 'Sailing on Sunlight', pipeline_type: 'animated-explainer', style_playbook: 'flat-motion', reference: 'Viewer question from the tides video comments' },
    stages: [
      [{
        stage: 'research', status: 'completed', at: t.research, required: false,
        artifacts: {
          research_brief: {
            version: '1.0',
            topic: 'How a solar sail moves a spacecraft with light alone',
            research_date: clock.day(t.research),
            landscape: {
              existing_content: [
                { title: 'Solar sails in 60 seconds', source: 'youtube.com', angle: 'Light pushes the sail', what_it_covers: 'States the push, never says how small it is' },
                { title: 'LightSail 2 mission recap', source: 'planetary.org', angle: 'Mission report', what_it_covers: 'Orbit raising results for an informed audience' },
                { title: 'Could we sail to another star?', source: 'youtube.com', angle: 'Breakthrough Starshot', what_it_covers: 'Laser sails; skips how sunlight sails work today' },
              ],
              saturated_angles: ['Sci-fi spaceships with giant sails'],
              underserved_gaps: ['How tiny the push is, and why it still wins over months'],
            },
            data_points: [
              { claim: 'Sunlight presses on a sail near Earth with roughly 9 micronewtons per square metre.', source_url: 'https://www.planetary.org/sci-tech/lightsail', credibility: 'secondary_source', surprise_factor: 'surprising' },
              { claim: 'LightSail 2 raised its orbit using sunlight alone in 2019.', source_url: 'https://www.planetary.org/sci-tech/lightsail', credibility: 'primary_source', surprise_factor: 'notable' },
              { claim: 'JAXA IKAROS was the first spacecraft to use a solar sail in interplanetary space, in 2010.', source_url: 'https://global.jaxa.jp/projects/sas/ikaros/', credibility: 'primary_source', surprise_factor: 'surprising' },
            ],
            audience_insights: { common_questions: ['Can light really push things?', 'How do you steer a sail?', 'How fast can a sail go?'], misconceptions: [{ myth: 'Solar wind pushes the sail.', reality: 'Photons do; the solar wind is far weaker.' }], knowledge_level: 'Has seen sails in films, unsure they are real' },
            angles_discovered: [
              { name: 'The patient engine', hook: 'The weakest engine in space never runs out of fuel', type: 'contrarian', why_now: 'New sail missions announced this year' },
              { name: 'Tacking in orbit', hook: 'Sails in space steer like sailboats', type: 'evergreen', why_now: 'Always asked in comments' },
              { name: 'Pushed by a pressure you cannot feel', hook: 'Sunlight pushes on you right now', type: 'narrative', why_now: 'Summer solstice' },
            ],
            sources: [
              { url: 'https://www.planetary.org/sci-tech/lightsail', title: 'LightSail mission overview', used_for: 'figures and mission history' },
              { url: 'https://global.jaxa.jp/projects/sas/ikaros/', title: 'JAXA IKAROS', used_for: 'first interplanetary sail' },
              { url: 'https://www.nasa.gov/smallspacecraft/solar-sail/', title: 'NASA solar sail technology', used_for: 'current missions' },
              { url: 'https://en.wikipedia.org/wiki/Radiation_pressure', title: 'Radiation pressure', used_for: 'the physics' },
              { url: 'https://en.wikipedia.org/wiki/Solar_sail', title: 'Solar sail', used_for: 'overview and history' },
            ],
          },
        },
        review: review({ coverage: 7, source_quality: 8 }, 'Enough for a 45 s piece; check the micronewton figure against a second source.'),
        cost: cost(0.03, 2.0, 2),
      }],
      [{
        stage: 'proposal', status: 'awaiting_human', at: t.proposal, approved: false,
        artifacts: {
          proposal_packet: {
            version: '1.0',
            concept_options: [
              { id: 'c1', title: 'The Patient Engine', hook: 'The weakest engine in space never runs out of fuel', narrative_structure: 'problem_solution', visual_approach: 'Flat vector spacecraft, sunlight drawn as particles, a speedometer that creeps up over months', target_duration_seconds: 45, why_this_works: 'Turns the tiny number into the hero', target_platform: 'youtube' },
              { id: 'c2', title: 'A Sailboat in Space', hook: 'Tacking works in orbit too', narrative_structure: 'analogy', visual_approach: 'Split screen: a dinghy tacking and a sail changing its angle to the Sun', target_duration_seconds: 50, why_this_works: 'Steering is the question viewers ask second', target_platform: 'youtube' },
              { id: 'c3', title: 'Ten Years of Sails', hook: 'From IKAROS to LightSail in 40 seconds', narrative_structure: 'timeline', visual_approach: 'Mission cards sliding along a timeline with real dates', target_duration_seconds: 40, why_this_works: 'Proves sails are real, but explains the least', target_platform: 'youtube' },
            ],
            selected_concept: { concept_id: 'c1', rationale: 'Leads with the surprise in the research and needs only four illustrated scenes.' },
            production_plan: {
              pipeline: 'animated-explainer',
              stages: [{ stage: 'assets', tools: [{ tool_name: 'flux_image', role: 'scene frames', available: true }, { tool_name: 'elevenlabs_tts', role: 'narration', available: true }], approach: 'Four frames, one narration take' }],
              render_runtime: 'remotion',
            },
            cost_estimate: { total_estimated_usd: 1.86, line_items: [{ tool: 'flux_image', operation: '4 frames x 3 variants', estimated_usd: 0.48 }, { tool: 'elevenlabs_tts', operation: '45 s narration', estimated_usd: 0.38 }, { tool: 'stable_audio', operation: 'music bed', estimated_usd: 1.0 }], budget_verdict: 'near_limit' },
            approval: { status: 'pending' },
          },
        },
        review: review({ distinctness: 7, budget_fit: 6 }, 'Close to the 2.00 USD budget because of the music bed; a library track would halve it.'),
        cost: cost(0.05, 2.0, 3),
      }],
    ],
  });
}

// ---- talking-head helpers

function brief(title, hook, points, minutes) {
  return { version: '1.0', title, hook, key_points: points, tone: 'warm, direct', style: 'clean-professional', target_audience: 'customers and team', target_platform: 'youtube', target_duration_seconds: minutes };
}

function founderUpdate() {
  const id = 'founder-update-q3';
  const T = (d, h) => clock.ago(d * DAY + h * HOUR);
  const t = { created: T(4, 2), ideaAsk: T(4, 1), ideaOk: T(4, 0), scriptAsk: T(3, 22), scriptOk: T(3, 20), sceneAsk: T(3, 19), sceneOk: T(3, 18), assetsAsk: T(3, 6), assetsOk: T(3, 4), edit: T(3, 3), compose: T(3, 2), publishAsk: T(3, 1), publishOk: T(2, 23) };
  const renderRel = `renders/${id}.mp4`;
  const renderSize = out.copyMedia('film-reel.mp4', `${OM}/projects/${id}/${renderRel}`, t.compose);
  const theBrief = brief('Q3 at Lumen Freight', 'We moved a million parcels without a single new truck.', ['Route batching cut empty miles by 18 percent', 'Two new depots: Leeds and Bristol', 'What we are fixing next: weekend delivery windows'], 90);
  const script = {
    version: '1.0', title: 'Q3 at Lumen Freight', total_duration_seconds: 86,
    sections: [
      { id: 's1', label: 'Hello', text: 'Hi, I am Dana. Quick one this quarter, because the numbers speak for themselves.', start_seconds: 0, end_seconds: 9, source_ref: 'raw-take-01 00:00:04' },
      { id: 's2', label: 'A million parcels', text: 'We moved a million parcels in Q3 without adding a single truck. Route batching did that.', start_seconds: 9, end_seconds: 31, source_ref: 'raw-take-01 00:00:22' },
      { id: 's3', label: 'New depots', text: 'Leeds opened in August, Bristol in September. Both are already ahead of plan.', start_seconds: 31, end_seconds: 58, source_ref: 'raw-take-02 00:01:10' },
      { id: 's4', label: 'What is next', text: 'Weekend windows are still too wide. That is the next thing we fix. Thanks for sticking with us.', start_seconds: 58, end_seconds: 86, source_ref: 'raw-take-02 00:02:31' },
    ],
  };
  const scenePlan = { version: '1.0', scenes: script.sections.map((s, i) => ({ id: `sc0${i + 1}`, type: i === 1 ? 'broll' : 'talking_head', description: i === 1 ? 'Depot B-roll over the million-parcel line, stat card 1,000,000' : `Dana to camera: ${s.label.toLowerCase()}`, start_seconds: s.start_seconds, end_seconds: s.end_seconds, script_section_id: s.id })) };
  const assetManifest = { version: '1.0', assets: [
    { id: 'a01', type: 'video', path: 'assets/video/raw-take-01.mp4', source_tool: 'provided', scene_id: 'sc01', duration_seconds: 24, format: 'mp4' },
    { id: 'a02', type: 'image', path: 'assets/images/lower-third.png', source_tool: 'remotion_still', scene_id: 'sc01', resolution: '480x90', format: 'png' },
    { id: 'a03', type: 'music', path: 'assets/music/music-bed.mp3', source_tool: 'library', scene_id: 'sc01', license: 'Lumen brand library', format: 'mp3' },
  ], total_cost_usd: 0 };
  const edit = { version: '1.0', cuts: [
    { id: 'cut01', source: 'a01', in_seconds: 4, out_seconds: 13, layer: 'primary' },
    { id: 'cut02', source: 'a01', in_seconds: 22, out_seconds: 44, layer: 'primary', reason: 'Removed a false start at 00:00:17' },
  ], overlays: [{ asset_id: 'a02', start_seconds: 1, end_seconds: 6, position: { x: 0.05, y: 0.78 } }], music: { asset_id: 'a03', volume: 0.12, ducking: true }, subtitles: { enabled: true, position: 'bottom-center' }, render_runtime: 'ffmpeg', renderer_family: 'presenter' };
  const gated = new Set(['idea', 'script', 'scene_plan', 'assets', 'publish']);
  const pair = (stage, ask, ok, artifacts, scores, summary, spent) => [
    { stage, status: 'awaiting_human', at: ask, approved: false, artifacts, review: review(scores, summary), cost: cost(spent, 0.5, 1) },
    { stage, status: 'completed', at: ok, approved: true, artifacts, review: review(scores, summary), cost: cost(spent, 0.5, 1) },
  ];
  omProject('projects', {
    id, pipeline: 'talking-head', gated, createdAt: t.created,
    projectJson: { version: '1.0', created_at: clock.pyIso(t.created), project_id: id, title: 'Q3 Founder Update', pipeline_type: 'talking-head', style_playbook: 'clean-professional', source_footage: ['assets/video/raw-take-01.mp4'] },
    stages: [
      pair('idea', t.ideaAsk, t.ideaOk, { brief: theBrief }, { message_fit: 9 }, 'Brief matches what Dana says in both takes.', 0),
      pair('script', t.scriptAsk, t.scriptOk, { script }, { transcript_accuracy: 9, length_fit: 8 }, 'Transcript spot-checked at four points; 86 s.', 0.02),
      pair('scene_plan', t.sceneAsk, t.sceneOk, { scene_plan: scenePlan }, { variety: 7 }, 'One B-roll break is enough for 86 s.', 0.02),
      pair('assets', t.assetsAsk, t.assetsOk, { asset_manifest: assetManifest }, { brand_fit: 9 }, 'Lower third uses the brand orange.', 0.02),
      [{ stage: 'edit', status: 'completed', at: t.edit, approved: false, artifacts: { edit_decisions: edit }, review: review({ rhythm: 8 }, 'False start removed.'), cost: cost(0.02, 0.5, 1) }],
      [{ stage: 'compose', status: 'completed', at: t.compose, approved: false, artifacts: { render_report: { version: '1.0', outputs: [{ path: renderRel, format: 'mp4', codec: 'h264', audio_codec: 'aac', resolution: '320x180', fps: 12, duration_seconds: 24, file_size_bytes: renderSize, platform_target: 'youtube' }], render_time_seconds: 12.4 } }, review: review({ technical: 9 }, 'Clean render.'), cost: cost(0.02, 0.5, 1) }],
      pair('publish', t.publishAsk, t.publishOk, { publish_log: { version: '1.0', entries: [
        { platform: 'youtube', status: 'published', url: 'https://www.youtube.com/watch?v=Lm3nQ8rT2xA', video_id: 'Lm3nQ8rT2xA', visibility: 'unlisted', timestamp: clock.pyIso(t.publishOk), metadata_used: { title: 'Q3 at Lumen Freight', description: 'A million parcels, no new trucks.', hashtags: ['logistics', 'founderupdate'] } },
        { platform: 'linkedin', status: 'exported', export_path: renderRel, timestamp: clock.pyIso(t.publishOk) },
      ] } }, { metadata: 9 }, 'Unlisted on YouTube for the all-hands; LinkedIn export ready.', 0.02),
    ],
    files: [
      { rel: 'assets/video/raw-take-01.mp4', media: 'film-reel.mp4', at: t.created },
      { rel: 'assets/images/lower-third.png', media: 'lower-third.png', at: t.assetsAsk },
      { rel: 'assets/music/music-bed.mp3', media: 'music-bed.mp3', at: t.assetsAsk },
    ],
  });
}

function kitchenTips() {
  const id = 'kitchen-tips-ep4';
  const t = { created: clock.ago(7 * HOUR), ideaAsk: clock.ago(6 * HOUR + 40 * MIN), ideaOk: clock.ago(6 * HOUR), scriptAsk: clock.ago(5 * HOUR), scriptOk: clock.ago(4 * HOUR + 30 * MIN), sceneAsk: clock.ago(3 * HOUR), sceneOk: clock.ago(2 * HOUR), assets: clock.ago(3 * MIN) };
  const script = { version: '1.0', title: 'Knife Skills in 60 Seconds', total_duration_seconds: 60, sections: [
    { id: 's1', label: 'Grip', text: 'Pinch the blade, not the handle. That is the whole secret to control.', start_seconds: 0, end_seconds: 14 },
    { id: 's2', label: 'Claw', text: 'Curl your fingertips under, knuckles forward, and let the blade ride your knuckles.', start_seconds: 14, end_seconds: 32 },
    { id: 's3', label: 'Rock', text: 'Tip stays down, heel goes up and down. Slow first, speed comes by itself.', start_seconds: 32, end_seconds: 50 },
    { id: 's4', label: 'Sign-off', text: 'Next week: onions without tears.', start_seconds: 50, end_seconds: 60 },
  ] };
  const scenePlan = { version: '1.0', scenes: script.sections.map((s, i) => ({ id: `sc0${i + 1}`, type: i === 3 ? 'talking_head' : 'broll', description: `${s.label}: overhead close-up on the board`, start_seconds: s.start_seconds, end_seconds: s.end_seconds, script_section_id: s.id })) };
  const gated = new Set(['idea', 'script', 'scene_plan', 'assets', 'publish']);
  omProject('projects', {
    id, pipeline: 'talking-head', gated, createdAt: t.created,
    projectJson: { version: '1.0', created_at: clock.pyIso(t.created), project_id: id, title: 'Kitchen Tips, episode 4: Knife Skills', pipeline_type: 'talking-head' },
    stages: [
      [
        { stage: 'idea', status: 'awaiting_human', at: t.ideaAsk, artifacts: { brief: brief('Knife Skills in 60 Seconds', 'Pinch the blade, not the handle.', ['Grip', 'Claw', 'Rocking cut'], 60) }, cost: cost(0, 0.5, 0) },
        { stage: 'idea', status: 'completed', at: t.ideaOk, approved: true, artifacts: { brief: brief('Knife Skills in 60 Seconds', 'Pinch the blade, not the handle.', ['Grip', 'Claw', 'Rocking cut'], 60) }, cost: cost(0, 0.5, 0) },
      ],
      [
        { stage: 'script', status: 'awaiting_human', at: t.scriptAsk, artifacts: { script }, review: review({ transcript_accuracy: 8 }, 'Two mumbled words in s3 corrected by hand.'), cost: cost(0.01, 0.5, 1) },
        { stage: 'script', status: 'completed', at: t.scriptOk, approved: true, artifacts: { script }, review: review({ transcript_accuracy: 8 }, 'Two mumbled words in s3 corrected by hand.'), cost: cost(0.01, 0.5, 1) },
      ],
      [
        { stage: 'scene_plan', status: 'awaiting_human', at: t.sceneAsk, artifacts: { scene_plan: scenePlan }, cost: cost(0.01, 0.5, 1) },
        { stage: 'scene_plan', status: 'completed', at: t.sceneOk, approved: true, artifacts: { scene_plan: scenePlan }, cost: cost(0.01, 0.5, 1) },
      ],
      [{
        stage: 'assets', status: 'in_progress', at: t.assets, artifacts: {}, cost: cost(0.09, 0.5, 3),
        metadata: {
          partial_progress: {
            completed_scene_ids: ['sc01', 'sc02'],
            asset_manifest_draft: { version: '1.0', assets: [
              { id: 'a01', type: 'narration', path: 'assets/audio/narration.wav', source_tool: 'elevenlabs_tts', scene_id: 'sc01', duration_seconds: 3, format: 'wav' },
              { id: 'a02', type: 'image', path: 'assets/images/sc02-claw-grip.png', source_tool: 'flux_image', scene_id: 'sc02', format: 'png' },
            ] },
          },
        },
      }],
    ],
    files: [
      { rel: 'assets/audio/narration.wav', media: 'narration.wav', at: clock.ago(20 * MIN) },
      { rel: 'assets/images/sc02-claw-grip.png', media: 'storyboard-kitchen.png', at: clock.ago(9 * MIN) },
    ],
  });
}

function podcastTeaser() {
  const id = 'podcast-teaser-ep12';
  const T = (d, h) => clock.ago(d * DAY + h * HOUR);
  const t = { created: T(1, 8), ideaAsk: T(1, 7), ideaOk: T(1, 6), scriptAsk: T(1, 4), scriptOk: T(1, 2), sceneAsk: T(0, 23), sceneOk: T(0, 22), assets: T(0, 20) };
  const theBrief = brief('Deep Water, episode 12 teaser', 'A diver, a shipwreck, and a logbook nobody had opened in 90 years.', ['The wreck', 'The logbook', 'Listen Thursday'], 30);
  const script = { version: '1.0', title: 'Deep Water ep. 12 teaser', total_duration_seconds: 30, sections: [
    { id: 's1', text: 'Forty metres down, the torch found the name on the bow.', start_seconds: 0, end_seconds: 8 },
    { id: 's2', text: 'Inside, in a tin box, the captain\'s logbook. Dry.', start_seconds: 8, end_seconds: 18 },
    { id: 's3', text: 'Deep Water, episode twelve. Thursday, wherever you listen.', start_seconds: 18, end_seconds: 30 },
  ] };
  const scenePlan = { version: '1.0', scenes: [
    { id: 'sc01', type: 'generated', description: 'Torch beam sweeping a barnacled bow', start_seconds: 0, end_seconds: 8 },
    { id: 'sc02', type: 'generated', description: 'Tin box opened, logbook pages', start_seconds: 8, end_seconds: 18 },
    { id: 'sc03', type: 'text_card', description: 'Show logo and release day', start_seconds: 18, end_seconds: 30 },
  ] };
  const gated = new Set(['idea', 'script', 'scene_plan', 'assets', 'publish']);
  const pair = (stage, ask, ok, artifacts) => [
    { stage, status: 'awaiting_human', at: ask, artifacts, cost: cost(0.02, 0.5, 1) },
    { stage, status: 'completed', at: ok, approved: true, artifacts, cost: cost(0.02, 0.5, 1) },
  ];
  omProject('projects', {
    id, pipeline: 'talking-head', gated, createdAt: t.created,
    projectJson: { version: '1.0', created_at: clock.pyIso(t.created), project_id: id, title: 'Deep Water podcast, episode 12 teaser', pipeline_type: 'talking-head' },
    stages: [
      pair('idea', t.ideaAsk, t.ideaOk, { brief: theBrief }),
      pair('script', t.scriptAsk, t.scriptOk, { script }),
      pair('scene_plan', t.sceneAsk, t.sceneOk, { scene_plan: scenePlan }),
      [{
        stage: 'assets', status: 'failed', at: t.assets, artifacts: {},
        error: 'elevenlabs_tts: HTTP 429 quota_exceeded while generating narration for section s2 (3 retries, last at ' + clock.pyIso(t.assets - 2 * MIN) + '). Monthly character quota used up; raise it or switch voice provider.',
        cost: cost(0.21, 0.5, 4, 'failed TTS calls are not billed'),
        metadata: { partial_progress: { completed_scene_ids: ['sc01'] } },
      }],
    ],
  });
}

// ---- why-bees-dance: first-generation `pipelines/` root, written before gates existed

function beesOld() {
  const id = 'why-bees-dance';
  const T = (d, h) => clock.ago(d * DAY + h * HOUR);
  const t = { research: T(12, 3), proposal: T(12, 1), script: T(11, 22) };
  const base = { checkpoint_policy: 'guided', required: false, approved: false };
  omProject('pipelines', {
    id, pipeline: 'animated-explainer', gated: new Set(),
    stages: [
      [{ ...base, stage: 'research', status: 'completed', at: t.research, timestamp: clock.handIso(t.research), artifacts: { research_brief: {
        version: '1.0', topic: 'The honeybee waggle dance', research_date: clock.day(t.research),
        landscape: {
          existing_content: [
            { title: 'The waggle dance', source: 'youtube.com', angle: 'Nature documentary clip', what_it_covers: 'Shows the dance, does not decode it' },
            { title: 'How bees communicate', source: 'ted.com', angle: 'Talk', what_it_covers: 'Dance and pheromones, 12 minutes' },
            { title: 'Bee facts for kids', source: 'youtube.com', angle: 'Listicle', what_it_covers: 'Ten facts, one line on the dance' },
          ],
          saturated_angles: ['Bees are amazing'],
          underserved_gaps: ['How the angle to the Sun encodes direction'],
        },
        data_points: [
          { claim: 'The angle of the waggle run relative to vertical matches the angle of the food source relative to the Sun.', source_url: 'https://en.wikipedia.org/wiki/Waggle_dance', credibility: 'secondary_source' },
          { claim: 'The duration of the waggle run grows with the distance to the food.', source_url: 'https://en.wikipedia.org/wiki/Waggle_dance', credibility: 'secondary_source' },
          { claim: 'Karl von Frisch shared the 1973 Nobel Prize for decoding the dance.', source_url: 'https://www.nobelprize.org/prizes/medicine/1973/frisch/facts/', credibility: 'primary_source' },
        ],
        audience_insights: { common_questions: ['How do bees tell distance?', 'How do bees see the dance in the dark?', 'Do all bees dance?'], misconceptions: [{ myth: 'Bees follow scent trails like ants.', reality: 'Foragers are guided by the dance.' }], knowledge_level: 'beginner' },
        angles_discovered: [
          { name: 'A map drawn in the dark', hook: 'Bees give directions in a pitch-black hive', type: 'evergreen', why_now: 'Spring' },
          { name: 'The Nobel dance', hook: 'A dance that won a Nobel Prize', type: 'narrative', why_now: 'Anniversary' },
          { name: 'Bees use the Sun as a compass', hook: 'Up means towards the Sun', type: 'evergreen', why_now: 'Spring' },
        ],
        sources: [
          { url: 'https://en.wikipedia.org/wiki/Waggle_dance', title: 'Waggle dance', used_for: 'overview' },
          { url: 'https://www.nobelprize.org/prizes/medicine/1973/frisch/facts/', title: 'Karl von Frisch, Nobel facts', used_for: 'history' },
          { url: 'https://en.wikipedia.org/wiki/Karl_von_Frisch', title: 'Karl von Frisch', used_for: 'history' },
          { url: 'https://en.wikipedia.org/wiki/Western_honey_bee', title: 'Western honey bee', used_for: 'background' },
          { url: 'https://en.wikipedia.org/wiki/Bee_learning_and_communication', title: 'Bee learning and communication', used_for: 'dance variants' },
        ],
      } } }],
      [{ ...base, stage: 'proposal', status: 'completed', at: t.proposal, timestamp: clock.handIso(t.proposal), artifacts: { proposal_packet: {
        version: '1.0',
        concept_options: [
          { id: 'c1', title: 'A Map Drawn in the Dark', hook: 'Bees give directions in a pitch-black hive', narrative_structure: 'story', visual_approach: 'Top-down hive comb with a glowing dance path', target_duration_seconds: 40, why_this_works: 'The decode is the payoff' },
          { id: 'c2', title: 'Dance Like a Bee', hook: 'Learn the waggle dance in 40 seconds', narrative_structure: 'tutorial', visual_approach: 'A person mimicking the dance beside a bee', target_duration_seconds: 40, why_this_works: 'Playful, memorable' },
          { id: 'c3', title: 'The Nobel Dance', hook: 'A dance that won a Nobel Prize', narrative_structure: 'timeline', visual_approach: 'Archive-style illustrations of von Frisch experiments', target_duration_seconds: 45, why_this_works: 'Human story around the science' },
        ],
        selected_concept: { concept_id: 'c1', rationale: 'The decode is the payoff and needs the fewest assets' },
        production_plan: { pipeline: 'animated-explainer', stages: [{ stage: 'assets', tools: [{ tool_name: 'flux_image', role: 'frames', available: true }], approach: 'Three frames' }], render_runtime: 'ffmpeg' },
        cost_estimate: { total_estimated_usd: 0.3, line_items: [{ tool: 'flux_image', operation: '3 frames', estimated_usd: 0.12 }], budget_verdict: 'no_budget_set' },
        approval: { status: 'approved' },
      } } }],
      [{ ...base, stage: 'script', status: 'completed', at: t.script, timestamp: clock.handIso(t.script), artifacts: { script: {
        version: '1.0', title: 'A Map Drawn in the Dark', total_duration_seconds: 40,
        sections: [
          { id: 's1', text: 'Inside the hive it is pitch black. So how does a bee tell her sisters where the flowers are?', start_seconds: 0, end_seconds: 12 },
          { id: 's2', text: 'She dances. The straight run points at the flowers, measured from the Sun.', start_seconds: 12, end_seconds: 28 },
          { id: 's3', text: 'The longer she waggles, the farther they are.', start_seconds: 28, end_seconds: 40 },
        ],
      } } }],
    ],
  });
}

// ---- broken OpenMontage files: shown in the Problems view

function omBroken() {
  const t = clock.ago(26 * HOUR);
  const gated = new Set(['script']);
  const p = { id: 'broken-truncated', pipeline: 'talking-head', gated };
  out.putJson(`${OM}/projects/broken-truncated/project.json`, { version: '1.0', created_at: clock.pyIso(t - HOUR), project_id: p.id, title: 'Broken sample: a checkpoint cut off mid-write', pipeline_type: 'talking-head' }, t - HOUR);
  const full = pyJson(omEnvelope(p, { stage: 'script', status: 'awaiting_human', at: t, artifacts: { script: { version: '1.0', title: 'Cut off', total_duration_seconds: 20, sections: [{ id: 's1', text: 'This file stops in the middle of a string, the way a crashed writer leaves it.', start_seconds: 0, end_seconds: 20 }] } } }));
  out.put(`${OM}/projects/broken-truncated/checkpoint_script.json`, full.slice(0, Math.floor(full.length * 0.62)), t);

  const q = { id: 'broken-invalid-status', pipeline: 'talking-head', gated: new Set(['scene_plan']) };
  out.putJson(`${OM}/projects/broken-invalid-status/project.json`, { version: '1.0', created_at: clock.pyIso(t - 2 * HOUR), project_id: q.id, title: 'Broken sample: unknown status and no scene_plan', pipeline_type: 'talking-head' }, t - 2 * HOUR);
  // "approved" is not a checkpoint status (the schema has completed/failed/awaiting_human/in_progress),
  // and the stage's canonical artifact `scene_plan` is missing.
  out.putJson(`${OM}/projects/broken-invalid-status/checkpoint_scene_plan.json`, omEnvelope(q, { stage: 'scene_plan', status: 'approved', at: t, approved: true, artifacts: { notes: 'Scene plan agreed on a call; the agent never wrote it down.' } }), t);
}

/** Our own, small schema for the script artifact (the shape the sample scripts use). */
const SCRIPT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Script',
  type: 'object',
  required: ['version', 'title', 'sections'],
  properties: {
    version: { const: '1.0' },
    title: { type: 'string', minLength: 1 },
    total_duration_seconds: { type: 'number', exclusiveMinimum: 0 },
    voice_performance: { type: 'object' },
    sections: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'text', 'start_seconds', 'end_seconds'],
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          text: { type: 'string', minLength: 1 },
          start_seconds: { type: 'number', minimum: 0 },
          end_seconds: { type: 'number', minimum: 0 },
        },
        additionalProperties: true,
      },
    },
  },
  additionalProperties: true,
};

export function openMontage() {
  out.put(`${OM}/pipeline_defs/animated-explainer.yaml`, ANIMATED_EXPLAINER_YAML, clock.ago(30 * DAY));
  out.put(`${OM}/pipeline_defs/talking-head.yaml`, TALKING_HEAD_YAML, clock.ago(30 * DAY));
  // A project that ships artifact schemas gets them checked in Greenlight's editor as you type.
  out.put(`${OM}/schemas/artifacts/script.schema.json`, `${JSON.stringify(SCRIPT_SCHEMA, null, 2)}\n`, clock.ago(30 * DAY));
  omTides();
  omSolarSails();
  founderUpdate();
  kitchenTips();
  podcastTeaser();
  beesOld();
  omBroken();
}
