// Flattens a jsondiffpatch delta into rows with paths, so our own React component can draw the
// diff as text (jsondiffpatch's HTML formatter builds HTML strings, which we never inject).
import { create, type Delta } from 'jsondiffpatch';

export type DiffChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface DiffChange {
  kind: DiffChangeKind;
  path: (string | number)[];
  left?: unknown;
  right?: unknown;
  /** For moves: the new index in the right-hand array. */
  to?: number;
}

// Array items are matched by a natural key when they have one (plan sections, judge issues),
// so inserting one section does not show every later section as changed.
const differ = create({
  objectHash: (item: object, index?: number) => {
    const o = item as Record<string, unknown>;
    for (const k of ['id', 'section_name', 'name', 'beat_id', 'key', 'issue']) {
      if (typeof o[k] === 'string' || typeof o[k] === 'number') return `${k}:${String(o[k])}`;
    }
    return `$$index:${index}`;
  },
  arrays: { detectMove: true, includeValueOnMove: false },
});

export function diffJson(left: unknown, right: unknown): Delta {
  return differ.diff(left, right);
}

export function flattenDelta(delta: Delta, path: (string | number)[] = [], out: DiffChange[] = []): DiffChange[] {
  if (delta === undefined) return out;
  if (Array.isArray(delta)) {
    if (delta.length === 1) out.push({ kind: 'added', path, right: delta[0] });
    else if (delta.length === 2) out.push({ kind: 'changed', path, left: delta[0], right: delta[1] });
    else if (delta.length === 3 && delta[2] === 0) out.push({ kind: 'removed', path, left: delta[0] });
    else if (delta.length === 3 && delta[2] === 3) out.push({ kind: 'moved', path, to: delta[1] as number });
    // Text diffs (code 2) only appear when a text-diff plugin is configured; ours is not.
    else if (delta.length === 3 && delta[2] === 2) out.push({ kind: 'changed', path, left: '(text)', right: '(text changed)' });
    return out;
  }
  if (typeof delta !== 'object' || delta === null) return out;
  const record = delta as Record<string, Delta>;
  if (record._t === ('a' as unknown as Delta)) {
    const keys = Object.keys(record).filter((k) => k !== '_t');
    // Removals are keyed by the old index (`_3`), everything else by the new index (`3`).
    const removed = keys.filter((k) => k.startsWith('_')).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    const rest = keys.filter((k) => !k.startsWith('_')).sort((a, b) => Number(a) - Number(b));
    for (const k of removed) flattenDelta(record[k], [...path, Number(k.slice(1))], out);
    for (const k of rest) flattenDelta(record[k], [...path, Number(k)], out);
    return out;
  }
  for (const key of Object.keys(record)) flattenDelta(record[key], [...path, key], out);
  return out;
}

export function diffChanges(left: unknown, right: unknown): DiffChange[] {
  return flattenDelta(diffJson(left, right));
}
