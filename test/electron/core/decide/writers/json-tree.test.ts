import { describe, expect, it } from 'vitest';
import { detectEnsureAscii, getKey, isObj, JsonSyntaxError, num, parseJsonTree, serializePython, setKey, str } from '../../../../../electron/core/decide/writers/json-tree';
import { alnumOnly, pythonUtcIsoformat } from '../../../../../electron/core/decide/writers/python-time';

// What Python 3 writes for json.dumps(obj, indent=2) (ensure_ascii default True) — typed from
// the interpreter's output, so the serializer is held to the real thing.
const PY = `{
  "b": 1.0,
  "a": [
    1,
    2.5e-07,
    -0.0,
    true,
    null,
    {},
    []
  ],
  "10": "\\u00e9t\\u00e9 \\ud83c\\udfac \\"q\\" \\\\ \\n\\t\\u0001\\u007f",
  "2": {
    "nested": "x"
  },
  "nan": NaN,
  "inf": -Infinity
}`;

describe('json tree', () => {
  it('parses and writes Python json.dump(indent=2) output back byte for byte', () => {
    expect(serializePython(parseJsonTree(PY), { ensureAscii: true })).toBe(PY);
  });

  it('keeps key order where JSON.parse would not (integer-like keys)', () => {
    const tree = parseJsonTree(PY);
    expect(isObj(tree) && tree.entries.map(([k]) => k)).toEqual(['b', 'a', '10', '2', 'nan', 'inf']);
    expect(Object.keys(JSON.parse(PY.replace(/NaN|-Infinity/g, '0')))).toEqual(['2', '10', 'b', 'a', 'nan', 'inf']);
  });

  it('writes raw UTF-8 without ensure_ascii, as Python does with ensure_ascii=False', () => {
    const tree = parseJsonTree('{"t": "\\u00e9t\\u00e9 \\ud83c\\udfac\\u007f"}');
    expect(serializePython(tree, { ensureAscii: false })).toBe('{\n  "t": "été 🎬\u007f"\n}');
  });

  it('detects the escaping a file uses', () => {
    expect(detectEnsureAscii('{"t": "été"}')).toBe(false);
    expect(detectEnsureAscii('{"t": "\\u00e9"}')).toBe(true);
    expect(detectEnsureAscii('{"t": "plain"}')).toBe(true);
  });

  it('a repeated key keeps its first place and its last value (as Python)', () => {
    const tree = parseJsonTree('{"a": 1, "b": 2, "a": 3}');
    expect(serializePython(tree, { ensureAscii: true })).toBe('{\n  "a": 3,\n  "b": 2\n}');
  });

  it('rejects what is not JSON', () => {
    for (const bad of ['', '{', '{"a" 1}', '[1,]', '{"a": 1} x', '"\u0001"', '01', '{a: 1}', 'nul']) {
      expect(() => parseJsonTree(bad), bad).toThrow(JsonSyntaxError);
    }
  });

  it('sets keys in place or after the named predecessors', () => {
    const tree = parseJsonTree('{"status": "x", "artifacts": {}}');
    if (!isObj(tree)) throw new Error();
    setKey(tree, 'status', str('completed'));
    setKey(tree, 'timestamp', str('t'), ['version', 'status']);
    setKey(tree, 'zzz', num(1e-7));
    expect(serializePython(tree, { ensureAscii: true })).toBe('{\n  "status": "completed",\n  "timestamp": "t",\n  "artifacts": {},\n  "zzz": 1e-07\n}');
    expect(getKey(tree, 'nope')).toBeUndefined();
  });
});

describe('Python time stamps', () => {
  it('isoformat with microseconds, or none when zero', () => {
    expect(pythonUtcIsoformat(new Date('2026-11-21T08:43:27.800Z'))).toBe('2026-11-21T08:43:27.800000+00:00');
    expect(pythonUtcIsoformat(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05+00:00');
  });
  it("OpenMontage's history stamp", () => {
    expect(alnumOnly('2026-07-12T08:43:27.800620+00:00')).toBe('20260712T0843278006200000');
    expect(alnumOnly('---')).toBe('');
  });
});
