import { memo } from 'react';
import type { RunSummary } from '../../../shared/model';
import { useFlashClass } from '../../stores/ui-store';
import { FamilyBadge } from '../common/family-badge';
import { formatAbsolute, formatRelative, formatUsd } from '../common/format';
import { RouteLink } from '../common/route-link';
import { StatusPill } from '../common/status-dot';

interface Props {
  run: RunSummary;
  now: number;
  selected: boolean;
  onSelect(id: string): void;
}

export const RunRow = memo(function RunRow({ run, now, selected, onSelect }: Props) {
  const flashClass = useFlashClass(run.id);
  return (
    <RouteLink
      to={{ name: 'run', runId: run.id }}
      className={`run-row ${selected ? 'is-selected' : ''} ${flashClass}`}
      data-testid="run-row"
      data-run-id={run.id}
      data-selected={selected ? 'true' : undefined}
      aria-current={selected ? 'true' : undefined}
      onNavigate={() => onSelect(run.id)}
    >
      <span className="run-cell run-title-cell">
        <span className="run-title">{run.title}</span>
        <span className="run-sub" title={run.folder}>
          {run.title.includes(run.project) ? '' : <span className="run-project">{run.project}</span>}
          {run.runId && run.runId !== run.project && !run.folder.includes(run.runId) && !run.title.includes(run.runId) ? (
            <span className="mono">{run.runId}</span>
          ) : null}
          <span className="mono">{run.folder}</span>
        </span>
      </span>
      <span className="run-cell">
        <FamilyBadge family={run.family} />
      </span>
      <span className="run-cell">
        <StatusPill status={run.status} />
      </span>
      <span className="run-cell run-gates">
        {run.pendingGates > 0 ? (
          <span className="count count-amber" title={`${run.pendingGates} waiting gate${run.pendingGates === 1 ? '' : 's'}`}>
            {run.pendingGates} waiting
          </span>
        ) : null}
        {run.errors > 0 ? (
          <span className="count count-red" title={`${run.errors} error${run.errors === 1 ? '' : 's'}`}>
            {run.errors} ⚠
          </span>
        ) : null}
      </span>
      <span className="run-cell run-cost mono">{formatUsd(run.cost?.spentUsd)}</span>
      <span className="run-cell run-updated" title={formatAbsolute(run.updatedAt)}>
        {formatRelative(run.updatedAt, now)}
      </span>
    </RouteLink>
  );
});
