// Small value helpers for building records from loosely typed JSON without throwing.

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function finiteNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A bounded copy of a (possibly huge) string, for records that must stay small. */
export function clip(s: string, max = 2000): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** First non-empty line, shortened: for one-line summaries. */
export function oneLine(s: string, max = 160): string {
  const line = s.split('\n').find((l) => l.trim() !== '') ?? '';
  return clip(line.trim(), max);
}

export function isoFromMs(ms: number): string | undefined {
  return Number.isFinite(ms) && ms > 0 && ms < 8.64e15 ? new Date(ms).toISOString() : undefined;
}

/** Rounded for display in summaries (6.5, 9.06), never for stored scores. */
export function fmtScore(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A short, never-throwing description of any value for messages (String() throws on some objects). */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(clip(v, 60));
  return String(v);
}
