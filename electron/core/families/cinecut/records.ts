// What the CineCut adapter keeps of each parsed file: the checkpoint's fields, what the work dir
// holds (names only) and manifest counts, never the manifest's clips themselves.
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { WorkDirMedia } from './work-dir-media';

export interface CcAnchors {
  begin_t?: number;
  escalation_t?: number;
  climax_t?: number;
  source?: string;
}

export interface CcCheckpointInfo {
  sourceFile?: string;
  /** File name of the source video without extension (from source_file, else the work dir). */
  stem: string;
  /** False when source_file does not exist on this machine: the checkpoint is stale. */
  sourceExists: boolean;
  vibe?: string;
  /** Valid, de-duplicated entries of stages_complete, in the order written. */
  stagesComplete: string[];
  inferenceComplete?: boolean | null;
  cacheHit?: boolean | null;
  proxyPath?: string | null;
  keyframeCount?: number | null;
  dialogueEventCount?: number | null;
  proxyDurationS?: number | null;
  anchors?: CcAnchors | null;
  manifestPath?: string | null;
  assemblyManifestPath?: string | null;
  /** How many of the 12 known fields are present (9 in the first version). */
  fieldCount: number;
  /** True for `<stem>_cinecut_work`, false for the README's `<stem>_work` or anything else. */
  conventionalWorkDir: boolean;
  media: WorkDirMedia;
  sha256: string;
}

export interface CcManifestInfo {
  schemaVersion?: string;
  sourceFile?: string;
  vibe?: string;
  clipCount?: number;
  /** Sum of valid clip lengths, seconds. */
  durationS?: number;
  musicTrack?: string;
  bpm?: number;
  sha256: string;
}

export type CcRecord =
  | { kind: 'checkpoint'; checkpoint: CcCheckpointInfo }
  | { kind: 'manifest'; manifest: CcManifestInfo }
  | { kind: 'assembly-manifest'; clipCount?: number }
  | { kind: 'decision'; sidecar?: DecisionSidecar }
  | { kind: 'trailer'; size?: number; mtimeMs?: number };
