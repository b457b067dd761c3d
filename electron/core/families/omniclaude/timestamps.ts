// OmniClaude timestamps: the model wants time-zone-aware datetimes (naive ones are rejected)
// and normalises them to UTC. The writer quotes `'2026-02-12T10:15:30.123456Z'`; a hand-written
// unquoted value is a YAML timestamp to PyYAML, so the looser YAML 1.1 spelling (one-digit
// month/day/hour, space before the zone) is accepted too. Numbers are Unix seconds, which
// Pydantic accepts as UTC.
import type { ProblemDraft } from '../family-adapter';

const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/;
const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export interface TimestampResult {
  /** ISO 8601 in UTC (milliseconds), present when the value could be placed in time. */
  iso?: string;
  ms?: number;
  problems: ProblemDraft[];
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const body = zone.slice(1).replace(':', '');
  const hh = body.length <= 2 ? body : body.slice(0, body.length - 2);
  const mm = body.length <= 2 ? '0' : body.slice(-2);
  return sign * (Number(hh) * 60 + Number(mm));
}

/** Check a value that must be a tz-aware date-time; `field` is its JSON pointer. */
export function checkAwareTimestamp(value: unknown, field: string, name: string): TimestampResult {
  if (value instanceof Date) {
    // Another loader already made it a Date: the zone was resolved there, treat it as aware.
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { problems: [bad(field, name, 'an invalid date')] };
    return { ms, iso: new Date(ms).toISOString(), problems: [] };
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Pydantic reads numbers as Unix time: seconds, or milliseconds above 2e10.
    const ms = Math.abs(value) > 2e10 ? value : value * 1000;
    return {
      ms,
      iso: new Date(ms).toISOString(),
      problems: [
        {
          severity: 'warning',
          field,
          code: 'oc.numeric_timestamp',
          message: `${name} is the number ${value}; Pydantic reads it as Unix time (${new Date(ms).toISOString()}), but the writer always records an ISO 8601 string`,
        },
      ],
    };
  }
  if (typeof value !== 'string') {
    return {
      problems: [
        {
          severity: 'error',
          field,
          code: value === undefined ? 'oc.missing_field' : 'oc.timestamp_type',
          message: value === undefined ? `${name} is missing` : `${name} must be a date-time string, found ${describe(value)}`,
        },
      ],
    };
  }
  const s = value.trim();
  if (DATE_ONLY.test(s)) {
    return { problems: [naive(field, name, value)] };
  }
  const m = DATE_TIME.exec(s);
  if (!m) return { problems: [bad(field, name, `"${clip(value)}"`)] };
  const [, y, mo, d, h, mi, sec = '0', frac = '', zone] = m;
  const fracMs = frac ? Number(`0.${frac}`) * 1000 : 0;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) + Math.floor(fracMs);
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    Number.isNaN(local) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(sec) > 59
  ) {
    return { problems: [bad(field, name, `"${clip(value)}" (no such date or time)`)] };
  }
  if (!zone) {
    // Read as UTC so the timeline still has a place for it; the pipeline itself rejects it.
    return { ms: local, iso: new Date(local).toISOString(), problems: [naive(field, name, value)] };
  }
  const ms = local - offsetMinutes(zone) * 60_000;
  return { ms, iso: new Date(ms).toISOString(), problems: [] };
}

function naive(field: string, name: string, value: string): ProblemDraft {
  return {
    severity: 'error',
    field,
    code: 'oc.naive_timestamp',
    message: `${name} "${clip(value)}" has no time zone; the checkpoint model rejects naive date-times (the writer records UTC with a trailing Z)`,
  };
}

function bad(field: string, name: string, what: string): ProblemDraft {
  return { severity: 'error', field, code: 'oc.bad_timestamp', message: `${name} is not an ISO 8601 date-time: ${what}` };
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${clip(v)}"`;
  return `${typeof v === 'number' ? 'the number' : typeof v === 'boolean' ? 'the boolean' : typeof v} ${String(v)}`;
}

export function clip(s: string, n = 60): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
