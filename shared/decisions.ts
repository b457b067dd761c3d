// Deciding gates, editing artifacts and branching runs: the requests the renderer sends and
// the outcomes the core answers with. Every write names its file and its revision (sha256),
// so a file that changed since the person looked at it is never overwritten.
import { z } from 'zod';

const id = z.string().min(1).max(200);
const note = z.string().max(20000);

export const decideRequestSchema = z.object({
  gateId: id,
  decision: z.enum(['approve', 'reject']),
  note: note.optional(),
  /** sha256 of the gate's file as the person saw it (Gate.revision). */
  revision: z.string().max(128).optional(),
  /** OpenMontage proposal stage: the budget approved with the proposal. */
  approvedBudgetUsd: z.number().nonnegative().finite().optional(),
  /** Gate protocol: which of the gate's options was chosen. */
  option: z.string().max(500).optional(),
});
export type DecideRequest = z.infer<typeof decideRequestSchema>;

export const plannedWriteSchema = z.object({
  /** Display path relative to the root, or a URL for API-backed families. */
  target: z.string(),
  action: z.enum(['rewrite', 'create', 'copy', 'append', 'http']),
  description: z.string(),
});
export type PlannedWrite = z.infer<typeof plannedWriteSchema>;

export const decisionPreviewSchema = z.object({
  gateId: z.string(),
  allowed: z.boolean(),
  /** Why the decision cannot be taken (in_progress file, no backend configured…). */
  reason: z.string().optional(),
  writes: z.array(plannedWriteSchema),
});
export type DecisionPreview = z.infer<typeof decisionPreviewSchema>;

export const decisionOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('written'), writes: z.array(plannedWriteSchema), message: z.string() }),
  /** The file changed since it was shown: nothing was written; the UI shows the new version. */
  z.object({ status: z.literal('conflict'), message: z.string() }),
  /** Not allowed now (in_progress, already decided, read-only folder…): nothing was written. */
  z.object({ status: z.literal('refused'), message: z.string() }),
  z.object({ status: z.literal('failed'), message: z.string() }),
]);
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

export const editRequestSchema = z.object({
  artifactId: id,
  /** The new content as text (JSON for JSON artifacts). */
  content: z.string().max(16 * 1024 * 1024),
  reason: z.string().min(1).max(5000),
  /** sha256 of the file the artifact lives in, as loaded for editing. */
  revision: z.string().max(128),
});
export type EditRequest = z.infer<typeof editRequestSchema>;

export const validationIssueSchema = z.object({
  field: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  line: z.number().optional(),
  column: z.number().optional(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

export const branchRequestSchema = z.object({
  runId: id,
  stageId: id,
  note: note.optional(),
});
export type BranchRequest = z.infer<typeof branchRequestSchema>;

export const autoApproveRuleSchema = z.object({
  id: z.string(),
  rootId: z.string(),
  /** Absent: every run in the folder. */
  runId: z.string().optional(),
  runTitle: z.string().optional(),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type AutoApproveRule = z.infer<typeof autoApproveRuleSchema>;

export const editableArtifactSchema = z.object({
  artifactId: z.string(),
  name: z.string(),
  language: z.enum(['json', 'text']),
  content: z.string(),
  revision: z.string(),
  /** Which rules validate it, for the editor's header ("proposal_packet.schema.json"). */
  validator: z.string().optional(),
  history: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type EditableArtifact = z.infer<typeof editableArtifactSchema>;
