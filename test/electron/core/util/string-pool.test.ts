import { describe, expect, it } from 'vitest';
import { StringPool } from '../../../../electron/core/util/string-pool';

describe('StringPool', () => {
  it('replaces short strings in nested records by one shared value, leaving everything else as it was', () => {
    const pool = new StringPool();
    const long = 'x'.repeat(100);
    const a = { status: 'completed', list: ['inline', { kind: 'inline' }], n: 1, none: null, long };
    const b = JSON.parse(JSON.stringify(a));
    pool.internDeep(a);
    pool.internDeep(b);
    expect(b).toEqual(a);
    expect(pool.size).toBe(2); // 'completed' and 'inline'; nothing longer than the limit
    expect(pool.get('x'.repeat(65))).toBe('x'.repeat(65));
    expect(pool.internDeep('inline')).toBe('inline');
    expect(pool.internDeep(undefined)).toBeUndefined();
  });
});
