// The Twinklr (ex-blinkb0t) family: planner/judge iteration checkpoints under
// `<output_dir>/checkpoints/` (FORMATS.md §2). Read-only: Twinklr has no human gate, so the
// "accept final plan" decision goes to Greenlight's sidecar, never into Twinklr's files.
import type { FamilyAdapter } from '../family-adapter';
import { crashProblem, guardParse } from '../shared/crash-guard';
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
  parse: guardParse(parseTwinklrFile, 'tw.internal', 'Twinklr file'),
  assemble(groupKey, files, ctx) {
    try {
      return assembleTwinklrGroup(groupKey, files, ctx);
    } catch (err) {
      // Cleared and re-added so repeated re-assembly does not pile the same problem up.
      clearAssemblyProblems(files);
      if (files[0]) addAssemblyProblem(files[0], { ...crashProblem('tw.internal', 'Twinklr file', err), code: 'internal' });
      return [];
    }
  },
};
