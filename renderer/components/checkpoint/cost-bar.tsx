import type { Cost } from '../../../shared/model';
import { formatUsd } from './format-values';

/** Spent against budget as a bar; reserved money shows as a lighter segment after the spend. */
export function CostBar({ cost }: { cost: Cost }) {
  const { spentUsd, budgetUsd, reservedUsd, remainingUsd, note } = cost;
  const budget = budgetUsd ?? (spentUsd !== undefined && remainingUsd !== undefined ? spentUsd + remainingUsd : undefined);
  const hasBar = budget !== undefined && budget > 0 && spentUsd !== undefined;
  const spentPct = hasBar ? Math.min(100, (spentUsd! / budget!) * 100) : 0;
  const reservedPct = hasBar && reservedUsd ? Math.min(100 - spentPct, (reservedUsd / budget!) * 100) : 0;
  const over = hasBar && spentUsd! > budget!;
  return (
    <div className="gl-cost">
      <div className="gl-cost__figures">
        <span>
          <strong>{formatUsd(spentUsd)}</strong> spent
        </span>
        {budget !== undefined && <span className="gl-muted">of {formatUsd(budget)} budget</span>}
        {reservedUsd !== undefined && reservedUsd > 0 && <span className="gl-muted">· {formatUsd(reservedUsd)} reserved</span>}
        {remainingUsd !== undefined && <span className="gl-muted">· {formatUsd(remainingUsd)} left</span>}
      </div>
      {hasBar && (
        <div
          className={`gl-cost__track ${over ? 'gl-cost__track--over' : ''}`}
          role="meter"
          aria-label="Budget spent"
          aria-valuemin={0}
          aria-valuemax={budget}
          aria-valuenow={spentUsd}
          aria-valuetext={`${formatUsd(spentUsd)} of ${formatUsd(budget)}`}
        >
          <div className="gl-cost__spent" style={{ width: `${spentPct}%` }} />
          {reservedPct > 0 && <div className="gl-cost__reserved" style={{ width: `${reservedPct}%` }} />}
        </div>
      )}
      {note && <p className="gl-note">{note}</p>}
    </div>
  );
}
