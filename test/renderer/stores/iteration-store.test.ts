import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ITERATION_VIEW,
  selectIteration,
  setComparePair,
  setCompareDoc,
  sortIterations,
  startCompare,
  stopCompare,
  useIterationStore,
} from '../../../renderer/stores/iteration-store';

const view = (runId: string) => useIterationStore.getState().byRun[runId];

beforeEach(() => useIterationStore.setState({ byRun: {} }));

describe('iteration store', () => {
  it('keeps one view state per run', () => {
    selectIteration('r1', 3);
    selectIteration('r2', 7);
    expect(view('r1')).toEqual({ ...DEFAULT_ITERATION_VIEW, selected: 3 });
    expect(view('r2').selected).toBe(7);
  });

  it('toggles the sort direction on the active column and starts a new column ascending', () => {
    sortIterations('r', 'score');
    expect(view('r')).toMatchObject({ sortKey: 'score', sortDir: 'asc' });
    sortIterations('r', 'score');
    expect(view('r')).toMatchObject({ sortKey: 'score', sortDir: 'desc' });
    sortIterations('r', 'n');
    expect(view('r')).toMatchObject({ sortKey: 'n', sortDir: 'asc' });
  });

  it('opens, adjusts and closes compare mode', () => {
    startCompare('r', undefined, 4);
    expect(view('r')).toMatchObject({ compare: true, compareA: undefined, compareB: 4 });
    setComparePair('r', 1, 2);
    setCompareDoc('r', 'plan');
    expect(view('r')).toMatchObject({ compareA: 1, compareB: 2, compareDoc: 'plan' });
    stopCompare('r');
    expect(view('r').compare).toBe(false);
  });
});
