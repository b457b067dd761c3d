// The JSON scanner that locates syntax errors and finds duplicate keys must agree with
// JSON.parse on every text: valid exactly when JSON.parse accepts it, and the same key repeated
// exactly when the text repeats it. Random JSON, then mutated like a damaged file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../electron/core/read/parse-json';
import { pointerAt, scanJson, syntaxErrorOffset } from '../../electron/core/read/scan-json';

const RUNS = Math.max(1000, Math.floor(Number(process.env.GREENLIGHT_FUZZ_RUNS ?? 10_000) / 2));

const damaged = fc.tuple(fc.json({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', '\\', 'NaN', '-', '1e', ' ', '\n', '\u0000', 'tru', '"a":1,')), { maxLength: 3 })).map(([text, edits]) => {
  let t = text;
  for (const [at, del, insert] of edits) {
    const i = t.length ? at % (t.length + 1) : 0;
    t = t.slice(0, i) + insert + t.slice(i + del);
  }
  return t;
});

const parses = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('the JSON scanner', () => {
  it(`finds a syntax error exactly when JSON.parse does (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(damaged, (t) => {
        const offset = syntaxErrorOffset(t);
        expect(offset === undefined).toBe(parses(t));
        if (offset !== undefined) {
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(t.length);
          expect(typeof pointerAt(t, offset)).toBe('string');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`reports a duplicate key exactly when an object repeats one (${RUNS} objects)`, () => {
    const obj = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '__proto__', 'x/y', '\u00e9'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 });
    fc.assert(
      fc.property(obj, (entries) => {
        const text = '{' + entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ') + '}';
        const top = scanJson(text).duplicates.filter((d) => d.pointer.split('/').length === 2);
        const keys = entries.map(([k]) => k);
        const repeated = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
        expect(top.map((d) => d.key).sort()).toEqual(repeated.sort());
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any text, and parseJson never throws either', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), damaged), (t) => {
        scanJson(t);
        syntaxErrorOffset(t);
        pointerAt(t, t.length >> 1);
        parseJson(t, { nonFiniteAsNull: true });
      }),
      { numRuns: RUNS },
    );
  });
});
