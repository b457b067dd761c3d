// Problems only visible across files (two files for one attempt, a decision or parent that
// points nowhere) are found in `assemble`, which the core re-runs on every change of the group
// with the same ParsedFile objects. They carry a code prefix and are cleared first each time,
// so re-assembly never duplicates them and a fixed cause clears its warning.
import type { ParsedFile, ProblemDraft } from '../family-adapter';

export const ASSEMBLY_PREFIX = 'oc.assembly.';

export function clearAssemblyProblems(files: ParsedFile[]): void {
  for (const f of files) {
    if (!Array.isArray(f.problems)) continue;
    for (let i = f.problems.length - 1; i >= 0; i--) if (f.problems[i].code.startsWith(ASSEMBLY_PREFIX)) f.problems.splice(i, 1);
  }
}

/** `code` is the part after the prefix, e.g. 'duplicate_attempt'. */
export function addAssemblyProblem(file: ParsedFile, draft: ProblemDraft): void {
  if (!Array.isArray(file.problems)) return;
  file.problems.push({ ...draft, code: ASSEMBLY_PREFIX + draft.code });
}
