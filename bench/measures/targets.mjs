// The issue's targets and how each result is judged against them.
export const TARGETS = {
  coldRatio: 1.0,
  liveP95Ms: 150,
  rssMb: 300,
  inboxMs: 200,
  chartMs: 50,
  approveP95Ms: 50,
};

const f1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const f2 = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');

export function verdicts(r) {
  const rows = [];
  const row = (measure, result, target, pass) => rows.push({ measure, result, target, pass: pass === undefined ? '' : pass ? 'PASS' : 'FAIL' });
  row(
    'cold index ÷ floor (as serve: watcher + index)',
    `${f2(r.coldRatio)} (${f2(r.index.ms / 1000)} s ÷ ${f2(r.floor.ms / 1000)} s; ${r.index.files} files, ${r.index.runs} runs; watcher ready + listing ${f2((r.index.phases?.listedMs ?? NaN) / 1000)} s)`,
    `≤ ${TARGETS.coldRatio.toFixed(1)}`,
    r.coldRatio <= TARGETS.coldRatio,
  );
  // Not a target: the floor's own work on every core, so the ratio above can be read against what
  // this machine allows at all (an index that validated nothing could not beat it).
  if (r.floorSpread) row(`  floor's work on ${r.floorSpread.threads} threads ÷ floor (lower bound)`, `${f2(r.floorSpread.ratio)} (${f2(r.floorSpread.ms / 1000)} s; CPU ${f2(r.floorSpread.cpuMs / 1000)} s)`, 'info', undefined);
  if (r.indexOnly) row('  cold index ÷ floor, index alone (no watcher)', `${f2(r.indexOnlyRatio)} (${f2(r.indexOnly.ms / 1000)} s; CPU ${f2(r.indexOnly.cpuMs / 1000)} s vs floor ${f2(r.floor.cpuMs / 1000)} s; peak RSS ${f1(r.indexOnly.maxRssMb)} MB)`, 'info', undefined);
  if (r.live) row('checkpoint write → SSE client', `p50 ${f1(r.live.p50)} ms, p95 ${f1(r.live.p95)} ms (${r.live.samples}/${r.live.writes}${r.live.lost ? `, ${r.live.lost} lost` : ''})`, `p95 ≤ ${TARGETS.liveP95Ms} ms`, r.live.lost === 0 && r.live.p95 <= TARGETS.liveP95Ms);
  row('peak RSS after cold index', `${f1(r.index.maxRssMb)} MB`, `≤ ${TARGETS.rssMb} MB`, r.index.maxRssMb <= TARGETS.rssMb);
  if (r.inbox) row(`inbox first render (${r.inbox.runs} runs, ${r.inbox.gates} gates)`, `p50 ${f1(r.inbox.p50)} ms, first ${f1(r.inbox.first)} ms`, `≤ ${TARGETS.inboxMs} ms`, r.inbox.p50 <= TARGETS.inboxMs);
  if (r.inbox?.firstPaint) row('  inbox first contentful paint (Chromium)', `p50 ${f1(r.inbox.firstPaint.p50)} ms, first ${f1(r.inbox.firstPaint.first)} ms`, 'info', undefined);
  if (r.chart) row(`iteration chart (${r.chart.points} points)`, `p50 ${f1(r.chart.p50)} ms, first ${f1(r.chart.first)} ms`, `≤ ${TARGETS.chartMs} ms`, r.chart.p50 <= TARGETS.chartMs);
  if (r.approve) row(`approve → file renamed (${r.approve.approved} gates)`, `p50 ${f1(r.approve.p50)} ms, p95 ${f1(r.approve.p95)} ms${r.approve.failed ? `, ${r.approve.failed} failed` : ''}`, `p95 ≤ ${TARGETS.approveP95Ms} ms`, r.approve.failed === 0 && r.approve.p95 <= TARGETS.approveP95Ms);
  return rows;
}

export function formatTable(rows) {
  const head = ['measure', 'result', 'target', ''];
  const body = rows.map((r) => [r.measure, r.result, r.target, r.pass]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
