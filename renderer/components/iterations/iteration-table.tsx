// Every iteration, including those the chart thins out: a virtualised, sortable list whose rows
// select the iteration. It is also the keyboard route to the chart's points.
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { IterationSortKey } from '../../stores/iteration-store';
import { formatScore } from '../checkpoint/format-values';
import { decisionTone } from '../review/decision-tone';
import type { IterationPoint } from './chart-series';

const ROW = 30;
const MAX_VISIBLE_ROWS = 10;

export function sortPoints(points: readonly IterationPoint[], key: IterationSortKey, dir: 'asc' | 'desc'): IterationPoint[] {
  const sign = dir === 'asc' ? 1 : -1;
  const sorted = [...points].sort((a, b) => {
    let c = 0;
    if (key === 'score') {
      // Unscored iterations sort last in either direction.
      if (a.score === null || b.score === null) return a.score === b.score ? a.n - b.n : a.score === null ? 1 : -1;
      c = a.score - b.score;
    } else if (key === 'decision') c = (a.decision ?? '').localeCompare(b.decision ?? '');
    return sign * (c || a.n - b.n);
  });
  return sorted;
}

export function IterationTable({
  points,
  selected,
  sortKey,
  sortDir,
  onSort,
  onSelect,
}: {
  points: readonly IterationPoint[];
  selected?: number;
  sortKey: IterationSortKey;
  sortDir: 'asc' | 'desc';
  onSort: (key: IterationSortKey) => void;
  onSelect: (n: number) => void;
}) {
  const rows = useMemo(() => sortPoints(points, sortKey, sortDir), [points, sortKey, sortDir]);
  // The raw column earns its place only when some judge scored on another scale.
  const showRaw = useMemo(() => points.some((p) => p.rawScore !== undefined && (p.scale ?? 10) !== 10), [points]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = Math.min(rows.length, MAX_VISIBLE_ROWS) * ROW;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 8,
    initialRect: { width: 600, height },
    // Before layout (and in jsdom) the box measures 0; the list's height is known, so use it.
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height ? rect : { width: rect.width, height })),
  });
  const sortButton = (key: IterationSortKey, label: string) => (
    <span className="gl-itable__th">
      <button
        type="button"
        className="gl-itable__sort"
        aria-label={`Sort by ${label === '#' ? 'iteration' : label.toLowerCase()}${sortKey === key ? (sortDir === 'asc' ? ', ascending' : ', descending') : ''}`}
        onClick={() => onSort(key)}
      >
        {label}
        <span aria-hidden="true" className="gl-itable__sort-mark">
          {sortKey === key ? (sortDir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </span>
  );
  return (
    <div className={`gl-itable ${showRaw ? 'gl-itable--raw' : ''}`} role="region" aria-label={`Iterations (${rows.length})`}>
      <div className="gl-itable__head">
        {sortButton('n', '#')}
        {sortButton('score', 'Score')}
        {showRaw && <span className="gl-itable__th">Raw</span>}
        {sortButton('decision', 'Decision')}
        <span className="gl-itable__th">
          Δ
        </span>
        <span className="gl-itable__th">
          Marks
        </span>
        <span className="gl-itable__th gl-itable__th--wide">
          Feedback
        </span>
      </div>
      <div ref={scrollRef} className="gl-itable__scroll" style={{ height }}>
        <ul className="gl-itable__rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const p = rows[v.index];
            const tone = decisionTone(p.decision);
            return (
              <li
                key={p.n}
                className={`gl-itable__row ${selected === p.n ? 'gl-itable__row--selected' : ''}`}
                style={{ transform: `translateY(${v.start}px)`, height: ROW }}
              >
                <button
                  type="button"
                  className="gl-itable__rowbtn"
                  data-testid="iteration-row"
                  data-n={p.n}
                  aria-pressed={selected === p.n}
                  aria-label={`Iteration ${p.n}${p.score === null ? ', no score' : `, score ${formatScore(p.score)}`}${p.decision ? `, ${p.decision}` : ''}`}
                  onClick={() => onSelect(p.n)}
                >
                  <span className="gl-itable__td gl-itable__td--n">
                    {p.n}
                  </span>
                  <span className="gl-itable__td gl-itable__td--num">
                    {p.score === null ? <span className="gl-muted">no score</span> : formatScore(p.score)}
                  </span>
                  {showRaw && (
                    <span className="gl-itable__td gl-itable__td--num gl-muted">
                      {p.rawScore !== undefined ? `${p.rawScore}${p.scale ? `/${p.scale}` : ''}` : ''}
                    </span>
                  )}
                  <span className="gl-itable__td">
                    {p.decision && <span className={`gl-dot gl-tone--${tone}`} aria-hidden="true" />}
                    {p.decision ?? ''}
                  </span>
                  <span className={`gl-itable__td gl-itable__td--num ${p.delta !== undefined && p.delta < 0 ? 'gl-tone-text--bad' : ''}`}>
                    {p.delta === undefined ? '' : `${p.delta >= 0 ? '+' : ''}${p.delta.toFixed(2)}`}
                  </span>
                  <span className="gl-itable__td">
                    {p.regression && <span className="gl-chip gl-chip--bad">▼ regression</span>}
                    {p.plateau && <span className="gl-chip">plateau</span>}
                  </span>
                  <span className="gl-itable__td gl-itable__td--wide" title={p.feedback}>
                    {p.score === null ? 'The judge wrote no evaluation for this iteration' : (p.feedback ?? '')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
