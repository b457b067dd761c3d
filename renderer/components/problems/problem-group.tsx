import { memo } from 'react';
import type { ProblemGroup as Group } from '../../stores/problem-groups';
import { FamilyBadge } from '../common/family-badge';
import { RouteLink } from '../common/route-link';

export const ProblemGroup = memo(function ProblemGroup({ group, runTitle }: { group: Group; runTitle?: string }) {
  return (
    <li className="problem-group" data-testid="problem-group" data-file-id={group.file.id}>
      <div className="problem-file">
        <span className="mono problem-rel">{group.file.rel}</span>
        {group.family ? <FamilyBadge family={group.family} /> : null}
        {group.errors ? <span className="count count-red">{group.errors} error{group.errors === 1 ? '' : 's'}</span> : null}
        {group.warnings ? <span className="count count-muted">{group.warnings} warning{group.warnings === 1 ? '' : 's'}</span> : null}
        {group.runId ? (
          <RouteLink to={{ name: 'run', runId: group.runId }} className="problem-run">
            {runTitle ? `Open run “${runTitle}”` : 'Open run'} →
          </RouteLink>
        ) : null}
      </div>
      <ul className="problem-items">
        {group.problems.map((p, i) => (
          <li key={`${p.field}-${p.code}-${i}`} className={`problem-item sev-${p.severity}`} data-testid="problem-item" data-severity={p.severity}>
            <span className={`sev-icon sev-${p.severity}`} aria-label={p.severity} title={p.severity}>
              {p.severity === 'error' ? '✕' : '!'}
            </span>
            <code className="problem-field" title={p.field ? `Field ${p.field}` : 'The file as a whole'}>
              {p.field || '(whole file)'}
            </code>
            <span className="problem-message">{p.message}</span>
            <span className="mono muted problem-code">{p.code}</span>
          </li>
        ))}
      </ul>
    </li>
  );
});
