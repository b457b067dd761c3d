// The stage's human gate as facts only. Decision buttons arrive with a later issue and mount
// into the gate-actions slot.
import type { Gate } from '../../../shared/model';
import { DecisionBadge } from '../review/decision-badge';
import { AutoBadge } from '../decisions/decided-by';
import { GateActions } from '../decisions/gate-actions';
import { formatDateTime } from './format-values';

export function GateBox({ gate }: { gate: Gate }) {
  return (
    <section className={`gl-gate gl-gate--${gate.status}`} aria-label="Approval gate">
      <header className="gl-gate__head">
        <h3 className="gl-gate__title">{gate.title || 'Approval gate'}</h3>
        <DecisionBadge decision={gate.status} />
        <AutoBadge gate={gate} />
      </header>
      {gate.question && <p className="gl-gate__question">{gate.question}</p>}
      {gate.options && gate.options.length > 0 && (
        <ul className="gl-gate__options">
          {gate.options.map((o, i) => (
            <li key={i}>{o}</li>
          ))}
        </ul>
      )}
      <dl className="gl-gate__facts">
        {gate.since && (
          <div>
            <dt>Waiting since</dt>
            <dd>
              <time dateTime={gate.since}>{formatDateTime(gate.since)}</time>
            </dd>
          </div>
        )}
        {gate.decidedBy && (
          <div>
            <dt>Decided by</dt>
            <dd>{gate.decidedBy}</dd>
          </div>
        )}
        {gate.decidedAt && (
          <div>
            <dt>Decided at</dt>
            <dd>
              <time dateTime={gate.decidedAt}>{formatDateTime(gate.decidedAt)}</time>
            </dd>
          </div>
        )}
        {gate.rel && (
          <div>
            <dt>File</dt>
            <dd>
              <code>{gate.rel}</code>
            </dd>
          </div>
        )}
      </dl>
      {gate.note && (
        <div className="gl-gate__note">
          <span className="gl-muted">Note: </span>
          {gate.note}
        </div>
      )}
      {Object.keys(gate.unavailable).length > 0 && (
        <ul className="gl-gate__unavailable">
          {Object.entries(gate.unavailable).map(([k, why]) => (
            <li key={k}>
              <span className="gl-muted">No {k}:</span> {why}
            </li>
          ))}
        </ul>
      )}
      <div data-slot="gate-actions">{gate.status === 'waiting' && <GateActions gate={gate} showReasons={false} keyHints />}</div>
    </section>
  );
}
