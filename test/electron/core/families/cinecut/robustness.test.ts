// Whatever a file holds, parse and assemble never throw and always yield model-valid runs.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cineCutAdapter } from '../../../../../electron/core/families/cinecut';
import type { AssembleContext, ParsedFile } from '../../../../../electron/core/families/family-adapter';
import { stableId } from '../../../../../electron/core/index/stable-id';
import { runSchema } from '../../../../../shared/model';

const W = 'films/film_cinecut_work';
const RELS = [`${W}/pipeline_checkpoint.json`, `${W}/TRAILER_MANIFEST.json`, `${W}/ASSEMBLY_MANIFEST.json`, `${W}/greenlight_review.json`, 'films/film_trailer_thriller.mp4'];

const ctx: AssembleContext = {
  makeId: (...p) => stableId('r', ...p),
  fileIdFor: (r, rel) => stableId('file', r, rel),
  filesOfGroup: () => [],
  now: () => 0,
};

const loose = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
const shaped = fc.record(
  {
    source_file: fc.oneof(fc.constantFrom('/films/film.mkv', 'film.mkv', 'C:\\films\\film.mkv', ''), loose),
    vibe: fc.oneof(fc.constantFrom('thriller', 'Sci Fi', 'noir'), loose),
    stages_complete: fc.oneof(fc.array(fc.constantFrom('proxy', 'subtitles', 'keyframes', 'structural', 'narrative', 'assembly', 'music', 'inference', 'x')), loose),
    inference_complete: loose,
    cache_hit: loose,
    manifest_path: fc.oneof(fc.constant(`/films/film_cinecut_work/TRAILER_MANIFEST.json`), loose),
    proxy_path: fc.oneof(fc.constant('/films/film_cinecut_work/film_proxy.mp4'), fc.constant('..\\..\\etc'), loose),
    structural_anchors: loose,
    clips: fc.oneof(fc.array(fc.record({ source_start_s: loose, source_end_s: fc.double(), beat_type: loose, act: fc.constant('act1') }), { maxLength: 3 }), loose),
    music_bed: loose,
    bpm_grid: loose,
    greenlight: fc.constant('greenlight.decision/1'),
    gate: fc.constantFrom('conform', 'x'),
    decision: fc.constantFrom('approve', 'reject'),
    decidedBy: fc.string(),
    decidedAt: fc.string(),
    target: loose,
  },
  { requiredKeys: [] },
);

describe('CineCut adapter robustness', () => {
  it('never throws and always assembles valid runs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...RELS), fc.oneof(shaped, loose)), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1e12 }), (entries, mtime) => {
        const files: ParsedFile[] = [];
        const seen = new Set<string>();
        for (const [rel, data] of entries) {
          if (seen.has(rel)) continue;
          seen.add(rel);
          const classification = cineCutAdapter.classify(rel)!;
          const base = { fileId: stableId('file', 'r', rel), rootId: 'r', rootPath: '/nonexistent', abs: `/nonexistent/${rel}`, rel, size: 1, mtimeMs: mtime, classification };
          const r = cineCutAdapter.parse({ ...base, data, text: '' });
          for (const p of r.problems) expect(typeof p.field).toBe('string');
          files.push({ ...base, record: r.record, problems: r.problems });
        }
        const runs = cineCutAdapter.assemble(files[0].classification.groupKey, files as never, ctx);
        for (const run of runs) runSchema.parse(run);
        expect(files.flatMap((f) => f.problems).some((p) => p.code.endsWith('.internal'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
