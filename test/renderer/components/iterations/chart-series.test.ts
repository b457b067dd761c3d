import { describe, expect, it } from 'vitest';
import type { Iteration } from '../../../../shared/model';
import { buildSeries, plateauRanges } from '../../../../renderer/components/iterations/chart-series';
import { DRAW_LIMIT, downsampleMinMax } from '../../../../renderer/components/iterations/downsample';

const its = (scores: (number | undefined)[]): Iteration[] => scores.map((score, i) => ({ n: i + 1, score }));

describe('buildSeries', () => {
  it('sorts by n, marks regressions and gaps, and takes feedback from the review', () => {
    const points = buildSeries([
      { n: 3, score: 5.0, decision: 'SOFT_FAIL' },
      { n: 1, score: 4.0, decision: 'HARD_FAIL', review: { source: 'judge', feedback: '\nFirst line\nsecond', strengths: [], issues: [], scores: [] } },
      { n: 2 },
      { n: 4, score: 7.5, decision: 'APPROVE' },
    ]);
    expect(points.map((p) => p.n)).toEqual([1, 2, 3, 4]);
    expect(points[1].score).toBeNull();
    expect(points[0].feedback).toBe('First line');
    expect(points.map((p) => p.regression)).toEqual([false, false, false, false]);
    expect(points[2].delta).toBe(1);
    const dropped = buildSeries(its([6, 7, 5.5]));
    expect(dropped[2].regression).toBe(true);
    expect(dropped[2].delta).toBeCloseTo(-1.5);
  });

  it('marks a plateau only after two or more small steps', () => {
    const points = buildSeries(its([5, 6, 6.1, 6.05, 7, 7.1]));
    expect(points.map((p) => p.plateau)).toEqual([false, true, true, true, false, false]);
    expect(plateauRanges(points)).toEqual([[2, 4]]);
  });

  it('looks across gaps when judging plateaus and regressions', () => {
    const points = buildSeries(its([6, undefined, 6.1, 6.15, 5]));
    expect(points.map((p) => p.plateau)).toEqual([true, false, true, true, false]);
    expect(points[4].regression).toBe(true);
  });
});

describe('downsampleMinMax', () => {
  const values = Array.from({ length: 5000 }, (_, i) => ({ n: i + 1, v: i % 997 === 500 ? null : 5 + 4 * Math.sin(i / 40) + (i === 3210 ? 30 : 0) - (i === 1234 ? 30 : 0) }));

  it('leaves short series alone', () => {
    expect(downsampleMinMax(values.slice(0, 10), DRAW_LIMIT, (p) => p.v)).toHaveLength(10);
  });

  it('stays within the limit and keeps the first, last, global extremes and kept points', () => {
    const out = downsampleMinMax(values, DRAW_LIMIT, (p) => p.v, (p) => p.n === 4242);
    expect(out.length).toBeLessThanOrEqual(DRAW_LIMIT);
    expect(out.length).toBeGreaterThan(DRAW_LIMIT / 2);
    const ns = out.map((p) => p.n);
    expect(ns[0]).toBe(1);
    expect(ns.at(-1)).toBe(5000);
    expect(ns).toContain(4242);
    const scored = values.filter((p) => p.v !== null);
    const max = scored.reduce((m, p) => (p.v! > m.v! ? p : m));
    const min = scored.reduce((m, p) => (p.v! < m.v! ? p : m));
    expect(ns).toContain(max.n);
    expect(ns).toContain(min.n);
    expect(max.n).toBe(3211);
    expect(min.n).toBe(1235);
    // still in order
    expect([...ns].sort((a, b) => a - b)).toEqual(ns);
  });

  it('keeps a gap marker where a stretch has no scores at all', () => {
    const gaps = Array.from({ length: 1000 }, (_, i) => ({ n: i + 1, v: i >= 400 && i < 600 ? null : i / 100 }));
    const out = downsampleMinMax(gaps, 100, (p) => p.v);
    expect(out.some((p) => p.v === null)).toBe(true);
  });
});
