// toRel has a fast path for the paths a scan lists; it must agree with path.relative on every path.
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRel } from '../../../../electron/core/index/workspace-index';

function reference(root: string, abs: string): string | null {
  const rel = path.relative(root, abs);
  if (!rel || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

describe('toRel', () => {
  it('gives what path.relative gives, for paths below, at and outside the root', () => {
    const segment = fc.constantFrom('a', 'b', '..', '.', '', 'ck.json', '...', '.hidden', 'x y');
    const rel = fc.array(segment, { maxLength: 5 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.constantFrom('/w', '/w/root', '/w/root/', '/'), rel, (root, r) => {
        const abs = root.endsWith('/') ? root + r : `${root}/${r}`;
        expect(toRel(root, abs)).toBe(reference(root, abs));
      }),
      { numRuns: 5000 },
    );
    expect(toRel('/w/root', '/w/root/p/checkpoint_plan.json')).toBe('p/checkpoint_plan.json');
    expect(toRel('/w/root', '/w/rootless/x.json')).toBeNull();
    expect(toRel('/w/root', '/w/root/..notes.json')).toBe('..notes.json');
  });
});
