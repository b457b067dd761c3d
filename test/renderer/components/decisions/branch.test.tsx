// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BranchAction } from '../../../../renderer/components/decisions/branch-action';
import { DecisionLayer } from '../../../../renderer/components/decisions/decision-layer';
import { resetDecisions } from '../../../../renderer/stores/decision-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import type { FakeTransport } from '../../fake-transport';
import { flush, gate, run, stage } from '../../fixtures';
import { resetStores } from '../../reset-stores';

let t: FakeTransport;
beforeEach(() => {
  t = resetStores();
  resetDecisions();
  t.handlers.listAutoApprove = async () => [];
});
afterEach(() => {
  cleanup();
  resetDecisions();
  setTransport(undefined);
});

describe('branch from here', () => {
  it('shows the family’s reason as text, with no live button, and asks the core nothing', () => {
    const s = stage({ id: 's1', name: 'narrative' });
    const r = run({
      id: 'cc',
      family: 'cinecut',
      stages: [s],
      gates: [gate({ id: 'g', runId: 'cc', family: 'cinecut', unavailable: { branch: 'CineCut keeps a single checkpoint per work folder.' } })],
    });
    render(<BranchAction run={r} stage={s} />);
    expect((screen.getByRole('button', { name: /Branch from here/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('branch-unavailable').textContent).toContain('CineCut keeps a single checkpoint per work folder.');
    expect(t.count('previewBranch')).toBe(0);
  });

  it('shows the core’s reason when this stage cannot be branched', async () => {
    t.handlers.previewBranch = async () => ({ gateId: '', allowed: false, reason: 'Stage script has no checkpoint yet.', writes: [] });
    const s = stage({ id: 's2', name: 'script', status: 'pending' });
    render(<BranchAction run={run({ id: 'om', stages: [s] })} stage={s} />);
    await act(flush);
    expect(screen.getByTestId('branch-unavailable').textContent).toContain('no checkpoint yet');
  });

  it('lists what will be created, sends the note, and follows the new run', async () => {
    const writes = [
      { target: 'projects/solar-main-1/', action: 'create' as const, description: 'new project folder for branch main-1' },
      { target: 'projects/solar-main-1/checkpoint_*.json', action: 'copy' as const, description: '2 checkpoints up to proposal' },
      { target: 'projects/solar-main-1/greenlight/lineage.json', action: 'create' as const, description: 'lineage: branched from projects/solar at proposal' },
    ];
    t.handlers.previewBranch = async () => ({ gateId: '', allowed: true, writes });
    t.handlers.branchRun = async () => ({ status: 'written', message: 'Branched main-1 into projects/solar-main-1', writes });
    const s = stage({ id: 's1', name: 'proposal', label: 'Proposal', fileId: 'f1' });
    render(
      <>
        <BranchAction run={run({ id: 'om', title: 'Solar', stages: [s] })} stage={s} />
        <DecisionLayer />
      </>,
    );
    await act(flush);
    fireEvent.click(screen.getByRole('button', { name: 'Branch from Proposal' }));
    const dialog = screen.getByRole('dialog');
    await act(flush);
    const list = within(dialog).getByTestId('planned-writes');
    expect(within(list).getByText('projects/solar-main-1/')).toBeTruthy();
    expect(within(list).getByText('2 checkpoints up to proposal')).toBeTruthy();
    expect(within(list).getByText('projects/solar-main-1/greenlight/lineage.json')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'try concept C' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create branch' }));
    await act(flush);
    expect(t.calls.find((c) => c.channel === 'branchRun')?.args).toEqual([{ runId: 'om', stageId: 's1', note: 'try concept C' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
