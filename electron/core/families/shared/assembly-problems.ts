// Problems only visible across files (a missing evaluation, two files for one attempt, a
// decision that points nowhere, a manifest for another source) are found in `assemble`, which
// the core re-runs on every change of the group while keeping the same ParsedFile objects. So
// each family adds them under its own code prefix and clears them first each time: re-assembly
// never duplicates them and a fixed cause clears its warning.
import type { ParsedFile, ProblemDraft } from '../family-adapter';

export interface AssemblyProblems {
  /** Removes every problem under the prefix from the files. */
  clear(files: ParsedFile[]): void;
  /** Adds a problem; `code` is the part after the prefix (a code already under it is kept as is). */
  add(file: ParsedFile, draft: ProblemDraft): void;
}

export function assemblyProblems(prefix: string): AssemblyProblems {
  return {
    clear(files) {
      for (const f of files) {
        if (!Array.isArray(f.problems)) continue;
        for (let i = f.problems.length - 1; i >= 0; i--) if (f.problems[i].code.startsWith(prefix)) f.problems.splice(i, 1);
      }
    },
    add(file, draft) {
      if (!Array.isArray(file.problems)) return;
      file.problems.push({ ...draft, code: draft.code.startsWith(prefix) ? draft.code : prefix + draft.code });
    },
  };
}
