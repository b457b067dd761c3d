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

  it(`parseJson reports the same duplicate keys as the full scan, with its shortcut for texts that cannot repeat one (${RUNS} texts)`, () => {
    // Compact and spaced separators, escaped keys that decode to the same name, and string
    // values holding quotes and colons: the shortcut must never skip a text that repeats a key.
    const key = fc.constantFrom('a', 'b', 'ab', 'a\u0062', '__proto__', 'x\":y', ':');
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), fc.constantFrom('"\\":"', '"say \\":\\" now"', '{}', '[]'));
    const sep = fc.constantFrom(':', ': ', ' :', '\n:\t');
    const members = fc.array(fc.tuple(key, sep, value), { maxLength: 6 });
    const nested = fc.tuple(members, members).map(([outer, inner]) => {
      const obj = (ms: Array<[string, string, string]>) => '{' + ms.map(([k, s, v]) => `"${k}"${s}${v}`).join(',') + '}';
      return `{"outer":${obj(outer)},"list":[${obj(inner)}]}`;
    });
    fc.assert(
      fc.property(nested, (text) => {
        if (!parses(text)) return;
        const reported = parseJson(text).problems.filter((p) => p.code === 'json.duplicate_key').map((p) => p.field);
        const scanned = scanJson(text).duplicates.map((d) => d.pointer);
        expect(reported.sort()).toEqual(scanned.sort());
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
