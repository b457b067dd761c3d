// The CineCut family (adam-aph/ai-video-trailer): one `pipeline_checkpoint.json` per work dir,
// with TRAILER_MANIFEST.json as the human-editable contract of the `--review` gate (FORMATS.md
// §5). Read-only towards CineCut's checkpoint: an added key would make CineCut restart the run.
import type { FamilyAdapter } from '../family-adapter';
import { crashProblem, guardParse } from '../shared/crash-guard';
import { assembleCineCutGroup } from './assemble-run';
import { addAssemblyProblem, clearAssemblyProblems } from './assembly-problems';
import { cineCutGroupKey, locateCineCut } from './layout';
import { parseCineCutFile } from './parse-file';
import type { CcRecord } from './records';

export const cineCutAdapter: FamilyAdapter<CcRecord> = {
  family: 'cinecut',
  classify(rel) {
    const loc = locateCineCut(rel);
    if (!loc) return null;
    return { family: 'cinecut', groupKey: cineCutGroupKey(loc.workDir), role: loc.role, format: loc.role === 'trailer' ? 'none' : 'json' };
  },
  parse: guardParse(parseCineCutFile, 'cc.internal', 'CineCut file'),
  assemble(groupKey, files, ctx) {
    try {
      return assembleCineCutGroup(groupKey, files, ctx);
    } catch (err) {
      // Cleared and re-added so repeated re-assembly does not pile the same problem up.
      clearAssemblyProblems(files);
      if (files[0]) addAssemblyProblem(files[0], { ...crashProblem('cc.internal', 'CineCut file', err), code: 'internal' });
      return [];
    }
  },
};
