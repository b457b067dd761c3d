// Under the run header: the run's waiting gate(s) with Approve / Reject (the a / r keys act on
// the first), and the run's auto-approve switch.
import type { Run } from '../../../shared/model';
import { humanise } from '../common/format';
import { RunAutoApprove } from './auto-approve-toggle';
import { GateActions } from './gate-actions';

export function RunDecisionBar({ run }: { run: Run }) {
  const waiting = run.gates.filter((g) => g.status === 'waiting');
  return (
    <div className="dc-runbar" data-testid="run-decision-bar">
      {waiting.length ? (
        <ul className="dc-runbar__gates" aria-label="Waiting gates">
          {waiting.map((g) => (
            <li key={g.id} className="dc-runbar__gate">
              <span className="dot tone-amber" aria-hidden="true" />
              <span className="dc-runbar__name">
                {g.title || humanise(g.stageName)}
                <span className="dc-muted"> · {humanise(g.stageName)}</span>
              </span>
              <GateActions gate={g} keyHints={waiting.length === 1} />
            </li>
          ))}
        </ul>
      ) : (
        <span className="dc-muted dc-runbar__none">No gate waiting in this run.</span>
      )}
      <RunAutoApprove rootId={run.rootId} runId={run.id} waiting={waiting.length} />
    </div>
  );
}
