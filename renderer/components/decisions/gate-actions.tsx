// Approve / Reject for one waiting gate, wherever the gate shows (inbox row, run bar, gate box).
// A decision the family cannot take is not offered: its reason is shown in its place.
import type { Gate } from '../../../shared/model';
import { openDecision, useDecisionStore, type Decision } from '../../stores/decision-store';
import { humanise } from '../common/format';

const LABEL: Record<Decision, string> = { approve: 'Approve', reject: 'Reject' };
const KEY: Record<Decision, string> = { approve: 'a', reject: 'r' };

interface Props {
  gate: Gate;
  /** Compact rows (the inbox) keep reasons to one line; the full text stays in the title. */
  compact?: boolean;
  /** The gate box lists unavailable reasons itself. */
  showReasons?: boolean;
  /** Show the a / r key hints (where the keys act on this gate). */
  keyHints?: boolean;
}

export function GateActions({ gate, compact = false, showReasons = true, keyHints = false }: Props) {
  const pending = useDecisionStore((s) => !!s.pending[gate.id]);
  if (gate.status !== 'waiting') return null;
  const name = gate.title || humanise(gate.stageName);
  const decisions: Decision[] = ['approve', 'reject'];
  const offered = decisions.filter((d) => gate.decisions.includes(d));
  const missing = decisions.filter((d) => !gate.decisions.includes(d));
  if (!offered.length && !pending && (!showReasons || !missing.length)) return null;
  return (
    <div className={`dc-gate-actions ${compact ? 'dc-gate-actions--compact' : ''}`} data-testid="gate-actions" data-gate-id={gate.id}>
      {offered.map((d) => (
        <button
          key={d}
          type="button"
          className={`button dc-btn dc-btn--${d}`}
          aria-label={`${LABEL[d]} ${name}`}
          title={keyHints ? `${LABEL[d]} (${KEY[d]})` : undefined}
          disabled={pending}
          onClick={() => openDecision(gate, d)}
          data-decision={d}
        >
          {d === 'approve' ? '✓' : '✕'} {LABEL[d]}
          {keyHints ? <kbd className="dc-kbd">{KEY[d]}</kbd> : null}
        </button>
      ))}
      {pending ? (
        <span className="dc-muted" role="status">
          Writing…
        </span>
      ) : null}
      {showReasons
        ? missing.map((d) => (
            <span key={d} className="dc-unavailable" data-testid={`unavailable-${d}`} title={compact ? gate.unavailable[d] : undefined}>
              <span className="dc-unavailable__what">No {d}:</span> {gate.unavailable[d] ?? 'not something this pipeline can take.'}
            </span>
          ))
        : null}
    </div>
  );
}
