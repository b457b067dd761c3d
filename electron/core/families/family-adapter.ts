// The contract every checkpoint family implements. The index calls `classify` on paths alone
// (cheap, no I/O), `parse` once per file version, and `assemble` whenever any file of a run
// group changed. Nothing here may throw: bad input becomes Problems.
import type { Family, Problem, Run, Severity } from '../../../shared/model';
import type { DocumentFormat } from '../read/read-document';

export interface Classification {
  family: Family;
  /**
   * Files with the same group key are assembled together. A group may yield several runs
   * (Twinklr: one per run id of a project; aivideo: one per video of a folder).
   */
  groupKey: string;
  /** Family-specific role of this file in the group, e.g. 'checkpoint', 'history', 'project'. */
  role: string;
  /**
   * How the core should decode the bytes before `parse`: json, yaml (1.2 core schema), pyyaml
   * (YAML as a Python pipeline reads it back), or none (not read).
   */
  format: DocumentFormat | 'none';
}

/** Supplied by the core for each file. `rel` is POSIX and relative to the root. */
export interface FileContext {
  fileId: string;
  rootId: string;
  rootPath: string;
  abs: string;
  rel: string;
  size: number;
  mtimeMs: number;
  classification: Classification;
}

export interface ParseInput extends FileContext {
  /** Decoded document (JSON.parse / YAML with aliases limited), present when decoding succeeded. */
  data: unknown;
  /** Raw text, for families that need it (e.g. to locate fields); may be large. */
  text: string;
}

export interface ProblemDraft {
  severity: Severity;
  field: string;
  message: string;
  code: string;
}

/** The result of parsing one file version: a small record (never whole artifact bodies). */
export interface ParsedFile<R = unknown> extends FileContext {
  record?: R;
  problems: ProblemDraft[];
  /** True when decoding failed and the previous good record is being shown instead. */
  stale?: boolean;
  /** sha256 of the bytes parsed: the revision a decision must still find on disk. */
  sha256?: string;
}

export interface AssembleContext {
  /** Make a stable id from parts (hash); used for runs, stages, gates, artifacts. */
  makeId(...parts: string[]): string;
  /** Register an artifact that lives in a file inside a root; returns its file id. */
  fileIdFor(rootId: string, rel: string): string;
  /** Look up parsed files of another group (OpenMontage manifests beside a project). */
  filesOfGroup(groupKey: string): ParsedFile[];
  /** Decisions Greenlight itself recorded (sidecars/audit), keyed by gate id. */
  now(): number;
}

export interface FamilyAdapter<R = unknown> {
  family: Family;
  classify(rel: string): Classification | null;
  parse(input: ParseInput): { record?: R; problems: ProblemDraft[] };
  /** Build the runs of one group; problems are attached by the core from each ParsedFile. */
  assemble(groupKey: string, files: ParsedFile<R>[], ctx: AssembleContext): Run[];
  /**
   * Groups of this family whose runs depend on `groupKey` (OpenMontage: a pipeline manifest
   * shapes every project beside it). The index re-assembles them when that group changes.
   */
  dependents?(groupKey: string): ((otherGroupKey: string) => boolean) | null;
}

export function toProblem(draft: ProblemDraft, file: FileContext, runId?: string): Problem {
  return {
    ...draft,
    file: { id: file.fileId, rootId: file.rootId, rel: file.rel },
    family: file.classification.family,
    runId,
  };
}
