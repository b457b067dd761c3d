// zod schemas for the CineCut (adam-aph/ai-video-trailer) files Greenlight reads (FORMATS.md §5).
// - `pipeline_checkpoint.json` is a Python dataclass loaded with `PipelineCheckpoint(**data)`:
//   an unknown or missing required key makes the loader return None and the pipeline restart
//   from scratch, silently. So the object is strict; the other fields have defaults.
// - `TRAILER_MANIFEST.json` is a Pydantic model (extra keys ignored) and the human-editable
//   contract of the `--review` gate; the manifest editor validates edits against this schema,
//   so it accepts exactly what CineCut's `load_manifest` accepts (vibe normalised the same way).
import { z } from 'zod';

export const CC_VIBES = [
  'action',
  'adventure',
  'animation',
  'comedy',
  'crime',
  'documentary',
  'drama',
  'family',
  'fantasy',
  'history',
  'horror',
  'music',
  'mystery',
  'romance',
  'sci-fi',
  'thriller',
  'war',
  'western',
] as const;

const VIBE_ALIASES: Record<string, string> = { scifi: 'sci-fi', sci_fi: 'sci-fi' };

/** CineCut's own normalisation: lower case, spaces to hyphens, then a couple of aliases. */
export function normaliseVibe(v: string): string {
  const n = v.toLowerCase().replace(/ /g, '-');
  return VIBE_ALIASES[n] ?? n;
}

export function isKnownVibe(v: string): boolean {
  return (CC_VIBES as readonly string[]).includes(normaliseVibe(v));
}

/** The slug in the trailer's file name: `{stem}_trailer_{vibe with - as _}.mp4`. */
export function vibeSlug(v: string): string {
  return normaliseVibe(v).replace(/-/g, '_');
}

// ---- pipeline_checkpoint.json ---------------------------------------------------------------

/** Stage names the CLI appends to `stages_complete` at HEAD, in execution order. */
export const CC_RECORDED_STAGES = ['proxy', 'subtitles', 'keyframes', 'structural', 'narrative', 'assembly', 'music'] as const;

/** The first dataclass (f427052): 9 fields. */
export const CC_CHECKPOINT_FIELDS_V1 = [
  'source_file',
  'vibe',
  'stages_complete',
  'proxy_path',
  'keyframe_count',
  'dialogue_event_count',
  'inference_complete',
  'manifest_path',
  'assembly_manifest_path',
] as const;

/** Added later (dea8de7, 246b0f3): 12 fields in all at HEAD. */
export const CC_CHECKPOINT_FIELDS_ADDED = ['cache_hit', 'proxy_duration_s', 'structural_anchors'] as const;

export const CC_CHECKPOINT_FIELDS: readonly string[] = [...CC_CHECKPOINT_FIELDS_V1, ...CC_CHECKPOINT_FIELDS_ADDED];

/** Only these two have no default in the dataclass. */
export const CC_CHECKPOINT_REQUIRED = ['source_file', 'vibe'] as const;

export const ccStructuralAnchorsSchema = z.looseObject({
  begin_t: z.number().min(0),
  escalation_t: z.number().min(0),
  climax_t: z.number().min(0),
  source: z.string().optional(),
});

export const ccPipelineCheckpointSchema = z.strictObject({
  source_file: z.string(),
  vibe: z.string(),
  stages_complete: z.array(z.string()).optional(),
  proxy_path: z.string().nullable().optional(),
  keyframe_count: z.int().min(0).nullable().optional(),
  dialogue_event_count: z.int().min(0).nullable().optional(),
  inference_complete: z.boolean().nullable().optional(),
  cache_hit: z.boolean().nullable().optional(),
  manifest_path: z.string().nullable().optional(),
  assembly_manifest_path: z.string().nullable().optional(),
  proxy_duration_s: z.number().min(0).nullable().optional(),
  structural_anchors: ccStructuralAnchorsSchema.nullable().optional(),
});
export type CcPipelineCheckpoint = z.infer<typeof ccPipelineCheckpointSchema>;

// ---- TRAILER_MANIFEST.json (manifest/schema.py) ---------------------------------------------

export const CC_BEAT_TYPES = [
  'inciting_incident',
  'character_introduction',
  'escalation_beat',
  'relationship_beat',
  'money_shot',
  'climax_peak',
  'breath',
] as const;
export const CC_ACTS = ['cold_open', 'act1', 'beat_drop', 'act2', 'breath', 'act3', 'title_card', 'button'] as const;
export const CC_TRANSITIONS = ['hard_cut', 'crossfade', 'fade_to_black', 'fade_to_white'] as const;
export const CC_NARRATIVE_ZONES = ['BEGINNING', 'ESCALATION', 'CLIMAX'] as const;

export const ccVibeSchema = z.string().refine(isKnownVibe, {
  message: `unknown vibe; CineCut accepts ${CC_VIBES.join(', ')} (case and spaces are normalised)`,
});

export const ccClipSchema = z
  .looseObject({
    source_start_s: z.number().min(0),
    source_end_s: z.number().min(0),
    beat_type: z.enum(CC_BEAT_TYPES),
    act: z.enum(CC_ACTS),
    /** Defaults to hard_cut when absent; null is rejected. */
    transition: z.enum(CC_TRANSITIONS).optional(),
    dialogue_excerpt: z.string().optional(),
    reasoning: z.string().nullish(),
    visual_analysis: z.string().nullish(),
    subtitle_analysis: z.string().nullish(),
    money_shot_score: z.number().min(0).max(1).nullish(),
    narrative_zone: z.enum(CC_NARRATIVE_ZONES).nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.source_end_s <= c.source_start_s) {
      ctx.addIssue({
        code: 'custom',
        path: ['source_end_s'],
        message: `source_end_s (${c.source_end_s}) must be > source_start_s (${c.source_start_s})`,
      });
    }
  });
export type CcClip = z.infer<typeof ccClipSchema>;

export const ccBpmGridSchema = z.looseObject({
  bpm: z.number().gt(0),
  beat_count: z.int().min(0),
  /** 'librosa' or 'vibe_default' in practice; CineCut accepts any string. */
  source: z.string(),
});

export const ccMusicBedSchema = z.looseObject({
  track_id: z.string(),
  track_name: z.string(),
  artist_name: z.string(),
  license_ccurl: z.string(),
  local_path: z.string(),
  bpm: z.number().nullish(),
});

export const trailerManifestSchema = z.looseObject({
  /** "2.0" at HEAD, "1.0" in v1 files; any string is accepted. */
  schema_version: z.string().optional(),
  source_file: z.string(),
  vibe: ccVibeSchema,
  clips: z.array(ccClipSchema).min(1),
  structural_anchors: ccStructuralAnchorsSchema.nullish(),
  bpm_grid: ccBpmGridSchema.nullish(),
  music_bed: ccMusicBedSchema.nullish(),
});
export type TrailerManifest = z.infer<typeof trailerManifestSchema>;
