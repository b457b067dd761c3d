// Names OpenMontage itself fixes in code (`lib/checkpoint.py`, `schemas/artifacts/__init__.py`),
// quoted from FORMATS.md §1.3 and §1.5 so that gating and canonical-artifact checks match the
// pipeline's own writer.

/** Stage → its primary artifact key inside `artifacts` (unchanged since the first release). */
export const CANONICAL_STAGE_ARTIFACTS: Readonly<Record<string, string>> = Object.freeze({
  research: 'research_brief',
  proposal: 'proposal_packet',
  idea: 'brief',
  script: 'script',
  scene_plan: 'scene_plan',
  assets: 'asset_manifest',
  edit: 'edit_decisions',
  compose: 'render_report',
  publish: 'publish_log',
});

/** Artifacts that accompany a stage without being its primary output. */
export const SUPPLEMENTARY_ARTIFACTS: ReadonlySet<string> = new Set([
  'review',
  'cost_log',
  'decision_log',
  'final_review',
  'source_media_review',
  'video_analysis_brief',
]);

/** Every artifact name with a schema at HEAD (the writer validates these as objects). */
export const KNOWN_ARTIFACT_NAMES: ReadonlySet<string> = new Set([
  'research_brief',
  'proposal_packet',
  'brief',
  'script',
  'scene_plan',
  'asset_manifest',
  'edit_decisions',
  'render_report',
  'publish_log',
  'review',
  'cost_log',
  'character_design',
  'rig_plan',
  'pose_library',
  'action_timeline',
  'decision_log',
  'source_media_review',
  'final_review',
  'character_qa_report',
  'video_analysis_brief',
]);

/** `get_completed_stages` order when the project names no manifest (FORMATS.md §1.5). */
export const FALLBACK_STAGE_ORDER: readonly string[] = [
  'research',
  'proposal',
  'idea',
  'script',
  'scene_plan',
  'assets',
  'edit',
  'compose',
  'publish',
];

/** The decisions Greenlight can take on an OpenMontage gate (rewrite the checkpoint, or branch the folder). */
export const OM_GATE_DECISIONS = ['approve', 'reject', 'edit', 'branch'] as const;

export const OM_FAMILY = 'openmontage' as const;
