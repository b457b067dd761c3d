// A date-time far ahead of this computer's clock is not skew between two machines: it is a
// wrong value (a bad clock, a typo, a fuzzed file), and it would sort the gate last and show a
// negative waiting time. Said once, as a warning beside the field.
import type { ProblemDraft } from '../family-adapter';

/** How far ahead of the clock a time may lie before it is called wrong. */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;

export function futureTimeProblem(ms: number | undefined, value: string, field: string, code: string, now = Date.now()): ProblemDraft | undefined {
  if (ms === undefined || !Number.isFinite(ms) || ms <= now + FUTURE_SLACK_MS) return undefined;
  return {
    severity: 'warning',
    field,
    code,
    message: `"${value.length > 60 ? value.slice(0, 59) + '…' : value}" lies in the future (more than a day ahead of this computer's clock); waiting times and ordering will be wrong`,
  };
}
