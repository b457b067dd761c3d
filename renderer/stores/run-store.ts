// The open run's full detail. A refetch (the run changed on disk) swaps the data in place, so
// the view keeps its scroll position and selected stage; stages that changed get highlighted.
import { create } from 'zustand';
import type { FileRef, Run, Stage } from '../../shared/model';
import { getTransport } from '../transport/current-transport';
import { flash } from './ui-store';

export type RunLoadStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

interface RunState {
  openId?: string;
  run: Run | null;
  status: RunLoadStatus;
  error?: string;
  /** True while a background refetch runs (the old data stays on screen). */
  refreshing: boolean;
}

export const useRunStore = create<RunState>(() => ({ run: null, status: 'idle', refreshing: false }));

let seq = 0;
let inFlight: Promise<void> | undefined;
let again = false;

/** Opens a run; opening the one already open does nothing (a stage change re-renders the route). */
export function openRun(id: string): Promise<void> {
  const s = useRunStore.getState();
  if (s.openId === id && (s.status === 'ready' || s.status === 'loading')) return inFlight ?? Promise.resolve();
  useRunStore.setState({ openId: id, run: null, status: 'loading', error: undefined, refreshing: false });
  return fetchOpenRun(false);
}

export function closeRun(): void {
  seq += 1;
  inFlight = undefined;
  again = false;
  useRunStore.setState({ openId: undefined, run: null, status: 'idle', error: undefined, refreshing: false });
}

/** Refetches the open run in the background. Calls while one is running coalesce into one more. */
export function refreshRun(): Promise<void> {
  if (!useRunStore.getState().openId) return Promise.resolve();
  if (inFlight) {
    again = true;
    return inFlight;
  }
  return fetchOpenRun(true);
}

/** From the desk's live events: refetch when the open run, or one of its files, changed. */
export function onRunsChanged(runIds: readonly string[], files: readonly FileRef[]): void {
  const { openId, run } = useRunStore.getState();
  if (!openId) return;
  const fileHit = run && files.length ? files.some((f) => run.files.some((rf) => rf.id === f.id)) : false;
  if (runIds.includes(openId) || fileHit) void refreshRun();
}

function fetchOpenRun(background: boolean): Promise<void> {
  const id = useRunStore.getState().openId!;
  const mine = ++seq;
  if (background) useRunStore.setState({ refreshing: true });
  const p = (async () => {
    try {
      const next = await getTransport().invoke('getRun', id);
      if (mine !== seq) return;
      const prev = useRunStore.getState().run;
      if (!next) {
        // Keep what we had on screen (if anything) and say the run is gone.
        useRunStore.setState({ status: 'missing', refreshing: false });
        return;
      }
      useRunStore.setState({ run: next, status: 'ready', error: undefined, refreshing: false });
      if (prev && prev.id === next.id) flash(changedStageIds(prev, next));
    } catch (e) {
      if (mine !== seq) return;
      const error = e instanceof Error ? e.message : String(e);
      // A failed background refetch keeps the old data; a failed first load shows the error.
      useRunStore.setState((s) => (s.run ? { refreshing: false, error } : { status: 'error', error, refreshing: false }));
    }
  })().finally(() => {
    if (mine !== seq) return;
    inFlight = undefined;
    if (again) {
      again = false;
      void refreshRun();
    }
  });
  inFlight = p;
  return p;
}

/** Stages whose content differs between two versions of the same run (new stages included). */
export function changedStageIds(prev: Run, next: Run): string[] {
  const before = new Map<string, Stage>(prev.stages.map((s) => [s.id, s]));
  const gateBefore = new Map(prev.gates.map((g) => [g.id, JSON.stringify(g)]));
  const out: string[] = [];
  for (const s of next.stages) {
    const old = before.get(s.id);
    const gate = s.gateId ? next.gates.find((g) => g.id === s.gateId) : undefined;
    const gateChanged = gate ? gateBefore.get(gate.id) !== JSON.stringify(gate) : false;
    if (!old || gateChanged || JSON.stringify(old) !== JSON.stringify(s)) out.push(s.id);
  }
  return out;
}
