// Every invalid file with its reasons, grouped by file, errors first; each links to its run.
import { useEffect, useMemo, useState } from 'react';
import type { Family, Severity } from '../../../shared/model';
import { FAMILY_LABELS } from '../../../shared/model-constants';
import { useDeskStore } from '../../stores/desk-store';
import { groupProblems, problemFamilies } from '../../stores/problem-groups';
import { loadProblems, setProblemFilter, setProblemsActive, useProblemsStore } from '../../stores/problems-store';
import { EmptyState } from '../common/empty-state';
import { ProblemGroup } from './problem-group';

const PAGE = 200;

export function ProblemsView() {
  const { problems, status, error, filter } = useProblemsStore();
  const runs = useDeskStore((s) => s.runs);
  const counts = useDeskStore((s) => s.problemCount);
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => {
    setProblemsActive(true);
    return () => setProblemsActive(false);
  }, []);

  const groups = useMemo(() => groupProblems(problems, filter), [problems, filter]);
  const families = useMemo(() => problemFamilies(problems), [problems]);
  const shownProblems = useMemo(() => groups.reduce((n, g) => n + g.problems.length, 0), [groups]);

  return (
    <section className="view problems-view" aria-labelledby="problems-title">
      <header className="view-head">
        <h1 id="problems-title">Problems</h1>
        <span className="view-sub">
          {counts.errors} error{counts.errors === 1 ? '' : 's'}, {counts.warnings} warning{counts.warnings === 1 ? '' : 's'}
        </span>
      </header>
      <div className="toolbar">
        <select
          aria-label="Severity"
          data-testid="problems-severity"
          value={filter.severity}
          onChange={(e) => setProblemFilter({ severity: e.target.value as Severity | 'all' })}
        >
          <option value="all">Errors and warnings</option>
          <option value="error">Errors only</option>
          <option value="warning">Warnings only</option>
        </select>
        <select
          aria-label="Family"
          data-testid="problems-family"
          value={filter.family}
          onChange={(e) => setProblemFilter({ family: e.target.value as Family | 'all' })}
        >
          <option value="all">All families</option>
          {families.map((f) => (
            <option key={f} value={f}>
              {FAMILY_LABELS[f]}
            </option>
          ))}
        </select>
        <span className="toolbar-count">
          {shownProblems} problem{shownProblems === 1 ? '' : 's'} in {groups.length} file{groups.length === 1 ? '' : 's'}
        </span>
      </div>
      {status === 'error' ? (
        <EmptyState title="Could not load problems">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void loadProblems()}>
            Try again
          </button>
        </EmptyState>
      ) : status !== 'ready' ? (
        <div className="loading-state" role="status">
          <div className="spinner" aria-hidden="true" />
          <div>Loading problems…</div>
        </div>
      ) : groups.length === 0 ? (
        <EmptyState title={problems.length ? 'No problems match' : 'No problems'} testId="problems-empty">
          <p>{problems.length ? 'Nothing matches the filters.' : 'Every checkpoint file Greenlight read is valid.'}</p>
        </EmptyState>
      ) : (
        <div className="problems-scroll">
          <ul className="problem-groups">
            {groups.slice(0, limit).map((g) => (
              <ProblemGroup key={g.file.id} group={g} runTitle={g.runId ? runs[g.runId]?.title : undefined} />
            ))}
          </ul>
          {groups.length > limit ? (
            <button type="button" className="button show-more" onClick={() => setLimit((n) => n + PAGE)}>
              Show {Math.min(PAGE, groups.length - limit)} more files ({groups.length - limit} left)
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
