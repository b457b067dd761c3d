// What the decoder says about the inputs JSON.parse and the yaml library are silent or vague
// about: duplicate keys, NaN/Infinity, numbers past a double, where a syntax error sits, UTF-16
// without a byte-order mark, and nesting deep enough to overflow a recursive parser. Extends
// test/electron/core/read/read-document.test.ts.
import { describe, expect, it } from 'vitest';
import { decodeAndParse } from '../../electron/core/read/read-document';
import { parseJson } from '../../electron/core/read/parse-json';
import { parseYaml } from '../../electron/core/read/parse-yaml';
import { pointerAt, scanJson } from '../../electron/core/read/scan-json';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON duplicate keys', () => {
  it('are reported as a warning naming the key and its pointer; the last value is kept, as JSON.parse does', () => {
    const r = parseJson('{"a": 1, "b": {"x": 1, "x": 2}, "a": 3, "list": [{"k": 1}, {"k": 1, "k": 2}]}');
    expect(r).toMatchObject({ ok: true, data: { a: 3, b: { x: 2 } } });
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'json.duplicate_key', field: '/b/x', message: expect.stringContaining('"x"') }),
      expect.objectContaining({ code: 'json.duplicate_key', field: '/a' }),
      expect.objectContaining({ code: 'json.duplicate_key', field: '/list/1/k' }),
    ]);
  });

  it('compare keys after unescaping, and escape / and ~ in the pointer', () => {
    expect(parseJson('{"a": 1, "\\u0061": 2}').problems).toEqual([expect.objectContaining({ field: '/a' })]);
    expect(parseJson('{"x/~y": 1, "x/~y": 2}').problems).toEqual([expect.objectContaining({ field: '/x~1~0y' })]);
  });

  it('are not confused by keys inside strings, and report each repeated key once, up to a cap', () => {
    expect(parseJson('{"note": "{\\"a\\": 1, \\"a\\": 2}", "a": "a"}').problems).toEqual([]);
    expect(parseJson('{"a": 1, "a": 2, "a": 3}').problems).toHaveLength(1);
    const many = '{' + Array.from({ length: 50 }, (_, i) => `"k${i}": 1, "k${i}": 2`).join(', ') + '}';
    const problems = parseJson(many).problems;
    expect(problems.length).toBeLessThanOrEqual(21);
    expect(problems.at(-1)).toMatchObject({ code: 'json.duplicate_key', field: '', message: 'more duplicate keys than listed here' });
  });
});

describe("Python's NaN and Infinity", () => {
  it('are shown as null with a warning per value when indexing', () => {
    const r = decodeAndParse(enc('{"score": NaN, "range": [Infinity, -Infinity], "ok": 1}'), 'json', undefined, 0, { nonFiniteAsNull: true });
    expect(r).toMatchObject({ ok: true, data: { score: null, range: [null, null], ok: 1 } });
    if (r.ok) expect(r.problems.map((p) => [p.code, p.field])).toEqual([['json.non_finite', '/score'], ['json.non_finite', '/range/0'], ['json.non_finite', '/range/1']]);
  });

  it('are refused, naming the field and saying why, where the document would be written back', () => {
    const r = parseJson('{"review": {"score": NaN}}');
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'json.non_finite', field: '/review/score', severity: 'error' }] });
    expect(r.problems[0].message).toMatch(/line 1, column 22.*Python's json\.dump writes them/);
  });

  it('still report what else is wrong with the file', () => {
    const r = parseJson('{"a": NaN, "b": [1, 2', { nonFiniteAsNull: true });
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'json.truncated' }] });
  });

  it('overflowing numbers (1e999 is valid JSON) become null too, with a warning', () => {
    const r = parseJson('{"cost": 1e999, "n": -1E+400}');
    expect(r).toMatchObject({ ok: true, data: { cost: null, n: null } });
    expect(r.problems.map((p) => p.field)).toEqual(['/cost', '/n']);
  });

  it('and YAML .inf / .nan likewise', () => {
    const r = parseYaml('a: .inf\nb: [.nan, 1]\n');
    expect(r).toMatchObject({ ok: true, data: { a: null, b: [null, 1] } });
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([['yaml.non_finite', '/a'], ['yaml.non_finite', '/b/0']]);
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['{"a": [1, 2, tru]}', 'line 1, column 14 (inside /a/2)'],
    ['{\n  "review": {"score": 7,, "x": 1}\n}', 'line 2, column 25 (inside /review)'],
    ['{"a": 1} trailing', 'line 1, column 10'],
    ['{"a": "line\nbreak"}', 'line 1, column 12 (inside /a)'],
  ])('%j says where: %s', (text, where) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    expect(r.problems[0].message).toContain(where);
  });

  it('names the field of the error, and the file as a whole when it is cut short', () => {
    expect(parseJson('{"a": {"b": [1, x]}}').problems[0]).toMatchObject({ code: 'json.syntax', field: '/a/b/1' });
    expect(parseJson('{"a": {"b": [1, 2').problems[0]).toMatchObject({ code: 'json.truncated', field: '' });
  });

  it('pointerAt names the value being read at an offset', () => {
    expect(pointerAt('{"a": {"b": [1, 2, 3]}}', 16)).toBe('/a/b/1');
    expect(pointerAt('{"a": 1, ', 9)).toBe('');
  });
});

