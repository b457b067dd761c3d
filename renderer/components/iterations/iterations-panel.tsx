// A judge-loop run (Twinklr) as a score trajectory: the chart, a table of every iteration, the
// selected iteration's review and documents, and a side-by-side compare of two iterations.
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Run } from '../../../shared/model';
import { selectIteration, sortIterations, startCompare, useIterationView } from '../../stores/iteration-store';
import { formatScore } from '../checkpoint/format-values';
import { buildSeries, plateauRanges } from './chart-series';
import { DRAW_LIMIT, downsampleMinMax } from './downsample';
import { IterationCompare, defaultPair } from './iteration-compare';
import { IterationDetail } from './iteration-detail';
import { IterationTable } from './iteration-table';
import { ChartLegend } from './chart-legend';
import { lazyView } from '../common/lazy-view';

// Recharts and d3 are most of this view's code: they load as their own chunk, in the chart's frame.
const ScoreChart = lazyView(() => import('../../chunks/score-chart').then((m) => m.ScoreChart), { what: 'the chart', className: 'gl-chart' });

const MAX_KEPT_GAPS = 50;

export function IterationsPanel({ run }: { run: Run }) {
  const view = useIterationView(run.id);
  const points = useMemo(() => buildSeries(run.iterations), [run.iterations]);
  const plateaus = useMemo(() => plateauRanges(points), [points]);
  const comparePair = view.compare ? defaultPair(points, view) : [];
  const keep = useMemo(() => new Set([view.selected, ...comparePair].filter((n): n is number => n !== undefined)), [view.selected, comparePair[0], comparePair[1]]);
  // A handful of judge failures stay visible even in a thinned-out chart.
  const keepGaps = useMemo(() => points.filter((p) => p.score === null).length <= MAX_KEPT_GAPS, [points]);
  const drawn = useMemo(
    () => downsampleMinMax(points, DRAW_LIMIT, (p) => p.score, (p) => keep.has(p.n) || (keepGaps && p.score === null)),
    [points, keep, keepGaps],
  );
  const onSelect = useCallback((n: number) => selectIteration(run.id, n), [run.id]);
  const selectedPoint = points.find((p) => p.n === view.selected);
  const detailRef = useRef<HTMLDivElement>(null);
  const compareRef = useRef<HTMLDivElement>(null);
  useScrollIntoViewOnChange(detailRef, view.selected);
  useScrollIntoViewOnChange(compareRef, view.compare || undefined);

  if (points.length === 0) {
    return (
      <section className="gl-it" aria-label="Iterations">
        <p className="gl-muted">This run has no iterations.</p>
      </section>
    );
  }

  const scored = points.filter((p) => p.score !== null);
  const best = scored.reduce<(typeof points)[number] | undefined>((m, p) => (m === undefined || p.score! > m.score! ? p : m), undefined);
  const last = points[points.length - 1];
  const regressions = points.filter((p) => p.regression).length;
  const gaps = points.length - scored.length;
  const downsampled = drawn.length < points.length;

  return (
    <section className="gl-it" aria-label="Iterations">
      <header className="gl-it__head">
        <h2 className="gl-it__title">Score progression</h2>
        <dl className="gl-it__stats">
          <div>
            <dt>Iterations</dt>
            <dd>{points.length}</dd>
          </div>
          <div>
            <dt>Best</dt>
            <dd>{best ? `${formatScore(best.score!)} (#${best.n})` : '—'}</dd>
          </div>
          <div>
            <dt>Last</dt>
            <dd>{last.score === null ? 'no score' : `${formatScore(last.score)}${last.decision ? ` ${last.decision}` : ''}`}</dd>
          </div>
          <div>
            <dt>Regressions</dt>
            <dd>{regressions}</dd>
          </div>
          {gaps > 0 && (
            <div>
              <dt>No score</dt>
              <dd>{gaps}</dd>
            </div>
          )}
        </dl>
        {!view.compare && points.length > 1 && (
          <button type="button" className="gl-btn gl-btn--small" onClick={() => startCompare(run.id)}>
            Compare two iterations
          </button>
        )}
      </header>
      <ScoreChart
        points={drawn}
        plateaus={plateaus}
        dense={downsampled}
        selected={view.selected}
        compare={view.compare ? (comparePair as number[]) : []}
        onSelect={onSelect}
      />
      <ChartLegend downsampled={downsampled ? { drawn: drawn.length, total: points.length } : undefined} />
      <IterationTable
        points={points}
        selected={view.selected}
        sortKey={view.sortKey}
        sortDir={view.sortDir}
        onSort={(k) => sortIterations(run.id, k)}
        onSelect={onSelect}
      />
      {view.compare && (
        <div ref={compareRef} className="gl-it__anchor">
          <IterationCompare run={run} points={points} view={view} />
        </div>
      )}
      {selectedPoint ? (
        <div ref={detailRef} className="gl-it__anchor">
          <IterationDetail
            key={selectedPoint.n}
            run={run}
            point={selectedPoint}
            onCompare={view.compare ? undefined : () => startCompare(run.id, undefined, selectedPoint.n)}
          />
        </div>
      ) : (
        !view.compare && <p className="gl-muted gl-it__hint">Click a point or a row to open that iteration.</p>
      )}
    </section>
  );
}

/** Brings a section into view when the user opens it (not when the panel first mounts). */
function useScrollIntoViewOnChange(ref: RefObject<HTMLElement | null>, value: unknown): void {
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    if (value !== undefined) ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [ref, value]);
}
