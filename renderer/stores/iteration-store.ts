// What the iterations panel remembers per run while the app is open: the selected iteration,
// the compare pair and the table's sort, so switching tabs or runs and coming back keeps them.
import { create } from 'zustand';

export type IterationSortKey = 'n' | 'score' | 'decision';

export interface IterationViewState {
  selected?: number;
  compare: boolean;
  compareA?: number;
  compareB?: number;
  /** Which document the compare view diffs. */
  compareDoc: 'evaluation' | 'plan';
  sortKey: IterationSortKey;
  sortDir: 'asc' | 'desc';
}

export const DEFAULT_ITERATION_VIEW: IterationViewState = {
  compare: false,
  compareDoc: 'evaluation',
  sortKey: 'n',
  sortDir: 'asc',
};

interface IterationStoreState {
  byRun: Record<string, IterationViewState>;
}

export const useIterationStore = create<IterationStoreState>(() => ({ byRun: {} }));

function update(runId: string, patch: Partial<IterationViewState>): void {
  useIterationStore.setState((s) => ({
    byRun: { ...s.byRun, [runId]: { ...DEFAULT_ITERATION_VIEW, ...s.byRun[runId], ...patch } },
  }));
}

export function useIterationView(runId: string): IterationViewState {
  return useIterationStore((s) => s.byRun[runId]) ?? DEFAULT_ITERATION_VIEW;
}

export function selectIteration(runId: string, n: number | undefined): void {
  update(runId, { selected: n });
}

/** Opens compare mode; without an explicit pair it compares the selection with the one before it. */
export function startCompare(runId: string, a?: number, b?: number): void {
  update(runId, { compare: true, compareA: a, compareB: b });
}

export function stopCompare(runId: string): void {
  update(runId, { compare: false });
}

export function setComparePair(runId: string, a: number | undefined, b: number | undefined): void {
  update(runId, { compareA: a, compareB: b });
}

export function setCompareDoc(runId: string, doc: IterationViewState['compareDoc']): void {
  update(runId, { compareDoc: doc });
}

/** Clicking the active column flips the direction; a new column starts ascending. */
export function sortIterations(runId: string, key: IterationSortKey): void {
  const current = useIterationStore.getState().byRun[runId] ?? DEFAULT_ITERATION_VIEW;
  const sortDir = current.sortKey === key && current.sortDir === 'asc' ? 'desc' : 'asc';
  update(runId, { sortKey: key, sortDir });
}
