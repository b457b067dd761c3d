// The runs list as flat rows for the virtual list: root headers, project headers and run rows,
// after the search and filters. Projects sort by name and runs by last update (newest first),
// so a live update moves a run only within its own project. A project with a single run gets
// no header of its own (the row names the project): a header per run would only repeat it.
import type { Root, RunSummary } from '../../shared/model';
import type { RunsFilter } from './ui-store';

export type RunListRow =
  | { type: 'root'; key: string; rootId: string; name: string; path: string; count: number }
  | { type: 'project'; key: string; rootId: string; project: string; count: number; waiting: number }
  | { type: 'run'; key: string; run: RunSummary };

export function matchesRun(run: RunSummary, query: string, filter: RunsFilter): boolean {
  if (filter.rootId !== 'all' && run.rootId !== filter.rootId) return false;
  if (filter.family !== 'all' && run.family !== filter.family) return false;
  if (filter.status !== 'all' && run.status !== filter.status) return false;
  if (filter.waitingOnly && run.pendingGates <= 0) return false;
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [run.title, run.project, run.runId ?? '', run.id, run.folder].some((s) => s.toLowerCase().includes(q));
}

function updatedMs(r: RunSummary): number {
  const t = r.updatedAt ? Date.parse(r.updatedAt) : NaN;
  return Number.isFinite(t) ? t : 0;
}

export function buildRunRows(
  runs: Iterable<RunSummary>,
  roots: readonly Root[],
  query: string,
  filter: RunsFilter,
): RunListRow[] {
  const byRoot = new Map<string, Map<string, RunSummary[]>>();
  for (const run of runs) {
    if (!matchesRun(run, query, filter)) continue;
    let projects = byRoot.get(run.rootId);
    if (!projects) byRoot.set(run.rootId, (projects = new Map()));
    const list = projects.get(run.project);
    if (list) list.push(run);
    else projects.set(run.project, [run]);
  }
  // Roots keep the user's order; runs of a root that is no longer listed still show, at the end.
  const rootOrder = roots.map((r) => r.id).filter((id) => byRoot.has(id));
  for (const id of byRoot.keys()) if (!rootOrder.includes(id)) rootOrder.push(id);

  const rows: RunListRow[] = [];
  for (const rootId of rootOrder) {
    const projects = byRoot.get(rootId)!;
    const root = roots.find((r) => r.id === rootId);
    let count = 0;
    for (const list of projects.values()) count += list.length;
    rows.push({ type: 'root', key: `root:${rootId}`, rootId, name: root?.name ?? rootId, path: root?.path ?? '', count });
    const names = [...projects.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
    for (const project of names) {
      const list = projects.get(project)!;
      list.sort((a, b) => updatedMs(b) - updatedMs(a) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
      const waiting = list.reduce((n, r) => n + r.pendingGates, 0);
      if (list.length > 1) rows.push({ type: 'project', key: `project:${rootId}:${project}`, rootId, project, count: list.length, waiting });
      for (const run of list) rows.push({ type: 'run', key: `run:${run.id}`, run });
    }
  }
  return rows;
}

/** Index of the next run row from `from` in direction `dir`, skipping header rows. */
export function stepRunRow(rows: readonly RunListRow[], from: number, dir: 1 | -1): number {
  for (let i = from + dir; i >= 0 && i < rows.length; i += dir) if (rows[i].type === 'run') return i;
  return from;
}
