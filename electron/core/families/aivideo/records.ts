// What the aivideo adapter keeps of each export: checkpoints, branches and video status,
// with JSON pointers back into the file; artifact bodies (the spec) stay in the file.
import type { AvCheckpointStatus, AvPhase } from '../../../../shared/schemas/aivideo';

/** Where a checkpoint was seen; list entries carry no artifacts, branch entries only a stub. */
export type AvSource = 'tree' | 'list' | 'detail' | 'status' | 'branch';

export interface AvArtifact {
  id?: string;
  type: string;
  key: string;
  url: string;
  version?: number;
  createdAt?: string;
  /** Pointer to the artifact object in its file. */
  pointer: string;
  /** Small primitive metadata (beat_id, shot_type, chunk_index, model, regenerated…). */
  meta: Record<string, string | number | boolean>;
  /** One line about the spec, for `spec` artifacts (the spec itself stays in the file). */
  specSummary?: string;
  /** The product name from a spec, used for the run title. */
  productName?: string;
  size?: number;
}

export interface AvCheckpoint {
  /** The checkpoint id, or `#<pointer>` when the export lacks one. */
  id: string;
  videoId?: string;
  branch?: string;
  phase?: AvPhase;
  version?: number;
  status?: AvCheckpointStatus;
  approvedAt?: string;
  createdAt?: string;
  createdMs?: number;
  costUsd?: number;
  /** The explicit parent_checkpoint_id: a string, null, or undefined when absent. */
  parentId?: string | null;
  /** The parent by nesting in a checkpoint tree. */
  treeParentId?: string;
  userId?: string;
  editDescription?: string;
  /** Undefined when the source says nothing about artifacts (lists, branch stubs). */
  artifacts?: AvArtifact[];
  pointer: string;
  source: AvSource;
}

export interface AvBranch {
  branch: string;
  latestCheckpointId?: string;
  phase?: AvPhase;
  status?: AvCheckpointStatus;
  canContinue?: boolean;
  pointer: string;
}

export interface AvStatus {
  videoId: string;
  /** Lower-cased video status as sent. */
  status?: string;
  progress?: number;
  currentPhase?: string;
  error?: string;
  currentCheckpointId?: string;
  hasTree: boolean;
  hasBranches: boolean;
}

export interface AvExportRecord {
  kind: 'export';
  /** The shapes found, e.g. ['tree'], ['status'], ['wrapped:checkpoints', 'wrapped:tree']. */
  shapes: string[];
  checkpoints: AvCheckpoint[];
  branches: AvBranch[];
  status?: AvStatus;
}

export interface AvConfigRecord {
  kind: 'config';
  baseUrl?: string;
  tokenEnv?: string;
}

export type AvRecord = AvExportRecord | AvConfigRecord;
