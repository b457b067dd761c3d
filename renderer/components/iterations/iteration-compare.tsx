// Two iterations side by side: pick A and B, then read what changed in the judge's evaluation
// (or in the plan) as a path-by-path diff.
import { useMemo } from 'react';
import type { Run } from '../../../shared/model';
import { setComparePair, setCompareDoc, stopCompare, type IterationViewState } from '../../stores/iteration-store';
import { formatScore } from '../checkpoint/format-values';
import { DecisionBadge } from '../review/decision-badge';
import type { IterationPoint } from './chart-series';
import { iterationDoc, useDocJson, type DocKind } from './iteration-docs';
import { JsonDiffView } from './json-diff-view';

export function IterationCompare({ run, points, view }: { run: Run; points: readonly IterationPoint[]; view: IterationViewState }) {
  const [a, b] = defaultPair(points, view);
  const pa = points.find((p) => p.n === a);
  const pb = points.find((p) => p.n === b);
  const doc = view.compareDoc;
  const docA = useMemo(() => (pa ? iterationDoc(run, pa.iteration, doc) : undefined), [run, pa, doc]);
  const docB = useMemo(() => (pb ? iterationDoc(run, pb.iteration, doc) : undefined), [run, pb, doc]);
  const jsonA = useDocJson(docA);
  const jsonB = useDocJson(docB);

  const picker = (label: 'A' | 'B', value: number | undefined, onChange: (n: number) => void) => (
    <label className="gl-compare__pick">
      <span className="gl-compare__side">{label}</span>
      <select aria-label={`Iteration ${label}`} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {points.map((p) => (
          <option key={p.n} value={p.n}>
            {`#${p.n} — ${p.score === null ? 'no score' : formatScore(p.score)}${p.decision ? ` ${p.decision}` : ''}`}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="gl-compare" aria-label="Compare iterations" data-testid="iteration-compare">
      <header className="gl-compare__head">
        <h3>Compare iterations</h3>
        {picker('A', a, (n) => setComparePair(run.id, n, b))}
        <button type="button" className="gl-btn gl-btn--small" aria-label="Swap A and B" onClick={() => setComparePair(run.id, b, a)}>
          ⇄
        </button>
        {picker('B', b, (n) => setComparePair(run.id, a, n))}
        <div className="gl-seg" role="group" aria-label="Document to compare">
          {(['evaluation', 'plan'] as DocKind[]).map((k) => (
            <button key={k} type="button" className="gl-seg__btn" aria-pressed={doc === k} onClick={() => setCompareDoc(run.id, k)}>
              {k === 'evaluation' ? 'Evaluation' : 'Plan'}
            </button>
          ))}
        </div>
        <button type="button" className="gl-btn gl-btn--small gl-compare__close" onClick={() => stopCompare(run.id)}>
          Close compare
        </button>
      </header>
      <div className="gl-compare__sides">
        <SideSummary label="A" point={pa} rel={docA?.rel} />
        <SideSummary label="B" point={pb} rel={docB?.rel} />
      </div>
      <CompareBody a={a} b={b} jsonA={jsonA} jsonB={jsonB} doc={doc} hasA={!!docA} hasB={!!docB} />
    </section>
  );
}

function CompareBody({
  a,
  b,
  jsonA,
  jsonB,
  doc,
  hasA,
  hasB,
}: {
  a?: number;
  b?: number;
  jsonA: ReturnType<typeof useDocJson>;
  jsonB: ReturnType<typeof useDocJson>;
  doc: DocKind;
  hasA: boolean;
  hasB: boolean;
}) {
  if (a === undefined || b === undefined) return <p className="gl-muted">Pick two iterations.</p>;
  if (!hasA || !hasB) {
    const which = [!hasA && `#${a}`, !hasB && `#${b}`].filter(Boolean).join(' and ');
    return <p className="gl-note gl-note--warn">No {doc} file for iteration {which} (the judge wrote none, or it was not found).</p>;
  }
  for (const [label, entry] of [
    ['A', jsonA],
    ['B', jsonB],
  ] as const) {
    if (!entry || entry.status === 'loading') return <p className="gl-muted">Loading…</p>;
    if (entry.status === 'error') return <p className="gl-note gl-note--bad">Cannot compare {label}: {entry.error}.</p>;
  }
  if (jsonA?.status !== 'ready' || jsonB?.status !== 'ready') return null;
  return <JsonDiffView left={jsonA.value} right={jsonB.value} leftLabel={`A · #${a}`} rightLabel={`B · #${b}`} />;
}

function SideSummary({ label, point, rel }: { label: string; point?: IterationPoint; rel?: string }) {
  if (!point) return <div className="gl-compare__summary" />;
  return (
    <div className="gl-compare__summary">
      <span className="gl-compare__side">{label}</span>
      <strong>#{point.n}</strong>
      <span>{point.score === null ? 'no score' : formatScore(point.score)}</span>
      {point.decision && <DecisionBadge decision={point.decision} label={point.decision} />}
      {rel && <code className="gl-muted gl-compare__rel">{rel}</code>}
    </div>
  );
}

/** Without a chosen pair: the selection (or the last iteration) against the one before it. */
export function defaultPair(points: readonly IterationPoint[], view: Pick<IterationViewState, 'compareA' | 'compareB' | 'selected'>): [number | undefined, number | undefined] {
  const ns = points.map((p) => p.n).sort((x, y) => x - y);
  const has = (n: number | undefined) => n !== undefined && ns.includes(n);
  const b = has(view.compareB) ? view.compareB : has(view.selected) ? view.selected : ns[ns.length - 1];
  const before = ns.filter((n) => b !== undefined && n < b);
  const a = has(view.compareA) ? view.compareA : (before[before.length - 1] ?? ns.find((n) => n !== b));
  return [a, b];
}
