// `pipeline_checkpoint.json` (FORMATS.md §5.2–5.3). CineCut loads it with
// `PipelineCheckpoint(**data)`: any unknown key, or a missing source_file/vibe, makes the
// loader return None and the next run start from scratch without a word. Those are errors
// here. Inference is tracked by `inference_complete`, never by `stages_complete`.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  CC_CHECKPOINT_FIELDS,
  CC_CHECKPOINT_REQUIRED,
  CC_RECORDED_STAGES,
  ccPipelineCheckpointSchema,
  isKnownVibe,
  normaliseVibe,
} from '../../../../shared/schemas/cinecut';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import { check, pointer } from '../../validate/zod-problems';
import { CC_WORK_DIR_SUFFIX, stemOfWorkDir } from './layout';
import type { CcAnchors, CcCheckpointInfo } from './records';
import { baseName, finiteNumber, isAbsoluteAnyOs, isObject, str, stemOf } from './values';
import { scanWorkDir } from './work-dir-media';

const RESTART = "CineCut's loader (PipelineCheckpoint(**data)) would reject the file and silently restart the run from scratch";

/** Which recorded stage leaves which output field behind. */
const STAGE_OUTPUT: Record<string, string> = {
  proxy: 'proxy_path',
  subtitles: 'dialogue_event_count',
  keyframes: 'keyframe_count',
  structural: 'structural_anchors',
  narrative: 'manifest_path',
  assembly: 'assembly_manifest_path',
};

export function parseCheckpoint(input: ParseInput): { record?: { kind: 'checkpoint'; checkpoint: CcCheckpointInfo }; problems: ProblemDraft[] } {
  const problems: ProblemDraft[] = [];
  const workDirRel = input.rel.includes('/') ? input.rel.slice(0, input.rel.lastIndexOf('/')) : '';
  const workDirName = workDirRel ? workDirRel.slice(workDirRel.lastIndexOf('/') + 1) : path.basename(path.dirname(input.abs));
  const conventionalWorkDir = workDirName.endsWith(CC_WORK_DIR_SUFFIX);
  if (!conventionalWorkDir) {
    problems.push({
      severity: 'warning',
      field: '',
      code: 'cc.work_dir_name',
      message: `work folder "${workDirName}" is not named <stem>${CC_WORK_DIR_SUFFIX}: CineCut's code uses that name (the README's <stem>_work is out of date), so a re-run would not find this checkpoint`,
    });
  }
  const data = input.data;
  const sha256 = createHash('sha256').update(input.text ?? '').digest('hex');
  if (!isObject(data)) {
    problems.push({ severity: 'error', field: '', code: 'cc.not_object', message: `the checkpoint must be a JSON object; ${RESTART}` });
    return { problems };
  }

  for (const p of check(ccPipelineCheckpointSchema, data).problems) {
    const key = p.field.split('/')[1] ?? '';
    if (p.code === 'schema.unknown_key') {
      problems.push({ ...p, code: 'cc.unknown_key', message: `unknown key "${key}": ${RESTART} (never add keys such as approval flags to this file)` });
    } else if (p.field.split('/').length === 2 && (CC_CHECKPOINT_REQUIRED as readonly string[]).includes(key) && !(key in data)) {
      problems.push({ ...p, code: 'cc.missing_key', message: `required key "${key}" is missing: ${RESTART}` });
    } else {
      problems.push(p);
    }
  }

  const sourceFile = str(data.source_file);
  const vibe = str(data.vibe);
  if (vibe !== undefined) {
    if (!isKnownVibe(vibe)) {
      problems.push({ severity: 'warning', field: '/vibe', code: 'cc.unknown_vibe', message: `vibe "${vibe}" is not one CineCut knows` });
    } else if (normaliseVibe(vibe) !== vibe) {
      problems.push({ severity: 'warning', field: '/vibe', code: 'cc.vibe_not_normalised', message: `vibe "${vibe}" is not normalised (CineCut writes "${normaliseVibe(vibe)}")` });
    }
  }

  const stagesComplete = readStages(data.stages_complete, problems);

  let sourceExists = false;
  if (sourceFile !== undefined) {
    if (!isAbsoluteAnyOs(sourceFile)) {
      problems.push({
        severity: 'warning',
        field: '/source_file',
        code: 'cc.source_not_absolute',
        message: `source_file "${sourceFile}" is not absolute: CineCut compares it with the resolved video path, so it would never match and the pipeline would start fresh`,
      });
    } else {
      sourceExists = safeExists(sourceFile);
      if (!sourceExists) {
        problems.push({
          severity: 'warning',
          field: '/source_file',
          code: 'cc.source_missing',
          message: `source file missing: the pipeline would start fresh (${sourceFile} does not exist on this machine)`,
        });
      }
    }
  }
  const stem = sourceFile ? stemOf(baseName(sourceFile)) : stemOfWorkDir(workDirName);
  if (sourceFile && conventionalWorkDir && workDirName !== `${stem}${CC_WORK_DIR_SUFFIX}`) {
    problems.push({
      severity: 'warning',
      field: '/source_file',
      code: 'cc.work_dir_mismatch',
      message: `checkpoint is for "${baseName(sourceFile)}" but sits in "${workDirName}"; CineCut keeps it in "${stem}${CC_WORK_DIR_SUFFIX}"`,
    });
  }

  for (const [stage, field] of Object.entries(STAGE_OUTPUT)) {
    if (!stagesComplete.includes(stage)) continue;
    // structural_anchors only exists from 246b0f3 on; an older file simply lacks it.
    if (field === 'structural_anchors' && !(field in data)) continue;
    if (data[field] === null || data[field] === undefined) {
      problems.push({ severity: 'warning', field: `/${field}`, code: 'cc.output_missing', message: `stage "${stage}" is complete but ${field} is empty` });
    }
  }
  const pathFields = ['proxy_path', 'manifest_path', 'assembly_manifest_path'] as const;
  for (const f of pathFields) {
    const v = str(data[f]);
    if (v && !isAbsoluteAnyOs(v)) {
      problems.push({ severity: 'warning', field: `/${f}`, code: 'cc.path_not_absolute', message: `${f} "${v}" is not absolute; CineCut writes absolute paths` });
    }
  }

  const anchors = isObject(data.structural_anchors)
    ? ({
        begin_t: finiteNumber(data.structural_anchors.begin_t),
        escalation_t: finiteNumber(data.structural_anchors.escalation_t),
        climax_t: finiteNumber(data.structural_anchors.climax_t),
        source: str(data.structural_anchors.source),
      } satisfies CcAnchors)
    : data.structural_anchors === null
      ? null
      : undefined;

  const media = scanWorkDir({ workDirAbs: path.dirname(input.abs), workDirRel, stem, vibe });

  return {
    record: {
      kind: 'checkpoint',
      checkpoint: {
        sourceFile,
        stem,
        sourceExists,
        vibe,
        stagesComplete,
        inferenceComplete: boolOrNull(data.inference_complete),
        cacheHit: boolOrNull(data.cache_hit),
        proxyPath: strOrNull(data.proxy_path),
        keyframeCount: numOrNull(data.keyframe_count),
        dialogueEventCount: numOrNull(data.dialogue_event_count),
        proxyDurationS: numOrNull(data.proxy_duration_s),
        anchors,
        manifestPath: strOrNull(data.manifest_path),
        assemblyManifestPath: strOrNull(data.assembly_manifest_path),
        fieldCount: CC_CHECKPOINT_FIELDS.filter((k) => k in data).length,
        conventionalWorkDir,
        media,
        sha256,
      },
    },
    problems,
  };
}

