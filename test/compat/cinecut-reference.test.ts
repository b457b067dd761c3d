// Compatibility with the real TRAILER_MANIFEST fixture of adam-aph/ai-video-trailer, read in
// place from the shared reference folder (never copied into the project). The repository has
// no real pipeline_checkpoint.json and the fixture is not laid out in a `_cinecut_work` dir,
// so the manifest schema and parser are tested on it directly.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cineCutAdapter, trailerManifestSchema } from '../../electron/core/families/cinecut';
import { readDocument } from '../../electron/core/read/read-document';
import { REFERENCE_DIR } from '../helpers/reference-dir';

const REF = path.join(REFERENCE_DIR, 'adam-aph-ai-video-trailer');
const SAMPLE = path.join(REF, 'head-b67e279/tests/fixtures/sample_manifest.json');
const present = existsSync(SAMPLE);
if (!present) console.log(`CineCut reference manifest not found at ${SAMPLE}; compatibility tests skipped`);

describe.skipIf(!present)('CineCut reference files', () => {
  it('validates the sample TRAILER_MANIFEST against the manifest schema', async () => {
    const doc = await readDocument(SAMPLE, 'json');
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    const r = trailerManifestSchema.safeParse(doc.data);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('parses the sample as a TRAILER_MANIFEST.json of a work dir', async () => {
    const doc = await readDocument(SAMPLE, 'json');
    if (!doc.ok) throw new Error('unreadable sample');
    const rel = 'films/film_cinecut_work/TRAILER_MANIFEST.json';
    const classification = cineCutAdapter.classify(rel)!;
    expect(classification).toMatchObject({ family: 'cinecut', role: 'manifest' });
    const r = cineCutAdapter.parse({
      fileId: 'f', rootId: 'ref', rootPath: REF, abs: SAMPLE, rel, size: doc.size, mtimeMs: doc.mtimeMs, classification, data: doc.data, text: doc.text,
    });
    expect(r.problems).toEqual([]);
    expect(r.record).toMatchObject({ kind: 'manifest', manifest: { schemaVersion: '1.0', vibe: 'action', clipCount: 3, durationS: 11.5 } });
  });
});
