// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Run } from '../../../shared/model';
import { changedStageIds, closeRun, onRunsChanged, openRun, refreshRun, useRunStore } from '../../../renderer/stores/run-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { setTransport } from '../../../renderer/transport/current-transport';
import type { FakeTransport } from '../fake-transport';
import { ROOT, flush, run, stage } from '../fixtures';
import { resetStores } from '../reset-stores';

describe('run store', () => {
  let t: FakeTransport;
  let current: Run | null;
  beforeEach(() => {
    t = resetStores();
    current = run({
      id: 'r1',
      stages: [stage({ id: 's1', name: 'research' }), stage({ id: 's2', name: 'script', status: 'awaiting_human' })],
      files: [{ id: 'f-script', rootId: ROOT.id, rel: 'pipeline/r1/checkpoint_script.json' }],
    });
    t.handlers.getRun = async () => current;
  });
  afterEach(() => setTransport(undefined));

  it('opens a run once, even when asked again (a stage change re-renders the route)', async () => {
    await openRun('r1');
    await openRun('r1');
    expect(useRunStore.getState()).toMatchObject({ openId: 'r1', status: 'ready' });
    expect(t.count('getRun')).toBe(1);
  });

  it('keeps the old data on screen while it refetches, then highlights the changed stages', async () => {
    await openRun('r1');
    current = { ...current!, stages: [current!.stages[0], { ...current!.stages[1], status: 'completed' }] };
    const p = refreshRun();
    expect(useRunStore.getState().run?.stages[1].status).toBe('awaiting_human');
    expect(useRunStore.getState().refreshing).toBe(true);
    await p;
    expect(useRunStore.getState().run?.stages[1].status).toBe('completed');
    expect(useUiStore.getState().highlights).toEqual({ s2: 1 });
  });

  it('refetches for its own run id or one of its files, not for others', async () => {
    await openRun('r1');
    onRunsChanged(['other'], []);
    await flush();
    expect(t.count('getRun')).toBe(1);
    onRunsChanged([], [{ id: 'f-script', rootId: ROOT.id, rel: 'x' }]);
    await flush();
    expect(t.count('getRun')).toBe(2);
    onRunsChanged(['r1'], []);
    await flush();
    expect(t.count('getRun')).toBe(3);
  });

  it('coalesces a burst of changes into one extra fetch', async () => {
    await openRun('r1');
    const first = refreshRun();
    void refreshRun();
    void refreshRun();
    await first;
    await flush();
    await flush();
    expect(t.count('getRun')).toBe(3);
  });

  it('says when a run is gone, keeping the last version', async () => {
    await openRun('r1');
    current = null;
    await refreshRun();
    expect(useRunStore.getState().status).toBe('missing');
    expect(useRunStore.getState().run?.id).toBe('r1');
  });

  it('shows a first-load error, but keeps data when only a refetch fails', async () => {
    t.handlers.getRun = async () => {
      throw new Error('boom');
    };
    await openRun('r1');
    expect(useRunStore.getState()).toMatchObject({ status: 'error', error: 'boom', run: null });
    t.handlers.getRun = async () => current;
    await openRun('r1');
    expect(useRunStore.getState().status).toBe('ready');
    t.handlers.getRun = async () => {
      throw new Error('offline');
    };
    await refreshRun();
    expect(useRunStore.getState()).toMatchObject({ status: 'ready', error: 'offline' });
  });

  it('ignores an answer for a run that is no longer open', async () => {
    let release!: () => void;
    t.handlers.getRun = (id) => new Promise((r) => (release = () => r(run({ id }))));
    const p = openRun('r1');
    closeRun();
    release();
    await p;
    expect(useRunStore.getState()).toMatchObject({ openId: undefined, run: null });
  });
});

describe('changedStageIds', () => {
  it('finds changed, new and gate-changed stages', () => {
    const a = run({
      id: 'r',
      stages: [stage({ id: 's1', name: 'a' }), stage({ id: 's2', name: 'b', gateId: 'g' })],
      gates: [{ id: 'g', runId: 'r', family: 'openmontage', stageName: 'b', title: 'b', status: 'waiting', decisions: [], unavailable: {} }],
    });
    const b: Run = { ...a, stages: [...a.stages, stage({ id: 's3', name: 'c' })], gates: [{ ...a.gates[0], status: 'approved' }] };
    expect(changedStageIds(a, b)).toEqual(['s2', 's3']);
    expect(changedStageIds(a, a)).toEqual([]);
  });
});
