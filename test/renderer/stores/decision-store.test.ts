// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DecisionOutcome } from '../../../shared/decisions';
import { applySnapshot, useDeskStore } from '../../../renderer/stores/desk-store';
import {
  CONFLICT_TITLE,
  branch,
  decide,
  followNewRun,
  localRefusal,
  openBranch,
  openDecision,
  resetDecisions,
  save,
  setRule,
  useDecisionStore,
  validate,
  openEditor,
  watchDecidedGates,
} from '../../../renderer/stores/decision-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { setTransport } from '../../../renderer/transport/current-transport';
import type { FakeTransport } from '../fake-transport';
import { flush, gate, run, snapshot, summary } from '../fixtures';
import { resetStores } from '../reset-stores';

const G = gate({ id: 'g1', runId: 'r1', stageName: 'proposal', title: 'Proposal approval', revision: 'rev-1' });

let t: FakeTransport;
beforeEach(() => {
  t = resetStores();
  resetDecisions();
  applySnapshot(snapshot({ runs: [summary({ id: 'r1', title: 'Solar sails' })], gates: [G] }));
  t.handlers.previewDecision = async (gateId) => ({ gateId, allowed: true, writes: [{ target: 'p/checkpoint_proposal.json', action: 'rewrite', description: 'status completed' }] });
});
afterEach(() => {
  resetDecisions();
  setTransport(undefined);
  vi.useRealTimers();
});

describe('deciding', () => {
  it('knows locally when a decision cannot be taken', () => {
    expect(localRefusal(gate({ id: 'x', runId: 'r', decisions: ['approve'], unavailable: { reject: 'aivideo has no reject' } }), 'reject')).toBe('aivideo has no reject');
    expect(localRefusal(gate({ id: 'x', runId: 'r', status: 'approved', decidedBy: 'ana' }), 'approve')).toMatch(/already approved by ana/);
    expect(localRefusal(G, 'approve')).toBeUndefined();
  });

  it('opens the dialog with the preview, and without asking the core when the family cannot', async () => {
    openDecision(G, 'approve');
    expect(useDecisionStore.getState().dialog).toMatchObject({ type: 'decide', preview: { status: 'loading' } });
    await flush();
    expect(useDecisionStore.getState().dialog).toMatchObject({ preview: { status: 'ready', value: { allowed: true } } });

    const noReject = gate({ id: 'g2', runId: 'r1', decisions: ['approve'], unavailable: { reject: 'no reject here' } });
    openDecision(noReject, 'reject');
    expect(useDecisionStore.getState().dialog).toMatchObject({ preview: { status: 'ready', value: { allowed: false, reason: 'no reject here' } } });
    expect(t.count('previewDecision')).toBe(1);
  });

  it('sends one request per gate however often it is asked, with the revision the person saw', async () => {
    let answer!: (o: DecisionOutcome) => void;
    t.handlers.decide = () => new Promise((r) => (answer = r));
    openDecision(G, 'approve');
    const a = decide({ gateId: 'g1', decision: 'approve', revision: 'rev-1' });
    const b = decide({ gateId: 'g1', decision: 'approve', revision: 'rev-1' });
    expect(a).toBe(b);
    expect(t.count('decide')).toBe(1);
    expect(useDecisionStore.getState().pending.g1).toBe(true);
    expect(useDecisionStore.getState().dialog).toMatchObject({ submitting: true });
    answer({ status: 'written', message: 'Approved', writes: [{ target: 'p/checkpoint_proposal.json', action: 'rewrite', description: '' }] });
    await a;
    expect(t.calls.find((c) => c.channel === 'decide')?.args[0]).toMatchObject({ revision: 'rev-1' });
    expect(useDecisionStore.getState().pending.g1).toBeUndefined();
    expect(useDecisionStore.getState().dialog).toBeUndefined();
    expect(useUiStore.getState().toasts.map((x) => x.message)).toEqual(['Approved: Solar sails · Proposal approval']);
  });

  it('moves the inbox selection to the next gate once the selected one is decided', async () => {
    applySnapshot(snapshot({ runs: [summary({ id: 'r1' })], gates: [G, gate({ id: 'g2', runId: 'r1', since: '2030-01-01T00:00:00Z' })] }));
    useUiStore.setState({ inboxSelection: 'g1' });
    t.handlers.decide = async () => ({ status: 'written', message: 'ok', writes: [] });
    await decide({ gateId: 'g1', decision: 'approve', revision: 'rev-1' });
    expect(useUiStore.getState().inboxSelection).toBe('g2');
  });

  it('turns a conflict into the banner and closes the dialog', async () => {
    t.handlers.decide = async () => ({ status: 'conflict', message: 'checkpoint_proposal.json changed since you looked at it' });
    openDecision(G, 'approve');
    await decide({ gateId: 'g1', decision: 'approve', revision: 'rev-1' });
    const s = useDecisionStore.getState();
    expect(s.dialog).toBeUndefined();
    expect(s.banner).toEqual({ title: CONFLICT_TITLE, detail: 'checkpoint_proposal.json changed since you looked at it', runId: 'r1' });
    // The desk is asked again, so the new version shows.
    expect(t.count('getSnapshot')).toBeGreaterThan(0);
  });

  it('keeps the dialog open with the message when the core refuses or the request fails', async () => {
    t.handlers.decide = async () => ({ status: 'refused', message: 'already decided' });
    openDecision(G, 'reject');
    await decide({ gateId: 'g1', decision: 'reject', note: 'no', revision: 'rev-1' });
    expect(useDecisionStore.getState().dialog).toMatchObject({ submitting: false, error: 'already decided' });
    t.handlers.decide = () => Promise.reject(new Error('offline'));
    await decide({ gateId: 'g1', decision: 'reject', note: 'no', revision: 'rev-1' });
    expect((useDecisionStore.getState().dialog as { error?: string }).error).toMatch(/offline.*Nothing was written/);
  });
});

