// The OmniClaude checkpoint record as omnibase_infra's Pydantic `ModelCheckpoint` defines it
// (FORMATS.md §3.2): every model is `extra="forbid"`, so these are strict objects. The header
// is checked field by field by the adapter (so one bad field never hides the others); the
// payload shapes below are used as they stand.
import { z } from 'zod';

/** Phase values in the infra enum's order; the ordinal is the index + 1 ("MUST NOT change"). */
export const OC_PHASES = ['implement', 'local_review', 'create_pr', 'pr_release_ready', 'ready_for_merge'] as const;
export type OcPhase = (typeof OC_PHASES)[number];

export const OC_PHASE_ORDINALS: Record<OcPhase, number> = {
  implement: 1,
  local_review: 2,
  create_pr: 3,
  pr_release_ready: 4,
  ready_for_merge: 5,
};

export const OC_PHASE_LABELS: Record<OcPhase, string> = {
  implement: 'Implement',
  local_review: 'Local review',
  create_pr: 'Create PR',
  pr_release_ready: 'PR release-ready',
  ready_for_merge: 'Ready for merge',
};

export function isOcPhase(v: unknown): v is OcPhase {
  return typeof v === 'string' && (OC_PHASES as readonly string[]).includes(v);
}

export const OC_SCHEMA_VERSION = '1.0.0';

/** `uuid5(NAMESPACE_DNS, "onex.omninode.io")`: the namespace of the CLI's short run-id normalisation. */
export const OC_RUN_ID_NAMESPACE = 'e176b05f-f761-5a9d-9a51-ac6d5a3566ee';

/** The validator's rule for `repo_commit_map` values (the model only asks for lower-case hex). */
export const OC_REPO_SHA = /^[0-9a-f]{7,40}$/;

/** Header keys in the order `model_dump` writes them. */
export const OC_HEADER_KEYS = [
  'schema_version',
  'run_id',
  'ticket_id',
  'phase',
  'timestamp_utc',
  'repo_commit_map',
  'artifact_paths',
  'attempt_number',
  'phase_payload',
] as const;

/** Git SHAs inside payloads: `^[0-9a-f]+$`, 7–40 characters. */
export const ocShaSchema = z
  .string()
  .min(7, 'a commit SHA has at least 7 hex digits')
  .max(40, 'a commit SHA has at most 40 hex digits')
  .regex(/^[0-9a-f]+$/, 'a commit SHA must be lower-case hex (0-9, a-f)');

// Pydantic's lax mode turns "42" into 42 for int fields; so does this.
const laxInt = (min: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`),
  );

/** Timestamps inside payloads are checked by the adapter (tz-aware rule); here only presence. */
const timestampSlot = z.unknown().refine((v) => v !== undefined && v !== null, 'a time-zone-aware date-time is required');

export const ocImplementPayloadSchema = z.strictObject({
  phase: z.literal('implement'),
  branch_name: z.string().min(1, 'branch_name must not be empty').max(512, 'branch_name is longer than 512 characters'),
  commit_sha: ocShaSchema,
  files_changed: z.array(z.string()).default([]),
});

export const ocLocalReviewPayloadSchema = z.strictObject({
  phase: z.literal('local_review'),
  iteration_count: laxInt(1, 'iteration_count'),
  issue_fingerprints: z.array(z.string()).default([]),
  last_clean_sha: ocShaSchema,
});

export const ocCreatePrPayloadSchema = z.strictObject({
  phase: z.literal('create_pr'),
  pr_url: z.string().min(1, 'pr_url must not be empty'),
  pr_number: laxInt(1, 'pr_number'),
  head_sha: ocShaSchema,
});

export const ocPrReleaseReadyPayloadSchema = z.strictObject({
  phase: z.literal('pr_release_ready'),
  last_review_sha: ocShaSchema,
  issue_fingerprints: z.array(z.string()).default([]),
});

export const ocReadyForMergePayloadSchema = z.strictObject({
  phase: z.literal('ready_for_merge'),
  label_applied_at: timestampSlot,
});

/** Payload schema per phase: the union is discriminated on `phase_payload.phase`. */
export const OC_PAYLOAD_SCHEMAS = {
  implement: ocImplementPayloadSchema,
  local_review: ocLocalReviewPayloadSchema,
  create_pr: ocCreatePrPayloadSchema,
  pr_release_ready: ocPrReleaseReadyPayloadSchema,
  ready_for_merge: ocReadyForMergePayloadSchema,
} as const;

/** Payload fields that hold a git SHA (checked for YAML number mangling before the schema). */
export const OC_PAYLOAD_SHA_FIELDS: Record<OcPhase, readonly string[]> = {
  implement: ['commit_sha'],
  local_review: ['last_clean_sha'],
  create_pr: ['head_sha'],
  pr_release_ready: ['last_review_sha'],
  ready_for_merge: [],
};
