// Problems only visible across files (a manifest for another source, a decision made on an
// older manifest) are found in `assemble`, which the core re-runs on every change of the group
// while keeping the same ParsedFile objects. They carry a code prefix and are cleared first
// each time, so re-assembly never duplicates them and a fixed cause clears its warning.
import type { ParsedFile, ProblemDraft } from '../family-adapter';

export const CC_ASSEMBLY_CODE_PREFIX = 'cc.assembly.';

export function clearAssemblyProblems(files: ParsedFile[]): void {
  for (const f of files) {
    if (!Array.isArray(f.problems)) continue;
    for (let i = f.problems.length - 1; i >= 0; i--) {
      if (f.problems[i].code.startsWith(CC_ASSEMBLY_CODE_PREFIX)) f.problems.splice(i, 1);
    }
  }
}

export function addAssemblyProblem(file: ParsedFile, draft: ProblemDraft): void {
  if (!Array.isArray(file.problems)) return;
  const code = draft.code.startsWith(CC_ASSEMBLY_CODE_PREFIX) ? draft.code : CC_ASSEMBLY_CODE_PREFIX + draft.code;
  file.problems.push({ ...draft, code });
}
