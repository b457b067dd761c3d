import { describe, expect, it } from 'vitest';
import { jsonParseError, lineColumn, pointerSpan } from '../../../../renderer/components/decisions/json-positions';
import { lineDiff, withContext } from '../../../../renderer/components/decisions/line-diff';

const TEXT = '{\n  "a": [1, {"b": true}],\n  "c/d": "x",\n  "e~f": {"g": null}\n}';

describe('pointerSpan', () => {
  it('finds values by pointer, with escapes and array indexes', () => {
    const at = (p: string) => {
      const s = pointerSpan(TEXT, p)!;
      return { text: TEXT.slice(s.from, s.to), exact: s.exact };
    };
    expect(at('/a/0')).toEqual({ text: '1', exact: true });
    expect(at('/a/1/b')).toEqual({ text: 'true', exact: true });
    expect(at('/c~1d')).toEqual({ text: '"x"', exact: true });
    expect(at('/e~0f/g')).toEqual({ text: 'null', exact: true });
    // A container is marked by its property name, not its whole body.
    expect(at('/a')).toEqual({ text: '"a"', exact: true });
  });

  it('marks the deepest existing parent when the field is missing', () => {
    const s = pointerSpan(TEXT, '/e~0f/missing')!;
    expect(s.exact).toBe(false);
    expect(TEXT.slice(s.from, s.to)).toBe('"e~f"');
    expect(pointerSpan(TEXT, 'not-a-pointer')).toBeUndefined();
  });

  it('survives broken JSON', () => {
    expect(() => pointerSpan('{"a": [1, ', '/a/3')).not.toThrow();
  });
});

describe('jsonParseError', () => {
  it('gives a position, line and column for the error', () => {
    const e = jsonParseError('{\n  "a": 1,\n  "b" 2\n}')!;
    expect(e.line).toBe(3);
    expect(e.message).not.toMatch(/position/);
    expect(jsonParseError('{"a": 1}')).toBeUndefined();
    const end = jsonParseError('{"a": ')!;
    expect(end.pos).toBe(6);
    expect(jsonParseError('x')!.pos).toBe(0);
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('lineDiff', () => {
  it('marks added and removed lines and folds unchanged stretches', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const after = ['a', 'b', 'c', 'd', 'e', 'F', 'g', 'h', 'i', 'j', 'k'].join('\n');
    const ops = lineDiff(before, after)!;
    expect(ops.filter((o) => o.kind !== 'same').map((o) => `${o.kind}:${o.text}`)).toEqual(['removed:f', 'added:F', 'added:k']);
    const rows = withContext(ops, 1);
    expect(rows[0]).toEqual({ kind: 'skip', count: 4 });
  });
});
