import { describe, expect, it } from 'vitest';
import { buildBranchNodes, pathTo, resolveParents, type TreeItem } from '../../../../../electron/core/families/aivideo/branch-tree';

const node = (i: TreeItem) => ({ id: i.id, label: i.id, branch: 'main', status: 'approved' });

describe('aivideo branch tree', () => {
  it('uses explicit parents, then tree nesting, and allows several roots', () => {
    const items: TreeItem[] = [
      { id: 'a', phase: 1, createdMs: 1, parentId: null },
      { id: 'b', phase: 2, createdMs: 2, parentId: 'a' },
      { id: 'c', phase: 3, createdMs: 3, treeParentId: 'b' },
      { id: 'd', phase: 1, createdMs: 4, parentId: null }, // spec edit on an approved phase 1: a sibling root
    ];
    const { parent, inferred } = resolveParents(items);
    expect(inferred).toBe(false);
    expect([...parent]).toEqual([['a', undefined], ['b', 'a'], ['c', 'b'], ['d', undefined]]);
    const roots = buildBranchNodes(items, parent, node);
    expect(roots.map((r) => r.id)).toEqual(['a', 'd']);
    expect(roots[0].children[0].children[0].id).toBe('c');
    expect(pathTo('c', parent)).toEqual(['a', 'b', 'c']);
  });

  it('infers parents when no row names one (legacy data): newest previous-phase checkpoint created earlier', () => {
    const items: TreeItem[] = [
      { id: 'p1', phase: 1, createdMs: 10, parentId: null },
      { id: 'p1b', phase: 1, createdMs: 30, parentId: null },
      { id: 'p2', phase: 2, createdMs: 20, parentId: null },
      { id: 'p2b', phase: 2, createdMs: 40, parentId: null },
      { id: 'p3', phase: 3, createdMs: 50 },
    ];
    const { parent, inferred } = resolveParents(items);
    expect(inferred).toBe(true);
    expect(parent.get('p2')).toBe('p1');
    expect(parent.get('p2b')).toBe('p1b');
    expect(parent.get('p3')).toBe('p2b');
    expect(parent.get('p1')).toBeUndefined();
  });

  it('does not infer when some rows name parents', () => {
    const { parent } = resolveParents([
      { id: 'a', phase: 1, createdMs: 1, parentId: null },
      { id: 'b', phase: 2, createdMs: 2, parentId: 'a' },
      { id: 'c', phase: 2, createdMs: 3, parentId: null },
    ]);
    expect(parent.get('c')).toBeUndefined();
  });

  it('treats a parent missing from the export as a root', () => {
    const { parent } = resolveParents([{ id: 'b', phase: 2, createdMs: 2, parentId: 'gone' }]);
    expect(parent.get('b')).toBeUndefined();
  });

  it('cuts cycles and self-parents instead of looping', () => {
    const items: TreeItem[] = [
      { id: 'a', parentId: 'c' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
      { id: 's', parentId: 's' },
    ];
    const { parent } = resolveParents(items);
    const roots = buildBranchNodes(items, parent, node);
    const count = (ns: typeof roots): number => ns.reduce((n, x) => n + 1 + count(x.children), 0);
    expect(count(roots)).toBe(4);
    expect(roots.map((r) => r.id).sort()).toContain('s');
  });

  it('cuts absurdly deep chains so nothing recurses without end', () => {
    const items: TreeItem[] = Array.from({ length: 500 }, (_, i) => ({ id: `n${i}`, parentId: i ? `n${i - 1}` : null }));
    const { parent } = resolveParents(items);
    expect(pathTo('n499', parent).length).toBeLessThanOrEqual(65);
  });
});
