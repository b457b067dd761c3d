// The checkpoint tree of a branching family (aivideo): main → main-1 → main-1-1, drawn as an
// indented tree. Nodes in this run select their stage; nodes in another run link to it.
import type { BranchNode, Run } from '../../../shared/model';
import { formatAbsolute, formatRelative, humanise } from '../common/format';
import { RouteLink } from '../common/route-link';
import { StatusDot } from '../common/status-dot';

interface Props {
  run: Run;
  now: number;
  selectedStageName?: string;
  onSelectStage(name: string): void;
}

export function BranchTree({ run, now, selectedStageName, onSelectStage }: Props) {
  if (!run.branches.length) return null;
  return (
    <section className="side-section" aria-labelledby="branches-title">
      <h2 id="branches-title" className="section-title">
        Branches
      </h2>
      <ul className="branch-tree" role="tree" aria-labelledby="branches-title">
        {run.branches.map((n) => (
          <BranchItem key={n.id} node={n} run={run} now={now} depth={0} selectedStageName={selectedStageName} onSelectStage={onSelectStage} />
        ))}
      </ul>
    </section>
  );
}

function BranchItem({ node, run, now, depth, selectedStageName, onSelectStage }: Props & { node: BranchNode; depth: number }) {
  const other = node.runId && node.runId !== run.id ? node.runId : undefined;
  const inRun = !other && node.stageName && run.stages.some((s) => s.name === node.stageName);
  const where = [node.stageName ? humanise(node.stageName) : node.phase !== undefined ? `phase ${node.phase}` : '', node.version !== undefined ? `v${node.version}` : '']
    .filter(Boolean)
    .join(' · ');
  const body = (
    <>
      <StatusDot status={node.status} />
      <span className="branch-name mono">{node.branch}</span>
      <span className="branch-label">{node.label}</span>
      {where ? <span className="muted">{where}</span> : null}
      {node.edited ? (
        <span className="tag tag-edit" title="Edited by a person before continuing">
          ✎ edited
        </span>
      ) : null}
      {node.createdAt ? (
        <span className="muted branch-time" title={formatAbsolute(node.createdAt)}>
          {formatRelative(node.createdAt, now)}
        </span>
      ) : null}
    </>
  );
  const selected = inRun && node.stageName === selectedStageName;
  return (
    <li role="treeitem" aria-expanded={node.children.length ? true : undefined} aria-selected={selected || undefined}>
      <div
        className={`branch-node ${selected ? 'is-selected' : ''}`}
        data-testid="branch-node"
        data-branch={node.branch}
        style={{ paddingLeft: 8 + depth * 16 }}
      >
        {other ? (
          <RouteLink to={{ name: 'run', runId: other }} className="branch-link" title="Open this branch's run">
            {body}
            <span aria-hidden="true">↗</span>
          </RouteLink>
        ) : inRun ? (
          <button type="button" className="branch-link" onClick={() => onSelectStage(node.stageName!)}>
            {body}
          </button>
        ) : (
          <span className="branch-link is-static">{body}</span>
        )}
      </div>
      {node.children.length ? (
        <ul role="group">
          {node.children.map((c) => (
            <BranchItem key={c.id} node={c} run={run} now={now} depth={depth + 1} selectedStageName={selectedStageName} onSelectStage={onSelectStage} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
