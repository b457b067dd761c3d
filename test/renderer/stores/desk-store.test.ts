// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '../../../shared/api-contract';
import { applyEvent, connect, describeChangedFiles, dismissNotice, refreshSnapshot, useDeskStore } from '../../../renderer/stores/desk-store';
import { FIRST_SCREEN_GATES } from '../../../renderer/transport/early-first-screen';
import { openRun, useRunStore } from '../../../renderer/stores/run-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { setTransport } from '../../../renderer/transport/current-transport';
import type { FakeTransport } from '../fake-transport';
import { ROOT, flush, gate, run, snapshot, summary } from '../fixtures';
import { resetStores } from '../reset-stores';

function indexEvent(p: Partial<Extract<DeskEvent, { type: 'index' }>> = {}): DeskEvent {
  return { type: 'index', upserted: [], removed: [], gates: [], problemCount: { errors: 0, warnings: 0 }, changedRuns: [], changedFiles: [], ...p };
}

describe('desk store', () => {
  let t: FakeTransport;
  beforeEach(() => {
    t = resetStores();
  });
  afterEach(() => setTransport(undefined));

  it('loads the snapshot on connect and keeps waiting gates oldest first', async () => {
    t.withSnapshot(
      snapshot({
        runs: [summary({ id: 'a' }), summary({ id: 'b' })],
        gates: [
          gate({ id: 'g-new', runId: 'a', since: '2026-03-28T12:00:00Z' }),
          gate({ id: 'g-nosince', runId: 'b' }),
          gate({ id: 'g-old', runId: 'b', since: '2026-03-27T08:00:00Z' }),
          gate({ id: 'g-done', runId: 'a', status: 'approved', since: '2026-03-20T08:00:00Z' }),
        ],
        problemCount: { errors: 2, warnings: 1 },
      }),
    );
    connect();
    await flush();
    const s = useDeskStore.getState();
    expect(s.loaded).toBe(true);
    expect(s.ready).toBe(true);
    expect(s.connection).toBe('live');
    expect(Object.keys(s.runs).sort()).toEqual(['a', 'b']);
    expect(s.gates.map((g) => g.id)).toEqual(['g-old', 'g-new', 'g-nosince']);
    expect(s.problemCount).toEqual({ errors: 2, warnings: 1 });
  });

  it('subscribes only once however often connect is called', async () => {
    t.withSnapshot(snapshot());
    connect();
    connect();
    await flush();
    expect(t.count('getSnapshot')).toBe(1);
  });

  it('applies index events: upserts, removals, the full gate list and counts', async () => {
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' }), summary({ id: 'b' })] }));
    connect();
    await flush();
    t.emit(
      indexEvent({
        upserted: [summary({ id: 'a', status: 'waiting', pendingGates: 1 }), summary({ id: 'c' })],
        removed: ['b'],
        gates: [gate({ id: 'g2', runId: 'c', since: '2026-03-28T10:00:00Z' }), gate({ id: 'g1', runId: 'a', since: '2026-03-28T09:00:00Z' })],
        problemCount: { errors: 1, warnings: 0 },
      }),
    );
    const s = useDeskStore.getState();
    expect(Object.keys(s.runs).sort()).toEqual(['a', 'c']);
    expect(s.runs.a.status).toBe('waiting');
    expect(s.gates.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(s.problemCount.errors).toBe(1);
  });

  it('highlights changed runs and toasts the changed file once the desk is ready', async () => {
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' })] }));
    connect();
    await flush();
    t.emit(
      indexEvent({
        upserted: [summary({ id: 'a' })],
        changedRuns: ['a'],
        changedFiles: [{ id: 'f1', rootId: ROOT.id, rel: 'pipeline/a/checkpoint_script.json' }],
      }),
    );
    const ui = useUiStore.getState();
    expect(ui.highlights.a).toBe(1);
    expect(ui.toasts.map((x) => x.message)).toEqual(['checkpoint_script.json changed']);
  });

  it('stays quiet during the first scan', async () => {
    t.withSnapshot(snapshot({ ready: false }));
    connect();
    await flush();
    t.emit(indexEvent({ upserted: [summary({ id: 'a' })], changedRuns: ['a'], changedFiles: [{ id: 'f', rootId: ROOT.id, rel: 'x.json' }] }));
    expect(useDeskStore.getState().runs.a).toBeDefined();
    expect(useUiStore.getState().toasts).toEqual([]);
    expect(useUiStore.getState().highlights).toEqual({});
  });

  it('marks ready on the ready event and refreshes the snapshot once', async () => {
    let ready = false;
    t.withSnapshot(() => snapshot({ ready }));
    connect();
    await flush();
    expect(useDeskStore.getState().ready).toBe(false);
    ready = true;
    t.emit({ type: 'ready' });
    expect(useDeskStore.getState().ready).toBe(true);
    await flush();
    expect(t.count('getSnapshot')).toBe(2);
    t.emit({ type: 'ready' });
    await flush();
    expect(t.count('getSnapshot')).toBe(2);
  });

  it('fetches the snapshot again when events arrived while it was in flight', async () => {
    let release!: () => void;
    let n = 0;
    t.handlers.getSnapshot = () => {
      n += 1;
      if (n === 1) return new Promise((r) => (release = () => r(snapshot({ runs: [summary({ id: 'old' })] }))));
      return snapshot({ runs: [summary({ id: 'old' }), summary({ id: 'new' })] });
    };
    connect();
    t.emit(indexEvent({ upserted: [summary({ id: 'new' })] }));
    release();
    await flush();
    await flush();
    expect(n).toBe(2);
    expect(Object.keys(useDeskStore.getState().runs).sort()).toEqual(['new', 'old']);
  });

  it('shows reconnecting when the stream drops, and refetches when it comes back', async () => {
    t.withSnapshot(snapshot());
    connect();
    await flush();
    t.setConnected(false);
    expect(useDeskStore.getState().connection).toBe('reconnecting');
    t.setConnected(true);
    expect(useDeskStore.getState().connection).toBe('live');
    await flush();
    expect(t.count('getSnapshot')).toBe(2);
  });

  it('reports a failed snapshot as an error and recovers on the next one', async () => {
    let fail = true;
    t.handlers.getSnapshot = async () => {
      if (fail) throw new Error('HTTP 401');
      return snapshot();
    };
    connect();
    await flush();
    expect(useDeskStore.getState().error).toBe('HTTP 401');
    fail = false;
    await refreshSnapshot();
    expect(useDeskStore.getState().error).toBeUndefined();
    expect(useDeskStore.getState().loaded).toBe(true);
  });

  it('drops runs of a removed root', async () => {
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' }), summary({ id: 'z', rootId: 'root-2' })], gates: [gate({ id: 'gz', runId: 'z' })] }));
    connect();
    await flush();
    applyEvent({ type: 'roots', roots: [{ ...ROOT }] });
    expect(Object.keys(useDeskStore.getState().runs)).toEqual(['a']);
    expect(useDeskStore.getState().gates).toEqual([]);
  });

  it('keeps notices unique and dismissed ones dismissed', async () => {
    const n = { id: 'poll', level: 'warning' as const, message: 'Polling /data (watch limit reached)' };
    t.withSnapshot(snapshot({ notices: [n] }));
    connect();
    await flush();
    applyEvent({ type: 'notice', notice: n });
    expect(useDeskStore.getState().notices).toHaveLength(1);
    dismissNotice('poll');
    await refreshSnapshot();
    expect(useDeskStore.getState().notices).toEqual([]);
  });

  it('tells the open run view to refetch when its run changed', async () => {
    let version = 1;
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' })] }));
    t.handlers.getRun = async () => run({ id: 'a', title: `v${version}` });
    connect();
    await flush();
    await openRun('a');
    expect(useRunStore.getState().run?.title).toBe('v1');
    version = 2;
    t.emit(indexEvent({ upserted: [summary({ id: 'a' })], changedRuns: ['b'] }));
    await flush();
    expect(t.count('getRun')).toBe(1);
    t.emit(indexEvent({ upserted: [summary({ id: 'a' })], changedRuns: ['a'] }));
    await flush();
    expect(useRunStore.getState().run?.title).toBe('v2');
  });
});

describe('desk store: the inbox’s first screen', () => {
  let t: FakeTransport;
  beforeEach(() => {
    t = resetStores();
  });
  afterEach(() => setTransport(undefined));

  const runs = Array.from({ length: 5 }, (_, i) => summary({ id: `r${i}` }));
  // r4's gate waited longest, then r3's…; r0 has none.
  const gates = [1, 2, 3, 4].map((i) => gate({ id: `g${i}`, runId: `r${i}`, since: new Date(Date.UTC(2026, 2, 28) - i * 3_600_000).toISOString() }));
  const full = snapshot({ runs, gates });
  /** Answers like the core: the first screen when asked for it (two gates here), else everything. */
  function likeTheCore() {
    t.handlers.getSnapshot = async (request) => {
      if (!request?.firstScreen) return full;
      const first = gates.slice().reverse().slice(0, 2);
      return { ...full, gates: first, runs: runs.filter((r) => first.some((g) => g.runId === r.id)), firstScreen: { waitingCount: gates.length, runCount: runs.length } };
    };
  }

  it('opened on the inbox, draws the first screen with the desk’s totals, then loads everything', async () => {
    likeTheCore();
    const seen: Array<{ complete: boolean; gates: string[]; waiting: number; runs: number }> = [];
    useDeskStore.subscribe((s) => seen.push({ complete: s.complete, gates: s.gates.map((g) => g.id), waiting: s.waitingCount, runs: s.runCount }));
    connect();
    await vi.waitFor(() => expect(useDeskStore.getState().complete).toBe(true));
    const shown = seen.filter((x) => x.gates.length);
    const loads = shown.filter((x, i) => i === 0 || x.gates.join() !== shown[i - 1].gates.join() || x.complete !== shown[i - 1].complete);
    expect(loads[0]).toEqual({ complete: false, gates: ['g4', 'g3'], waiting: 4, runs: 5 });
    expect(loads.at(-1)).toEqual({ complete: true, gates: ['g4', 'g3', 'g2', 'g1'], waiting: 4, runs: 5 });
    expect(t.calls.filter((c) => c.channel === 'getSnapshot').map((c) => c.args)).toEqual([[{ firstScreen: FIRST_SCREEN_GATES }], []]);
    expect(Object.keys(useDeskStore.getState().runs)).toHaveLength(5);
  });

  it('asks once when the desk is small enough to come whole', async () => {
    t.withSnapshot(full);
    connect();
    await flush();
    expect(useDeskStore.getState()).toMatchObject({ complete: true, waitingCount: 4, runCount: 5 });
    expect(t.count('getSnapshot')).toBe(1);
  });

  it('opened anywhere but the inbox, loads everything at once', async () => {
    likeTheCore();
    useUiStore.setState({ route: { name: 'runs' } });
    connect();
    await flush();
    expect(useDeskStore.getState().complete).toBe(true);
    expect(t.calls.map((c) => c.args)).toEqual([[]]);
  });

  it('takes the gates of an event that comes before everything, keeping the run total until the full snapshot', async () => {
    likeTheCore();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const answer = t.handlers.getSnapshot!;
    t.handlers.getSnapshot = async (request) => {
      if (!request?.firstScreen) await held;
      return answer(request);
    };
    connect();
    await vi.waitFor(() => expect(t.count('getSnapshot')).toBe(2));
    expect(useDeskStore.getState().complete).toBe(false);
    t.emit(indexEvent({ upserted: [summary({ id: 'r9' })], gates: [gate({ id: 'g9', runId: 'r9', since: '2026-01-01T00:00:00Z' }), ...gates] }));
    expect(useDeskStore.getState()).toMatchObject({ complete: false, waitingCount: 5, runCount: 5 });
    expect(useDeskStore.getState().gates[0].id).toBe('g9');
    release();
    // The full snapshot may predate the event: it is asked for again, and the last answer wins.
    await vi.waitFor(() => expect(useDeskStore.getState().complete).toBe(true));
    await flush();
    expect(t.count('getSnapshot')).toBe(3);
  });
});

describe('describeChangedFiles', () => {
  it('names one, two, or the first and a count', () => {
    expect(describeChangedFiles([])).toBeUndefined();
    expect(describeChangedFiles(['p/checkpoint_script.json'])).toBe('checkpoint_script.json changed');
    expect(describeChangedFiles(['a/x.json', 'b/y.yaml'])).toBe('x.json and y.yaml changed');
    expect(describeChangedFiles(['a/x.json', 'b/y.yaml', 'c/z.json'])).toBe('x.json and 2 more files changed');
  });
});
