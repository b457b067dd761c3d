// The desk: what every view needs at a glance — roots, run summaries, waiting gates, problem
// counts, notices — kept live from the transport's events. Detail (a run, the problems list,
// artifact bodies) lives in its own store and is told here when its data changed.
//
// Opened on the inbox, the desk first asks for the inbox's first screen only (the oldest waiting
// gates and their runs, with the totals), draws it, and loads the full snapshot after that paint:
// with thousands of runs the full snapshot takes longer to parse than everything else the first
// screen needs. Until it is in, `complete` is false and the other views wait for it.
import { create } from 'zustand';
import type { DeskEvent, Snapshot, SnapshotRequest } from '../../shared/api-contract';
import type { Gate, Notice, Root, RunSummary } from '../../shared/model';
import { getTransport } from '../transport/current-transport';
import { invalidateArtifacts } from './artifact-store';
import { waitingGatesOldestFirst } from '../../shared/gate-order';
import { FIRST_SCREEN_GATES, takeEarlyFirstScreen } from '../transport/early-first-screen';
import { afterNextPaint } from './after-paint';
import { markProblemsStale } from './problems-store';
import { onRunsChanged } from './run-store';
import { flash, inOwnWriteWindow, showToast, useUiStore } from './ui-store';

export type Connection = 'connecting' | 'live' | 'reconnecting';

export interface DeskState {
  /** The first snapshot has arrived. */
  loaded: boolean;
  /** Every root has finished its first scan. */
  ready: boolean;
  mode?: Snapshot['mode'];
  version?: string;
  roots: Root[];
  runs: Record<string, RunSummary>;
  /** Waiting gates only, oldest first (only the first screen's until `complete`). */
  gates: Gate[];
  /** The full snapshot is in: every run and waiting gate (false while only the inbox's first screen is). */
  complete: boolean;
  /** Waiting gates in all: gates.length once complete, the desk's total before. */
  waitingCount: number;
  /** Runs in all, likewise. */
  runCount: number;
  problemCount: { errors: number; warnings: number };
  notices: Notice[];
  connection: Connection;
  /** The last snapshot request failed (shown until one succeeds). */
  error?: string;
}

const MAX_NOTICES = 20;

const initialState = (): DeskState => ({
  loaded: false,
  ready: false,
  roots: [],
  runs: {},
  gates: [],
  complete: false,
  waitingCount: 0,
  runCount: 0,
  problemCount: { errors: 0, warnings: 0 },
  notices: [],
  connection: 'connecting',
});

export const useDeskStore = create<DeskState>(initialState);

let unsubscribe: (() => void) | undefined;
let fetching: Promise<void> | undefined;
/** Events arrived while a snapshot was in flight: its answer may predate them, so fetch again. */
let dirty = false;

/** Subscribes to live events (once) and loads the snapshot. Returns a disconnect function. */
export function connect(): () => void {
  if (!unsubscribe) {
    let dropped = false;
    unsubscribe = getTransport().subscribe(applyEvent, (connected) => {
      if (connected) {
        useDeskStore.setState({ connection: 'live' });
        // Events may have been missed while the connection was down.
        if (dropped) void refreshSnapshot();
        dropped = false;
      } else {
        dropped = true;
        useDeskStore.setState({ connection: 'reconnecting' });
      }
    });
    // Opened on the inbox, the first screen comes first (see the top of this file).
    const firstScreen = useUiStore.getState().route.name === 'inbox' && !useDeskStore.getState().loaded;
    void refreshSnapshot(firstScreen ? { firstScreen: FIRST_SCREEN_GATES } : {});
  }
  return disconnect;
}

export function disconnect(): void {
  unsubscribe?.();
  unsubscribe = undefined;
}

/** Test helper: back to a fresh desk. */
export function resetDesk(): void {
  disconnect();
  fetching = undefined;
  dirty = false;
  dismissed.clear();
  useDeskStore.setState(initialState(), true);
}

