// JSON that the aivideo API (Kenji11/aivideo, branch refactor/vincent; FORMATS.md §4) returns
// and a person may export into a watched folder: CheckpointResponse, ArtifactResponse,
// CheckpointTreeNode, BranchInfo, CheckpointInfo and StatusResponse. The Pydantic response
// models do not forbid extra keys, so neither do these; they hold the database's CHECK rules
// (phase 1–4, version > 0, status enum) as errors. Conventions the code follows but the
// database does not enforce (`cp-`/`art-` ids, `main-1-1` branch names) are checked by the
// adapter as warnings.
import { z } from 'zod';

export const AV_PHASES = [1, 2, 3, 4] as const;
export type AvPhase = (typeof AV_PHASES)[number];

/** Stage names for the four phases (the code's `phase1_planning` … `phase4_refine`). */
export const AV_PHASE_NAMES: Record<AvPhase, string> = { 1: 'planning', 2: 'storyboard', 3: 'chunks', 4: 'refinement' };
export const AV_PHASE_LABELS: Record<AvPhase, string> = {
  1: 'Phase 1 · Planning',
  2: 'Phase 2 · Storyboard',
  3: 'Phase 3 · Chunks',
  4: 'Phase 4 · Refinement',
};

export const AV_CHECKPOINT_STATUSES = ['pending', 'approved', 'abandoned'] as const;
export type AvCheckpointStatus = (typeof AV_CHECKPOINT_STATUSES)[number];

/**
 * `models.py` VideoStatus; the API sends lower case, the SQL enum and docs upper case.
 * `generating_storyboard` is the plan's name for `generating_animatic`; both are accepted.
 */
export const AV_VIDEO_STATUSES = [
  'queued',
  'validating',
  'paused_at_phase1',
  'generating_animatic',
  'generating_references',
  'generating_storyboard',
  'paused_at_phase2',
  'generating_chunks',
  'paused_at_phase3',
  'refining',
  'paused_at_phase4',
  'exporting',
  'complete',
  'failed',
] as const;
export type AvVideoStatus = (typeof AV_VIDEO_STATUSES)[number];

export const AV_BRANCH_NAME = /^main(-\d+)*$/;
export const AV_CHECKPOINT_ID = /^cp-.+/;
export const AV_ARTIFACT_ID = /^art-.+/;

/** `DECIMAL(10,4)` may reach an export as a number or, through other serialisers, a string. */
const money = z.union([
  z.number().nonnegative('cost_usd cannot be negative'),
  z.string().regex(/^\s*\d+(\.\d+)?\s*$/, 'cost_usd must be a non-negative number'),
]);
const dateTimeText = z.string().min(1, 'a date-time is required');
const positiveInt = (what: string) => z.number().int(`${what} must be a whole number`).positive(`${what} must be greater than 0`);
const phaseNumber = z.number().int('phase_number must be a whole number').min(1, 'phase_number must be 1–4').max(4, 'phase_number must be 1–4');
// Checkpoint status is a CHECK constraint in lower case; other spellings are told apart later.
const checkpointStatus = z.string().refine((s) => (AV_CHECKPOINT_STATUSES as readonly string[]).includes(s.toLowerCase()), {
  message: `status must be one of ${AV_CHECKPOINT_STATUSES.join(', ')}`,
});

export const avArtifactSchema = z.object({
  id: z.string().min(1),
  artifact_type: z.string().min(1),
  artifact_key: z.string().min(1),
  s3_url: z.string(),
  version: positiveInt('version'),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  created_at: dateTimeText,
});

export const avCheckpointSchema = z.object({
  id: z.string().min(1),
  video_id: z.string().min(1),
  branch_name: z.string().min(1),
  phase_number: phaseNumber,
  version: positiveInt('version'),
  status: checkpointStatus,
  approved_at: dateTimeText.nullable().optional(),
  created_at: dateTimeText,
  cost_usd: money,
  parent_checkpoint_id: z.string().nullable().optional(),
  artifacts: z.array(z.unknown()).optional(),
  user_id: z.string().optional(),
  edit_description: z.string().nullable().optional(),
});

export const avTreeNodeSchema = z.object({
  checkpoint: z.record(z.string(), z.unknown()),
  children: z.array(z.unknown()).nullable().optional(),
});

export const avBranchInfoSchema = z.object({
  branch_name: z.string().min(1),
  latest_checkpoint_id: z.string().min(1),
  phase_number: phaseNumber,
  status: checkpointStatus,
  can_continue: z.boolean(),
});

/** The status endpoint's current checkpoint: artifacts keyed by artifact_key, not a list. */
export const avCheckpointInfoSchema = z.object({
  checkpoint_id: z.string().min(1),
  branch_name: z.string().min(1),
  phase_number: phaseNumber,
  version: positiveInt('version'),
  status: checkpointStatus,
  created_at: dateTimeText,
  artifacts: z.record(z.string(), z.unknown()).optional(),
});

export const avStatusSchema = z.object({
  video_id: z.string().min(1),
  status: z.string().min(1),
  progress: z.number().nullable().optional(),
  current_phase: z.string().nullable().optional(),
  error: z.string().nullable().optional(),
  current_checkpoint: z.record(z.string(), z.unknown()).nullable().optional(),
  checkpoint_tree: z.array(z.unknown()).nullable().optional(),
  active_branches: z.array(z.unknown()).nullable().optional(),
});

/**
 * `aivideo.config.json` beside exports: where the API lives and which environment variable
 * holds the bearer token. The token itself never goes in the file.
 */
export const avConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' }),
  tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'tokenEnv must name an environment variable, e.g. AIVIDEO_TOKEN'),
});
export type AvConfig = z.infer<typeof avConfigSchema>;
