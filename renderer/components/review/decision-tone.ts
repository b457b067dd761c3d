// One mapping from a decision or status word to a colour tone, so the badge, the chart dots and
// the table agree. Judges write APPROVE / SOFT_FAIL / HARD_FAIL; other families use other words.
export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';

const OK = new Set(['APPROVE', 'APPROVED', 'PASS', 'PASSED', 'SUCCESS', 'ACCEPT', 'ACCEPTED', 'COMPLETED', 'AUTO_APPROVED']);
const WARN = new Set(['SOFT_FAIL', 'REVISE', 'NEEDS_CHANGES', 'CHANGES_REQUESTED', 'WAITING', 'AWAITING_HUMAN', 'INCOMPLETE', 'TIMED_OUT']);
const BAD = new Set(['HARD_FAIL', 'FAIL', 'FAILED', 'REJECT', 'REJECTED', 'ERROR']);
const INFO = new Set(['IN_PROGRESS', 'RUNNING']);

export function decisionTone(decision: string | undefined): Tone {
  if (!decision) return 'neutral';
  const key = decision.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (OK.has(key)) return 'ok';
  if (WARN.has(key)) return 'warn';
  if (BAD.has(key)) return 'bad';
  if (INFO.has(key)) return 'info';
  return 'neutral';
}

/** Human label for a status word: `awaiting_human` → `awaiting human`. */
export function statusLabel(status: string): string {
  return status.replace(/_/g, ' ');
}
