// Review and judge results as a producer reads them: verdict and score first, then what is good,
// what is wrong (worst first) and what the reviewer asks for next.
import type { Review } from '../../../shared/model';
import { DecisionBadge } from './decision-badge';
import { groupIssues, severityTone } from './issue-groups';
import { ScoreBar } from './score-bar';

export function ReviewPanel({ review, title }: { review: Review; title?: string }) {
  const heading = title ?? (review.source === 'judge' ? 'Judge' : 'Review');
  const strengths = review.strengths ?? [];
  const issues = review.issues ?? [];
  const scores = review.scores ?? [];
  const groups = groupIssues(issues);
  const empty =
    review.score === undefined && !review.decision && !review.summary && !strengths.length && !issues.length && !review.feedback && !scores.length;
  return (
    <section className="gl-rv" aria-label={heading}>
      <header className="gl-rv__head">
        <h3 className="gl-rv__title">{heading}</h3>
        {review.decision && <DecisionBadge decision={review.decision} label={review.decision} />}
      </header>
      {(review.score !== undefined || review.rawScore !== undefined) && (
        <ScoreBar score={review.score} rawScore={review.rawScore} scale={review.scale} decision={review.decision} />
      )}
      {empty && <p className="gl-muted">The review holds no score, verdict or comments.</p>}
      {review.summary && <p className="gl-rv__summary">{review.summary}</p>}

      {scores.length > 0 && (
        <div className="gl-rv__block">
          <h4>Criteria</h4>
          <ul className="gl-rv__criteria">
            {scores.map((s, i) => {
              const max = s.max ?? (s.score > 10 ? 100 : 10);
              const ratio = max > 0 ? Math.min(1, Math.max(0, s.score / max)) : 0;
              return (
                <li key={`${s.name}-${i}`} className="gl-rv__criterion">
                  <span className="gl-rv__criterion-name">{s.name.replace(/_/g, ' ')}</span>
                  <span className="gl-rv__criterion-track" aria-hidden="true">
                    <span className="gl-rv__criterion-fill" style={{ width: `${ratio * 100}%` }} />
                  </span>
                  <span className="gl-rv__criterion-value">
                    {s.score}
                    <span className="gl-muted">/{max}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {strengths.length > 0 && (
        <div className="gl-rv__block">
          <h4>Strengths</h4>
          <ul className="gl-rv__strengths">
            {strengths.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      )}

      {groups.length > 0 && (
        <div className="gl-rv__block">
          <h4>
            Issues <span className="gl-muted">({issues.length})</span>
          </h4>
          {groups.map((g) => (
            <div key={g.severity} className="gl-rv__issue-group" data-severity={g.severity}>
              <h5 className={`gl-rv__severity gl-tone-text--${severityTone(g.severity)}`}>
                {g.severity} <span className="gl-muted">· {g.issues.length}</span>
              </h5>
              <ul className="gl-rv__issues">
                {g.issues.map((issue, i) => (
                  <li key={i} className={`gl-rv__issue gl-rv__issue--${severityTone(g.severity)}`}>
                    <div className="gl-rv__issue-text">{issue.text}</div>
                    {(issue.location || issue.disposition) && (
                      <div className="gl-rv__issue-meta">
                        {issue.location && <code className="gl-rv__location">{issue.location}</code>}
                        {issue.disposition && <span className="gl-rv__disposition">{issue.disposition}</span>}
                      </div>
                    )}
                    {issue.suggestion && (
                      <div className="gl-rv__suggestion">
                        <span className="gl-muted">Suggestion: </span>
                        {issue.suggestion}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}

      {review.feedback && (
        <div className="gl-rv__block">
          <h4>Feedback</h4>
          <p className="gl-rv__feedback">{review.feedback}</p>
        </div>
      )}
    </section>
  );
}
