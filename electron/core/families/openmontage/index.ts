// The OpenMontage family adapter (FORMATS.md §1): project folders of checkpoint_<stage>.json
// with history/, project.json and pipeline manifests. Every entry point is guarded so that no
// input, however broken, throws out of the adapter.
import type { Run } from '../../../../shared/model';
import type { AssembleContext, Classification, FamilyAdapter, ParseInput, ParsedFile, ProblemDraft } from '../family-adapter';
import { assembleOpenMontage } from './assemble-run';
import { classifyOpenMontage } from './classify';
import { manifestDependents } from './layout';
import { OM_FAMILY } from './constants';
import { parseManifest } from './manifest';
import { parseCheckpoint } from './parse-checkpoint';
import { parseDecisionLog, parseLineage, parseProjectFile } from './parse-side-files';
import type { OmRecord } from './records';

export { CANONICAL_STAGE_ARTIFACTS, FALLBACK_STAGE_ORDER, SUPPLEMENTARY_ARTIFACTS } from './constants';
export { isOpenMontageManifestGroup, isOpenMontageProjectGroup, manifestDependents } from './layout';
export { checkpointRelFor, openMontageStageFile, type OmStageFile } from './decision-target';
export { readManifest } from './manifest';
export type { OmRecord } from './records';

function parse(input: ParseInput): { record?: OmRecord; problems: ProblemDraft[] } {
  try {
    switch (input.classification.role) {
      case 'checkpoint':
      case 'history':
        return parseCheckpoint(input);
      case 'project':
        return parseProjectFile(input);
      case 'decision_log':
        return parseDecisionLog(input);
      case 'lineage':
        return parseLineage(input);
      case 'manifest':
        return parseManifest(input);
      default:
        return { problems: [] };
    }
  } catch (err) {
    return { problems: [internal(err)] };
  }
}

function classify(rel: string): Classification | null {
  try {
    return classifyOpenMontage(rel);
  } catch {
    return null;
  }
}

function assemble(groupKey: string, files: ParsedFile<OmRecord>[], ctx: AssembleContext): Run[] {
  try {
    return assembleOpenMontage(groupKey, files, ctx);
  } catch (err) {
    // Keep the failure visible on the group's first file (once, however often it re-assembles).
    const p = internal(err);
    const first = files[0];
    if (first && !first.problems.some((q) => q.code === p.code && q.message === p.message)) first.problems.push(p);
    return [];
  }
}

function internal(err: unknown): ProblemDraft {
  return {
    severity: 'error',
    field: '',
    code: 'internal.adapter_error',
    message: `Greenlight could not interpret this OpenMontage file (${err instanceof Error ? err.message : String(err)})`,
  };
}

export const openMontageAdapter: FamilyAdapter<OmRecord> = {
  family: OM_FAMILY,
  classify,
  parse,
  assemble,
  dependents(groupKey) {
    try {
      return manifestDependents(groupKey);
    } catch {
      return null;
    }
  },
};
