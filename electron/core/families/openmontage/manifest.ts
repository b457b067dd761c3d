// Pipeline manifests (`pipeline_defs/<name>.yaml`): stage order and which stages the writer
// gates (`checkpoint_required` default true && `human_approval_default` default false,
// FORMATS.md §1.4). Gate flags changed between OpenMontage versions, so the manifest found
// beside the project is used, never a built-in table.
import type { AssembleContext, ParseInput, ParsedFile, ProblemDraft } from '../family-adapter';
import { pointer as toPointer } from '../../validate/zod-problems';
import { omPipelineManifestSchema } from '../../../../shared/schemas/openmontage';
import { locate, manifestGroupKey, manifestSearchDirs } from './layout';
import type { ManifestRecord, ManifestStage, OmRecord } from './records';

export function parseManifest(input: Pick<ParseInput, 'rel' | 'data'>): { record?: ManifestRecord; problems: ProblemDraft[] } {
  const loc = locate(input.rel);
  const fileName = loc?.name ?? input.rel.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  return readManifest(input.data, fileName);
}

/** Builds a manifest record from decoded YAML; usable on its own (tests, tools). */
export function readManifest(data: unknown, fileName: string): { record?: ManifestRecord; problems: ProblemDraft[] } {
  const problems: ProblemDraft[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ severity: 'error', field: '', code: 'om.manifest_not_object', message: 'a pipeline manifest must be a YAML mapping' });
    return { problems };
  }
  const d = data as Record<string, unknown>;
  const r = omPipelineManifestSchema.safeParse(d);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const path = issue.path;
      // Unquoted `version: 2.0` is a YAML number; the loader still works, so only warn.
      const soft = path.length === 1 && path[0] === 'version' && typeof d.version === 'number';
      const inStage = path[0] === 'stages' && path.length > 2;
      out(problems, {
        severity: soft || (inStage && path[2] !== 'name') ? 'warning' : 'error',
        field: toPointer(path),
        code: `schema.${issue.code}`,
        message: soft ? `version should be a string (quote it: "${String(d.version)}")` : issue.message,
      });
    }
  }
  const stages: ManifestStage[] = [];
  const seen = new Set<string>();
  if (Array.isArray(d.stages)) {
    d.stages.forEach((s, i) => {
      if (s === null || typeof s !== 'object' || Array.isArray(s)) return;
      const o = s as Record<string, unknown>;
      if (typeof o.name !== 'string' || !o.name) return;
      if (seen.has(o.name)) {
        out(problems, { severity: 'warning', field: `/stages/${i}/name`, code: 'om.manifest_duplicate_stage', message: `stage "${o.name}" is listed twice; the first entry is used` });
        return;
      }
      seen.add(o.name);
      const checkpointRequired = typeof o.checkpoint_required === 'boolean' ? o.checkpoint_required : true;
      const humanApprovalDefault = typeof o.human_approval_default === 'boolean' ? o.human_approval_default : false;
      stages.push({
        name: o.name,
        checkpointRequired,
        humanApprovalDefault,
        gated: checkpointRequired && humanApprovalDefault,
        produces: Array.isArray(o.produces) ? o.produces.filter((p): p is string => typeof p === 'string') : [],
      });
    });
  }
  const name = typeof d.name === 'string' ? d.name : undefined;
  if (name !== undefined && name !== fileName) {
    out(problems, {
      severity: 'warning',
      field: '/name',
      code: 'om.manifest_name_mismatch',
      message: `manifest is named "${name}" but its file is ${fileName}.yaml; OpenMontage loads it by file name`,
    });
  }
  return {
    record: {
      type: 'manifest',
      fileName,
      name,
      version: typeof d.version === 'string' || typeof d.version === 'number' ? String(d.version) : undefined,
      defaultCheckpointPolicy: typeof d.default_checkpoint_policy === 'string' ? d.default_checkpoint_policy : undefined,
      stages,
    },
    problems,
  };
}

const MAX_PROBLEMS = 100;
function out(list: ProblemDraft[], p: ProblemDraft) {
  if (list.length < MAX_PROBLEMS) list.push(p);
}

export interface ManifestLookup {
  manifest?: ManifestRecord;
  file?: ParsedFile<OmRecord>;
  /** A manifest file for the type exists but could not be read. */
  unreadable?: ParsedFile<OmRecord>;
  /** Folders (holding pipeline_defs/) that were found but lack this pipeline type. */
  defsWithoutType: string[];
}

/**
 * Walks up from the project's parent to the root; the nearest `pipeline_defs/<type>.yaml` wins.
 */
export function findManifest(ctx: AssembleContext, projectDir: string, pipelineType: string | undefined): ManifestLookup {
  const res: ManifestLookup = { defsWithoutType: [] };
  if (!pipelineType || pipelineType === 'unknown') return res;
  for (const dir of manifestSearchDirs(projectDir)) {
    const files = ctx.filesOfGroup(manifestGroupKey(dir)) as ParsedFile<OmRecord>[];
    if (!files.length) continue;
    const byFile = files.find((f) => manifestFileName(f) === pipelineType);
    const match = byFile ?? files.find((f) => f.record?.type === 'manifest' && f.record.name === pipelineType);
    if (!match) {
      res.defsWithoutType.push(dir);
      continue;
    }
    if (match.record?.type === 'manifest') {
      res.manifest = match.record;
      res.file = match;
      return res;
    }
    res.unreadable ??= match;
  }
  return res;
}

function manifestFileName(f: ParsedFile<OmRecord>): string | undefined {
  if (f.record?.type === 'manifest') return f.record.fileName;
  return locate(f.rel)?.name;
}
