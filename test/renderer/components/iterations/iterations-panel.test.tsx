// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileView } from '../../../../shared/api-contract';
import type { Iteration, Run } from '../../../../shared/model';
import { IterationsPanel } from '../../../../renderer/components/iterations/iterations-panel';
import { invalidateArtifacts } from '../../../../renderer/stores/artifact-store';
import { useIterationStore } from '../../../../renderer/stores/iteration-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import { FakeTransport } from '../../fake-transport';
import { flush, run, stage } from '../../fixtures';
import { loadAllLazyViews } from '../../../../renderer/components/common/lazy-view';

// The views split into their own chunks (renderer/components/common/lazy-view.tsx) are loaded
// up front, so they render at once like the rest of the tree.
beforeAll(() => loadAllLazyViews());

const pad = (n: number) => String(n).padStart(2, '0');

function twinklrRun(scores: (number | undefined)[]): Run {
  const decisions = (s: number | undefined) => (s === undefined ? undefined : s >= 7 ? 'APPROVE' : s >= 5 ? 'SOFT_FAIL' : 'HARD_FAIL');
  const iterations: Iteration[] = scores.map((score, i) => ({
    n: i + 1,
    score,
    decision: decisions(score),
    planFileId: `plan-${i + 1}`,
    planRel: `out/checkpoints/plans/show_a3f9b2c1_iter${pad(i + 1)}_raw.json`,
    evaluationFileId: score === undefined ? undefined : `eval-${i + 1}`,
    evaluationRel: score === undefined ? undefined : `out/checkpoints/plans/show_a3f9b2c1_iter${pad(i + 1)}_evaluation.json`,
    review:
      score === undefined
        ? undefined
        : { source: 'judge', score, decision: decisions(score), feedback: `Feedback for ${i + 1}\nmore`, strengths: [`strength ${i + 1}`], issues: [], scores: [] },
  }));
  return run({
    id: 'tw1',
    family: 'twinklr',
    iterations,
    stages: iterations.slice(0, 3).map((it) => stage({ id: `st-${it.n}`, name: `iteration ${pad(it.n)}`, order: it.n })),
  });
}

let t: FakeTransport;
beforeEach(() => {
  t = new FakeTransport();
  t.handlers.getFile = async (id): Promise<FileView> => {
    const n = Number(id.split('-')[1]);
    const body = id.startsWith('eval')
      ? { run_id: 'a3f9b2c1', iteration: n, checkpoint_type: 'evaluation', score: n, evaluation: { decision: n >= 3 ? 'APPROVE' : 'SOFT_FAIL', strengths: ['x'] } }
      : { run_id: 'a3f9b2c1', iteration: n, checkpoint_type: 'raw', plan: { sections: [{ section_name: 'intro', energy_level: n * 10 }] } };
    return { file: { id, rootId: 'root-1', rel: `${id}.json` }, text: JSON.stringify(body), truncated: false, problems: [] };
  };
  setTransport(t);
  invalidateArtifacts();
  useIterationStore.setState({ byRun: {} });
});
afterEach(() => {
  cleanup();
  setTransport(undefined);
});

const points = (c: HTMLElement) => [...c.querySelectorAll('[data-testid="iteration-point"]')];

