// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AutoApproveRule } from '../../../../shared/decisions';
import { DecisionLayer } from '../../../../renderer/components/decisions/decision-layer';
import { FolderAutoApprove } from '../../../../renderer/components/decisions/folder-auto-approve';
import { RunDecisionBar } from '../../../../renderer/components/decisions/run-decision-bar';
import { GateMark } from '../../../../renderer/components/run/gate-mark';
import { GateBox } from '../../../../renderer/components/checkpoint/gate-box';
import { applySnapshot } from '../../../../renderer/stores/desk-store';
import { resetDecisions } from '../../../../renderer/stores/decision-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import type { FakeTransport } from '../../fake-transport';
import { ROOT, flush, gate, run, snapshot, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';

const WAITING = gate({ id: 'g1', runId: 'r1', title: 'Script approval' });
const R = run({ id: 'r1', title: 'Launch', gates: [WAITING] });

let t: FakeTransport;
let rules: AutoApproveRule[];
beforeEach(() => {
  t = resetStores();
  resetDecisions();
  rules = [];
  t.handlers.listAutoApprove = async () => rules;
  t.handlers.setAutoApprove = async (req) => {
    rules = [
      ...rules.filter((r) => !(r.rootId === req.rootId && r.runId === req.runId)),
      { id: `rule-${req.runId ?? 'folder'}`, rootId: req.rootId, runId: req.runId, enabled: req.enabled, createdBy: 'ana', createdAt: '2026-11-20T10:00:00Z' },
    ];
    return rules;
  };
  applySnapshot(snapshot({ runs: [summary({ id: 'r1', title: 'Launch' })], gates: [WAITING] }));
});
afterEach(() => {
  cleanup();
  resetDecisions();
  setTransport(undefined);
});

describe('auto-approve', () => {
  it('the run switch asks first, then calls setAutoApprove and shows who set the rule', async () => {
    render(
      <>
        <RunDecisionBar run={R} />
        <DecisionLayer />
      </>,
    );
    await act(flush);
    const toggle = screen.getByRole('switch', { name: 'Auto-approve gates of this run' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('1 gate is waiting now and will be approved at once');
    expect(t.count('setAutoApprove')).toBe(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Turn on auto-approve' }));
    await act(flush);
    expect(t.calls.find((c) => c.channel === 'setAutoApprove')?.args).toEqual([{ rootId: ROOT.id, runId: 'r1', enabled: true }]);
    expect(toggle.checked).toBe(true);
    expect(screen.getByTestId('run-auto-approve').textContent).toContain('On for this run — set by ana');

    // Off needs no confirmation.
    fireEvent.click(toggle);
    await act(flush);
    expect(t.calls.filter((c) => c.channel === 'setAutoApprove').at(-1)?.args).toEqual([{ rootId: ROOT.id, runId: 'r1', enabled: false }]);
    expect(toggle.checked).toBe(false);
  });

  it('a run follows its folder’s rule unless it has its own', async () => {
    rules = [{ id: 'f', rootId: ROOT.id, enabled: true, createdBy: 'ben', createdAt: '2026-11-19T09:00:00Z' }];
    render(<RunDecisionBar run={R} />);
    await act(flush);
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('run-auto-approve').textContent).toContain("through the folder's rule — set by ben");
  });

  it('the folder settings switch sets the folder-wide rule', async () => {
    render(
      <>
        <FolderAutoApprove root={ROOT} />
        <DecisionLayer />
      </>,
    );
    await act(flush);
    fireEvent.click(screen.getByRole('button', { name: 'Settings for workspace' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Auto-approve every gate in this folder' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Turn on auto-approve' }));
    await act(flush);
    expect(t.calls.find((c) => c.channel === 'setAutoApprove')?.args).toEqual([{ rootId: ROOT.id, enabled: true }]);
    // While the folder's rule is on, the button says so.
    expect(screen.getByRole('button', { name: 'Settings for workspace (auto-approve on)' })).toBeTruthy();
  });

  it('gates approved by a rule carry the auto badge with who, when and the note', () => {
    const decided = gate({ id: 'g1', runId: 'r1', status: 'approved', auto: true, decidedBy: 'auto-approve (ana)', decidedAt: '2026-11-20T10:00:00Z', note: 'by rule' });
    const { unmount } = render(<GateMark gate={decided} now={Date.parse('2026-11-20T11:00:00Z')} />);
    expect(screen.getByTestId('auto-badge')).toBeTruthy();
    expect(document.body.textContent).toContain('by auto-approve (ana)');
    expect(document.body.textContent).toContain('by rule');
    unmount();
    render(<GateBox gate={decided} />);
    expect(screen.getByTestId('auto-badge')).toBeTruthy();
    expect(document.body.textContent).toContain('auto-approve (ana)');
    expect(screen.queryByTestId('gate-actions')).toBeNull();
  });
});
