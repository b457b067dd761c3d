// Whatever a file holds, parse and assemble never throw and always yield model-valid runs.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { twinklrAdapter } from '../../../../../electron/core/families/twinklr';
import type { AssembleContext, ParsedFile } from '../../../../../electron/core/families/family-adapter';
import { stableId } from '../../../../../electron/core/index/stable-id';
import { runSchema } from '../../../../../shared/model';

const P = 'out/checkpoints/plans';
const RELS = [
  `${P}/song_a3f9b2c1_iter01_raw.json`,
  `${P}/song_a3f9b2c1_iter01_evaluation.json`,
  `${P}/song_iter02_evaluation.json`,
  `${P}/song_raw.json`,
  `${P}/song_evaluation.json`,
  `${P}/song_final.json`,
  `${P}/song_implementation.json`,
  'out/checkpoints/song_audio.json',
  'out/checkpoints/song_sequence.json',
  `${P}/song_decision.greenlight.json`,
];

const ctx: AssembleContext = {
  makeId: (...p) => stableId('r', ...p),
  fileIdFor: (r, rel) => stableId('file', r, rel),
  filesOfGroup: () => [],
  now: () => 0,
};

// Values shaped like the real files, with any field replaced by anything.
const loose = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
const shaped = fc.record(
  {
    run_id: fc.oneof(fc.constant('a3f9b2c1'), loose),
    iteration: fc.oneof(fc.integer(), loose),
    checkpoint_type: fc.constantFrom('raw', 'evaluation', 'final'),
    plan: fc.oneof(fc.record({ sections: fc.array(loose, { maxLength: 3 }), overall_strategy: loose }), loose),
    evaluation: fc.oneof(fc.record({ decision: fc.constantFrom('APPROVE', 'SOFT_FAIL', 'HARD_FAIL', 'X'), score: fc.double(), issues: loose }), fc.record({ overall_score: fc.double(), category_scores: loose }), loose),
    status: fc.constantFrom('SUCCESS', 'INCOMPLETE', 7),
    best_score: loose,
    greenlight: fc.constant('greenlight.decision/1'),
    gate: fc.constantFrom('final', 'other'),
    decision: fc.constantFrom('approve', 'reject', 'APPROVE'),
    decidedBy: loose,
    decidedAt: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), loose),
  },
  { requiredKeys: [] },
);

describe('Twinklr adapter robustness', () => {
  it('never throws and always assembles valid runs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...RELS), fc.oneof(shaped, loose)), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1e12 }), (entries, mtime) => {
        const files: ParsedFile[] = [];
        const seen = new Set<string>();
        for (const [rel, data] of entries) {
          if (seen.has(rel)) continue;
          seen.add(rel);
          const classification = twinklrAdapter.classify(rel)!;
          const base = { fileId: stableId('file', 'r', rel), rootId: 'r', rootPath: '/nonexistent', abs: `/nonexistent/${rel}`, rel, size: 1, mtimeMs: mtime, classification };
          const r = twinklrAdapter.parse({ ...base, data, text: '' });
          for (const p of r.problems) expect(typeof p.field).toBe('string');
          files.push({ ...base, record: r.record, problems: r.problems });
        }
        const runs = twinklrAdapter.assemble(files[0].classification.groupKey, files as never, ctx);
        for (const run of runs) runSchema.parse(run);
        expect(files.flatMap((f) => f.problems).some((p) => p.code.endsWith('.internal'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
