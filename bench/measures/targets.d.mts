// Types of bench/measures/targets.mjs, for the tests that call it.
export const TARGETS: { coldRatio: number; liveP95Ms: number; rssMb: number; inboxMs: number; chartMs: number; approveP95Ms: number };
export interface VerdictRow {
  measure: string;
  result: string;
  target: string;
  /** 'PASS', 'FAIL', or '' for a row that only informs. */
  pass: '' | 'PASS' | 'FAIL';
}
// The results object as bench/run.mjs assembles it (only the fields a verdict reads).
export function verdicts(results: Record<string, any>): VerdictRow[];
export function formatTable(rows: VerdictRow[]): string;
