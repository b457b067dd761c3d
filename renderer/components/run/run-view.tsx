// One run: header, stage timeline (with gates and earlier versions), branch tree and lineage on
// the left, the selected stage's checkpoint on the right; an Iterations tab for loop families.
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import type { Stage } from '../../../shared/model';
import { closeRun, openRun, useRunStore } from '../../stores/run-store';
import type { RunTab } from '../../stores/route';
import { navigate, useUiStore } from '../../stores/ui-store';
import { useListKeys } from '../../hooks/use-list-keys';
import { useNow } from '../../hooks/use-now';
import { CheckpointView } from '../checkpoint/checkpoint-view';
import { IterationsPanel } from '../iterations/iterations-panel';
import { EmptyState } from '../common/empty-state';
import { RouteLink } from '../common/route-link';
import { RunDecisionBar } from '../decisions/run-decision-bar';
import { BranchTree } from './branch-tree';
import { RunHeader } from './run-header';
import { defaultStage, findStage, orderStages } from './stage-gate';
import { StageTimeline } from './stage-timeline';

interface Props {
  runId: string;
  stageKey?: string;
  tab?: RunTab;
}

export function RunView({ runId, stageKey, tab }: Props) {
  const { run, status, error, refreshing } = useRunStore();
  const dialogOpen = useUiStore((s) => s.shortcutsOpen);
  const now = useNow();

  useEffect(() => {
    void openRun(runId);
  }, [runId]);
  useEffect(() => () => closeRun(), []);

  const current = run && run.id === runId ? run : null;
  const stages = useMemo(() => (current ? orderStages(current.stages) : []), [current]);
  const selected: Stage | undefined = current ? (findStage(current, stageKey) ?? defaultStage(current, stages)) : undefined;
  const hasIterations = !!current && (current.iterations.length > 0 || current.family === 'twinklr');
  const activeTab: RunTab = tab === 'iterations' && hasIterations ? 'iterations' : 'stages';

  const selectStage = useCallback(
    (s: Stage) => navigate({ name: 'run', runId, stageId: s.id, tab: activeTab }, { replace: true }),
    [runId, activeTab],
  );

  useListKeys({
    enabled: !dialogOpen && activeTab === 'stages' && stages.length > 0,
    next: () => {
      const i = selected ? stages.findIndex((s) => s.id === selected.id) : -1;
      if (i < stages.length - 1) selectStage(stages[i + 1]);
    },
    prev: () => {
      const i = selected ? stages.findIndex((s) => s.id === selected.id) : stages.length;
      if (i > 0) selectStage(stages[i - 1]);
    },
  });

  if (!current) {
    if (status === 'missing')
      return (
        <EmptyState title="Run not found" testId="run-missing">
          <p>
            This run is no longer in the watched folders. <RouteLink to={{ name: 'runs' }}>Back to runs</RouteLink>
          </p>
        </EmptyState>
      );
    if (status === 'error')
      return (
        <EmptyState title="Could not load the run">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void openRun(runId)}>
            Try again
          </button>
        </EmptyState>
      );
    return (
      <div className="loading-state" role="status">
        <div className="spinner" aria-hidden="true" />
        <div>Loading run…</div>
      </div>
    );
  }

  return (
    <section className="view run-view" aria-label={current.title} data-testid="run-view" data-run-id={current.id}>
      <RunHeader run={current} now={now} refreshing={refreshing} />
      <RunDecisionBar run={current} />
      {status === 'missing' ? (
        <div className="notice notice-warning" role="status">
          This run was removed from disk; what you see is the last version Greenlight read.
        </div>
      ) : null}
      {hasIterations ? (
        <nav className="tabs" aria-label="Run views">
          <TabLink runId={runId} stageId={selected?.id} tab="stages" active={activeTab === 'stages'}>
            Stages <span className="count">{stages.length}</span>
          </TabLink>
          <TabLink runId={runId} stageId={selected?.id} tab="iterations" active={activeTab === 'iterations'}>
            Iterations <span className="count">{current.iterations.length}</span>
          </TabLink>
        </nav>
      ) : null}
      {activeTab === 'iterations' ? (
        <div className="run-iterations">
          <IterationsPanel run={current} />
        </div>
      ) : (
        <div className="run-body">
          <div className="run-side" data-testid="run-side">
            <StageTimeline run={current} stages={stages} selectedId={selected?.id} onSelect={selectStage} />
            <BranchTree run={current} now={now} selected={selected} onSelectStage={selectStage} />
          </div>
          <div className="run-detail" data-testid="run-detail">
            {selected ? <CheckpointView run={current} stage={selected} /> : <p className="muted pad">Select a stage.</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function TabLink({ runId, stageId, tab, active, children }: { runId: string; stageId?: string; tab: RunTab; active: boolean; children: ReactNode }) {
  return (
    <RouteLink
      to={{ name: 'run', runId, stageId, tab }}
      replace
      className={`tab ${active ? 'is-active' : ''}`}
      aria-current={active ? 'page' : undefined}
      data-testid={`tab-${tab}`}
    >
      {children}
    </RouteLink>
  );
}
