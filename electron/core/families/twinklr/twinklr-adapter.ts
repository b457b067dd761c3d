// The Twinklr (ex-blinkb0t) family: planner/judge iteration checkpoints under
// `<output_dir>/checkpoints/` (FORMATS.md §2). Read-only: Twinklr has no human gate, so the
// "accept final plan" decision goes to Greenlight's sidecar, never into Twinklr's files.
import type { FamilyAdapter } from '../family-adapter';
import { assembleTwinklrGroup } from './assemble-runs';
import { addAssemblyProblem, clearAssemblyProblems } from './assembly-problems';
import { parseTwinklrPath, twinklrGroupKey } from './file-names';
import { parseTwinklrFile } from './parse-file';
import type { TwRecord } from './records';

export const twinklrAdapter: FamilyAdapter<TwRecord> = {
  family: 'twinklr',
  classify(rel) {
    const name = parseTwinklrPath(rel);
    if (!name) return null;
    return { family: 'twinklr', groupKey: twinklrGroupKey(name), role: name.role, format: 'json' };
  },
  parse(input) {
    try {
      return parseTwinklrFile(input);
    } catch (err) {
      return { problems: [internal(err)] };
    }
  },
  assemble(groupKey, files, ctx) {
    try {
      return assembleTwinklrGroup(groupKey, files, ctx);
    } catch (err) {
      // Cleared and re-added so repeated re-assembly does not pile the same problem up.
      clearAssemblyProblems(files);
      if (files[0]) addAssemblyProblem(files[0], { ...internal(err), code: 'internal' });
      return [];
    }
  },
};

function internal(err: unknown) {
  return {
    severity: 'error' as const,
    field: '',
    code: 'tw.internal',
    message: `Greenlight could not interpret this Twinklr file (${err instanceof Error ? err.message : String(err)})`,
  };
}
