// Under the inbox: gates that left it lately, with who decided, when and why, so a decision made
// here, in another window or by an auto-approve rule is still visible after it happened.
import { FamilyBadge } from '../common/family-badge';
import { humanise } from '../common/format';
import { RouteLink } from '../common/route-link';
import { useDeskStore } from '../../stores/desk-store';
import { useDecisionStore } from '../../stores/decision-store';
import { DecidedBy } from './decided-by';

export function RecentDecisions() {
  const recent = useDecisionStore((s) => s.recent);
  const runs = useDeskStore((s) => s.runs);
  if (!recent.length) return null;
  return (
    <section className="dc-recent" aria-labelledby="dc-recent-title" data-testid="recent-decisions">
      <h2 id="dc-recent-title" className="dc-recent__title">
        Decided recently
      </h2>
      <ul className="dc-recent__list">
        {recent.map((g) => (
          <li key={g.id} className="dc-recent__item" data-gate-id={g.id}>
            <FamilyBadge family={g.family} />
            <RouteLink to={{ name: 'run', runId: g.runId, stageId: g.stageId ?? g.stageName }} className="dc-recent__link">
              {runs[g.runId]?.title ?? g.title}
            </RouteLink>
            <span className="dc-muted">at {humanise(g.stageName)}</span>
            <DecidedBy gate={g} />
          </li>
        ))}
      </ul>
    </section>
  );
}
