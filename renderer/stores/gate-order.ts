// The inbox order: the gate that has waited longest comes first. Gates without a start time
// (a family that records none) go last, so a known long wait is never hidden behind them.
import type { Gate } from '../../shared/model';

function sinceMs(g: Gate): number {
  const t = g.since ? Date.parse(g.since) : NaN;
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
}

export function waitingGatesOldestFirst(gates: readonly Gate[]): Gate[] {
  return gates
    .filter((g) => g.status === 'waiting')
    .map((g) => ({ g, t: sinceMs(g) }))
    .sort((a, b) => a.t - b.t || a.g.title.localeCompare(b.g.title) || a.g.id.localeCompare(b.g.id))
    .map((x) => x.g);
}