describe('encodings', () => {
  it('reads UTF-16 without a byte-order mark, both byte orders, with a warning', () => {
    const le = Buffer.from('{"a": "é"}', 'utf16le');
    expect(decodeAndParse(le, 'json')).toMatchObject({ ok: true, data: { a: 'é' }, problems: [{ code: 'encoding.utf16', message: expect.stringContaining('little-endian) without a byte-order mark') }] });
    expect(decodeAndParse(Buffer.from(le).swap16(), 'json')).toMatchObject({ ok: true, data: { a: 'é' }, problems: [{ message: expect.stringContaining('big-endian') }] });
  });

  it('still calls NUL-laden bytes binary', () => {
    expect(decodeAndParse(new Uint8Array([0x7b, 0x00, 0x01, 0x7d]), 'json')).toMatchObject({ ok: false, problems: [{ code: 'file.binary' }] });
    expect(decodeAndParse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'json')).toMatchObject({ ok: false, problems: [{ code: 'file.binary' }] });
  });
});

describe('YAML nesting and duplicate keys', () => {
  it('refuses 100,000 levels of flow nesting at once, without overflowing the stack', () => {
    const r = parseYaml('a: ' + '['.repeat(100000) + ']'.repeat(100000));
    expect(r).toMatchObject({ ok: false, retryable: false, problems: [{ code: 'yaml.too_deep' }] });
  });

  it('refuses block nesting deep enough to overflow the parser, as too deep (not a retryable syntax error)', () => {
    const text = Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n');
    expect(parseYaml(text)).toMatchObject({ ok: false, retryable: false, problems: [{ code: 'yaml.too_deep' }] });
  });

  it('names a duplicate key and its pointer', () => {
    expect(parseYaml('a: 1\nb:\n  c: 2\n  # note\n  c: 3\n').problems[0]).toMatchObject({
      code: 'yaml.duplicate_key',
      field: '/b/c',
      message: 'invalid YAML at line 5, column 3: the key "c" appears twice in the same mapping',
    });
    // Inside a sequence the pointer is not guessed: the file as a whole is named.
    expect(parseYaml('l:\n- a: 1\n  a: 2\n').problems[0]).toMatchObject({ code: 'yaml.duplicate_key', field: '' });
  });

  it('keeps __proto__ a plain key', () => {
    const r = parseYaml('__proto__:\n  polluted: true\n');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('scanJson', () => {
  it('walks 100,000 levels of nesting without recursion', () => {
    expect(scanJson('['.repeat(100000) + ']'.repeat(100000))).toEqual({ duplicates: [], nonFinite: [], capped: false });
  });
});

describe('YAML as PyYAML reads it', () => {
  it('resolves plain scalars by YAML 1.1 rules, timestamps kept as text', () => {
    const r = parseYaml('octal: 0123\nsha: 12345e6\nlead: 0128999\nflag: yes\nsexa: 1:30\nwhen: 2026-02-12T10:15:30Z\n', 'pyyaml');
    expect(r).toMatchObject({ ok: true, data: { octal: 83, sha: '12345e6', lead: '0128999', flag: true, sexa: 90, when: '2026-02-12T10:15:30Z' } });
    expect(parseYaml('sha: 12345e6\nflag: yes\n')).toMatchObject({ ok: true, data: { sha: 12345e6, flag: 'yes' } });
  });

  it('reports what it cannot read exactly as the core schema does', () => {
    for (const text of ['a: 1\na: 2\n', 'a: [1, 2\n', 'x: &a [1]\ny: *b\n']) expect(parseYaml(text, 'pyyaml')).toEqual(parseYaml(text));
  });
});
