// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunsView } from '../../../../renderer/components/runs/runs-view';
import { applySnapshot } from '../../../../renderer/stores/desk-store';
import { useUiStore } from '../../../../renderer/stores/ui-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import { ROOT, snapshot, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';

// jsdom has no layout: give the virtual list's scroll box a size so it renders rows.
const sizes = ['clientHeight', 'offsetHeight'] as const;
beforeAll(() => {
  for (const k of sizes) Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  HTMLElement.prototype.scrollTo = function () {} as never;
});
afterAll(() => {
  for (const k of [...sizes, 'clientWidth'] as const) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[k];
});

const runs = [
  summary({ id: 'om-1', project: 'launch-video', title: 'Launch video', updatedAt: '2026-03-28T10:00:00Z', pendingGates: 1, status: 'waiting' }),
  summary({ id: 'om-2', project: 'launch-video', title: 'Launch teaser', updatedAt: '2026-03-28T12:00:00Z' }),
  summary({ id: 'tw-1', family: 'twinklr', project: 'aurora', title: 'Aurora', runId: 'run_7f3a', updatedAt: '2026-03-27T08:00:00Z' }),
];

describe('RunsView', () => {
  beforeEach(() => {
    resetStores();
    applySnapshot(snapshot({ runs }));
  });
  afterEach(() => {
    cleanup();
    setTransport(undefined);
  });

  it('shows runs grouped by folder and project', () => {
    render(<RunsView />);
    expect(screen.getByText(ROOT.name)).toBeTruthy();
    expect(screen.getByText('launch-video', { selector: '.group-project-name' })).toBeTruthy();
    // A single-run project has no header; its row names it.
    expect(screen.queryByText('aurora', { selector: '.group-project-name' })).toBeNull();
    expect(screen.getByText('aurora', { selector: '.run-project' })).toBeTruthy();
    expect(screen.getAllByTestId('run-row').map((r) => r.getAttribute('data-run-id'))).toEqual(['tw-1', 'om-2', 'om-1']);
    expect(screen.getByText('3 runs', { selector: '.toolbar-count' })).toBeTruthy();
    const waitingRow = screen.getAllByTestId('run-row')[2];
    expect(waitingRow.textContent).toContain('1 waiting');
    expect(waitingRow.getAttribute('href')).toBe('#/runs/om-1');
  });

  it('searches and filters', () => {
    render(<RunsView />);
    fireEvent.change(screen.getByTestId('runs-search'), { target: { value: 'run_7f' } });
    expect(screen.getAllByTestId('run-row').map((r) => r.getAttribute('data-run-id'))).toEqual(['tw-1']);
    expect(screen.getByText('1 of 3 runs')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    fireEvent.click(screen.getByTestId('runs-waiting-only'));
    expect(screen.getAllByTestId('run-row').map((r) => r.getAttribute('data-run-id'))).toEqual(['om-1']);
    fireEvent.change(screen.getByTestId('runs-family'), { target: { value: 'twinklr' } });
    expect(screen.queryAllByTestId('run-row')).toHaveLength(0);
    expect(screen.getByText('No runs match')).toBeTruthy();
  });

  it('moves through runs with j/k (skipping group headers) and opens with Enter', () => {
    render(<RunsView />);
    fireEvent.keyDown(window, { key: 'j' });
    expect(useUiStore.getState().runsSelection).toBe('tw-1');
    fireEvent.keyDown(window, { key: 'j' });
    expect(useUiStore.getState().runsSelection).toBe('om-2');
    fireEvent.keyDown(window, { key: 'k' });
    expect(useUiStore.getState().runsSelection).toBe('tw-1');
    expect(screen.getAllByTestId('run-row')[0].getAttribute('data-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(useUiStore.getState().route).toEqual({ name: 'run', runId: 'tw-1' });
  });

  it('does not move while typing in the search box', () => {
    render(<RunsView />);
    fireEvent.keyDown(screen.getByTestId('runs-search'), { key: 'j' });
    expect(useUiStore.getState().runsSelection).toBeUndefined();
  });

  it('renders only a window of a 2,000-run list', () => {
    applySnapshot(snapshot({ runs: Array.from({ length: 2000 }, (_, i) => summary({ id: `r${i}`, project: `p${i % 40}` })) }));
    render(<RunsView />);
    const rendered = screen.getAllByTestId('run-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
  });
});
