// A family's parser that throws on a file gives that file a problem under the family's code,
// never an exception out of the adapter.
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../../../../electron/core/families/all-adapters';
import type { ParseInput } from '../../../../../electron/core/families/family-adapter';

/** Data that throws on any look inside it, as a parser bug would. */
const exploding = new Proxy({}, {
  get() {
    throw new Error('boom');
  },
  has() {
    throw new Error('boom');
  },
  ownKeys() {
    throw new Error('boom');
  },
  getOwnPropertyDescriptor() {
    throw new Error('boom');
  },
  getPrototypeOf() {
    throw new Error('boom');
  },
});

const CASES = [
  { family: 'twinklr', rel: 'artifacts/show/checkpoints/plans/show_iter01_raw.json', code: 'tw.internal', what: 'Twinklr file' },
  { family: 'cinecut', rel: 'films/work/pipeline_checkpoint.json', code: 'cc.internal', what: 'CineCut file' },
  { family: 'omniclaude', rel: 'checkpoints/OMN-1/4fa2159f-9c61-5f8b-9ae5-28692b46cbd7/phase_1_implement_a1.yaml', code: 'oc.internal', what: 'OmniClaude file' },
  { family: 'aivideo', rel: 'exports/video.aivideo.json', code: 'av.internal', what: 'aivideo export' },
];

describe('family parsers that throw', () => {
  it.each(CASES)('$family: the file gets $code, the adapter returns', ({ family, rel, code, what }) => {
    const adapter = ALL_ADAPTERS.find((a) => a.family === family)!;
    const classification = adapter.classify(rel);
    expect(classification, rel).toBeTruthy();
    const input: ParseInput = { fileId: 'f', rootId: 'r', rootPath: '/nowhere', abs: `/nowhere/${rel}`, rel, size: 1, mtimeMs: 0, classification: classification!, data: exploding, text: '{}' };
    const out = adapter.parse(input);
    expect(out.problems).toContainEqual({ severity: 'error', field: '', code, message: `Greenlight could not interpret this ${what} (boom)` });
  });
});
