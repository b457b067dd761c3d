// Thousands of iterations would draw thousands of SVG nodes. Above a limit we keep, per bucket,
// the lowest and the highest score (so every spike and dip survives), one gap marker where a
// bucket holds only gaps, the first and last points, and any points the caller must keep
// (the selection). The table under the chart still lists every iteration.

export const DRAW_LIMIT = 300;

export function downsampleMinMax<T>(
  points: readonly T[],
  limit: number,
  valueOf: (p: T) => number | null,
  keep: (p: T) => boolean = () => false,
): T[] {
  if (points.length <= limit || limit < 4) return [...points];
  const kept = new Set<number>([0, points.length - 1]);
  points.forEach((p, i) => {
    if (keep(p)) kept.add(i);
  });
  const budget = Math.max(1, limit - kept.size);
  const bucketCount = Math.max(1, Math.floor(budget / 2));
  const inner = points.length - 2;
  const size = inner / bucketCount;
  for (let b = 0; b < bucketCount; b++) {
    const from = 1 + Math.floor(b * size);
    const to = Math.min(points.length - 1, 1 + Math.floor((b + 1) * size));
    let min = -1;
    let max = -1;
    let gap = -1;
    for (let i = from; i < to; i++) {
      const v = valueOf(points[i]);
      if (v === null) {
        if (gap < 0) gap = i;
        continue;
      }
      if (min < 0 || v < valueOf(points[min])!) min = i;
      if (max < 0 || v > valueOf(points[max])!) max = i;
    }
    if (min >= 0) kept.add(min);
    if (max >= 0) kept.add(max);
    if (min < 0 && gap >= 0) kept.add(gap);
  }
  return [...kept].sort((a, b) => a - b).map((i) => points[i]);
}
