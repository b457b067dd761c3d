// One colour language for every status: waiting amber, done green, failed red, running blue,
// everything idle grey.
import type { GateStatus, RunStatus, StageStatus } from '../../../shared/model';

export type Tone = 'amber' | 'green' | 'red' | 'blue' | 'grey';

const TONES: Record<string, Tone> = {
  waiting: 'amber',
  awaiting_human: 'amber',
  running: 'blue',
  in_progress: 'blue',
  completed: 'green',
  approved: 'green',
  auto_approved: 'green',
  failed: 'red',
  rejected: 'red',
  timed_out: 'red',
  pending: 'grey',
  stale: 'grey',
  skipped: 'grey',
  incomplete: 'grey',
  unknown: 'grey',
};

export function toneOf(status: RunStatus | StageStatus | GateStatus | string): Tone {
  return TONES[status] ?? 'grey';
}

const LABELS: Record<string, string> = {
  awaiting_human: 'awaiting approval',
  in_progress: 'in progress',
  auto_approved: 'auto-approved',
  timed_out: 'timed out',
};

export function statusLabel(status: string): string {
  return LABELS[status] ?? status.replace(/_/g, ' ');
}
