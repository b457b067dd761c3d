// aivideo (Kenji11/aivideo, refactor/vincent): a PostgreSQL/S3 pipeline whose checkpoint tree
// reaches Greenlight only as exported API JSON (FORMATS.md §4). Read-only here; approving
// through POST /continue is a later issue (see aivideo.config.json).
import type { FamilyAdapter, ProblemDraft } from '../family-adapter';
import { assembleAiVideo } from './assemble-videos';
import { classifyAiVideo } from './layout';
import { parseConfig } from './parse-config';
import { parseExport } from './parse-export';
import type { AvRecord } from './records';

function internal(err: unknown): ProblemDraft {
  return {
    severity: 'error',
    field: '',
    code: 'av.internal',
    message: `Greenlight could not interpret this aivideo export (${err instanceof Error ? err.message : String(err)})`,
  };
}

export const aiVideoAdapter: FamilyAdapter<AvRecord> = {
  family: 'aivideo',
  classify(rel) {
    try {
      return classifyAiVideo(rel);
    } catch {
      return null;
    }
  },
  parse(input) {
    try {
      return input.classification.role === 'config' ? parseConfig(input) : parseExport(input);
    } catch (err) {
      return { problems: [internal(err)] };
    }
  },
  assemble(groupKey, files, ctx) {
    try {
      return assembleAiVideo(groupKey, files, ctx);
    } catch (err) {
      // Never take the desk down: say so on the group's first file (once), keep its problems.
      const first = files[0];
      if (first && !first.problems.some((p) => p.code === 'av.internal')) first.problems.push(internal(err));
      return [];
    }
  },
};
