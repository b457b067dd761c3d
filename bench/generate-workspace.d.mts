// Types of bench/generate-workspace.mjs, for the tests that call it.
export interface WorkspaceCounts {
  omProjects: number;
  twRuns: number;
  twIterations: number;
  chartIterations: number;
  ocRuns: number;
  ocPhases: number;
  ccFolders: number;
  avExports: number;
}

export interface WorkspaceStamp {
  version: number;
  scale: number;
  nowMs: number;
  counts: WorkspaceCounts;
  files: number;
  bytes: number;
  media: number;
  perFamily: Record<string, { files: number; bytes: number; media: number }>;
  openmontage: { states: Record<string, number> };
  liveTargets: string[];
  twinklr: { runs: number; longRun?: { project: string; runId: string; iterations: number } };
  omniclaude: { runs: number; files: number };
  cinecut: { folders: number; states: Record<string, number> };
  aivideo: { exports: number; waiting: number };
  dirty?: boolean;
}

export const DEFAULT_OUT: string;
export const GENERATOR_VERSION: number;
export const STAMP: string;
export function countsFor(scale: number): WorkspaceCounts;
export function generateWorkspace(out: string, opts?: { scale?: number; nowMs?: number }): WorkspaceStamp;
export function readStamp(out: string): WorkspaceStamp | undefined;
export function ensureWorkspace(out: string, opts?: { scale?: number; force?: boolean; log?: (s: string) => void }): { stamp: WorkspaceStamp; reused: boolean };
export function markDirty(out: string, dirty: boolean): void;
