// Problems only visible across files (a missing evaluation, an orphan decision) are found in
// `assemble`, which the core re-runs on every change of the group while keeping the same
// ParsedFile objects. So they are added under a code prefix and cleared first each time:
// re-assembly never duplicates them and a fixed cause clears its warning.
import type { ParsedFile, ProblemDraft } from '../family-adapter';

export const TW_ASSEMBLY_CODE_PREFIX = 'tw.assembly.';

export function clearAssemblyProblems(files: ParsedFile[]): void {
  for (const f of files) {
    if (!Array.isArray(f.problems)) continue;
    for (let i = f.problems.length - 1; i >= 0; i--) {
      if (f.problems[i].code.startsWith(TW_ASSEMBLY_CODE_PREFIX)) f.problems.splice(i, 1);
    }
  }
}

export function addAssemblyProblem(file: ParsedFile, draft: Omit<ProblemDraft, 'code'> & { code: string }): void {
  if (!Array.isArray(file.problems)) return;
  const code = draft.code.startsWith(TW_ASSEMBLY_CODE_PREFIX) ? draft.code : TW_ASSEMBLY_CODE_PREFIX + draft.code;
  file.problems.push({ ...draft, code });
}
