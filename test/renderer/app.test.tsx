// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/app';
import { useUiStore } from '../../renderer/stores/ui-store';
import { setTransport } from '../../renderer/transport/current-transport';
import type { FakeTransport } from './fake-transport';
import { flush, gate, snapshot, summary } from './fixtures';
import { resetStores } from './reset-stores';
import { loadAllLazyViews } from '../../renderer/components/common/lazy-view';

// The views split into their own chunks (renderer/components/common/lazy-view.tsx) are loaded
// up front, so they render at once like the rest of the tree.
beforeAll(() => loadAllLazyViews());

vi.mock('../../renderer/components/checkpoint/checkpoint-view', () => ({ CheckpointView: () => <div data-testid="checkpoint-view" /> }));
vi.mock('../../renderer/components/iterations/iterations-panel', () => ({ IterationsPanel: () => <div /> }));

describe('App shell', () => {
  let t: FakeTransport;
  beforeEach(() => {
    t = resetStores();
    // jsdom has no matchMedia.
    window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {} })) as never;
  });
  afterEach(() => {
    cleanup();
    setTransport(undefined);
    localStorage.clear();
  });

  async function start() {
    render(<App />);
    await act(flush);
  }

  it('shows a loading state until the first scan is ready', async () => {
    t.withSnapshot(snapshot({ ready: false, runs: [summary({ id: 'a' })] }));
    await start();
    expect(screen.getByTestId('loading').textContent).toContain('1 run so far');
    t.withSnapshot(snapshot({ ready: true, runs: [summary({ id: 'a' })] }));
    await act(async () => {
      t.emit({ type: 'ready' });
      await flush();
    });
    expect(screen.queryByTestId('loading')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Inbox' })).toBeTruthy();
  });

  it('draws the inbox from its first screen with the desk’s totals; the other views wait for every run', async () => {
    const runs = [summary({ id: 'a' }), summary({ id: 'b' }), summary({ id: 'c' })];
    const gates = [gate({ id: 'g1', runId: 'a', since: '2026-03-27T08:00:00Z' }), gate({ id: 'g2', runId: 'b', since: '2026-03-28T08:00:00Z' })];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    t.handlers.getSnapshot = async (request) => {
      if (request?.firstScreen) return snapshot({ runs: runs.slice(0, 1), gates: gates.slice(0, 1), firstScreen: { waitingCount: 2, runCount: 3 } });
      await held;
      return snapshot({ runs, gates });
    };
    await start();
    expect(screen.getAllByTestId('inbox-item')).toHaveLength(1);
    expect(screen.getByText('2 gates waiting, oldest first')).toBeTruthy();
    expect(screen.getByTestId('nav-inbox').textContent).toContain('2');
    expect(screen.getByTestId('nav-runs').textContent).toContain('3');
    expect(document.title).toBe('(2) Greenlight');
    await act(async () => {
      window.location.hash = '#/runs';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('loading').textContent).toContain('Loading 3 runs');
    await act(async () => {
      release();
      await vi.waitFor(() => expect(screen.queryByTestId('loading')).toBeNull());
    });
    expect(screen.getByRole('heading', { name: 'Runs' })).toBeTruthy();
  });

  it('tells a browser user how to add folders', async () => {
    t.withSnapshot(snapshot({ roots: [] }));
    await start();
    expect(screen.getByTestId('no-folders').textContent).toContain('greenlight serve <dir>');
  });

  it('puts the waiting count in the title and the sidebar', async () => {
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' })], gates: [gate({ id: 'g1', runId: 'a' }), gate({ id: 'g2', runId: 'a' }), gate({ id: 'g3', runId: 'a' })] }));
    await start();
    expect(document.title).toBe('(3) Greenlight');
    expect(screen.getByTestId('nav-inbox').textContent).toContain('3');
    await act(async () => {
      t.emit({ type: 'index', upserted: [], removed: [], gates: [], problemCount: { errors: 0, warnings: 0 }, changedRuns: [], changedFiles: [] });
    });
    expect(document.title).toBe('Greenlight');
  });

  it('routes by hash and with g-shortcuts, and opens the shortcuts sheet with ?', async () => {
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' })] }));
    t.handlers.listProblems = async () => [];
    await start();
    await act(async () => {
      window.location.hash = '#/runs';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('heading', { name: 'Runs' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'g' });
    fireEvent.keyDown(window, { key: 'p' });
    await act(flush);
    expect(screen.getByRole('heading', { name: 'Problems' })).toBeTruthy();
    fireEvent.keyDown(window, { key: '?' });
    expect(screen.getByTestId('shortcuts-dialog')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('shortcuts-dialog')).toBeNull();
  });

  it('goes back from a run to the list it was opened from with Esc', async () => {
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' })], gates: [gate({ id: 'g1', runId: 'a' })] }));
    t.handlers.getRun = async () => null;
    await start();
    fireEvent.click(screen.getByTestId('inbox-item'));
    await act(flush);
    expect(useUiStore.getState().route).toMatchObject({ name: 'run', runId: 'a' });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(useUiStore.getState().route).toEqual({ name: 'inbox' });
  });

  it('shows the connection state', async () => {
    t.withSnapshot(snapshot());
    await start();
    expect(screen.getByTestId('live-indicator').getAttribute('data-state')).toBe('live');
    act(() => t.setConnected(false));
    expect(screen.getByTestId('live-indicator').getAttribute('data-state')).toBe('reconnecting');
    expect(screen.getByTestId('live-indicator').textContent).toContain('Reconnecting');
  });

  it('switches and remembers the theme', async () => {
    t.withSnapshot(snapshot());
    await start();
    expect(document.documentElement.dataset.theme).toBe('light');
    fireEvent.click(screen.getByTestId('theme-toggle')); // system → light
    fireEvent.click(screen.getByTestId('theme-toggle')); // light → dark
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('greenlight-theme')).toBe('dark');
    expect(useUiStore.getState().themePreference).toBe('dark');
  });

  it('shows a toast naming the changed file', async () => {
    t.withSnapshot(snapshot({ runs: [summary({ id: 'a' })] }));
    await start();
    await act(async () => {
      t.emit({
        type: 'index',
        upserted: [summary({ id: 'a' })],
        removed: [],
        gates: [],
        problemCount: { errors: 0, warnings: 0 },
        changedRuns: ['a'],
        changedFiles: [{ id: 'f', rootId: 'root-1', rel: 'pipeline/a/checkpoint_script.json' }],
      });
    });
    expect(screen.getByTestId('toast').textContent).toContain('checkpoint_script.json changed');
  });
});
