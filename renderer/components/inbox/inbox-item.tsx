import { memo, useState } from 'react';
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
        <WaitingTime since={gate.since} waited={waited} />
      </RouteLink>
      <GateActions gate={gate} compact keyHints={selected} />
    </li>
  );
});

/**
 * "waiting 3d 4h", with the exact start as a tooltip. The tooltip's date is formatted when the
 * pointer first comes near: the first toLocaleString() of a page loads the locale's date data
 * (10–25 ms in Chromium), which the inbox's first screen should not wait for.
 */
function WaitingTime({ since, waited }: { since?: string; waited: string }) {
  const [hovered, setHovered] = useState(false);
  const title = !since ? 'Start time unknown' : hovered ? `Waiting since ${formatAbsolute(since)}` : undefined;
  return (
    <span className="inbox-wait" title={title} onPointerEnter={since && !hovered ? () => setHovered(true) : undefined}>
      {waited}
    </span>
  );
}
