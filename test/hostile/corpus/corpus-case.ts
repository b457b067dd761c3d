// The shape of one hostile input: where it goes, how it is made, and what the desk must say.
import type { Family, Problem, Run, Severity } from '../../../shared/model';

export interface CorpusWriter {
  /** Absolute path of the watched root. */
  root: string;
  /** Absolute path of a folder outside the root (targets of escaping symlinks). */
  outside: string;
  write(rel: string, content: string | Uint8Array): string;
  /** Writes a file outside the root; returns its absolute path. */
  writeOutside(name: string, content: string | Uint8Array): string;
  symlink(target: string, rel: string): void;
  mkdir(rel: string): string;
  /** A file of `size` bytes that starts with `prefix` and is sparse after it (no disk used). */
  sparse(rel: string, prefix: string, size: number): void;
  /** A named pipe; false when the platform cannot make one. */
  mkfifo(rel: string): boolean;
}

export interface ExpectedProblem {
  code: string | RegExp;
  /** JSON pointer the problem must name; omitted = any. */
  field?: string;
  message?: RegExp;
  severity?: Severity;
}

export interface Expectation {
  /** Problems that must be reported on the case's file (by its root-relative path). */
  problems?: ExpectedProblem[];
  /** A desk notice (folder-level message) that must name the path. */
  notice?: RegExp;
  /** The file must not be indexed at all: no problem and no run refers to it. */
  ignored?: boolean;
  /** The file's run must still be shown (lenient reading of a partly bad file). */
  runShown?: boolean;
  /** Anything else to check about the indexed result (throws on failure). */
  also?: (indexed: { runs: Run[]; problems: Problem[] }) => void;
}

export interface CorpusCase {
  id: string;
  family: Family | 'filesystem';
  /** What is hostile about it, in a few words (for the table and the report). */
  hostile: string;
  /** Root-relative POSIX path of the hostile file (or folder). */
  rel: string;
  build(w: CorpusWriter): void;
  expect: Expectation;
  /** Permissions must actually stop reads (not so for root): else the case is skipped, saying why. */
  needsEnforcedPermissions?: { chmod: number };
  /** Simulated by the test's read hook: the file disappears, or becomes a folder, as it is read. */
  vanish?: 'gone' | 'folder';
}
