import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiVideoAdapter } from '../../../../../electron/core/families/aivideo';
import type { AssembleContext, ParsedFile } from '../../../../../electron/core/families/family-adapter';
import type { AvRecord } from '../../../../../electron/core/families/aivideo/records';
import { checkpoint } from './parse-helpers';

const ctx: AssembleContext = { makeId: (...p) => p.join('|'), fileIdFor: (_r, rel) => rel, filesOfGroup: () => [], now: () => 0 };

function parsed(data: unknown, rel: string, mtimeMs = 0): ParsedFile<AvRecord> {
  const classification = aiVideoAdapter.classify(rel)!;
  const base = { fileId: rel, rootId: 'r', rootPath: '/x', abs: `/x/${rel}`, rel, size: 1, mtimeMs, classification };
  const out = aiVideoAdapter.parse({ ...base, data, text: '' });
  return { ...base, record: out.record as AvRecord | undefined, problems: out.problems };
}

// Shapes close to real exports, with any field swapped for any JSON value.
const mutatedCheckpoint = fc
  .tuple(fc.constantFrom(...Object.keys(checkpoint())), fc.jsonValue())
  .map(([k, v]) => ({ ...checkpoint(), [k]: v }));
const exportish = fc.oneof(
  fc.jsonValue(),
  fc.array(mutatedCheckpoint, { maxLength: 4 }),
  fc.array(fc.record({ checkpoint: mutatedCheckpoint, children: fc.oneof(fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 2 })) }), { maxLength: 3 }),
  fc.record({ video_id: fc.string(), status: fc.jsonValue(), progress: fc.jsonValue(), current_checkpoint: fc.jsonValue(), checkpoint_tree: fc.jsonValue(), active_branches: fc.jsonValue() }),
);

describe('aivideo adapter never throws', () => {
  it('parses and assembles any JSON', () => {
    fc.assert(
      fc.property(fc.array(exportish, { minLength: 1, maxLength: 3 }), (docs) => {
        const files = docs.map((d, i) => parsed(d, `aivideo/e${i}.json`, i));
        const runs = aiVideoAdapter.assemble('av:aivideo', files, ctx);
        expect(Array.isArray(runs)).toBe(true);
        expect(files.some((f) => f.problems.some((p) => p.code === 'av.internal'))).toBe(false);
        JSON.stringify(runs);
      }),
      { numRuns: 300 },
    );
  });
});
