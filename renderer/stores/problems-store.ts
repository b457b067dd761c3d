// Every invalid file's problems. The list can be long, so it is fetched only while the Problems
// view is open, and fetched again when the index says files changed.
import { create } from 'zustand';
import type { Problem } from '../../shared/model';
import { getTransport } from '../transport/current-transport';
import type { ProblemFilter } from './problem-groups';

interface ProblemsState {
  problems: Problem[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** The index changed since the last fetch. */
  stale: boolean;
  /** The Problems view is mounted. */
  active: boolean;
  filter: ProblemFilter;
}

export const DEFAULT_PROBLEM_FILTER: ProblemFilter = { severity: 'all', family: 'all' };

export const useProblemsStore = create<ProblemsState>(() => ({
  problems: [],
  status: 'idle',
  stale: true,
  active: false,
  filter: DEFAULT_PROBLEM_FILTER,
}));

let seq = 0;

export async function loadProblems(): Promise<void> {
  const mine = ++seq;
  useProblemsStore.setState((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', stale: false }));
  try {
    const problems = await getTransport().invoke('listProblems');
    if (mine !== seq) return;
    useProblemsStore.setState({ problems, status: 'ready', error: undefined });
  } catch (e) {
    if (mine !== seq) return;
    useProblemsStore.setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

/** The Problems view mounts/unmounts; mounting fetches when the list is stale. */
export function setProblemsActive(active: boolean): void {
  useProblemsStore.setState({ active });
  if (active && useProblemsStore.getState().stale) void loadProblems();
}

let staleTimer: ReturnType<typeof setTimeout> | undefined;

/** From live events. Bursts of changes (a pipeline writing several files) become one fetch. */
export function markProblemsStale(): void {
  useProblemsStore.setState({ stale: true });
  if (!useProblemsStore.getState().active) return;
  if (staleTimer) clearTimeout(staleTimer);
  staleTimer = setTimeout(() => {
    staleTimer = undefined;
    if (useProblemsStore.getState().active && useProblemsStore.getState().stale) void loadProblems();
  }, 250);
}

export function setProblemFilter(patch: Partial<ProblemFilter>): void {
  useProblemsStore.setState((s) => ({ filter: { ...s.filter, ...patch } }));
}
