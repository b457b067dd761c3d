// Turns a run's iterations into what the chart and table draw: one point per iteration (score
// or a gap when the judge failed), with regressions and plateaus worked out on the full series.
import type { Iteration } from '../../../shared/model';

export interface IterationPoint {
  n: number;
  /** Normalised 0–10; null when the iteration has no score (judge failure). */
  score: number | null;
  rawScore?: number;
  scale?: number;
  decision?: string;
  feedback?: string;
  /** Change from the previous scored iteration. */
  delta?: number;
  regression: boolean;
  plateau: boolean;
  iteration: Iteration;
}

export const PLATEAU_EPSILON = 0.2;
/** A plateau is this many consecutive small steps (so at least three points). */
export const PLATEAU_MIN_STEPS = 2;

export function firstLine(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const line = text.split(/\r?\n/).find((l) => l.trim());
  return line?.trim();
}

function scoreOf(it: Iteration): number | null {
  const s = it.score ?? it.review?.score;
  return typeof s === 'number' && Number.isFinite(s) ? s : null;
}

export function buildSeries(iterations: readonly Iteration[]): IterationPoint[] {
  const sorted = [...iterations].sort((a, b) => a.n - b.n);
  const points: IterationPoint[] = sorted.map((it) => ({
    n: it.n,
    score: scoreOf(it),
    rawScore: it.rawScore ?? it.review?.rawScore,
    scale: it.scale ?? it.review?.scale,
    decision: it.decision ?? it.review?.decision,
    feedback: firstLine(it.review?.feedback) ?? firstLine(it.review?.summary),
    regression: false,
    plateau: false,
    iteration: it,
  }));
  const scored = points.filter((p) => p.score !== null);
  for (let i = 1; i < scored.length; i++) {
    const delta = scored[i].score! - scored[i - 1].score!;
    scored[i].delta = delta;
    // A drop of less than the plateau noise is not called a regression.
    if (delta < 0 && Math.abs(delta) >= 1e-9) scored[i].regression = true;
  }
  for (const [start, end] of plateauRuns(scored)) {
    for (let i = start; i <= end; i++) scored[i].plateau = true;
  }
  return points;
}

/** Index ranges (inclusive, into `scored`) of runs with |Δ| < ε for ≥ PLATEAU_MIN_STEPS steps. */
function plateauRuns(scored: readonly IterationPoint[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= scored.length; i++) {
    const flat = i < scored.length && Math.abs(scored[i].score! - scored[i - 1].score!) < PLATEAU_EPSILON;
    if (!flat) {
      if (i - 1 - start >= PLATEAU_MIN_STEPS) runs.push([start, i - 1]);
      start = i;
    }
  }
  return runs;
}

/** Plateaus as iteration-number ranges, for shading the chart. */
export function plateauRanges(points: readonly IterationPoint[]): [number, number][] {
  const scored = points.filter((p) => p.score !== null);
  return plateauRuns(scored).map(([a, b]) => [scored[a].n, scored[b].n]);
}