describe('IterationsPanel', () => {
  it('draws one point per iteration, coloured by decision, with gaps and regressions marked', () => {
    const { container } = render(<IterationsPanel run={twinklrRun([4.2, undefined, 6.1, 5.6, 7.4])} />);
    const pts = points(container);
    expect(pts.map((p) => p.getAttribute('data-n')).sort()).toEqual(['1', '2', '3', '4', '5']);
    const tone = (n: number) => pts.find((p) => p.getAttribute('data-n') === String(n))!.getAttribute('data-tone');
    expect([tone(1), tone(2), tone(3), tone(4), tone(5)]).toEqual(['bad', 'gap', 'warn', 'warn', 'ok']);
    const four = pts.find((p) => p.getAttribute('data-n') === '4')!;
    expect(four.getAttribute('data-regression')).toBe('true');
    expect(four.querySelector('.gl-pt__regression')).toBeTruthy();
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(2);
    expect(container.textContent).toContain('APPROVE 7.0');
    expect(container.textContent).toContain('SOFT_FAIL 5.0');
    expect(screen.getByText('Regressions').nextElementSibling!.textContent).toBe('1');
  });

  it('marks the first chart render for the benchmark', () => {
    const spy = vi.spyOn(performance, 'mark');
    render(<IterationsPanel run={twinklrRun([5, 6])} />);
    const names = spy.mock.calls.map((c) => c[0]);
    expect(names).toContain('greenlight:chart-start');
    expect(names).toContain('greenlight:chart-rendered');
    expect(names.indexOf('greenlight:chart-start')).toBeLessThan(names.indexOf('greenlight:chart-rendered'));
    spy.mockRestore();
  });

  it('opens an iteration from a point: its review and its plan/evaluation documents', async () => {
    const { container } = render(<IterationsPanel run={twinklrRun([4.2, 6.1, 7.4])} />);
    const p2 = points(container).find((p) => p.getAttribute('data-n') === '2')!;
    fireEvent.click(p2);
    const detail = screen.getByTestId('iteration-detail');
    expect(detail.getAttribute('data-n')).toBe('2');
    expect(within(detail).getByText('strength 2')).toBeTruthy();
    expect(within(detail).getByText(/iteration 02/)).toBeTruthy();
    fireEvent.click(within(detail).getByRole('button', { name: /Evaluation/ }));
    await act(flush);
    expect(t.calls.find((c) => c.channel === 'getFile')?.args).toEqual(['eval-2']);
    expect(within(detail).getByText('"a3f9b2c1"')).toBeTruthy();
  });

  it('explains an iteration without a score', () => {
    const { container } = render(<IterationsPanel run={twinklrRun([4.2, undefined])} />);
    fireEvent.click(points(container).find((p) => p.getAttribute('data-n') === '2')!);
    expect(screen.getByText(/No evaluation for this iteration/)).toBeTruthy();
  });

  it('lists every iteration in a sortable table whose rows select', () => {
    render(<IterationsPanel run={twinklrRun([4.2, 6.1, 7.4, 6.8])} />);
    const rowNs = () => screen.getAllByTestId('iteration-row').map((r) => r.getAttribute('data-n'));
    expect(rowNs()).toEqual(['1', '2', '3', '4']);
    fireEvent.click(screen.getByRole('button', { name: /Sort by score/ }));
    expect(rowNs()).toEqual(['1', '2', '4', '3']);
    fireEvent.click(screen.getByRole('button', { name: /Sort by score/ }));
    expect(rowNs()).toEqual(['3', '4', '2', '1']);
    fireEvent.click(screen.getAllByTestId('iteration-row')[0]);
    expect(screen.getByTestId('iteration-detail').getAttribute('data-n')).toBe('3');
  });

  it('downsamples long series but keeps every iteration reachable in the table', () => {
    const scores = Array.from({ length: 1200 }, (_, i) => 5 + 3 * Math.sin(i / 25) + (i === 777 ? 1.99 : 0));
    const { container } = render(<IterationsPanel run={twinklrRun(scores)} />);
    const drawn = points(container);
    expect(drawn.length).toBeLessThanOrEqual(300);
    expect(drawn.length).toBeGreaterThan(100);
    expect(screen.getByText(/Drawing \d+ of 1200 points/)).toBeTruthy();
    // neighbours in a thinned drawing are not neighbours in the run: no per-point marks
    expect(container.querySelector('.gl-pt__regression')).toBeNull();
    expect(container.querySelector('.recharts-reference-area')).toBeNull();
    // the table is virtualised: only a window of rows is in the DOM
    const rows = screen.getAllByTestId('iteration-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
  });

  it('keeps judge failures visible when the chart is thinned out', () => {
    const scores = Array.from({ length: 900 }, (_, i) => (i % 100 === 50 ? undefined : 5 + 3 * Math.sin(i / 25)));
    const { container } = render(<IterationsPanel run={twinklrRun(scores)} />);
    const gaps = points(container).filter((p) => p.getAttribute('data-tone') === 'gap');
    expect(gaps.map((g) => g.getAttribute('data-n'))).toEqual(['51', '151', '251', '351', '451', '551', '651', '751', '851']);
  });

  it('compares two iterations with a JSON diff of their evaluations, then their plans', async () => {
    render(<IterationsPanel run={twinklrRun([4.2, 6.1, 7.4])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Compare two iterations' }));
    await act(flush);
    const compare = screen.getByTestId('iteration-compare');
    expect((within(compare).getByRole('combobox', { name: 'Iteration A' }) as HTMLSelectElement).value).toBe('2');
    expect((within(compare).getByRole('combobox', { name: 'Iteration B' }) as HTMLSelectElement).value).toBe('3');
    const diff = within(compare).getByTestId('json-diff');
    expect(diff.querySelector('[data-path="score"]')!.textContent).toContain('2');
    expect(diff.querySelector('[data-path="evaluation.decision"]')!.textContent).toContain('APPROVE');
    fireEvent.change(within(compare).getByRole('combobox', { name: 'Iteration A' }), { target: { value: '1' } });
    fireEvent.click(within(compare).getByRole('button', { name: 'Plan' }));
    await act(flush);
    const planDiff = within(screen.getByTestId('iteration-compare')).getByTestId('json-diff');
    expect(planDiff.querySelector('[data-path="plan.sections[0].energy_level"]')!.textContent).toContain('30');
    fireEvent.click(screen.getByRole('button', { name: 'Close compare' }));
    expect(screen.queryByTestId('iteration-compare')).toBeNull();
  });

  it('says so when a run has no iterations', () => {
    render(<IterationsPanel run={run({ id: 'empty' })} />);
    expect(screen.getByText('This run has no iterations.')).toBeTruthy();
  });
});