function readStages(v: unknown, problems: ProblemDraft[]): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  v.forEach((s, i) => {
    if (typeof s !== 'string') return; // the schema already reported the type
    const field = pointer(['stages_complete', i]);
    if (out.includes(s)) {
      problems.push({ severity: 'warning', field, code: 'cc.duplicate_stage', message: `stage "${s}" is listed twice; CineCut appends each stage once` });
      return;
    }
    if (s === 'inference') {
      problems.push({
        severity: 'warning',
        field,
        code: 'cc.inference_in_stages',
        message: 'CineCut never records "inference" here (it sets inference_complete instead); the entry is ignored',
      });
      return;
    }
    if (s === 'conform') {
      problems.push({ severity: 'warning', field, code: 'cc.conform_in_stages', message: 'CineCut never records "conform"; the entry is ignored (a finished trailer is recognised by its output file)' });
      return;
    }
    if (!(CC_RECORDED_STAGES as readonly string[]).includes(s)) {
      problems.push({ severity: 'warning', field, code: 'cc.unknown_stage', message: `unknown stage "${s}"; CineCut records ${CC_RECORDED_STAGES.join(', ')}` });
      return;
    }
    out.push(s);
  });
  return out;
}

function safeExists(p: string): boolean {
  try {
    return existsSync(p);
  } catch {
    return false;
  }
}

function boolOrNull(v: unknown): boolean | null | undefined {
  return typeof v === 'boolean' ? v : v === null ? null : undefined;
}

function strOrNull(v: unknown): string | null | undefined {
  return typeof v === 'string' ? v : v === null ? null : undefined;
}

function numOrNull(v: unknown): number | null | undefined {
  return finiteNumber(v) ?? (v === null ? null : undefined);
}
