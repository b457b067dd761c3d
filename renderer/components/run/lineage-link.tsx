import type { Lineage } from '../../../shared/model';
import { useDeskStore } from '../../stores/desk-store';
import { humanise } from '../common/format';
import { RouteLink } from '../common/route-link';

/** "Branched from <parent run> at <stage>", linking across folders when the parent is indexed. */
export function LineageLink({ lineage }: { lineage: Lineage }) {
  const parent = useDeskStore((s) => (lineage.parentRunId ? s.runs[lineage.parentRunId] : undefined));
  const title = parent?.title ?? lineage.parentTitle ?? lineage.parentRunId ?? 'an earlier run';
  return (
    <span className="lineage" data-testid="lineage">
      <span className="muted">Branched from </span>
      {lineage.parentRunId ? (
        <RouteLink to={{ name: 'run', runId: lineage.parentRunId, stageId: lineage.fromStage }} className="lineage-link">
          {title}
        </RouteLink>
      ) : (
        <span>{title}</span>
      )}
      {parent && parent.folder ? <span className="mono muted"> ({parent.folder})</span> : null}
      {lineage.fromStage ? <span className="muted"> at {humanise(lineage.fromStage)}</span> : null}
      {lineage.branch ? (
        <>
          <span className="muted"> · branch </span>
          <span className="mono">{lineage.branch}</span>
        </>
      ) : null}
      {lineage.note ? <span className="muted"> — {lineage.note}</span> : null}
    </span>
  );
}
