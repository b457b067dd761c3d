// Display formats shared by the checkpoint view, the review panel and the iterations panel.
// Every formatter accepts missing or odd input and returns something printable.

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** Duration from the stage's own figure, else from its start and last update. */
export function stageDurationMs(stage: { durationMs?: number; startedAt?: string; updatedAt?: string }): number | undefined {
  if (stage.durationMs !== undefined) return stage.durationMs;
  if (!stage.startedAt || !stage.updatedAt) return undefined;
  const d = Date.parse(stage.updatedAt) - Date.parse(stage.startedAt);
  return Number.isFinite(d) && d >= 0 ? d : undefined;
}

export function formatUsd(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  const digits = Math.abs(n) < 1 && n !== 0 ? 4 : 2;
  return `$${n.toFixed(digits).replace(/(\.\d\d)0+$/, '$1')}`;
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function formatScore(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return n.toFixed(1);
}

/** `sections[0].name` style, which reads better than a pointer in diff rows. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** RFC 6901 pointer, the form problems use for fields. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
