// The inbox's first screen out of a full snapshot: the oldest waiting gates (in the inbox's
// own order) and the runs they belong to, with the totals the sidebar and the inbox header show.
// On a desk with thousands of runs the full snapshot is megabytes of JSON that the renderer must
// parse before it can draw anything; the first screen is a few kilobytes, and the full snapshot
// follows it (renderer/stores/desk-store.ts).
import type { Snapshot } from '../../../shared/api-contract';
import { waitingGatesOldestFirst } from '../../../shared/gate-order';

export function firstScreenOf(full: Snapshot, count: number): Snapshot {
  const waiting = waitingGatesOldestFirst(full.gates);
  // A desk this small is its own first screen: sending it whole saves the second request.
  if (waiting.length <= count && full.runs.length <= count) return full;
  const gates = waiting.slice(0, count);
  const runIds = new Set(gates.map((g) => g.runId));
  return {
    ...full,
    runs: full.runs.filter((r) => runIds.has(r.id)),
    gates,
    firstScreen: { waitingCount: waiting.length, runCount: full.runs.length },
  };
}
