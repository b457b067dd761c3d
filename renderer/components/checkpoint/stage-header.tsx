import type { Stage } from '../../../shared/model';
import { DecisionBadge } from '../review/decision-badge';
import { CostBar } from './cost-bar';
import { formatDateTime, formatDuration, stageDurationMs } from './format-values';

export function StageHeader({ stage }: { stage: Stage }) {
  const title = stage.label ?? stage.name;
  const duration = stageDurationMs(stage);
  return (
    <header className="gl-cp__header">
      <div className="gl-cp__title-row">
        <h2 className="gl-cp__title">{title}</h2>
        <DecisionBadge decision={stage.status} />
        {stage.gateRequired && <span className="gl-chip">gate</span>}
        {stage.flags.map((f) => (
          <span key={f} className={`gl-chip ${f === 'gate_skipped' || f === 'stall' ? 'gl-chip--warn' : ''}`}>
            {f.replace(/_/g, ' ')}
          </span>
        ))}
      </div>
      {sameName(title, stage.name) ? null : <div className="gl-muted gl-cp__subtitle">{stage.name}</div>}
      <dl className="gl-cp__facts">
        <div>
          <dt>Started</dt>
          <dd>
            <time dateTime={stage.startedAt}>{formatDateTime(stage.startedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <time dateTime={stage.updatedAt}>{formatDateTime(stage.updatedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(duration)}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{stage.attempts}</dd>
        </div>
        {stage.branch && (
          <div>
            <dt>Branch</dt>
            <dd>{stage.branch}</dd>
          </div>
        )}
        {stage.rel && (
          <div className="gl-cp__fact-file">
            <dt>File</dt>
            <dd>
              <code>{stage.rel}</code>
            </dd>
          </div>
        )}
      </dl>
      {stage.cost && <CostBar cost={stage.cost} />}
      {stage.error && (
        <div className="gl-cp__error" role="alert">
          <strong>Error</strong>
          <pre>{stage.error}</pre>
        </div>
      )}
    </header>
  );
}

/** "Scene plan" and "scene_plan" are the same name; show the raw one only when it says more. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
  return norm(a) === norm(b);
}
