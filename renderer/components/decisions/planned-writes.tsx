// What a decision, an edit or a branch will write, one line per file: the action, the path (as
// the folder shows it) and what changes in it. Said before the person confirms, never after.
import type { PlannedWrite } from '../../../shared/decisions';

const ACTION_LABEL: Record<PlannedWrite['action'], string> = {
  rewrite: 'rewrite',
  create: 'create',
  copy: 'copy →',
  append: 'append',
  http: 'request',
};

export function PlannedWrites({ writes, heading = 'This will write' }: { writes: readonly PlannedWrite[]; heading?: string }) {
  if (!writes.length) return <p className="dc-muted">Nothing is written on disk.</p>;
  return (
    <div className="dc-writes">
      <h3 className="dc-subhead">{heading}</h3>
      <ul className="dc-writes__list" data-testid="planned-writes">
        {writes.map((w, i) => (
          <li key={`${w.target}-${i}`} className={`dc-write dc-write--${w.action}`} data-action={w.action}>
            <span className="dc-write__action">{ACTION_LABEL[w.action]}</span>
            <code className="dc-write__target" title={w.target}>
              {w.target}
            </code>
            <span className="dc-write__desc">{w.description}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
