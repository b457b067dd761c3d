import { useMemo } from 'react';
import { useDeskStore } from '../../stores/desk-store';
import { buildRunRows, stepRunRow } from '../../stores/run-list';
import { navigate, resetRunsFilter, selectRunRow, useUiStore } from '../../stores/ui-store';
import { useListKeys } from '../../hooks/use-list-keys';
import { EmptyState } from '../common/empty-state';
import { RunsList } from './runs-list';
import { RunsToolbar } from './runs-toolbar';

export function RunsView() {
  const runs = useDeskStore((s) => s.runs);
  const roots = useDeskStore((s) => s.roots);
  const query = useUiStore((s) => s.runsQuery);
  const filter = useUiStore((s) => s.runsFilter);
  const selection = useUiStore((s) => s.runsSelection);
  const dialogOpen = useUiStore((s) => s.shortcutsOpen);

  const rows = useMemo(() => buildRunRows(Object.values(runs), roots, query, filter), [runs, roots, query, filter]);
  const shown = useMemo(() => rows.reduce((n, r) => n + (r.type === 'run' ? 1 : 0), 0), [rows]);
  const total = Object.keys(runs).length;
  const selectedIndex = useMemo(
    () => (selection ? rows.findIndex((r) => r.type === 'run' && r.run.id === selection) : -1),
    [rows, selection],
  );

  useListKeys({
    enabled: !dialogOpen,
    next: () => {
      const i = selectedIndex === -1 ? stepRunRow(rows, -1, 1) : stepRunRow(rows, selectedIndex, 1);
      const row = rows[i];
      if (row?.type === 'run') selectRunRow(row.run.id);
    },
    prev: () => {
      const i = selectedIndex === -1 ? stepRunRow(rows, rows.length, -1) : stepRunRow(rows, selectedIndex, -1);
      const row = rows[i];
      if (row?.type === 'run') selectRunRow(row.run.id);
    },
    open: () => {
      const row = rows[selectedIndex];
      if (row?.type === 'run') navigate({ name: 'run', runId: row.run.id });
    },
  });

  return (
    <section className="view runs-view" aria-labelledby="runs-title">
      <header className="view-head">
        <h1 id="runs-title">Runs</h1>
      </header>
      <RunsToolbar shown={shown} total={total} />
      {total === 0 ? (
        <EmptyState title="No runs found">
          <p>The watched folders hold no checkpoint files Greenlight recognises yet.</p>
        </EmptyState>
      ) : shown === 0 ? (
        <EmptyState title="No runs match">
          <p>
            Nothing matches the search and filters.{' '}
            <button type="button" className="link-button" onClick={resetRunsFilter}>
              Clear them
            </button>
          </p>
        </EmptyState>
      ) : (
        <RunsList rows={rows} selectedIndex={selectedIndex} />
      )}
    </section>
  );
}
