// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/api-contract';
import { applyEvent, connect, describeChangedFiles, dismissNotice, refreshSnapshot, useDeskStore } from '../../../renderer/stores/desk-store';
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

describe('describeChangedFiles', () => {
  it('names one, two, or the first and a count', () => {
    expect(describeChangedFiles([])).toBeUndefined();
    expect(describeChangedFiles(['p/checkpoint_script.json'])).toBe('checkpoint_script.json changed');
    expect(describeChangedFiles(['a/x.json', 'b/y.yaml'])).toBe('x.json and y.yaml changed');
    expect(describeChangedFiles(['a/x.json', 'b/y.yaml', 'c/z.json'])).toBe('x.json and 2 more files changed');
  });
});
