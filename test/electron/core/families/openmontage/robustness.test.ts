// Nothing may throw out of the adapter: arbitrary JSON in every role, arbitrary paths.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openMontageAdapter, type OmRecord } from '../../../../../electron/core/families/openmontage';
import type { AssembleContext, ParsedFile } from '../../../../../electron/core/families/family-adapter';
import { makeTempDir } from '../../../../helpers/temp-dir';

const root = makeTempDir('greenlight-om-fuzz-');
afterAll(() => root.cleanup());

const RELS = [
  'projects/reef/checkpoint_script.json',
  'projects/reef/checkpoint_scene_plan.json',
  'projects/reef/history/checkpoint_script_1.json',
  'projects/reef/project.json',
  'projects/reef/decision_log.json',
  'projects/reef/greenlight/lineage.json',
  'pipeline_defs/reef.yaml',
];

const ctx: AssembleContext = {
  makeId: (...p) => p.join('|'),
  fileIdFor: (r, rel) => `${r}:${rel}`,
  filesOfGroup: () => [],
  now: () => 0,
};

// Values shaped like checkpoints, so the fuzzer reaches past the first type check.
const checkpointLike = fc.record(
  {
    version: fc.oneof(fc.constant('1.0'), fc.jsonValue()),
    project_id: fc.oneof(fc.constant('reef'), fc.jsonValue()),
    stage: fc.oneof(fc.constantFrom('script', 'proposal', 'compose'), fc.jsonValue()),
    status: fc.oneof(fc.constantFrom('completed', 'awaiting_human', 'in_progress', 'failed', 'pending', 'odd'), fc.jsonValue()),
    timestamp: fc.oneof(fc.constant('2026-07-01T10:00:00Z'), fc.string(), fc.jsonValue()),
    human_approval_required: fc.oneof(fc.boolean(), fc.jsonValue()),
    human_approved: fc.oneof(fc.boolean(), fc.jsonValue()),
    artifacts: fc.oneof(
      fc.dictionary(fc.constantFrom('script', 'proposal_packet', 'render_report', 'output', 'x'), fc.oneof(fc.jsonValue(), fc.constantFrom('@a.json', '../x.json', 'renders/a.mp4', '/abs'))),
      fc.jsonValue(),
    ),
    review: fc.jsonValue(),
    cost_snapshot: fc.jsonValue(),
    metadata: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('OpenMontage adapter never throws', () => {
  it('classifies any path', () => {
    fc.assert(
      fc.property(fc.string(), (rel) => {
        openMontageAdapter.classify(rel);
      }),
    );
  });

  it('parses and assembles any document in any role', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...RELS), fc.oneof(checkpointLike, fc.jsonValue())), { minLength: 1, maxLength: 6 }), (docs) => {
        const files: ParsedFile<OmRecord>[] = [];
        for (const [rel, data] of docs) {
          const classification = openMontageAdapter.classify(rel)!;
          const base = { fileId: rel, rootId: 'r', rootPath: root.dir, abs: `${root.dir}/${rel}`, rel, size: 1, mtimeMs: 0, classification };
          const r = openMontageAdapter.parse({ ...base, data, text: '' });
          expect(r.problems.every((p) => p.code !== 'internal.adapter_error')).toBe(true);
          files.push({ ...base, record: r.record, problems: r.problems });
        }
        const projectFiles = files.filter((f) => f.classification.groupKey === 'om:projects/reef');
        const runs = openMontageAdapter.assemble('om:projects/reef', projectFiles, ctx);
        expect(projectFiles.every((f) => f.problems.every((p) => p.code !== 'internal.adapter_error'))).toBe(true);
        for (const run of runs) expect(run.stages.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
