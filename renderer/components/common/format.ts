// Display formatting for times, durations and money. Compact on purpose: the desk is dense.

function parse(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

/** "45s", "14m", "2h 14m", "3d 4h". */
export function formatSpan(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}m`;
  const d = Math.floor(h / 24);
  return `${d}d ${h % 24}h`;
}

/** "waiting 2h 14m"; under a minute reads "waiting <1m" (the clock ticks every 15 s). */
export function formatWaiting(since: string | undefined, now: number): string {
  const t = parse(since);
  if (t === undefined) return 'waiting';
  const ms = now - t;
  return ms < 60_000 ? 'waiting <1m' : `waiting ${formatSpan(ms)}`;
}

/** "just now", "5m ago", "2h ago", "3d ago", then a date. */
export function formatRelative(iso: string | undefined, now: number): string {
  const t = parse(iso);
  if (t === undefined) return '—';
  const ms = now - t;
  // The shared clock ticks every 15 s and machines disagree a little: a time slightly ahead is "just now".
  if (ms < -5 * 60_000) return formatAbsolute(iso);
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)}m ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)}h ago`;
  if (ms < 30 * 86_400_000) return `${Math.floor(ms / 86_400_000)}d ago`;
  return new Date(t).toLocaleDateString();
}

export function formatAbsolute(iso: string | undefined): string {
  const t = parse(iso);
  return t === undefined ? '' : new Date(t).toLocaleString();
}

/** "350 ms", "12s", "1m 20s", "2h 3m". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export function formatUsd(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  if (n === 0) return '$0';
  if (Math.abs(n) < 0.01) return `$${n.toFixed(4)}`;
  if (Math.abs(n) < 100) return `$${n.toFixed(2)}`;
  return `$${Math.round(n).toLocaleString()}`;
}

export function basename(rel: string): string {
  return rel.split('/').filter(Boolean).pop() ?? rel;
}

export function humanise(s: string): string {
  return s.replace(/_/g, ' ');
}
