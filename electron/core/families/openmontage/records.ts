// The small per-file records the OpenMontage parser keeps (never artifact bodies).
import type { ArtifactKind, Cost, Review, StageStatus } from '../../../../shared/model';

export type ArtifactRole = 'canonical' | 'supplementary' | 'other';

/** An artifact as seen while parsing one checkpoint; turned into a model Artifact in assemble. */
export interface ArtifactDraft {
  /** Key inside `artifacts`, or the media file's name for referenced media. */
  name: string;
  kind: ArtifactKind;
  role: ArtifactRole;
  source: 'inline' | 'file' | 'missing';
  /** JSON pointer into the checkpoint (source=inline, or where the reference was found). */
  pointer: string;
  /** Root-relative path (source=file/missing, when the path did not escape). */
  rel?: string;
  size?: number;
  summary?: string;
  /** How the artifact was referenced: inline value, path string, `@name`, or media found inside an artifact. */
  via: 'inline' | 'path' | 'at-path' | 'media';
}

export interface ProposalApproval {
  status?: string;
  notes?: string;
  budgetUsd?: number;
  decidedBy?: string;
  decidedAt?: string;
}

export interface GreenlightReview {
  /** 'approved' | 'changes_requested' */
  decision: string;
  note?: string;
  by?: string;
  at?: string;
  auto?: boolean;
}

export interface CheckpointRecord {
  type: 'checkpoint';
  /** false for `history/` copies. */
  current: boolean;
  /** Current files: from the file name. History: from the JSON (undefined when absent). */
  stage?: string;
  /** `stage` as written inside the file. */
  declaredStage?: string;
  projectId?: string;
  pipelineType?: string;
  status: StageStatus;
  rawStatus?: string;
  timestamp?: string;
  /** Milliseconds since the epoch (naive timestamps read as UTC), for ordering. */
  timeMs?: number;
  checkpointPolicy?: string;
  stylePlaybook?: string;
  humanApprovalRequired?: boolean;
  humanApproved?: boolean;
  artifacts: ArtifactDraft[];
  review?: Review;
  cost?: Cost;
  error?: string;
  proposalApproval?: ProposalApproval;
  /** Keys of `metadata.partial_progress` (in-progress drafts). */
  partialProgress?: string[];
  /** `metadata.greenlight_review`: a decision Greenlight recorded (who, when, why; a rejection has no status of its own). */
  greenlightReview?: GreenlightReview;
  notes?: string;
  /** false when the document was not a JSON object at all. */
  readable: boolean;
}

export interface ProjectRecord {
  type: 'project';
  projectId?: string;
  title?: string;
  pipelineType?: string;
  stylePlaybook?: string;
  createdAt?: string;
}

export interface DecisionLogRecord {
  type: 'decision_log';
  decisions: number;
}

export interface ManifestStage {
  name: string;
  checkpointRequired: boolean;
  humanApprovalDefault: boolean;
  /** checkpoint_required && human_approval_default: the writer forces human approval here. */
  gated: boolean;
  produces: string[];
}

export interface ManifestRecord {
  type: 'manifest';
  /** File name without `.yaml`: what `pipeline_type` refers to. */
  fileName: string;
  name?: string;
  version?: string;
  defaultCheckpointPolicy?: string;
  stages: ManifestStage[];
}

export interface LineageRecord {
  type: 'lineage';
  parentProject: string;
  fromStage?: string;
  branch?: string;
  createdAt?: string;
  createdBy?: string;
  note?: string;
}

export type OmRecord = CheckpointRecord | ProjectRecord | DecisionLogRecord | ManifestRecord | LineageRecord;
