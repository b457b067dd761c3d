// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionBanner } from '../../../../renderer/components/decisions/decision-banner';
import { DecisionLayer } from '../../../../renderer/components/decisions/decision-layer';
import { GateActions } from '../../../../renderer/components/decisions/gate-actions';
import { InboxView } from '../../../../renderer/components/inbox/inbox-view';
import { applySnapshot } from '../../../../renderer/stores/desk-store';
import { CONFLICT_TITLE, resetDecisions } from '../../../../renderer/stores/decision-store';
import { useRunStore } from '../../../../renderer/stores/run-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import type { FakeTransport } from '../../fake-transport';
import { flush, gate, run, snapshot, stage, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';

const OM = gate({ id: 'g-om', runId: 'om', stageName: 'script', stageId: 's-script', title: 'Script approval', revision: 'sha-om', since: '2026-03-28T09:00:00Z' });
const AIV = gate({
  id: 'g-aiv',
  runId: 'aiv',
  family: 'aivideo',
  stageName: 'storyboard',
  title: 'Storyboard',
  decisions: ['approve', 'edit'],
  unavailable: { reject: 'aivideo has no reject: its API can only continue or edit a checkpoint' },
  since: '2026-03-28T10:00:00Z',
});

let t: FakeTransport;
beforeEach(() => {
  t = resetStores();
  resetDecisions();
  t.handlers.listAutoApprove = async () => [];
  t.handlers.previewDecision = async (gateId, decision) => ({
    gateId,
    allowed: true,
    writes: [
      { target: 'projects/launch/history/checkpoint_script_20260328.json', action: 'copy', description: 'the current checkpoint is archived first' },
      {
        target: 'projects/launch/checkpoint_script.json',
        action: 'rewrite',
        description: decision === 'approve' ? 'status "completed", human_approved true' : 'stays "awaiting_human"; metadata records the request for changes',
      },
      { target: '.greenlight/audit.jsonl', action: 'append', description: 'one line in the audit log' },
    ],
  });
  applySnapshot(
    snapshot({
      runs: [summary({ id: 'om', title: 'Launch video' }), summary({ id: 'aiv', family: 'aivideo', title: 'Altura' })],
      gates: [OM, AIV],
    }),
  );
});
afterEach(() => {
  cleanup();
  resetDecisions();
  setTransport(undefined);
});

function renderInbox() {
  return render(
    <>
      <DecisionBanner />
      <InboxView />
      <DecisionLayer />
    </>,
  );
}

function row(title: string) {
  return screen.getAllByRole('listitem').find((li) => li.textContent?.includes(title))!;
}

describe('approve and reject from the inbox', () => {
  it('says what will be written where before anything is written', async () => {
    renderInbox();
    fireEvent.click(within(row('Launch video')).getByRole('button', { name: 'Approve Script approval' }));
    const dialog = await screen.findByRole('dialog');
    await act(flush);
    const writes = within(dialog).getByTestId('planned-writes');
    expect(within(writes).getByText('projects/launch/checkpoint_script.json')).toBeTruthy();
    expect(within(writes).getByText('status "completed", human_approved true')).toBeTruthy();
    expect(within(writes).getByText('projects/launch/history/checkpoint_script_20260328.json')).toBeTruthy();
    expect(within(writes).getByText('.greenlight/audit.jsonl')).toBeTruthy();
    expect(t.count('decide')).toBe(0);
    expect(t.calls.find((c) => c.channel === 'previewDecision')?.args).toEqual(['g-om', 'approve']);
  });

  it('will not reject without a note, then sends the note with the revision', async () => {
    t.handlers.decide = async () => ({ status: 'written', message: 'done', writes: [] });
    renderInbox();
    fireEvent.click(within(row('Launch video')).getByRole('button', { name: 'Reject Script approval' }));
    const dialog = await screen.findByRole('dialog');
    await act(flush);
    const confirm = within(dialog).getByRole('button', { name: 'Reject' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByText('A rejection needs a note.')).toBeTruthy();
    fireEvent.submit(confirm.closest('form')!);
    expect(t.count('decide')).toBe(0);

    fireEvent.change(within(dialog).getByLabelText('What needs to change? (required)'), { target: { value: 'Shorten the hook' } });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);
    // A second click while the first is in flight sends nothing more.
    fireEvent.click(confirm);
    await act(flush);
    expect(t.count('decide')).toBe(1);
    expect(t.calls.find((c) => c.channel === 'decide')?.args[0]).toEqual({ gateId: 'g-om', decision: 'reject', note: 'Shorten the hook', revision: 'sha-om' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the conflict banner when the file changed since it was shown', async () => {
    t.handlers.decide = async () => ({ status: 'conflict', message: 'checkpoint_script.json changed since you looked at it, so nothing was written.' });
    renderInbox();
    fireEvent.click(within(row('Launch video')).getByRole('button', { name: 'Approve Script approval' }));
    const dialog = await screen.findByRole('dialog');
    await act(flush);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await act(flush);
    const banner = screen.getByTestId('decision-banner');
    expect(within(banner).getByText(CONFLICT_TITLE)).toBeTruthy();
    expect(banner.textContent).toContain('checkpoint_script.json changed');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a refusal in the dialog and offers no confirm button', async () => {
    t.handlers.previewDecision = async (gateId) => ({ gateId, allowed: false, reason: 'The checkpoint is in_progress: the agent is still writing it.', writes: [] });
    renderInbox();
    fireEvent.click(within(row('Launch video')).getByRole('button', { name: 'Approve Script approval' }));
    const dialog = await screen.findByRole('dialog');
    await act(flush);
    expect(within(dialog).getByTestId('decision-refusal').textContent).toContain('in_progress');
    expect(within(dialog).queryByRole('button', { name: 'Approve' })).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows why a decision is not offered instead of its button', () => {
    renderInbox();
    const aiv = row('Altura');
    expect(within(aiv).getByRole('button', { name: 'Approve Storyboard' })).toBeTruthy();
    expect(within(aiv).queryByRole('button', { name: /^Reject/ })).toBeNull();
    expect(within(aiv).getByTestId('unavailable-reject').textContent).toContain('aivideo has no reject');
  });
});

describe('approving an OpenMontage proposal', () => {
  it('asks for the approved budget and sends it', async () => {
    const proposal = gate({ id: 'g-p', runId: 'om', stageName: 'proposal', stageId: 's-p', title: 'Proposal approval', revision: 'sha-p' });
    useRunStore.setState({ openId: 'om', status: 'ready', run: run({ id: 'om', stages: [stage({ id: 's-p', name: 'proposal', cost: { budgetUsd: 2 } })], gates: [proposal] }) });
    t.handlers.decide = async () => ({ status: 'written', message: 'ok', writes: [] });
    render(
      <>
        <GateActions gate={proposal} />
        <DecisionLayer />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Approve Proposal approval' }));
    const dialog = await screen.findByRole('dialog');
    await act(flush);
    const budget = within(dialog).getByLabelText('Approved budget (USD)');
    expect(dialog.textContent).toContain('The run’s budget is $2.00');
    fireEvent.change(budget, { target: { value: '1.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await act(flush);
    expect(t.calls.find((c) => c.channel === 'decide')?.args[0]).toEqual({ gateId: 'g-p', decision: 'approve', revision: 'sha-p', approvedBudgetUsd: 1.5 });
  });
});
