// Timestamps as OpenMontage writes them: Python `isoformat()` with an offset, hand-written
// `…Z`, and sometimes naive local times that cannot be placed on a timeline reliably.
import type { ProblemDraft } from '../family-adapter';
import { futureTimeProblem } from '../shared/future-time';

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

export interface TimestampCheck {
  /** Milliseconds since the epoch; naive times are read as UTC so ordering still works. */
  ms?: number;
  problems: ProblemDraft[];
}

export function checkTimestamp(value: unknown, field: string): TimestampCheck {
  if (typeof value !== 'string') return { problems: [] }; // type issues come from the schema check
  const m = ISO.exec(value.trim());
  if (!m) {
    const ms = Date.parse(value);
    return {
      ms: Number.isNaN(ms) ? undefined : ms,
      problems: [
        {
          severity: 'error',
          field,
          code: 'om.bad_timestamp',
          message: `"${clip(value)}" is not an ISO 8601 date-time (the writer uses datetime.now(timezone.utc).isoformat())`,
        },
      ],
    };
  }
  if (!m[3]) {
    const ms = Date.parse(`${m[1]}T${m[2]}Z`);
    const future = futureTimeProblem(ms, value, field, 'om.future_timestamp');
    return {
      ms: Number.isNaN(ms) ? undefined : ms,
      problems: [
        ...(future ? [future] : []),
        {
          severity: 'warning',
          field,
          code: 'om.naive_timestamp',
          message: `"${value}" has no time zone; Greenlight reads it as UTC, but the writer always records an offset`,
        },
      ],
    };
  }
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3].length === 5 ? m[3].slice(0, 3) + ':' + m[3].slice(3) : m[3]}`);
  if (Number.isNaN(ms)) {
    return { problems: [{ severity: 'error', field, code: 'om.bad_timestamp', message: `"${value}" is not a valid date-time` }] };
  }
  const future = futureTimeProblem(ms, value, field, 'om.future_timestamp');
  return { ms, problems: future ? [future] : [] };
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}
