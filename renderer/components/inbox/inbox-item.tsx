import { memo } from 'react';
import type { Gate, RunSummary } from '../../../shared/model';
import { useFlashClass } from '../../stores/ui-store';
import { FamilyBadge } from '../common/family-badge';
import { formatAbsolute, formatWaiting, humanise } from '../common/format';
import { RouteLink } from '../common/route-link';
import { GateActions } from '../decisions/gate-actions';

interface Props {
  gate: Gate;
  run?: RunSummary;
  now: number;
  selected: boolean;
  onSelect(id: string): void;
}

export const InboxItem = memo(function InboxItem({ gate, run, now, selected, onSelect }: Props) {
  const flashClass = useFlashClass(gate.id);
  const title = run?.title ?? gate.title;
  const stage = humanise(gate.stageName);
  const waited = formatWaiting(gate.since, now);
  return (
    <li className={`inbox-row ${selected ? 'is-selected' : ''} ${flashClass}`}>
      <RouteLink
        to={{ name: 'run', runId: gate.runId, stageId: gate.stageId ?? gate.stageName }}
        className="inbox-item"
        data-testid="inbox-item"
        data-gate-id={gate.id}
        data-selected={selected ? 'true' : undefined}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${title}, stage ${stage}, ${waited}`}
        onNavigate={() => onSelect(gate.id)}
      >
        <span className="dot tone-amber" aria-hidden="true" />
        <span className="inbox-main">
          <span className="inbox-line">
            <FamilyBadge family={gate.family} />
            <span className="inbox-title">{title}</span>
            <span className="inbox-stage">
              <span className="muted">at</span> {stage}
            </span>
          </span>
          <span className="inbox-sub">
            {/* Only what the title and folder do not already say. */}
            {run && !title.includes(run.project) ? <span className="inbox-project">{run.project}</span> : null}
            {run?.runId && run.runId !== run.project && !run.folder.includes(run.runId) ? <span className="mono inbox-runid">{run.runId}</span> : null}
            {run?.folder ? (
              <span className="mono muted inbox-folder" title={run.folder}>
                {run.folder}
              </span>
            ) : null}
            {gate.question ? <span className="inbox-question">{gate.question}</span> : gate.title !== title ? <span>{gate.title}</span> : null}
          </span>
        </span>
        <span className="inbox-wait" title={gate.since ? `Waiting since ${formatAbsolute(gate.since)}` : 'Start time unknown'}>
          {waited}
        </span>
      </RouteLink>
      <GateActions gate={gate} compact keyHints={selected} />
    </li>
  );
});
