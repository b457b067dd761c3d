import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { omniClaudeAdapter } from '../../../../../electron/core/families/omniclaude';
import type { AssembleContext, ParsedFile } from '../../../../../electron/core/families/family-adapter';
import type { OcRecord } from '../../../../../electron/core/families/omniclaude/records';
import { parseYaml } from '../../../../../electron/core/read/parse-yaml';
import { RUN_DIR, VALID_IMPLEMENT } from './parse-helpers';

const ctx: AssembleContext = { makeId: (...p) => p.join('|'), fileIdFor: (_r, rel) => rel, filesOfGroup: () => [], now: () => 0 };
const NAMES = ['phase_1_implement_a1.yaml', 'phase_2_local_review_a2.yaml', 'phase_4_ready_for_merge_a1.yaml', 'phase_9_x_a0.yaml', 'greenlight-decision_ready_for_merge_a1.json', 'phase_1_implement_a1.review.yaml'];

function parsed(text: string, name: string): ParsedFile<OcRecord> {
  const rel = `${RUN_DIR}/${name}`;
  const classification = omniClaudeAdapter.classify(rel)!;
  const decoded = name.endsWith('.json') ? (() => { try { return { ok: true as const, data: JSON.parse(text) }; } catch { return { ok: false as const }; } })() : parseYaml(text);
  const base = { fileId: rel, rootId: 'r', rootPath: '/x', abs: `/x/${rel}`, rel, size: text.length, mtimeMs: 0, classification };
  const out = omniClaudeAdapter.parse({ ...base, data: decoded.ok ? decoded.data : undefined, text });
  return { ...base, record: out.record as OcRecord | undefined, problems: out.problems };
}

// Lines of a valid checkpoint, each possibly replaced by a random line.
const mutatedText = fc
  .array(fc.tuple(fc.nat(VALID_IMPLEMENT.split('\n').length), fc.oneof(fc.string(), fc.constantFrom('  x: [', 'a: &a [1]', '- 1', 'phase_payload: ~', '  commit_sha: 0777777'))), { maxLength: 4 })
  .map((edits) => {
    const lines = VALID_IMPLEMENT.split('\n');
    for (const [i, l] of edits) lines[i] = l;
    return lines.join('\n');
  });

describe('OmniClaude adapter never throws', () => {
  it('parses and assembles any text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(mutatedText, fc.string()), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 4 }), (docs) => {
        const files = docs.map(([t, n]) => parsed(t, n));
        const runs = omniClaudeAdapter.assemble(`oc:${RUN_DIR}`, files, ctx);
        expect(Array.isArray(runs)).toBe(true);
        expect(files.some((f) => f.problems.some((p) => p.code === 'oc.internal'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
