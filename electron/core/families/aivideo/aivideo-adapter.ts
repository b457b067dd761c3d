// aivideo (Kenji11/aivideo, refactor/vincent): a PostgreSQL/S3 pipeline whose checkpoint tree
// reaches Greenlight only as exported API JSON (FORMATS.md §4). Read-only here; approving
// through POST /continue is a later issue (see aivideo.config.json).
import type { FamilyAdapter } from '../family-adapter';
import { crashProblem, guardParse } from '../shared/crash-guard';
import { assembleAiVideo } from './assemble-videos';
import { classifyAiVideo } from './layout';
import { parseConfig } from './parse-config';
import { parseExport } from './parse-export';
import type { AvRecord } from './records';

export const aiVideoAdapter: FamilyAdapter<AvRecord> = {
  family: 'aivideo',
  classify(rel) {
    try {
      return classifyAiVideo(rel);
    } catch {
      return null;
    }
  },
  parse: guardParse<AvRecord>((input) => (input.classification.role === 'config' ? parseConfig(input) : parseExport(input)), 'av.internal', 'aivideo export'),
  assemble(groupKey, files, ctx) {
    try {
      return assembleAiVideo(groupKey, files, ctx);
    } catch (err) {
      // Never take the desk down: say so on the group's first file (once), keep its problems.
      const first = files[0];
      if (first && !first.problems.some((p) => p.code === 'av.internal')) first.problems.push(crashProblem('av.internal', 'aivideo export', err));
      return [];
    }
  },
};
