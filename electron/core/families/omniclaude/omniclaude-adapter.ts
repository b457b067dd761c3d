// OmniClaude (omniclaude checkpoint skill + omnibase_infra): append-only YAML checkpoints per
// ticket run, FORMATS.md §3. Greenlight only reads them; its decisions go to sidecars.
import type { FamilyAdapter } from '../family-adapter';
import { crashProblem, guardParse } from '../shared/crash-guard';
import { assembleOmniClaudeRun } from './assemble-run';
import { classifyOmniClaude } from './layout';
import { parseCheckpoint } from './parse-checkpoint';
import { parseDecision, parseStray } from './parse-sidecars';
import type { OcRecord } from './records';

export const omniClaudeAdapter: FamilyAdapter<OcRecord> = {
  family: 'omniclaude',
  classify(rel) {
    try {
      return classifyOmniClaude(rel);
    } catch {
      return null;
    }
  },
  parse: guardParse<OcRecord>(
    (input) => {
      switch (input.classification.role) {
        case 'checkpoint':
          return parseCheckpoint(input);
        case 'decision':
          return parseDecision(input);
        case 'stray':
          return parseStray(input);
        default:
          return { problems: [] };
      }
    },
    'oc.internal',
    'OmniClaude file',
  ),
  assemble(groupKey, files, ctx) {
    try {
      return assembleOmniClaudeRun(groupKey, files, ctx);
    } catch (err) {
      // Never take the desk down: say so on the group's first file (once), keep its problems.
      const first = files[0];
      if (first && !first.problems.some((p) => p.code === 'oc.internal')) first.problems.push(crashProblem('oc.internal', 'OmniClaude file', err));
      return [];
    }
  },
};
