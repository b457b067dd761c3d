// The one normalised model that every checkpoint family is mapped onto, and that the
// renderer draws. It is shared by the core (plain Node), both transports and the UI, so it
// holds no filesystem paths the renderer could misuse: files are referred to by opaque ids
// plus a display path relative to their watched root.
import { z } from 'zod';
import { DECISION_KINDS, FAMILIES, RUN_STATUSES } from './model-constants';

// The zod-free constants live in model-constants.ts (the renderer's first screen loads them
// without zod); re-exported here so every existing import keeps working.
export { DECISION_KINDS, FAMILIES, FAMILY_LABELS, RUN_STATUSES } from './model-constants';
export const familySchema = z.enum(FAMILIES);
export type Family = z.infer<typeof familySchema>;

export const severitySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof severitySchema>;

/** A file as the UI may know it: an id for requests, a root id and a display path. */
export const fileRefSchema = z.object({
  id: z.string(),
  rootId: z.string(),
  /** POSIX path relative to the watched root, for display only. */
  rel: z.string(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const problemSchema = z.object({
  file: fileRefSchema,
  severity: severitySchema,
  /** JSON pointer (RFC 6901) to the offending field; '' means the file as a whole. */
  field: z.string(),
  message: z.string(),
  /** Stable machine-readable code, e.g. 'json.syntax', 'schema.type', 'om.gate_skipped'. */
  code: z.string(),
  family: familySchema.optional(),
  runId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const artifactKindSchema = z.enum(['json', 'text', 'image', 'video', 'audio', 'file']);
export type ArtifactKind = z.infer<typeof artifactKindSchema>;

export const artifactSchema = z.object({
  /** Opaque id; the core maps it back to a file (and pointer) inside a watched root. */
  id: z.string(),
  name: z.string(),
  kind: artifactKindSchema,
  /** 'canonical' = the stage's primary artifact (OpenMontage CANONICAL_STAGE_ARTIFACTS). */
  role: z.enum(['canonical', 'supplementary', 'other']).default('other'),
  /**
   * inline: lives inside a checkpoint file at `pointer`;
   * file: a file inside the watched root; url: remote (aivideo presigned S3); missing: referenced but absent.
   */
  source: z.enum(['inline', 'file', 'url', 'missing']),
  fileId: z.string().optional(),
  pointer: z.string().optional(),
  /** Display path of the artifact file relative to its root (source=file/missing). */
  rel: z.string().optional(),
  url: z.string().optional(),
  version: z.number().optional(),
  size: z.number().optional(),
  mediaType: z.string().optional(),
  /** One-line summary for lists (never the whole body: bodies are fetched on demand). */
  summary: z.string().optional(),
  editable: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type Artifact = z.infer<typeof artifactSchema>;

export const reviewIssueSchema = z.object({
  severity: z.string(),
  text: z.string(),
  location: z.string().optional(),
  suggestion: z.string().optional(),
  disposition: z.string().optional(),
});
export type ReviewIssue = z.infer<typeof reviewIssueSchema>;

/** Review and judge results, normalised: scores always on 0–10, the raw value kept beside. */
export const reviewSchema = z.object({
  source: z.enum(['reviewer', 'judge']).default('reviewer'),
  score: z.number().optional(),
  rawScore: z.number().optional(),
  scale: z.number().optional(),
  decision: z.string().optional(),
  summary: z.string().optional(),
  strengths: z.array(z.string()).default([]),
  issues: z.array(reviewIssueSchema).default([]),
  feedback: z.string().optional(),
  scores: z.array(z.object({ name: z.string(), score: z.number(), max: z.number().optional() })).default([]),
});
export type Review = z.infer<typeof reviewSchema>;

export const costSchema = z.object({
  spentUsd: z.number().optional(),
  budgetUsd: z.number().optional(),
  reservedUsd: z.number().optional(),
  remainingUsd: z.number().optional(),
  note: z.string().optional(),
});
export type Cost = z.infer<typeof costSchema>;

export const stageStatusSchema = z.enum([
  'pending',
  'in_progress',
  'awaiting_human',
  'completed',
  'failed',
  'skipped',
  'stale',
  'unknown',
]);
export type StageStatus = z.infer<typeof stageStatusSchema>;

/** One stored version of a stage: an attempt (OmniClaude _aK), a history/ copy, an artifact version. */
export const stageVersionSchema = z.object({
  label: z.string(),
  fileId: z.string().optional(),
  rel: z.string().optional(),
  timestamp: z.string().optional(),
  status: stageStatusSchema.optional(),
  current: z.boolean().default(false),
});
export type StageVersion = z.infer<typeof stageVersionSchema>;

export const stageSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string().optional(),
  order: z.number(),
  status: stageStatusSchema,
  startedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  durationMs: z.number().optional(),
  /** Number of attempts seen (1 when a family has no notion of attempts). */
  attempts: z.number().default(1),
  versions: z.array(stageVersionSchema).default([]),
  gateRequired: z.boolean().default(false),
  gateId: z.string().optional(),
  cost: costSchema.optional(),
  artifacts: z.array(artifactSchema).default([]),
  review: reviewSchema.optional(),
  fileId: z.string().optional(),
  rel: z.string().optional(),
  branch: z.string().optional(),
  /** Audit marks such as 'gate_skipped', 'synthesised', 'stall'. */
  flags: z.array(z.string()).default([]),
  error: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type Stage = z.infer<typeof stageSchema>;

export const decisionKindSchema = z.enum(DECISION_KINDS);
export type DecisionKind = z.infer<typeof decisionKindSchema>;

export const gateStatusSchema = z.enum(['waiting', 'approved', 'rejected', 'auto_approved', 'timed_out']);
export type GateStatus = z.infer<typeof gateStatusSchema>;

export const gateSchema = z.object({
  id: z.string(),
  runId: z.string(),
  family: familySchema,
  stageId: z.string().optional(),
  stageName: z.string(),
  title: z.string(),
  status: gateStatusSchema,
  /** When the gate started waiting (ISO 8601). */
  since: z.string().optional(),
  /** Which decisions this family can take on this gate. */
  decisions: z.array(decisionKindSchema),
  /** Why a decision is not offered (e.g. why this family cannot branch). */
  unavailable: z.record(z.string(), z.string()).default({}),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  note: z.string().optional(),
  fileId: z.string().optional(),
  rel: z.string().optional(),
  question: z.string().optional(),
  options: z.array(z.string()).optional(),
  /** sha256 of the gate's file as indexed; a decision is refused if the file changed since. */
  revision: z.string().optional(),
  /** Set when an auto-approve rule decided this gate. */
  auto: z.boolean().optional(),
});
export type Gate = z.infer<typeof gateSchema>;

export const iterationSchema = z.object({
  n: z.number(),
  /** Score normalised to 0–10. */
  score: z.number().optional(),
  rawScore: z.number().optional(),
  scale: z.number().optional(),
  decision: z.string().optional(),
  review: reviewSchema.optional(),
  planFileId: z.string().optional(),
  evaluationFileId: z.string().optional(),
  planRel: z.string().optional(),
  evaluationRel: z.string().optional(),
  timestamp: z.string().optional(),
  sections: z.number().optional(),
});
export type Iteration = z.infer<typeof iterationSchema>;

export interface BranchNode {
  id: string;
  label: string;
  branch: string;
  stageName?: string;
  phase?: number;
  version?: number;
  status: string;
  createdAt?: string;
  edited?: boolean;
  runId?: string;
  children: BranchNode[];
}
export const branchNodeSchema: z.ZodType<BranchNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    branch: z.string(),
    stageName: z.string().optional(),
    phase: z.number().optional(),
    version: z.number().optional(),
    status: z.string(),
    createdAt: z.string().optional(),
    edited: z.boolean().optional(),
    runId: z.string().optional(),
    children: z.array(branchNodeSchema),
  }),
);

export const lineageSchema = z.object({
  parentRunId: z.string().optional(),
  parentTitle: z.string().optional(),
  fromStage: z.string().optional(),
  branch: z.string().optional(),
  note: z.string().optional(),
});
export type Lineage = z.infer<typeof lineageSchema>;

export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  family: familySchema,
  rootId: z.string(),
  /** Display path of the run's folder, relative to its root. */
  folder: z.string(),
  project: z.string(),
  runId: z.string().optional(),
  branch: z.string().optional(),
  title: z.string(),
  status: runStatusSchema,
  startedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  cost: costSchema.optional(),
  stageCount: z.number(),
  currentStage: z.string().optional(),
  pendingGates: z.number(),
  errors: z.number(),
  warnings: z.number(),
  /** Best normalised score (iteration families). */
  bestScore: z.number().optional(),
  iterationCount: z.number().optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runSchema = runSummarySchema.extend({
  stages: z.array(stageSchema),
  iterations: z.array(iterationSchema).default([]),
  gates: z.array(gateSchema).default([]),
  branches: z.array(branchNodeSchema).default([]),
  lineage: lineageSchema.optional(),
  artifacts: z.array(artifactSchema).default([]),
  files: z.array(fileRefSchema).default([]),
  /** Family-specific facts shown in the run header (pipeline_type, vibe, ticket, PR…). */
  meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type Run = z.infer<typeof runSchema>;

export const rootSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Display path of the root (the user chose it, so showing it discloses nothing new). */
  path: z.string(),
  watching: z.boolean(),
  polling: z.boolean().default(false),
});
export type Root = z.infer<typeof rootSchema>;

export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  rootId: z.string().optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

export function summarise(run: Run): RunSummary {
  const { stages, iterations, gates, branches, lineage, artifacts, files, meta, ...summary } = run;
  void stages; void iterations; void gates; void branches; void lineage; void artifacts; void files; void meta;
  return summary;
}
