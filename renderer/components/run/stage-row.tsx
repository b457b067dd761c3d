import { memo, useState } from 'react';
import type { Gate, Stage } from '../../../shared/model';
import { useFlashClass } from '../../stores/ui-store';
import { formatAbsolute, formatDuration, formatRelative, formatUsd, humanise } from '../common/format';
import { StatusDot } from '../common/status-dot';
import { statusLabel, toneOf } from '../common/status';
import { GateMark } from './gate-mark';
import { StageVersions } from './stage-versions';

interface Props {
  stage: Stage;
  gate?: Gate;
  selected: boolean;
  now: number;
  onSelect(stage: Stage): void;
}

export const StageRow = memo(function StageRow({ stage, gate, selected, now, onSelect }: Props) {
  const flashClass = useFlashClass(stage.id);
  const [showVersions, setShowVersions] = useState(false);
  // The current version is the stage itself; "earlier" are the rest.
  const earlier = stage.versions.filter((v) => !v.current);
  const time = stage.updatedAt ?? stage.startedAt;
  const duration = formatDuration(stage.durationMs);
  // A zero cost says nothing a reviewer needs; leave it out of the dense row.
  const cost = stage.cost?.spentUsd ? formatUsd(stage.cost.spentUsd) : '';
  return (
    <li
      className={`stage-row status-${stage.status} ${selected ? 'is-selected' : ''} ${flashClass}`}
      data-testid="stage-row"
      data-stage-name={stage.name}
      data-stage-id={stage.id}
      data-status={stage.status}
    >
      <span className="stage-rail" aria-hidden="true">
        <StatusDot status={stage.status} />
      </span>
      <div className="stage-body">
        <button type="button" className="stage-main" aria-pressed={selected} onClick={() => onSelect(stage)}>
          <span className="stage-head">
            <span className="stage-name">{stage.label ?? humanise(stage.name)}</span>
            <span className={`stage-status text-${toneOf(stage.status)}`}>{statusLabel(stage.status)}</span>
          </span>
          <span className="stage-facts">
            {time ? <span title={formatAbsolute(time)}>{formatRelative(time, now)}</span> : null}
            {duration ? <span title="Duration">{duration}</span> : null}
            {stage.attempts > 1 ? <span title="Attempts">{stage.attempts} attempts</span> : null}
            {cost ? <span className="mono" title="Cost">{cost}</span> : null}
            {stage.branch ? <span className="mono" title="Branch">{stage.branch}</span> : null}
            {stage.review?.score !== undefined ? <span title="Review score (0–10)">★ {stage.review.score.toFixed(1)}</span> : null}
          </span>
          {gate ? (
            <span className="stage-gate">
              <GateMark gate={gate} now={now} />
            </span>
          ) : stage.gateRequired ? (
            <span className="stage-gate">
              <span className="gate-mark tone-grey">approval gate</span>
            </span>
          ) : null}
          {stage.flags.length ? (
            <span className="stage-flags">
              {stage.flags.map((f) => (
                <span key={f} className="tag tag-warn">
                  {humanise(f)}
                </span>
              ))}
            </span>
          ) : null}
          {stage.error ? <span className="stage-error">{stage.error}</span> : null}
        </button>
        {earlier.length ? (
          <>
            <button
              type="button"
              className="versions-toggle"
              aria-expanded={showVersions}
              onClick={() => setShowVersions((v) => !v)}
              data-testid="stage-versions-toggle"
            >
              {showVersions ? '▾' : '▸'} {earlier.length} earlier version{earlier.length === 1 ? '' : 's'}
            </button>
            {showVersions ? <StageVersions versions={stage.versions} now={now} /> : null}
          </>
        ) : null}
      </div>
    </li>
  );
});
