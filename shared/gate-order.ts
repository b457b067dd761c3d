// The inbox order: the gate that has waited longest comes first. Gates without a start time
// (a family that records none) go last, so a known long wait is never hidden behind them.
// Shared: the renderer orders the inbox with it, and the core picks the inbox's first screen
// (getSnapshot with firstScreen) with it, so both agree on which gates come first.
import type { Gate } from './model';

interface Keyed {
  g: Gate;
  t: number;
}

function sinceMs(g: Gate): number {
  const t = g.since ? Date.parse(g.since) : NaN;
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
}

/** Equal strings need no collator: the first localeCompare of a page builds one (about 10 ms). */
const byText = (a: string, b: string) => (a === b ? 0 : a.localeCompare(b));

const oldestFirst = (a: Keyed, b: Keyed) => a.t - b.t || byText(a.g.title, b.g.title) || byText(a.g.id, b.g.id);

export function waitingGatesOldestFirst(gates: readonly Gate[]): Gate[] {
  const keyed = gates.filter((g) => g.status === 'waiting').map((g) => ({ g, t: sinceMs(g) }));
  // The core sends its gates nearly in this order already: one pass finds out, and a list in
  // order is kept as it is (sorting it would give the same list, with many more comparisons).
  let inOrder = true;
  for (let i = 1; i < keyed.length && inOrder; i++) inOrder = !(oldestFirst(keyed[i - 1], keyed[i]) > 0);
  if (!inOrder) keyed.sort(oldestFirst);
  return keyed.map((x) => x.g);
}
