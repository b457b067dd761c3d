// The checkpoint tree of one video: parents from parent_checkpoint_id, else from nesting in a
// tree export; when no checkpoint names a parent at all (legacy rows), parents are inferred as
// the API's tree builder does — the most recent checkpoint of the previous phase created
// earlier. Several roots are normal (a spec edit on an approved phase 1 starts a sibling root).
// Corrupt exports (cycles, absurd depth) are cut into roots instead of looping.
import type { BranchNode } from '../../../../shared/model';

export interface TreeItem {
  id: string;
  phase?: number;
  createdMs?: number;
  parentId?: string | null;
  treeParentId?: string;
}

/** Real trees are four phases deep (plus sibling roots); anything deeper is cut. */
const MAX_DEPTH = 64;

export function resolveParents(items: TreeItem[]): { parent: Map<string, string | undefined>; inferred: boolean } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const parent = new Map<string, string | undefined>();
  const named = items.some((i) => typeof i.parentId === 'string' || i.treeParentId !== undefined);
  for (const i of items) {
    let p: string | undefined;
    if (typeof i.parentId === 'string' && byId.has(i.parentId)) p = i.parentId;
    else if (i.treeParentId !== undefined && byId.has(i.treeParentId)) p = i.treeParentId;
    parent.set(i.id, p);
  }
  let inferred = false;
  if (!named) {
    for (const i of items) {
      if (i.phase === undefined || i.phase <= 1 || i.createdMs === undefined) continue;
      let best: TreeItem | undefined;
      for (const c of items) {
        if (c.phase !== i.phase - 1 || c.createdMs === undefined || c.createdMs >= i.createdMs) continue;
        if (!best || c.createdMs >= best.createdMs!) best = c;
      }
      if (best) {
        parent.set(i.id, best.id);
        inferred = true;
      }
    }
  }
  cutCycles(items, parent);
  cutDepth(items, parent);
  return { parent, inferred };
}

function cutCycles(items: TreeItem[], parent: Map<string, string | undefined>) {
  const state = new Map<string, 1 | 2>();
  for (const start of items) {
    const path: string[] = [];
    let cur: string | undefined = start.id;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = parent.get(cur);
    }
    if (cur !== undefined && state.get(cur) === 1) parent.set(path[path.length - 1], undefined);
    for (const id of path) state.set(id, 2);
  }
}

function cutDepth(items: TreeItem[], parent: Map<string, string | undefined>) {
  const depth = new Map<string, number>();
  for (const start of items) {
    const path: string[] = [];
    let cur: string | undefined = start.id;
    while (cur !== undefined && !depth.has(cur)) {
      path.push(cur);
      cur = parent.get(cur);
    }
    let d = cur === undefined ? -1 : depth.get(cur)!;
    for (let k = path.length - 1; k >= 0; k--) {
      d += 1;
      if (d > MAX_DEPTH) {
        parent.set(path[k], undefined);
        d = 0;
      }
      depth.set(path[k], d);
    }
  }
}

/** The chain from a root down to `id`. */
export function pathTo(id: string, parent: Map<string, string | undefined>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let cur: string | undefined = id;
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    cur = parent.get(cur);
  }
  return out.reverse();
}

export function buildBranchNodes<T extends TreeItem>(
  items: T[],
  parent: Map<string, string | undefined>,
  toNode: (item: T) => Omit<BranchNode, 'children'>,
): BranchNode[] {
  const order = (a: T, b: T) => (a.createdMs ?? Infinity) - (b.createdMs ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...items].sort(order);
  const nodes = new Map<string, BranchNode>();
  for (const i of sorted) nodes.set(i.id, { ...toNode(i), children: [] });
  const roots: BranchNode[] = [];
  for (const i of sorted) {
    const p = parent.get(i.id);
    const node = nodes.get(i.id)!;
    if (p !== undefined && nodes.has(p)) nodes.get(p)!.children.push(node);
    else roots.push(node);
  }
  return roots;
}
