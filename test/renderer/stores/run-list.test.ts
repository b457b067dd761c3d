import { describe, expect, it } from 'vitest';
import { buildRunRows, matchesRun, stepRunRow } from '../../../renderer/stores/run-list';
import { DEFAULT_RUNS_FILTER } from '../../../renderer/stores/ui-store';
import { ROOT, summary } from '../fixtures';

const ROOT2 = { id: 'root-2', name: 'archive', path: '/data/archive', watching: true, polling: true };

const runs = [
  summary({ id: 'om-1', project: 'launch-video', title: 'Launch video', updatedAt: '2026-03-28T10:00:00Z', pendingGates: 1, status: 'waiting' }),
  summary({ id: 'om-2', project: 'launch-video', title: 'Launch video (retry)', updatedAt: '2026-03-28T12:00:00Z' }),
  summary({ id: 'tw-1', family: 'twinklr', project: 'Aurora', title: 'Aurora run 7', runId: 'run_7f3a', updatedAt: '2026-03-27T08:00:00Z' }),
  summary({ id: 'oc-1', family: 'omniclaude', rootId: 'root-2', project: 'OMN-1234', title: 'OMN-1234', status: 'failed' }),
];

describe('buildRunRows', () => {
  it('groups by root (in the roots order) then project by name, newest run first', () => {
    const rows = buildRunRows(runs, [ROOT, ROOT2], '', DEFAULT_RUNS_FILTER);
    // Single-run projects (Aurora, OMN-1234) have no header of their own.
    expect(rows.map((r) => (r.type === 'run' ? r.run.id : `${r.type}:${r.type === 'root' ? r.name : r.project}`))).toEqual([
      'root:workspace',
      'tw-1',
      'project:launch-video',
      'om-2',
      'om-1',
      'root:archive',
      'oc-1',
    ]);
    const project = rows.find((r) => r.type === 'project' && r.project === 'launch-video');
    expect(project).toMatchObject({ count: 2, waiting: 1 });
    expect(rows[0]).toMatchObject({ type: 'root', count: 3 });
  });

  it('still lists runs whose root is not (yet) in the roots list', () => {
    const rows = buildRunRows(runs, [ROOT], '', DEFAULT_RUNS_FILTER);
    expect(rows.filter((r) => r.type === 'root').map((r) => (r.type === 'root' ? r.name : ''))).toEqual(['workspace', 'root-2']);
  });

  it('filters by family, status, waiting gates and root, and leaves out empty groups', () => {
    const twinklr = buildRunRows(runs, [ROOT, ROOT2], '', { ...DEFAULT_RUNS_FILTER, family: 'twinklr' });
    expect(twinklr.filter((r) => r.type === 'run').map((r) => (r.type === 'run' ? r.run.id : ''))).toEqual(['tw-1']);
    expect(twinklr.filter((r) => r.type !== 'run')).toHaveLength(1);
    const waiting = buildRunRows(runs, [ROOT, ROOT2], '', { ...DEFAULT_RUNS_FILTER, waitingOnly: true });
    expect(waiting.filter((r) => r.type === 'run').map((r) => (r.type === 'run' ? r.run.id : ''))).toEqual(['om-1']);
    const failed = buildRunRows(runs, [ROOT, ROOT2], '', { ...DEFAULT_RUNS_FILTER, status: 'failed' });
    expect(failed.filter((r) => r.type === 'run').map((r) => (r.type === 'run' ? r.run.id : ''))).toEqual(['oc-1']);
    const archive = buildRunRows(runs, [ROOT, ROOT2], '', { ...DEFAULT_RUNS_FILTER, rootId: 'root-2' });
    expect(archive.filter((r) => r.type === 'run')).toHaveLength(1);
  });

  it('searches title, project and run id, case-insensitively', () => {
    expect(matchesRun(runs[2], 'RUN_7F', DEFAULT_RUNS_FILTER)).toBe(true);
    expect(matchesRun(runs[2], 'aurora', DEFAULT_RUNS_FILTER)).toBe(true);
    expect(matchesRun(runs[0], 'retry', DEFAULT_RUNS_FILTER)).toBe(false);
    expect(matchesRun(runs[1], 'retry', DEFAULT_RUNS_FILTER)).toBe(true);
    expect(matchesRun(runs[3], '  omn-12 ', DEFAULT_RUNS_FILTER)).toBe(true);
  });

  it('handles 2,000 runs quickly', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      summary({ id: `r${i}`, project: `p${i % 150}`, rootId: i % 2 ? ROOT.id : ROOT2.id, updatedAt: new Date(1e12 + i * 1000).toISOString() }),
    );
    const start = performance.now();
    const rows = buildRunRows(many, [ROOT, ROOT2], '', DEFAULT_RUNS_FILTER);
    expect(performance.now() - start).toBeLessThan(200);
    expect(rows.filter((r) => r.type === 'run')).toHaveLength(2000);
  });
});

describe('stepRunRow', () => {
  it('skips header rows and stops at the ends', () => {
    const rows = buildRunRows(runs, [ROOT, ROOT2], '', DEFAULT_RUNS_FILTER);
    const first = stepRunRow(rows, -1, 1);
    expect(rows[first]).toMatchObject({ type: 'run', run: { id: 'tw-1' } });
    const second = stepRunRow(rows, first, 1);
    expect(rows[second]).toMatchObject({ type: 'run', run: { id: 'om-2' } });
    const last = stepRunRow(rows, rows.length, -1);
    expect(rows[last]).toMatchObject({ type: 'run', run: { id: 'oc-1' } });
    expect(stepRunRow(rows, last, 1)).toBe(last);
    expect(stepRunRow(rows, first, -1)).toBe(first);
  });
});
