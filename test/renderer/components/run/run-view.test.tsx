// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Run } from '../../../../shared/model';
import { RunView } from '../../../../renderer/components/run/run-view';
import { applyEvent, applySnapshot } from '../../../../renderer/stores/desk-store';
import { useUiStore } from '../../../../renderer/stores/ui-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import type { FakeTransport } from '../../fake-transport';
import { ROOT, flush, gate, run, snapshot, stage, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';
import { loadAllLazyViews } from '../../../../renderer/components/common/lazy-view';

// The views split into their own chunks (renderer/components/common/lazy-view.tsx) are loaded
// up front, so they render at once like the rest of the tree.
beforeAll(() => loadAllLazyViews());

// The checkpoint and iterations panels belong to another part of the UI; here only what is
// handed to them matters.
vi.mock('../../../../renderer/components/checkpoint/checkpoint-view', () => ({
  CheckpointView: ({ stage }: { stage: { id: string; name: string } }) => <div data-testid="checkpoint-view">{`checkpoint:${stage.name}`}</div>,
}));
vi.mock('../../../../renderer/components/iterations/iterations-panel', () => ({
  IterationsPanel: ({ run }: { run: { id: string } }) => <div data-testid="iterations-panel">{`iterations:${run.id}`}</div>,
}));

const om: Run = run({
  id: 'om',
  title: 'Launch video',
  project: 'launch-video',
  folder: 'pipeline/launch-video',
  status: 'waiting',
  pendingGates: 1,
  cost: { spentUsd: 1.42, budgetUsd: 5 },
  meta: { pipeline_type: 'explainer', checkpoint_policy: 'guided' },
  stages: [
    stage({ id: 's-research', name: 'research', order: 0, updatedAt: '2026-03-28T08:00:00Z', durationMs: 95_000, cost: { spentUsd: 0.2 } }),
    stage({
      id: 's-proposal',
      name: 'proposal',
      order: 1,
      gateId: 'g-proposal',
      gateRequired: true,
      attempts: 2,
      versions: [
        { label: 'v1', timestamp: '2026-03-28T08:30:00Z', status: 'failed', current: false, rel: 'pipeline/launch-video/history/checkpoint_proposal.1.json' },
        { label: 'v2', timestamp: '2026-03-28T09:00:00Z', status: 'completed', current: true },
      ],
    }),
    stage({ id: 's-script', name: 'script', order: 2, status: 'awaiting_human', gateId: 'g-script', gateRequired: true }),
    stage({ id: 's-scene', name: 'scene_plan', order: 3, status: 'pending' }),
  ],
  gates: [
    gate({ id: 'g-proposal', runId: 'om', stageId: 's-proposal', stageName: 'proposal', status: 'approved', decidedBy: 'maria', decidedAt: '2026-03-28T09:10:00Z', note: 'Go with angle B' }),
    gate({ id: 'g-script', runId: 'om', stageId: 's-script', stageName: 'script', since: '2026-03-28T09:46:00Z' }),
  ],
});

const av: Run = run({
  id: 'av',
  family: 'aivideo',
  title: 'Fox trailer',
  project: 'fox',
  lineage: { parentRunId: 'av-parent', fromStage: 'script', branch: 'main-1', note: 'edited script' },
  stages: [stage({ id: 'av-1', name: 'script', order: 0 }), stage({ id: 'av-2', name: 'images', order: 1, status: 'in_progress' })],
  branches: [
    {
      id: 'b-main',
      label: 'Phase 1 script',
      branch: 'main',
      stageName: 'script',
      status: 'completed',
      children: [
        {
          id: 'b-main-1',
          label: 'Edited script',
          branch: 'main-1',
          version: 2,
          status: 'completed',
          edited: true,
          runId: 'av-child',
          children: [{ id: 'b-main-1-1', label: 'Images', branch: 'main-1-1', status: 'in_progress', children: [] }],
        },
      ],
    },
  ],
});

describe('RunView', () => {
  let t: FakeTransport;
  let runs: Record<string, Run>;
  beforeEach(() => {
    t = resetStores();
    runs = { om, av, tw: run({ id: 'tw', family: 'twinklr', title: 'Aurora', iterations: [{ n: 1, score: 6.5 }], stages: [stage({ id: 'tw-s', name: 'plan' })] }) };
    t.handlers.getRun = async (id) => runs[id] ?? null;
    applySnapshot(snapshot({ runs: [summary({ id: 'om' }), summary({ id: 'av-parent', title: 'Fox trailer (original)', folder: 'other/fox' })] }));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-03-28T12:00:00Z'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    setTransport(undefined);
  });

  async function show(runId: string, stageKey?: string, tab?: 'iterations') {
    const utils = render(<RunView runId={runId} stageKey={stageKey} tab={tab} />);
    await act(flush);
    return utils;
  }

  it('shows the header and the stage timeline with statuses, gates and versions', async () => {
    await show('om');
    expect(screen.getByRole('heading', { name: 'Launch video' })).toBeTruthy();
    expect(screen.getByText('$1.42 of $5.00')).toBeTruthy();
    expect(screen.getByText('explainer')).toBeTruthy();
    const rows = screen.getAllByTestId('stage-row');
    expect(rows.map((r) => [r.getAttribute('data-stage-name'), r.getAttribute('data-status')])).toEqual([
      ['research', 'completed'],
      ['proposal', 'completed'],
      ['script', 'awaiting_human'],
      ['scene_plan', 'pending'],
    ]);
    expect(rows[0].textContent).toContain('1m 35s');
    expect(rows[0].textContent).toContain('$0.20');
    expect(rows[1].textContent).toContain('approved by maria');
    expect(rows[1].textContent).toContain('Go with angle B');
    expect(rows[1].textContent).toContain('2 attempts');
    expect(rows[2].textContent).toContain('waiting 2h 14m');
    // With no stage in the route, the waiting gate's stage is shown.
    expect(screen.getByTestId('checkpoint-view').textContent).toBe('checkpoint:script');
    expect(rows[2].querySelector('[aria-pressed="true"]')).toBeTruthy();
  });

  it('expands earlier versions', async () => {
    await show('om');
    const row = screen.getAllByTestId('stage-row')[1];
    const toggle = within(row).getByRole('button', { name: /1 earlier version/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(within(row).getByText('pipeline/launch-video/history/checkpoint_proposal.1.json')).toBeTruthy();
    expect(within(row).getByText('current')).toBeTruthy();
  });

  it('selects stages by click, route (id or name) and j/k', async () => {
    const { rerender } = await show('om', 'research');
    expect(screen.getByTestId('checkpoint-view').textContent).toBe('checkpoint:research');
    fireEvent.click(within(screen.getAllByTestId('stage-row')[3]).getAllByRole('button')[0]);
    expect(useUiStore.getState().route).toEqual({ name: 'run', runId: 'om', stageId: 's-scene', tab: 'stages' });
    rerender(<RunView runId="om" stageKey="s-scene" />);
    expect(screen.getByTestId('checkpoint-view').textContent).toBe('checkpoint:scene_plan');
    fireEvent.keyDown(window, { key: 'k' });
    expect(useUiStore.getState().route).toMatchObject({ stageId: 's-script' });
  });

  it('refetches when its run changes, keeping the selected stage and highlighting what changed', async () => {
    applyEvent({ type: 'ready' });
    const { rerender } = await show('om', 's-proposal');
    runs.om = { ...om, stages: om.stages.map((s) => (s.id === 's-script' ? { ...s, status: 'completed' } : s)) };
    await act(async () => {
      applyEvent({ type: 'index', upserted: [], removed: [], gates: [], problemCount: { errors: 0, warnings: 0 }, changedRuns: ['om'], changedFiles: [] });
      await flush();
    });
    rerender(<RunView runId="om" stageKey="s-proposal" />);
    const script = screen.getAllByTestId('stage-row')[2];
    expect(script.getAttribute('data-status')).toBe('completed');
    expect(script.className).toMatch(/flash-/);
    expect(screen.getByTestId('checkpoint-view').textContent).toBe('checkpoint:proposal');
    expect(t.count('getRun')).toBe(2);
  });

  it('draws the branch tree and lineage links', async () => {
    await show('av');
    const nodes = screen.getAllByTestId('branch-node');
    expect(nodes.map((n) => n.getAttribute('data-branch'))).toEqual(['main', 'main-1', 'main-1-1']);
    expect(nodes.map((n) => n.getAttribute('data-depth'))).toEqual(['0', '1', '2']);
    expect(within(nodes[1]).getByText('✎ edited')).toBeTruthy();
    expect(within(nodes[1]).getByRole('link').getAttribute('href')).toBe('#/runs/av-child');
    fireEvent.click(within(nodes[0]).getByRole('button'));
    expect(useUiStore.getState().route).toMatchObject({ runId: 'av', stageId: 'av-1' });
    const lineage = screen.getByTestId('lineage');
    expect(lineage.textContent).toContain('Fox trailer (original)');
    expect(within(lineage).getByRole('link').getAttribute('href')).toBe('#/runs/av-parent?stage=script');
  });

  it('offers an Iterations tab for loop families', async () => {
    await show('om');
    expect(screen.queryByTestId('tab-iterations')).toBeNull();
    cleanup();
    await show('tw', undefined, 'iterations');
    expect(screen.getByTestId('iterations-panel').textContent).toBe('iterations:tw');
    expect(screen.getByTestId('tab-iterations').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('tab-stages').getAttribute('href')).toBe('#/runs/tw?stage=tw-s');
  });

  it('says when the run does not exist', async () => {
    await show('nope');
    expect(screen.getByTestId('run-missing')).toBeTruthy();
  });
});
