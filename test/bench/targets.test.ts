// How the benchmark judges its results: each target at its boundary, and the rows that only
// inform (the index without the watcher, the floor spread over threads, the inbox's first paint)
// carry no verdict.
import { describe, expect, it } from 'vitest';
import { TARGETS, formatTable, verdicts } from '../../bench/measures/targets.mjs';

function results(over: Record<string, unknown> = {}) {
  return {
    index: { ms: 2000, files: 100, runs: 10, maxRssMb: TARGETS.rssMb, phases: { listedMs: 500 } },
    indexOnly: { ms: 1800, cpuMs: 3000, maxRssMb: 200 },
    floor: { ms: 2000, cpuMs: 1900 },
    coldRatio: TARGETS.coldRatio,
    indexOnlyRatio: 0.9,
    floorSpread: { ms: 1860, cpuMs: 2800, threads: 2, ratio: 0.93 },
    live: { p50: 40, p95: TARGETS.liveP95Ms, samples: 200, writes: 200, lost: 0 },
    inbox: { p50: TARGETS.inboxMs, first: 250, runs: 2000, gates: 100, firstPaint: { p50: 240, first: 300 } },
    chart: { p50: TARGETS.chartMs, first: 60, points: 1000 },
    approve: { p50: 20, p95: TARGETS.approveP95Ms, approved: 100, failed: 0 },
    ...over,
  };
}

const verdictOf = (rows: Array<{ measure: string; pass: string }>, start: string) => rows.find((r) => r.measure.trimStart().startsWith(start))?.pass;

describe('bench verdicts', () => {
  it('passes every target met exactly, and only informs on the extra rows', () => {
    const rows = verdicts(results());
    for (const start of ['cold index ÷ floor (as serve', 'checkpoint write', 'peak RSS', 'inbox first render', 'iteration chart', 'approve']) expect(verdictOf(rows, start)).toBe('PASS');
    for (const start of ['cold index ÷ floor, index alone', "floor's work on 2 threads", 'inbox first contentful paint']) expect(verdictOf(rows, start)).toBe('');
    expect(rows.find((r) => r.measure.includes("floor's work"))?.result).toMatch(/^0\.93 \(1\.86 s/);
  });

  it('fails each target just past its line', () => {
    const r = results();
    const rows = verdicts({
      ...r,
      coldRatio: TARGETS.coldRatio + 0.01,
      index: { ...r.index, maxRssMb: TARGETS.rssMb + 0.1 },
      live: { ...r.live, p95: TARGETS.liveP95Ms + 0.1 },
      inbox: { ...r.inbox, p50: TARGETS.inboxMs + 0.1 },
      chart: { ...r.chart, p50: TARGETS.chartMs + 0.1 },
      approve: { ...r.approve, p95: TARGETS.approveP95Ms + 0.1 },
    });
    for (const start of ['cold index ÷ floor (as serve', 'checkpoint write', 'peak RSS', 'inbox first render', 'iteration chart', 'approve']) expect(verdictOf(rows, start)).toBe('FAIL');
  });

  it('fails live latency and approvals that lost or failed any, however fast', () => {
    const r = results();
    const rows = verdicts({ ...r, live: { ...r.live, p95: 1, lost: 1 }, approve: { ...r.approve, p95: 1, failed: 1 } });
    expect(verdictOf(rows, 'checkpoint write')).toBe('FAIL');
    expect(verdictOf(rows, 'approve')).toBe('FAIL');
  });

  it('prints one aligned table', () => {
    const lines = formatTable(verdicts(results())).split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
