// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionLayer } from '../../../../renderer/components/decisions/decision-layer';
import { InboxView } from '../../../../renderer/components/inbox/inbox-view';
import { applySnapshot } from '../../../../renderer/stores/desk-store';
import { resetDecisions, useDecisionStore } from '../../../../renderer/stores/decision-store';
import { useRunStore } from '../../../../renderer/stores/run-store';
import { useUiStore } from '../../../../renderer/stores/ui-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import type { FakeTransport } from '../../fake-transport';
import { flush, gate, run, snapshot, stage, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';

const A = gate({ id: 'g-a', runId: 'ra', title: 'Script approval', since: '2026-03-28T08:00:00Z' });
const B = gate({ id: 'g-b', runId: 'rb', title: 'Compose approval', stageName: 'compose', since: '2026-03-28T09:00:00Z' });

let t: FakeTransport;
beforeEach(() => {
  t = resetStores();
  resetDecisions();
  t.handlers.listAutoApprove = async () => [];
  t.handlers.previewDecision = async (gateId) => ({ gateId, allowed: true, writes: [] });
  applySnapshot(snapshot({ runs: [summary({ id: 'ra' }), summary({ id: 'rb' })], gates: [A, B] }));
});
afterEach(() => {
  cleanup();
  resetDecisions();
  setTransport(undefined);
});

function setup() {
  render(
    <>
      <InboxView />
      <DecisionLayer />
    </>,
  );
}

describe('a and r', () => {
  it('open the dialog for the gate selected with j/k', async () => {
    setup();
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    expect(useUiStore.getState().inboxSelection).toBe('g-b');
    fireEvent.keyDown(document.body, { key: 'r' });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Reject Compose approval?');
    await act(flush);
    expect(t.calls.find((c) => c.channel === 'previewDecision')?.args).toEqual(['g-b', 'reject']);

    // Keys typed in the dialog (its note, its buttons) do not reach the list or open another one.
    fireEvent.keyDown(dialog, { key: 'k' });
    fireEvent.keyDown(dialog, { key: 'a' });
    expect(useUiStore.getState().inboxSelection).toBe('g-b');
    expect(useDecisionStore.getState().dialog).toMatchObject({ decision: 'reject' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(document.body, { key: 'a' });
    expect((await screen.findByRole('dialog')).querySelector('h2')?.textContent).toBe('Approve Compose approval?');
  });

  it('do nothing without a selection, while typing, with modifiers, or as the r of "g r"', () => {
    setup();
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(useDecisionStore.getState().dialog).toBeUndefined();

    fireEvent.keyDown(window, { key: 'j' });
    const input = document.createElement('input');
    document.body.appendChild(input);
    fireEvent.keyDown(input, { key: 'a' });
    fireEvent.keyDown(input, { key: 'r' });
    const area = document.createElement('textarea');
    document.body.appendChild(area);
    fireEvent.keyDown(area, { key: 'r' });
    fireEvent.keyDown(document.body, { key: 'a', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(useDecisionStore.getState().dialog).toBeUndefined();
    input.remove();
    area.remove();
  });

  it('act on the open run’s waiting gate', async () => {
    const s1 = stage({ id: 's1', name: 'research', gateId: undefined });
    const s2 = stage({ id: 's2', name: 'script', gateId: 'g-a', status: 'awaiting_human' });
    useRunStore.setState({ openId: 'ra', status: 'ready', run: run({ id: 'ra', stages: [s1, s2], gates: [A] }) });
    useUiStore.setState({ route: { name: 'run', runId: 'ra', stageId: 's1' } });
    render(<DecisionLayer />);
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(useDecisionStore.getState().dialog).toMatchObject({ type: 'decide', decision: 'approve', gate: { id: 'g-a' } });
  });
});
