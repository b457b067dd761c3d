// Some OpenMontage problems only show when a project is seen as a whole (gate skipped, stage not
// in the manifest, manifest missing for the pipeline type). They are attached to the file they
// concern. Parsed files outlive one assembly, so each assembly first removes what the previous
// one added, by code, and never touches the parse-time problems.
import type { ParsedFile, ProblemDraft } from '../family-adapter';

export const ASSEMBLE_CODES: ReadonlySet<string> = new Set([
  'om.gate_skipped',
  'om.stage_not_in_manifest',
  'om.manifest_missing_type',
  'om.manifest_unreadable',
  'om.pipeline_type_mismatch',
]);

export function clearAssembleProblems(files: ParsedFile[]): void {
  for (const f of files) {
    if (f.problems.some((p) => ASSEMBLE_CODES.has(p.code))) f.problems = f.problems.filter((p) => !ASSEMBLE_CODES.has(p.code));
  }
}

export function addAssembleProblem(file: ParsedFile | undefined, p: ProblemDraft): void {
  if (!file) return;
  if (!ASSEMBLE_CODES.has(p.code)) throw new Error(`assemble problem code ${p.code} is not registered`);
  file.problems.push(p);
}
