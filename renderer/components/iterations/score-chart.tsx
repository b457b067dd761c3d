// Score per iteration: dots coloured by the judge's decision, dashed threshold lines, shaded
// plateaus, a red down-triangle under each regression, and grey markers on the floor for
// iterations without a score. Every drawn point is our own SVG (data-testid="iteration-point").
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatScore } from '../checkpoint/format-values';
import { decisionTone } from '../review/decision-tone';
import type { IterationPoint } from './chart-series';

export const APPROVE_THRESHOLD = 7;
export const SOFT_FAIL_THRESHOLD = 5;
const HEIGHT = 260;
const FALLBACK_WIDTH = 720;

interface Datum {
  n: number;
  score: number | null;
  /** 0 for iterations without a score, so a marker sits on the floor; null otherwise. */
  gap: number | null;
  point: IterationPoint;
}

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  payload?: Datum;
  index?: number;
}

export interface ScoreChartProps {
  points: readonly IterationPoint[];
  plateaus: readonly [number, number][];
  /**
   * The points are a thinned-out sample: neighbours in the drawing are not neighbours in the
   * run, so per-point regression and plateau marks would mislead; the table carries them.
   */
  dense?: boolean;
  selected?: number;
  compare?: readonly number[];
  onSelect: (n: number) => void;
}

function mark(name: string): void {
  try {
    globalThis.performance?.mark?.(name);
  } catch {
    /* marks are for the benchmark only */
  }
}

export function ScoreChart({ points, plateaus, dense = false, selected, compare = [], onSelect }: ScoreChartProps) {
  useState(() => mark('greenlight:chart-start'));
  const firstPaint = useRef(true);
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef);

  useEffect(() => {
    if (!firstPaint.current || width === 0) return;
    firstPaint.current = false;
    mark('greenlight:chart-rendered');
  }, [width]);

  const data: Datum[] = points.map((p) => ({ n: p.n, score: p.score, gap: p.score === null ? 0 : null, point: p }));
  const xs = points.map((p) => p.n);
  const minN = xs.length ? Math.min(...xs) : 0;
  const maxN = xs.length ? Math.max(...xs) : 1;
  const compareSet = new Set(compare);
  const radius = points.length > 120 ? 3 : 4.5;

  const renderDot = (props: DotProps) => {
    const d = props.payload;
    if (!d || d.score === null || props.cx == null || props.cy == null) return <g key={`none-${props.index}`} />;
    const p = d.point;
    const tone = decisionTone(p.decision);
    const cx = props.cx;
    const cy = props.cy;
    return (
      <g
        key={`pt-${p.n}`}
        className={`gl-pt gl-pt--${tone} ${selected === p.n ? 'gl-pt--selected' : ''}`}
        data-testid="iteration-point"
        data-n={p.n}
        data-tone={tone}
        data-regression={p.regression || undefined}
        data-plateau={p.plateau || undefined}
        onClick={() => onSelect(p.n)}
      >
        <title>{`Iteration ${p.n}: ${formatScore(p.score ?? undefined)}${p.decision ? ` ${p.decision}` : ''}`}</title>
        {selected === p.n && <circle className="gl-pt__halo" cx={cx} cy={cy} r={9} />}
        {compareSet.has(p.n) && selected !== p.n && <circle className="gl-pt__compare" cx={cx} cy={cy} r={8} />}
        {p.plateau && !dense && <circle className="gl-pt__plateau" cx={cx} cy={cy} r={7} />}
        <circle className="gl-pt__dot" cx={cx} cy={cy} r={radius} />
        {p.regression && !dense && <path className="gl-pt__regression" d={`M${cx - 4.5},${cy + 9} L${cx + 4.5},${cy + 9} L${cx},${cy + 16} Z`} />}
        {/* A wider transparent target makes small dots easy to click. */}
        <circle className="gl-pt__hit" cx={cx} cy={cy} r={10} />
      </g>
    );
  };

  const renderGap = (props: DotProps) => {
    const d = props.payload;
    if (!d || d.gap === null || props.cx == null || props.cy == null) return <g key={`nogap-${props.index}`} />;
    const n = d.n;
    return (
      <g key={`gap-${n}`} className={`gl-pt gl-pt--gap ${selected === n ? 'gl-pt--selected' : ''}`} data-testid="iteration-point" data-n={n} data-tone="gap" onClick={() => onSelect(n)}>
        <title>{`Iteration ${n}: no score`}</title>
        {selected === n && <circle className="gl-pt__halo" cx={props.cx} cy={props.cy - 6} r={9} />}
        <rect className="gl-pt__gap" x={props.cx - 4} y={props.cy - 10} width={8} height={8} rx={1.5} />
        <circle className="gl-pt__hit" cx={props.cx} cy={props.cy - 6} r={10} />
      </g>
    );
  };

  return (
    <div className="gl-chart" ref={wrapRef}>
      {width > 0 && (
        <LineChart
          width={width}
          height={HEIGHT}
          data={data}
          margin={{ top: 12, right: 88, bottom: 8, left: 0 }}
          onClick={(state) => {
            const label = (state as { activeLabel?: unknown } | null)?.activeLabel;
            if (label !== undefined && label !== null && Number.isFinite(Number(label))) onSelect(Number(label));
          }}
        >
          <CartesianGrid className="gl-chart__grid" vertical={false} />
          {(dense ? [] : plateaus).map(([a, b]) => (
            <ReferenceArea key={`pl-${a}-${b}`} x1={a} x2={b} y1={0} y2={10} className="gl-chart__plateau" ifOverflow="hidden" />
          ))}
          <XAxis
            dataKey="n"
            type="number"
            domain={[minN, maxN]}
            ticks={maxN - minN <= 24 ? range(minN, maxN) : undefined}
            allowDecimals={false}
            tickLine={false}
            padding={{ left: 14, right: 14 }}
            className="gl-chart__axis"
            label={{ value: 'iteration', position: 'insideBottomRight', offset: -2, className: 'gl-chart__axis-label' }}
          />
          <YAxis domain={[0, 10]} ticks={[0, 2, 4, 5, 6, 7, 8, 10]} width={32} tickLine={false} className="gl-chart__axis" />
          <ReferenceLine
            y={APPROVE_THRESHOLD}
            className="gl-chart__threshold gl-chart__threshold--ok"
            strokeDasharray="5 4"
            label={{ value: 'APPROVE 7.0', position: 'right', className: 'gl-chart__threshold-label gl-chart__threshold-label--ok' }}
          />
          <ReferenceLine
            y={SOFT_FAIL_THRESHOLD}
            className="gl-chart__threshold gl-chart__threshold--warn"
            strokeDasharray="5 4"
            label={{ value: 'SOFT_FAIL 5.0', position: 'right', className: 'gl-chart__threshold-label gl-chart__threshold-label--warn' }}
          />
          <Tooltip content={<ChartTooltip />} isAnimationActive={false} cursor={{ className: 'gl-chart__cursor' }} />
          <Line
            dataKey="score"
            type="linear"
            className="gl-chart__line"
            isAnimationActive={false}
            connectNulls={false}
            dot={renderDot}
            activeDot={false}
          />
          <Line dataKey="gap" stroke="none" isAnimationActive={false} dot={renderGap} activeDot={false} legendType="none" tooltipType="none" />
        </LineChart>
      )}
    </div>
  );
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

function ChartTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Datum }[] }) {
  const d = active ? payload?.[0]?.payload : undefined;
  if (!d) return null;
  const p = d.point;
  return (
    <div className="gl-chart__tooltip">
      <div className="gl-chart__tooltip-title">Iteration {p.n}</div>
      {p.score === null ? (
        <div className="gl-muted">No score — the judge produced no evaluation</div>
      ) : (
        <div>
          Score <strong>{formatScore(p.score)}</strong>
          <span className="gl-muted">/10</span>
          {p.rawScore !== undefined && (p.scale ?? 10) !== 10 && (
            <span className="gl-muted">
              {' '}
              (raw {p.rawScore}/{p.scale})
            </span>
          )}
          {p.delta !== undefined && (
            <span className={p.delta < 0 ? 'gl-tone-text--bad' : 'gl-muted'}>
              {' '}
              {p.delta >= 0 ? '+' : ''}
              {p.delta.toFixed(2)}
            </span>
          )}
        </div>
      )}
      {p.decision && <div className={`gl-tone-text--${decisionTone(p.decision)}`}>{p.decision}</div>}
      {(p.regression || p.plateau) && (
        <div className="gl-muted">
          {p.regression ? 'Regression' : ''}
          {p.regression && p.plateau ? ' · ' : ''}
          {p.plateau ? 'Plateau' : ''}
        </div>
      )}
      {p.feedback && <div className="gl-chart__tooltip-feedback">{p.feedback}</div>}
    </div>
  );
}

/** Width of the chart's box, following resizes; jsdom reports 0, so tests get a fixed width. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.getBoundingClientRect().width) || FALLBACK_WIDTH);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
