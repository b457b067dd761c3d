import { useState, type ReactNode } from 'react';
import type { Run } from '../../../shared/model';
import { useDeskStore } from '../../stores/desk-store';
import { useUiStore } from '../../stores/ui-store';
import { FamilyBadge } from '../common/family-badge';
import { formatAbsolute, formatRelative, formatUsd } from '../common/format';
import { RouteLink } from '../common/route-link';
import { StatusPill } from '../common/status-dot';
import { LineageLink } from './lineage-link';

/** Family facts shown before "more"; the rest wait behind a button so the header stays short. */
const META_SHOWN = 4;

const BACK_LABEL = { inbox: 'Inbox', runs: 'Runs', problems: 'Problems' } as const;

function costText(run: Run): string {
  const spent = formatUsd(run.cost?.spentUsd);
  const budget = formatUsd(run.cost?.budgetUsd);
  if (spent && budget) return `${spent} of ${budget}`;
  return spent || (budget ? `budget ${budget}` : '');
}

export function RunHeader({ run, now, refreshing }: { run: Run; now: number; refreshing: boolean }) {
  const root = useDeskStore((s) => s.roots.find((r) => r.id === run.rootId));
  const backTo = useUiStore((s) => s.backTo);
  const cost = costText(run);
  const [allMeta, setAllMeta] = useState(false);
  // Facts the header already shows (a video id that is also the project and run id) are left out.
  const known = new Set([run.project, run.runId, run.branch, run.title].filter(Boolean).map(String));
  const meta = Object.entries(run.meta).filter(([, v]) => v !== null && v !== '' && !known.has(String(v)));
  const shownMeta = allMeta ? meta : meta.slice(0, META_SHOWN);
  const showRunId = run.runId && run.runId !== run.project;
  return (
    <header className="run-header">
      <div className="run-crumbs">
        <RouteLink to={backTo} className="crumb" data-testid="run-back">
          {BACK_LABEL[backTo.name]}
        </RouteLink>
        <span aria-hidden="true">/</span>
        <span className="crumb-current">{run.project}</span>
        {refreshing ? <span className="muted refreshing">updating…</span> : null}
      </div>
      <div className="run-title-line">
        <h1 className="run-title-text">{run.title}</h1>
        <FamilyBadge family={run.family} />
        <StatusPill status={run.status} />
        {run.pendingGates > 0 ? <span className="count count-amber">{run.pendingGates} waiting</span> : null}
      </div>
      {run.lineage ? (
        <div className="run-lineage">
          <LineageLink lineage={run.lineage} />
        </div>
      ) : null}
      <dl className="run-facts">
        <Fact label="Folder">
          <span className="mono" title={root ? `${root.path}/${run.folder}` : run.folder}>
            {root ? `${root.name}/` : ''}
            {run.folder || '.'}
          </span>
        </Fact>
        <Fact label="Project">{run.project}</Fact>
        {showRunId ? (
          <Fact label="Run id">
            <span className="mono">{run.runId}</span>
          </Fact>
        ) : null}
        {run.branch ? (
          <Fact label="Branch">
            <span className="mono">{run.branch}</span>
          </Fact>
        ) : null}
        {cost ? (
          <Fact label="Cost">
            <span className="mono" title={run.cost?.note}>
              {cost}
            </span>
          </Fact>
        ) : null}
        {run.updatedAt ? (
          <Fact label="Updated">
            <span title={formatAbsolute(run.updatedAt)}>{formatRelative(run.updatedAt, now)}</span>
          </Fact>
        ) : null}
        {run.errors + run.warnings > 0 ? (
          <Fact label="Problems">
            <RouteLink to={{ name: 'problems' }} className={run.errors ? 'text-red' : 'text-amber'}>
              {run.errors ? `${run.errors} error${run.errors === 1 ? '' : 's'}` : ''}
              {run.errors && run.warnings ? ', ' : ''}
              {run.warnings ? `${run.warnings} warning${run.warnings === 1 ? '' : 's'}` : ''}
            </RouteLink>
          </Fact>
        ) : null}
        {shownMeta.map(([k, v]) => (
          <Fact key={k} label={k.replace(/_/g, ' ')}>
            <span title={String(v)}>{String(v)}</span>
          </Fact>
        ))}
        {meta.length > META_SHOWN ? (
          <div className="fact">
            <button type="button" className="link-button facts-more" aria-expanded={allMeta} onClick={() => setAllMeta((v) => !v)}>
              {allMeta ? 'Fewer details' : `${meta.length - META_SHOWN} more details`}
            </button>
          </div>
        ) : null}
      </dl>
    </header>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
