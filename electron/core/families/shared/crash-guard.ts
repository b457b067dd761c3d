// A family's own code failing on a file must not take the desk down: the failure becomes a
// problem on the file (the core catches too, but a family's code names the family).
import type { FamilyAdapter, ProblemDraft } from '../family-adapter';

/** "Greenlight could not interpret this <what> (<why>)", under the family's code. */
export function crashProblem(code: string, what: string, err: unknown): ProblemDraft {
  return { severity: 'error', field: '', code, message: `Greenlight could not interpret this ${what} (${err instanceof Error ? err.message : String(err)})` };
}

/** `parse`, with a crash turned into crashProblem on the file. */
export function guardParse<R>(parse: FamilyAdapter<R>['parse'], code: string, what: string): FamilyAdapter<R>['parse'] {
  return (input) => {
    try {
      return parse(input);
    } catch (err) {
      return { problems: [crashProblem(code, what, err)] };
    }
  };
}
