// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProblemsView } from '../../../../renderer/components/problems/problems-view';
import { applyEvent, applySnapshot } from '../../../../renderer/stores/desk-store';
import { useProblemsStore } from '../../../../renderer/stores/problems-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import type { FakeTransport } from '../../fake-transport';
import { ROOT, flush, problem, snapshot, summary } from '../../fixtures';
import { resetStores } from '../../reset-stores';

describe('ProblemsView', () => {
  let t: FakeTransport;
  const INITIAL = [
    problem({ rel: 'a/notes.json', severity: 'warning', field: '/review', message: 'review missing', family: 'openmontage' }),
    problem({ rel: 'pipeline/x/checkpoint_script.json', severity: 'warning', field: '/cost_snapshot', message: 'cost missing', family: 'openmontage', runId: 'x' }),
    problem({ rel: 'pipeline/x/checkpoint_script.json', severity: 'error', field: '/status', message: 'unknown status "dunno"', family: 'openmontage', runId: 'x' }),
    problem({ rel: 'tw/plan.json', severity: 'error', field: '', message: 'JSON syntax error at 3:14', code: 'json.syntax', family: 'twinklr' }),
  ];
  let list = INITIAL;
  beforeEach(() => {
    list = INITIAL;
    t = resetStores();
    t.handlers.listProblems = async () => list;
    applySnapshot(snapshot({ runs: [summary({ id: 'x', title: 'Launch video' })], problemCount: { errors: 2, warnings: 2 } }));
  });
  afterEach(() => {
    cleanup();
    setTransport(undefined);
  });

  it('groups problems by file, errors first, and links to the run', async () => {
    render(<ProblemsView />);
    await flush();
    const groups = screen.getAllByTestId('problem-group');
    expect(groups.map((g) => within(g).getByText(/\//, { selector: '.problem-rel' }).textContent)).toEqual([
      'pipeline/x/checkpoint_script.json',
      'tw/plan.json',
      'a/notes.json',
    ]);
    const items = within(groups[0]).getAllByTestId('problem-item');
    expect(items.map((i) => i.getAttribute('data-severity'))).toEqual(['error', 'warning']);
    expect(items[0].textContent).toContain('/status');
    expect(items[0].textContent).toContain('unknown status "dunno"');
    expect(within(groups[1]).getByText('(whole file)')).toBeTruthy();
    const link = within(groups[0]).getByRole('link', { name: /Launch video/ });
    expect(link.getAttribute('href')).toBe('#/runs/x');
    expect(within(groups[1]).queryByRole('link')).toBeNull();
  });

  it('filters by severity and family', async () => {
    render(<ProblemsView />);
    await flush();
    fireEvent.change(screen.getByTestId('problems-severity'), { target: { value: 'error' } });
    expect(screen.getAllByTestId('problem-item')).toHaveLength(2);
    fireEvent.change(screen.getByTestId('problems-family'), { target: { value: 'twinklr' } });
    expect(screen.getAllByTestId('problem-item')).toHaveLength(1);
    expect(screen.getByText('1 problem in 1 file')).toBeTruthy();
  });

  it('fetches again when files change while it is open, and not while it is closed', async () => {
    const { unmount } = render(<ProblemsView />);
    await flush();
    expect(t.count('listProblems')).toBe(1);
    list = list.slice(0, 1);
    applyEvent({
      type: 'index',
      upserted: [],
      removed: [],
      gates: [],
      problemCount: { errors: 0, warnings: 1 },
      changedRuns: [],
      changedFiles: [{ id: 'f', rootId: ROOT.id, rel: 'tw/plan.json' }],
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.count('listProblems')).toBe(2);
    expect(screen.getAllByTestId('problem-item')).toHaveLength(1);
    unmount();
    applyEvent({ type: 'index', upserted: [], removed: [], gates: [], problemCount: { errors: 0, warnings: 0 }, changedRuns: [], changedFiles: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.count('listProblems')).toBe(2);
    expect(useProblemsStore.getState().stale).toBe(true);
  });

  it('says so when there are none', async () => {
    list = [];
    render(<ProblemsView />);
    await flush();
    expect(screen.getByTestId('problems-empty').textContent).toContain('No problems');
  });
});
