// @vitest-environment jsdom
// A long inbox renders only a window of rows (the benchmark's desk has a thousand waiting gates),
// oldest first as always, and keyboard selection still walks the whole list.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InboxView, VIRTUAL_FROM } from '../../../../renderer/components/inbox/inbox-view';
import { applySnapshot } from '../../../../renderer/stores/desk-store';
import { useUiStore } from '../../../../renderer/stores/ui-store';
import { tickNow } from '../../../../renderer/hooks/use-now';
import { setTransport } from '../../../../renderer/transport/current-transport';
import { gate, snapshot, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';

const NOW = Date.parse('2026-03-28T12:00:00Z');
const COUNT = 600;

function loadMany() {
  const runs = Array.from({ length: COUNT }, (_, i) => summary({ id: `run-${i}`, title: `Run number ${i}` }));
  // Listed newest first, so the inbox has to sort them.
  const gates = runs.map((r, i) => gate({ id: `g-${i}`, runId: r.id, since: new Date(NOW - (COUNT - i) * 60_000).toISOString() })).reverse();
  applySnapshot(snapshot({ runs, gates }));
}

describe('InboxView with many gates', () => {
  beforeEach(() => {
    resetStores();
    tickNow(NOW);
  });
  afterEach(() => {
    cleanup();
    setTransport(undefined);
  });

  it('renders a window of rows, oldest first, and says how many wait', () => {
    loadMany();
    render(<InboxView />);
    const items = screen.getAllByTestId('inbox-item');
    expect(COUNT).toBeGreaterThan(VIRTUAL_FROM);
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(60);
    expect(items[0].getAttribute('data-gate-id')).toBe('g-0');
    expect(items[1].getAttribute('data-gate-id')).toBe('g-1');
    expect(screen.getByText(`${COUNT} gates waiting, oldest first`)).toBeTruthy();
  });

  it('keeps small inboxes fully rendered', () => {
    applySnapshot(snapshot({ runs: [summary({ id: 'a' })], gates: [gate({ id: 'g-a', runId: 'a' })] }));
    render(<InboxView />);
    expect(screen.getAllByTestId('inbox-item')).toHaveLength(1);
  });

  it('scrolls in a box of its own, with the virtual paddings on the list inside it', () => {
    loadMany();
    render(<InboxView />);
    const list = screen.getByRole('list', { name: 'Waiting gates' });
    const box = list.parentElement!;
    expect(box.getAttribute('data-virtual')).toBe('true');
    expect(box.className).toBe('inbox-scroll');
    // A box's own padding cannot shrink: on the scrolling box it would make the box as tall as
    // every row together, so it would measure itself as the viewport and draw every row.
    expect(box.getAttribute('style')).toBeNull();
    expect(list.style.paddingBottom).toMatch(/px$/);
  });

  it('draws the first screen while the rest of the gates load, counting all of them', () => {
    const runs = Array.from({ length: 20 }, (_, i) => summary({ id: `run-${i}`, title: `Run number ${i}` }));
    const gates = runs.map((r, i) => gate({ id: `g-${i}`, runId: r.id, since: new Date(NOW - (COUNT - i) * 60_000).toISOString() }));
    applySnapshot(snapshot({ runs, gates, firstScreen: { waitingCount: COUNT, runCount: COUNT } }));
    render(<InboxView />);
    expect(screen.getByText(`${COUNT} gates waiting, oldest first`)).toBeTruthy();
    const items = screen.getAllByTestId('inbox-item');
    expect(items[0].getAttribute('data-gate-id')).toBe('g-0');
    expect(items.length).toBeLessThanOrEqual(20);
    // The list is as long as all the gates, so the scroll bar does not jump when they arrive.
    const list = screen.getByRole('list', { name: 'Waiting gates' });
    const rowsHeight = Number.parseFloat(list.style.paddingTop || '0') + Number.parseFloat(list.style.paddingBottom);
    expect(rowsHeight).toBeGreaterThan((COUNT - 30) * 61);
  });

  it('moves the selection through the whole list with j/k, beyond the rendered rows', () => {
    loadMany();
    render(<InboxView />);
    for (let i = 0; i < 100; i++) fireEvent.keyDown(window, { key: 'j' });
    expect(useUiStore.getState().inboxSelection).toBe('g-99');
    fireEvent.keyDown(window, { key: 'k' });
    expect(useUiStore.getState().inboxSelection).toBe('g-98');
  });
});
