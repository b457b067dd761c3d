// OmniClaude (omniclaude checkpoint skill + omnibase_infra): append-only YAML checkpoints per
// ticket run, FORMATS.md §3. Greenlight only reads them; its decisions go to sidecars.
import type { FamilyAdapter, ProblemDraft } from '../family-adapter';
import { assembleOmniClaudeRun } from './assemble-run';
import { classifyOmniClaude } from './layout';
import { parseCheckpoint } from './parse-checkpoint';
import { parseDecision, parseStray } from './parse-sidecars';
import type { OcRecord } from './records';

function internal(err: unknown): ProblemDraft {
  return {
    severity: 'error',
    field: '',
    code: 'oc.internal',
    message: `Greenlight could not interpret this OmniClaude file (${err instanceof Error ? err.message : String(err)})`,
  };
}

export const omniClaudeAdapter: FamilyAdapter<OcRecord> = {
  family: 'omniclaude',
  classify(rel) {
    try {
      return classifyOmniClaude(rel);
    } catch {
      return null;
    }
  },
  parse(input) {
    try {
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
    } catch (err) {
      return { problems: [internal(err)] };
    }
  },
  assemble(groupKey, files, ctx) {
    try {
      return assembleOmniClaudeRun(groupKey, files, ctx);
    } catch (err) {
      // Never take the desk down: say so on the group's first file (once), keep its problems.
      const first = files[0];
      if (first && !first.problems.some((p) => p.code === 'oc.internal')) first.problems.push(internal(err));
      return [];
    }
  },
};
