// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxView } from '../../../../renderer/components/inbox/inbox-view';
import { applySnapshot } from '../../../../renderer/stores/desk-store';
import { useUiStore } from '../../../../renderer/stores/ui-store';
import { tickNow } from '../../../../renderer/hooks/use-now';
import { setTransport } from '../../../../renderer/transport/current-transport';
import { gate, snapshot, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';

const NOW = Date.parse('2026-03-28T12:00:00Z');

function load() {
  applySnapshot(
    snapshot({
      runs: [
        summary({ id: 'om', title: 'Launch video', project: 'launch-video', folder: 'pipeline/launch-video' }),
        summary({ id: 'tw', family: 'twinklr', title: 'Aurora', project: 'aurora', runId: 'run_7f3a' }),
      ],
      gates: [
        gate({ id: 'g-recent', runId: 'tw', family: 'twinklr', stageName: 'final_plan', since: '2026-03-28T11:59:30Z' }),
        gate({ id: 'g-old', runId: 'om', stageName: 'script', stageId: 'st-script', since: '2026-03-28T09:46:00Z' }),
      ],
    }),
  );
}

describe('InboxView', () => {
  beforeEach(() => {
    resetStores();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    tickNow(NOW);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    setTransport(undefined);
  });

  it('lists waiting gates oldest first with family, run, stage and how long they waited', () => {
    load();
    render(<InboxView />);
    const items = screen.getAllByTestId('inbox-item');
    expect(items.map((i) => i.getAttribute('data-gate-id'))).toEqual(['g-old', 'g-recent']);
    const first = within(items[0]);
    expect(first.getByText('OpenMontage')).toBeTruthy();
    expect(first.getByText('Launch video')).toBeTruthy();
    expect(first.getByText('script')).toBeTruthy();
    expect(first.getByText('waiting 2h 14m')).toBeTruthy();
    expect(within(items[1]).getByText('waiting <1m')).toBeTruthy();
    expect(within(items[1]).getByText('final plan')).toBeTruthy();
    expect(items[0].getAttribute('href')).toBe('#/runs/om?stage=st-script');
    // A gate without a stage id links by stage name.
    expect(items[1].getAttribute('href')).toBe('#/runs/tw?stage=final_plan');
  });

  it('updates the waiting time as the clock moves', () => {
    load();
    render(<InboxView />);
    act(() => tickNow(NOW + 60 * 60_000));
    expect(screen.getByText('waiting 3h 14m')).toBeTruthy();
  });

  it('moves with j/k and opens the selection with Enter', () => {
    load();
    render(<InboxView />);
    fireEvent.keyDown(window, { key: 'j' });
    expect(useUiStore.getState().inboxSelection).toBe('g-old');
    fireEvent.keyDown(window, { key: 'j' });
    expect(useUiStore.getState().inboxSelection).toBe('g-recent');
    fireEvent.keyDown(window, { key: 'j' });
    expect(useUiStore.getState().inboxSelection).toBe('g-recent');
    fireEvent.keyDown(window, { key: 'k' });
    expect(useUiStore.getState().inboxSelection).toBe('g-old');
    expect(screen.getAllByTestId('inbox-item')[0].getAttribute('data-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(useUiStore.getState().route).toEqual({ name: 'run', runId: 'om', stageId: 'st-script' });
    expect(window.location.hash).toBe('#/runs/om?stage=st-script');
  });

  it('leaves keys alone while the user types, and a and r free', () => {
    load();
    render(
      <>
        <input aria-label="elsewhere" />
        <InboxView />
      </>,
    );
    fireEvent.keyDown(screen.getByLabelText('elsewhere'), { key: 'j' });
    expect(useUiStore.getState().inboxSelection).toBeUndefined();
    fireEvent.keyDown(window, { key: 'j', ctrlKey: true });
    expect(useUiStore.getState().inboxSelection).toBeUndefined();
    const a = fireEvent.keyDown(window, { key: 'a' });
    const r = fireEvent.keyDown(window, { key: 'r' });
    expect(a && r).toBe(true); // not prevented
  });

  it('opens a gate by click', () => {
    load();
    render(<InboxView />);
    fireEvent.click(screen.getAllByTestId('inbox-item')[1]);
    expect(useUiStore.getState().route).toEqual({ name: 'run', runId: 'tw', stageId: 'final_plan' });
    expect(useUiStore.getState().inboxSelection).toBe('g-recent');
  });

  it('gives the exact start time as a tooltip once the pointer comes to the waiting time', () => {
    load();
    applySnapshot(snapshot({ runs: [summary({ id: 'x' })], gates: [gate({ id: 'g-x', runId: 'x', since: '2026-03-28T09:46:00Z' }), gate({ id: 'g-y', runId: 'x' })] }));
    render(<InboxView />);
    const [timed, untimed] = screen.getAllByText(/^waiting/);
    expect(untimed.getAttribute('title')).toBe('Start time unknown');
    // Formatting a date loads the locale's date data, which the first screen does not wait for.
    expect(timed.getAttribute('title')).toBeNull();
    fireEvent.pointerOver(timed);
    expect(timed.getAttribute('title')).toBe(`Waiting since ${new Date('2026-03-28T09:46:00Z').toLocaleString()}`);
  });

  it('marks the first render with data for the benchmark', () => {
    performance.clearMarks('greenlight:inbox-rendered');
    const mark = vi.spyOn(performance, 'mark');
    applySnapshot(snapshot());
    const { unmount } = render(<InboxView />);
    expect(screen.getByText('All clear')).toBeTruthy();
    expect(mark).not.toHaveBeenCalledWith('greenlight:inbox-rendered');
    unmount();
    load();
    render(<InboxView />);
    expect(mark).toHaveBeenCalledWith('greenlight:inbox-rendered');
    expect(performance.getEntriesByName('greenlight:inbox-rendered')).toHaveLength(1);
    mark.mockRestore();
  });
});