/** Loads the full snapshot (after the inbox's first screen, when `firstScreen` asks for that). */
export function refreshSnapshot(opts: Partial<SnapshotRequest> = {}): Promise<void> {
  if (fetching) {
    dirty = true;
    return fetching;
  }
  fetching = (async () => {
    let request: SnapshotRequest | undefined = opts.firstScreen ? { firstScreen: opts.firstScreen } : undefined;
    for (let attempt = 0; attempt < 3; ) {
      dirty = false;
      let snapshot: Snapshot;
      try {
        // The boot script may have asked for the first screen already (transport/early-first-screen.ts).
        const early = request ? takeEarlyFirstScreen() : undefined;
        snapshot = await (early ?? (request ? getTransport().invoke('getSnapshot', request) : getTransport().invoke('getSnapshot')));
        applySnapshot(snapshot);
      } catch (e) {
        useDeskStore.setState({ error: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (request && snapshot.firstScreen) {
        // On screen soon: the full snapshot next, once that is painted (parsing it would hold the paint up).
        request = undefined;
        await afterNextPaint();
        continue;
      }
      request = undefined;
      if (!dirty) return;
      attempt++;
    }
  })().finally(() => {
    fetching = undefined;
  });
  return fetching;
}

/** A full snapshot, or the inbox's first screen (s.firstScreen set: gates and runs partial). */
export function applySnapshot(s: Snapshot): void {
  const runs: Record<string, RunSummary> = {};
  for (const r of s.runs) runs[r.id] = r;
  const gates = waitingGatesOldestFirst(s.gates);
  useDeskStore.setState((prev) => ({
    loaded: true,
    ready: s.ready,
    mode: s.mode,
    version: s.version,
    roots: s.roots,
    runs,
    gates,
    complete: !s.firstScreen,
    waitingCount: s.firstScreen ? s.firstScreen.waitingCount : gates.length,
    runCount: s.firstScreen ? s.firstScreen.runCount : Object.keys(runs).length,
    problemCount: s.problemCount,
    // Notices pushed as events survive a snapshot refresh; the snapshot's own come first.
    notices: mergeNotices(s.notices, prev.notices),
    error: undefined,
  }));
  markProblemsStale();
}

export function applyEvent(e: DeskEvent): void {
  if (fetching) dirty = true;
  switch (e.type) {
    case 'index': {
      const wasReady = useDeskStore.getState().ready;
      useDeskStore.setState((s) => {
        const runs = { ...s.runs };
        for (const id of e.removed) delete runs[id];
        for (const r of e.upserted) runs[r.id] = r;
        // An event lists every waiting gate; runs it only names (the full snapshot is on its way
        // while the desk is not complete), so their total is kept until that snapshot.
        const gates = waitingGatesOldestFirst(e.gates);
        return { runs, gates, problemCount: e.problemCount, waitingCount: gates.length, runCount: s.complete ? Object.keys(runs).length : s.runCount };
      });
      if (e.changedFiles.length) invalidateArtifacts(e.changedFiles.map((f) => f.id));
      onRunsChanged(e.changedRuns, e.changedFiles);
      markProblemsStale();
      // During the first scan everything is "new": no highlights or toasts until the desk is ready.
      if (wasReady) {
        const gateIds = e.gates.filter((g) => e.changedRuns.includes(g.runId)).map((g) => g.id);
        flash([...e.changedRuns, ...gateIds]);
        const message = describeChangedFiles(e.changedFiles.map((f) => f.rel));
        if (message && !inOwnWriteWindow()) showToast(message);
      }
      return;
    }
    case 'roots': {
      const ids = new Set(e.roots.map((r) => r.id));
      useDeskStore.setState((s) => {
        const runs: Record<string, RunSummary> = {};
        for (const r of Object.values(s.runs)) if (ids.has(r.rootId)) runs[r.id] = r;
        const gates = s.gates.filter((g) => runs[g.runId]);
        // Before the full snapshot the totals stay as they were: it is on its way and counts them.
        if (!s.complete) return { roots: e.roots, runs, gates };
        return { roots: e.roots, runs, gates, waitingCount: gates.length, runCount: Object.keys(runs).length };
      });
      return;
    }
    case 'notice':
      useDeskStore.setState((s) => ({ notices: mergeNotices(s.notices, [e.notice]) }));
      return;
    case 'ready':
      if (!useDeskStore.getState().ready) {
        useDeskStore.setState({ ready: true });
        // One fresh snapshot settles anything the scan's event stream left ambiguous.
        void refreshSnapshot();
      }
      return;
  }
}

/** Dismissed notices stay dismissed when a later snapshot still lists them. */
const dismissed = new Set<string>();

export function dismissNotice(id: string): void {
  dismissed.add(id);
  useDeskStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

function mergeNotices(first: readonly Notice[], then: readonly Notice[]): Notice[] {
  const seen = new Set<string>();
  const out: Notice[] = [];
  for (const n of [...first, ...then]) {
    if (seen.has(n.id) || dismissed.has(n.id)) continue;
    seen.add(n.id);
    out.push(n);
  }
  return out.slice(-MAX_NOTICES);
}

/** "checkpoint_script.json changed", or "a.json and 2 more files changed". */
export function describeChangedFiles(rels: readonly string[]): string | undefined {
  const names = [...new Set(rels.map((r) => r.split('/').pop() || r))];
  if (!names.length) return undefined;
  if (names.length === 1) return `${names[0]} changed`;
  if (names.length === 2) return `${names[0]} and ${names[1]} changed`;
  return `${names[0]} and ${names.length - 1} more files changed`;
}

// Derived views, as plain functions so components and tests share them.
export const selectWaitingCount = (s: DeskState) => s.waitingCount;
export const selectRunCount = (s: DeskState) => s.runCount;
