import type { Gate } from '../../../shared/model';
import { formatAbsolute, formatRelative, formatWaiting } from '../common/format';
import { statusLabel, toneOf } from '../common/status';
import { AutoBadge } from '../decisions/decided-by';

/** The gate's state on a stage row: waiting (how long), or who decided what, when, with the note. */
export function GateMark({ gate, now }: { gate: Gate; now: number }) {
  const tone = toneOf(gate.status);
  if (gate.status === 'waiting') {
    return (
      <span className={`gate-mark tone-${tone}`} data-gate-status={gate.status} title={gate.since ? `Since ${formatAbsolute(gate.since)}` : undefined}>
        {formatWaiting(gate.since, now)}
      </span>
    );
  }
  const who = gate.decidedBy ? ` by ${gate.decidedBy}` : '';
  const when = gate.decidedAt ? ` · ${formatRelative(gate.decidedAt, now)}` : '';
  const icon = tone === 'green' ? '✓' : tone === 'red' ? '✕' : '•';
  return (
    <span className={`gate-mark tone-${tone}`} data-gate-status={gate.status} title={gate.decidedAt ? formatAbsolute(gate.decidedAt) : undefined}>
      <span aria-hidden="true">{icon}</span> {statusLabel(gate.status)}
      {who}
      {when}
      <AutoBadge gate={gate} />
      {gate.note ? <span className="gate-note">“{gate.note}”</span> : null}
    </span>
  );
}
