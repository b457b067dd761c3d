// Property-based fuzzing of every family's parser: valid files mutated at the byte, token and
// value level, then taken through exactly what the index does with a file (decodeAndParse,
// adapter.parse, adapter.assemble with the rest of its group). Nothing may throw, problems must
// keep their shape, and the runs must stay model-valid. GREENLIGHT_FUZZ_RUNS sets the number
// of mutations per family (default 10,000); a failure prints the seed and path to replay it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedFile } from '../../electron/core/families/family-adapter';
import { decodeAndParse } from '../../electron/core/read/read-document';
import { FAMILIES, runSchema, type Family } from '../../shared/model';
import { applyMutation, mutationArb, type Mutation } from './mutations';
import { loadSeeds, type SeedFile, type SeedSet } from './seed-files';

const RUNS = Number(process.env.GREENLIGHT_FUZZ_RUNS ?? 10_000);
/** Checking every run against the zod model would dominate the time; every Nth is enough. */
const SCHEMA_EVERY = 25;

let seeds: SeedSet;
beforeAll(async () => {
  seeds = await loadSeeds();
}, 60_000);
afterAll(() => seeds?.cleanup());

/** How many mutated files still decoded, and so reached the adapter's parse (not just the decoder). */
let decoded = 0;

function parseMutated(seed: SeedFile, m: Mutation, iteration: number): void {
  const bytes = applyMutation(seed.bytes, seed.data, seed.format, m);
  const ctx = { ...seed.ctx, size: bytes.length };
  const doc = decodeAndParse(bytes, seed.format, bytes.length, ctx.mtimeMs, { nonFiniteAsNull: true });
  let parsed: ParsedFile;
  if (doc.ok) {
    decoded++;
    const r = seed.adapter.parse({ ...ctx, data: doc.data, text: doc.text });
    parsed = { ...ctx, record: r.record, problems: [...doc.problems, ...r.problems] };
  } else parsed = { ...ctx, problems: doc.problems };
  for (const p of parsed.problems) {
    if (typeof p.message !== 'string' || !p.message || typeof p.code !== 'string' || !(p.field === '' || p.field.startsWith('/')) || (p.severity !== 'error' && p.severity !== 'warning'))
      throw new Error(`malformed problem: ${JSON.stringify(p)}`);
  }
  // The rest of the group as indexed from valid files (copied: assembly may add problems to them).
  const key = ctx.classification.groupKey;
  const group = (seeds.groups.get(key) ?? []).filter((f) => f.fileId !== ctx.fileId).map((f) => ({ ...f, problems: [...f.problems] }));
  const runs = seed.adapter.assemble(key, [...group, parsed], seeds.assembleContext);
  if (!Array.isArray(runs)) throw new Error('assemble returned no array');
  if (iteration % SCHEMA_EVERY === 0) {
    for (const run of runs) {
      const check = runSchema.safeParse(run);
      if (!check.success) throw new Error(`run not model-valid: ${check.error.issues[0]?.path.join('.')}: ${check.error.issues[0]?.message}`);
    }
  }
}

describe('fuzzing every family parser with mutations of valid files', () => {
  it('has valid seeds of every family', () => {
    for (const f of FAMILIES) expect(seeds.byFamily.get(f)?.length ?? 0, f).toBeGreaterThan(0);
  });

  it.each(FAMILIES.map((f) => [f]))(`%s: ${RUNS} mutations, none throws`, (family: Family) => {
    const list = seeds.byFamily.get(family)!;
    let i = 0;
    decoded = 0;
    const arb = fc.nat(list.length - 1).chain((s) => mutationArb(list[s].format).map((m) => [s, m] as const));
    const started = Date.now();
    fc.assert(
      fc.property(arb, ([s, m]) => {
        parseMutated(list[s], m, i++);
      }),
      { numRuns: RUNS },
    );
    console.log(`${family}: ${i} mutations of ${list.length} seed files in ${((Date.now() - started) / 1000).toFixed(1)} s; ${Math.round((100 * decoded) / i)}% still decoded and went through parse and assemble`);
    // Most mutations must get past the decoder, or the adapter itself is barely exercised.
    expect(decoded / i).toBeGreaterThan(0.4);
  }, 120_000);
});
