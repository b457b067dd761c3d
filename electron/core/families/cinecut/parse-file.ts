// Parses one CineCut file by its role (layout.ts). The trailer video is claimed without being
// read (format 'none'): only its size is noted.
import { statSync } from 'node:fs';
import { decisionSidecarSchema } from '../../../../shared/decision-sidecar';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import { check } from '../../validate/zod-problems';
import { locateCineCut } from './layout';
import { parseCheckpoint } from './parse-checkpoint';
import { parseTrailerManifest } from './parse-manifest';
import type { CcRecord } from './records';
import { isObject } from './values';

/** The gate key Greenlight's sidecar must name: the `--review` pause before FFmpeg conform. */
export const CC_GATE_KEY = 'conform';

export function parseCineCutFile(input: ParseInput): { record?: CcRecord; problems: ProblemDraft[] } {
  const loc = locateCineCut(input.rel);
  switch (loc?.role) {
    case 'checkpoint':
      return parseCheckpoint(input);
    case 'manifest':
      return parseTrailerManifest(input);
    case 'assembly-manifest': {
      const data = input.data;
      if (!isObject(data)) {
        return { record: { kind: 'assembly-manifest' }, problems: [{ severity: 'warning', field: '', code: 'cc.assembly_not_object', message: 'ASSEMBLY_MANIFEST.json is not a JSON object' }] };
      }
      return { record: { kind: 'assembly-manifest', clipCount: Array.isArray(data.clips) ? data.clips.length : undefined }, problems: [] };
    }
    case 'decision': {
      const { value, problems } = check(decisionSidecarSchema, input.data);
      if (value && value.gate !== CC_GATE_KEY) {
        problems.push({
          severity: 'warning',
          field: '/gate',
          code: 'cc.sidecar_gate',
          message: `decision is for gate "${value.gate}", but a CineCut run has one gate, "${CC_GATE_KEY}" (the --review pause before FFmpeg conform)`,
        });
      }
      return { record: { kind: 'decision', sidecar: value }, problems };
    }
    case 'trailer': {
      try {
        const st = statSync(input.abs);
        return { record: { kind: 'trailer', size: st.size, mtimeMs: st.mtimeMs }, problems: [] };
      } catch {
        return { record: { kind: 'trailer' }, problems: [] };
      }
    }
    default:
      return { problems: [{ severity: 'error', field: '', code: 'cc.name', message: 'not a CineCut file name' }] };
  }
}