describe('editing', () => {
  it('keeps only the newest validation answer', async () => {
    const answers: Array<(v: never) => void> = [];
    t.handlers.getEditable = async () => null;
    t.handlers.validateEdit = () => new Promise((r) => answers.push(r as never));
    openEditor({ id: 'a1', name: 'script', kind: 'json' });
    const first = validate('a1', '{"a":1}');
    const second = validate('a1', '{"a":2}');
    answers[1]([{ field: '/a', message: 'newest', severity: 'error' }] as never);
    await second;
    answers[0]([{ field: '/a', message: 'stale', severity: 'error' }] as never);
    await first;
    expect(useDecisionStore.getState().editor?.issues.map((i) => i.message)).toEqual(['newest']);
  });

  it('reloads the new version after a conflict and keeps the draft', async () => {
    let revision = 'r1';
    t.handlers.getEditable = async (id) => ({ artifactId: id, name: 'script', language: 'json', content: '{}', revision, history: [] });
    t.handlers.saveEdit = async () => ({ status: 'conflict', message: 'changed' });
    t.handlers.getRun = async () => null;
    openEditor({ id: 'a1', name: 'script', kind: 'json' });
    await flush();
    revision = 'r2';
    await save({ artifactId: 'a1', content: '{"mine":1}', reason: 'why', revision: 'r1' });
    const ed = useDecisionStore.getState().editor!;
    expect(ed.conflict).toEqual({ message: 'changed', draft: '{"mine":1}' });
    expect(ed.load).toMatchObject({ status: 'ready', value: { revision: 'r2' } });
    expect(ed.saving).toBe(false);
  });
});

describe('auto-approve and branching', () => {
  it('sets a rule through setAutoApprove and keeps the answer', async () => {
    const rule = { id: 'x', rootId: 'root-1', runId: 'r1', enabled: true, createdBy: 'ana', createdAt: '2026-11-20T10:00:00Z' };
    t.handlers.setAutoApprove = async () => [rule];
    await setRule({ rootId: 'root-1', runId: 'r1', enabled: true });
    expect(t.calls.find((c) => c.channel === 'setAutoApprove')?.args).toEqual([{ rootId: 'root-1', runId: 'r1', enabled: true }]);
    expect(useDecisionStore.getState().rules).toEqual([rule]);
  });

  it('opens the new branch when it appears in the index', async () => {
    t.handlers.previewBranch = async () => ({ gateId: '', allowed: true, writes: [] });
    t.handlers.branchRun = async () => ({
      status: 'written',
      message: 'Branched main-1',
      writes: [{ target: 'projects/solar-main-1/', action: 'create', description: 'new project folder' }],
    });
    openBranch({ runId: 'r1', rootId: 'root-1', runTitle: 'Solar sails', stageId: 's1', stageName: 'proposal' });
    await branch({ runId: 'r1', stageId: 's1' });
    expect(useDecisionStore.getState().dialog).toBeUndefined();
    expect(useUiStore.getState().route).toEqual({ name: 'inbox' });
    useDeskStore.setState((s) => ({ runs: { ...s.runs, r2: summary({ id: 'r2', folder: 'projects/solar-main-1' }) } }));
    expect(useUiStore.getState().route).toEqual({ name: 'run', runId: 'r2' });
  });

  it('falls back to the runs list when the branch does not show up', () => {
    vi.useFakeTimers();
    followNewRun('root-1', 'projects/never');
    vi.advanceTimersByTime(16_000);
    expect(useUiStore.getState().route).toEqual({ name: 'runs' });
  });
});

describe('recently decided', () => {
  it('fetches a gate that left the waiting list and lists it with who decided', async () => {
    const decided = { ...G, status: 'approved' as const, decidedBy: 'auto-approve (ana)', auto: true };
    t.handlers.getRun = async () => run({ id: 'r1', gates: [decided] });
    vi.useFakeTimers();
    const stop = watchDecidedGates();
    applySnapshot(snapshot({ runs: [summary({ id: 'r1' })], gates: [] }));
    await vi.advanceTimersByTimeAsync(300);
    expect(useDecisionStore.getState().recent).toEqual([decided]);
    stop();
  });
});
