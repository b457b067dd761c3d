// zod schemas for the OpenMontage files Greenlight reads (FORMATS.md §1). They are used to
// REPORT problems; the adapter builds its records by hand from whatever is readable, so a file
// that fails here is still shown. The envelope mirrors the HEAD checkpoint.schema.json
// (`additionalProperties: false`); the other schemas only name the subset Greenlight uses.
import { z } from 'zod';

export const OM_CHECKPOINT_STATUSES = ['completed', 'failed', 'awaiting_human', 'in_progress'] as const;
export const OM_CHECKPOINT_POLICIES = ['guided', 'manual_all', 'auto_noncreative'] as const;

export const omCostSnapshotSchema = z.looseObject({
  total_spent_usd: z.number().optional(),
  total_reserved_usd: z.number().optional(),
  budget_remaining_usd: z.number().optional(),
  // Keys real files use instead of the schema's (FORMATS.md §1.7).
  spent_usd: z.number().optional(),
  budget_usd: z.number().optional(),
  paid_calls: z.number().optional(),
  note: z.string().optional(),
});

/**
 * The checkpoint envelope as HEAD's schema states it. `status` is checked separately by the
 * adapter (it accepts hand-written `pending`), so it is a plain string here.
 */
export const omCheckpointEnvelopeSchema = z.strictObject({
  version: z.literal('1.0'),
  project_id: z.string(),
  pipeline_type: z.string(),
  stage: z.string(),
  status: z.string(),
  timestamp: z.string(),
  style_playbook: z.string().optional(),
  checkpoint_policy: z.enum(OM_CHECKPOINT_POLICIES).optional(),
  human_approval_required: z.boolean().optional(),
  human_approved: z.boolean().optional(),
  artifacts: z.record(z.string(), z.unknown()),
  review: z.record(z.string(), z.unknown()).optional(),
  cost_snapshot: omCostSnapshotSchema.optional(),
  error: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type OmCheckpointEnvelope = z.infer<typeof omCheckpointEnvelopeSchema>;

/** `proposal_packet.approval` — the one approval field inside an artifact (FORMATS.md §1.3). */
export const omProposalApprovalSchema = z.looseObject({
  status: z.enum(['pending', 'approved', 'approved_with_changes', 'rejected']),
  user_notes: z.string().optional(),
  approved_budget_usd: z.number().min(0).optional(),
});

/** `project.json` marker: a few known keys, free extras (`profile`, `delivery`, …). */
export const omProjectFileSchema = z.looseObject({
  version: z.string().optional(),
  created_at: z.string().optional(),
  project_id: z.string().optional(),
  title: z.string().optional(),
  pipeline_type: z.string().optional(),
  style_playbook: z.string().optional(),
});

export const omManifestStageSchema = z.looseObject({
  name: z.string(),
  skill: z.string().optional(),
  produces: z.array(z.string()).optional(),
  checkpoint_required: z.boolean().optional(),
  human_approval_default: z.boolean().optional(),
  sub_stages: z.array(z.looseObject({ name: z.string(), human_approval_default: z.boolean().optional() })).optional(),
});

/** The part of `pipeline_manifest.schema.json` that decides stage order and gating. */
export const omPipelineManifestSchema = z.looseObject({
  name: z.string(),
  version: z.string(),
  description: z.string().optional(),
  category: z.string().optional(),
  stability: z.enum(['production', 'beta']).optional(),
  default_checkpoint_policy: z.enum(OM_CHECKPOINT_POLICIES).optional(),
  stages: z.array(omManifestStageSchema),
});

export const omDecisionLogSchema = z.looseObject({
  version: z.string().optional(),
  project_id: z.string().optional(),
  decisions: z.array(z.record(z.string(), z.unknown())),
});

export const OM_LINEAGE_TAG = 'lineage/1';

/** `<project>/greenlight/lineage.json`: written by Greenlight when it branches a project. */
export const omLineageSidecarSchema = z.object({
  greenlight: z.literal(OM_LINEAGE_TAG),
  /** Root-relative folder of the project this one was branched from. */
  parentProject: z.string(),
  fromStage: z.string(),
  branch: z.string(),
  createdAt: z.string().optional(),
  createdBy: z.string().optional(),
  note: z.string().optional(),
});
export type OmLineageSidecar = z.infer<typeof omLineageSidecarSchema>;
