// What the OmniClaude adapter keeps of each file: small facts, never whole payload lists.
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { OcPhase } from '../../../../shared/schemas/omniclaude';
import type { CheckpointName } from './layout';

/** Lists (files_changed, issue_fingerprints) are cut to this many entries in a record. */
export const MAX_LISTED = 50;

export interface OcPayloadFacts {
  branchName?: string;
  commitSha?: string;
  filesChanged?: string[];
  filesChangedCount?: number;
  iterationCount?: number;
  issueFingerprints?: string[];
  issueFingerprintCount?: number;
  lastCleanSha?: string;
  prUrl?: string;
  prNumber?: number;
  headSha?: string;
  lastReviewSha?: string;
  labelAppliedAt?: string;
}

export interface OcArtifactPath {
  path: string;
  /** Index in `artifact_paths` (for the JSON pointer). */
  index: number;
  /** Why the model rejects it (absolute, `..`), when it does. */
  rejected?: string;
}

export interface OcCheckpointRecord {
  kind: 'checkpoint';
  name: CheckpointName;
  /** The phase the file records (header, else payload, else the file name's phase word). */
  phase?: OcPhase;
  phaseFrom: 'file' | 'payload' | 'file-name' | 'none';
  /** The phase word when it is not one of the five (shown as an unknown stage). */
  phaseText?: string;
  attemptNumber?: number;
  runId?: string;
  ticketId?: string;
  schemaVersion?: string;
  timestamp?: string;
  timestampMs?: number;
  repos: Record<string, string>;
  artifactPaths: OcArtifactPath[];
  payload: OcPayloadFacts;
  errorCount: number;
  firstError?: string;
}

export interface OcDecisionRecord {
  kind: 'decision';
  phase: string;
  attempt: number;
  sidecar?: DecisionSidecar;
}

export interface OcStrayRecord {
  kind: 'stray';
}

export type OcRecord = OcCheckpointRecord | OcDecisionRecord | OcStrayRecord;
