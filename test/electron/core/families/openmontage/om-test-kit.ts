// Builders for OpenMontage test projects: checkpoints with sensible defaults, written into a
// temporary root, and a direct `parse` call with the same context the core would pass.
import { statSync } from 'node:fs';
import path from 'node:path';
import { openMontageAdapter } from '../../../../../electron/core/families/openmontage';
import type { OmRecord } from '../../../../../electron/core/families/openmontage/records';
import type { ProblemDraft } from '../../../../../electron/core/families/family-adapter';
import { indexDir } from '../../../../helpers/index-dir';
import { makeTempDir } from '../../../../helpers/temp-dir';
import type { FamilyAdapter } from '../../../../../electron/core/families/family-adapter';

export type Json = Record<string, unknown>;

export function checkpoint(stage: string, over: Json = {}, projectId = 'reef'): Json {
  return {
    version: '1.0',
    project_id: projectId,
    pipeline_type: 'reef-explainer',
    stage,
    status: 'completed',
    timestamp: '2026-07-01T10:00:00+00:00',
    checkpoint_policy: 'guided',
    human_approval_required: false,
    human_approved: false,
    artifacts: {},
    ...over,
  };
}

/** A manifest YAML from `[name, checkpoint_required?, human_approval_default?]` rows. */
export function manifestYaml(name: string, stages: Array<[string, boolean?, boolean?]>): string {
  const lines = [`name: ${name}`, 'version: "1.0"', 'stages:'];
  for (const [s, c, h] of stages) {
    lines.push(`  - name: ${s}`);
    if (c !== undefined) lines.push(`    checkpoint_required: ${c}`);
    if (h !== undefined) lines.push(`    human_approval_default: ${h}`);
  }
  return lines.join('\n') + '\n';
}

export function tempProject() {
  const t = makeTempDir('greenlight-om-');
  return {
    ...t,
    json(rel: string, value: unknown) {
      return t.write(rel, JSON.stringify(value, null, 2));
    },
    async index() {
      return indexDir(t.dir, [openMontageAdapter as FamilyAdapter]);
    },
  };
}

/** Parse one file of a temp root the way the core would (data already decoded). */
export function parseFile(root: string, rel: string, data: unknown): { record?: OmRecord; problems: ProblemDraft[] } {
  const classification = openMontageAdapter.classify(rel);
  if (!classification) throw new Error(`not classified: ${rel}`);
  const abs = path.join(root, ...rel.split('/'));
  let size = 0;
  try {
    size = statSync(abs).size;
  } catch {
    /* parse does not need the file itself */
  }
  return openMontageAdapter.parse({
    fileId: `file:${rel}`,
    rootId: 'root',
    rootPath: root,
    abs,
    rel,
    size,
    mtimeMs: 0,
    classification,
    data,
    text: JSON.stringify(data),
  });
}

export function codes(problems: ProblemDraft[]): string[] {
  return problems.map((p) => p.code);
}

export function find(problems: ProblemDraft[], code: string): ProblemDraft | undefined {
  return problems.find((p) => p.code === code);
}
