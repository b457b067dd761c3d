// aivideo date-times are Pydantic-serialised TIMESTAMPTZ values
// (`2025-11-21T08:45:29.080594Z`); a zone-less value is read as UTC with a warning.
import type { ProblemDraft } from '../family-adapter';
import { futureTimeProblem } from '../shared/future-time';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export function readTimestamp(value: unknown, field: string, problems: ProblemDraft[]): { iso?: string; ms?: number } {
  if (typeof value !== 'string') return {};
  const m = ISO.exec(value.trim());
  if (!m) {
    problems.push({ severity: 'error', field, code: 'av.bad_timestamp', message: `"${value.slice(0, 60)}" is not an ISO 8601 date-time` });
    return {};
  }
  const [, y, mo, d, h, mi, s = '0', frac = '', zone] = m;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + Math.floor(frac ? Number(`0.${frac}`) * 1000 : 0);
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (Number.isNaN(ms) || day.getUTCDate() !== +d || day.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +s > 59) {
    problems.push({ severity: 'error', field, code: 'av.bad_timestamp', message: `"${value.slice(0, 60)}" is not a real date-time` });
    return {};
  }
  if (!zone) {
    problems.push({
      severity: 'warning',
      field,
      code: 'av.naive_timestamp',
      message: `"${value}" has no time zone; read as UTC (the API sends TIMESTAMPTZ values with a zone)`,
    });
  } else if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const body = zone.slice(1).replace(':', '');
    ms -= sign * (Number(body.slice(0, 2)) * 60 + Number(body.slice(2) || '0')) * 60_000;
  }
  const future = futureTimeProblem(ms, value, field, 'av.future_timestamp');
  if (future) problems.push(future);
  return { iso: new Date(ms).toISOString(), ms };
}
