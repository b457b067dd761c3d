import { decisionTone, statusLabel } from './decision-tone';

/** APPROVE green, SOFT_FAIL amber, HARD_FAIL red, anything else neutral. */
export function DecisionBadge({ decision, label }: { decision: string; label?: string }) {
  const tone = decisionTone(decision);
  return (
    <span className={`gl-badge gl-badge--${tone}`} data-tone={tone}>
      {label ?? statusLabel(decision)}
    </span>
  );
}
