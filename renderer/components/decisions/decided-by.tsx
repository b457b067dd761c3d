// Who decided a gate, when, with which note; "auto" when an auto-approve rule did it.
import type { Gate } from '../../../shared/model';
import { useNow } from '../../hooks/use-now';
import { formatAbsolute, formatRelative } from '../common/format';
import { statusLabel, toneOf } from '../common/status';

export function isAuto(gate: Gate): boolean {
  return !!gate.auto || gate.status === 'auto_approved';
}

export function AutoBadge({ gate }: { gate: Gate }) {
  if (!isAuto(gate)) return null;
  return (
    <span className="dc-auto" data-testid="auto-badge" title="Approved by an auto-approve rule, not by a person">
      auto
    </span>
  );
}

export function DecidedBy({ gate, showStatus = true }: { gate: Gate; showStatus?: boolean }) {
  const now = useNow();
  if (gate.status === 'waiting') return null;
  const tone = toneOf(gate.status);
  return (
    <span className="dc-decided" data-testid="decided-by" data-gate-status={gate.status}>
      {showStatus ? (
        <span className={`pill tone-${tone}`}>
          {tone === 'green' ? '✓' : tone === 'red' ? '✕' : '•'} {statusLabel(gate.status)}
        </span>
      ) : null}
      <AutoBadge gate={gate} />
      {gate.decidedBy ? (
        <span>
          <span className="dc-muted">by</span> {gate.decidedBy}
        </span>
      ) : null}
      {gate.decidedAt ? (
        <time dateTime={gate.decidedAt} title={formatAbsolute(gate.decidedAt)} className="dc-muted">
          {formatRelative(gate.decidedAt, now)}
        </time>
      ) : null}
      {gate.note ? <q className="dc-decided__note">{gate.note}</q> : null}
    </span>
  );
}
