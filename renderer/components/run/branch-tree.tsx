// The checkpoint tree of a branching family (aivideo): main → main-1 → main-1-1, drawn as an
// indented tree. Nodes in this run select their stage; nodes in another run link to it.
import type { BranchNode, Run, Stage } from '../../../shared/model';
import { formatAbsolute, formatRelative, humanise } from '../common/format';
import { RouteLink } from '../common/route-link';
import { StatusDot } from '../common/status-dot';

interface Props {
  run: Run;
  now: number;
  selected?: Stage;
  onSelectStage(stage: Stage): void;
}

/** The run's own stage a node stands for: same stage name, and the same branch when stages carry one. */
function stageOf(run: Run, node: BranchNode): Stage | undefined {
  if (node.runId && node.runId !== run.id) return undefined;
  if (!node.stageName) return undefined;
  return run.stages.find((s) => s.name === node.stageName && (!s.branch || s.branch === node.branch));
}

export function BranchTree({ run, now, selected, onSelectStage }: Props) {
  if (!run.branches.length) return null;
  return (
    <section className="side-section" aria-labelledby="branches-title">
      <h2 id="branches-title" className="section-title">
        Branches
      </h2>
      <ul className="branch-tree" role="tree" aria-labelledby="branches-title">
        {run.branches.map((n) => (
          <BranchItem key={n.id} node={n} run={run} now={now} depth={0} selected={selected} onSelectStage={onSelectStage} />
        ))}
      </ul>
    </section>
  );
}

function BranchItem({ node, run, now, depth, selected: selectedStage, onSelectStage }: Props & { node: BranchNode; depth: number }) {
  const other = node.runId && node.runId !== run.id ? node.runId : undefined;
  const stage = stageOf(run, node);
  const where = [node.stageName ? humanise(node.stageName) : node.phase !== undefined ? `phase ${node.phase}` : '', node.version !== undefined ? `v${node.version}` : '']
    .filter(Boolean)
    .join(' · ');
  // Families often label a node with its branch again ("main · phase 1 v1"); say it once.
  const label = node.label && !node.label.startsWith(node.branch) ? node.label : '';
  const when = node.createdAt ? `${formatRelative(node.createdAt, now)} (${formatAbsolute(node.createdAt)})` : undefined;
  const body = (
    <>
      <StatusDot status={node.status} />
      <span className="branch-name mono">{node.branch}</span>
      {label ? <span className="branch-label">{label}</span> : null}
      {where ? <span className="muted">{where}</span> : null}
      {node.edited ? (
        <span className="tag tag-edit" title="Edited by a person before continuing">
          ✎ edited
        </span>
      ) : null}
    </>
  );
  const selected = !!stage && stage.id === selectedStage?.id;
  return (
    <li role="treeitem" aria-expanded={node.children.length ? true : undefined} aria-selected={selected || undefined}>
      <div
        className={`branch-node ${selected ? 'is-selected' : ''}`}
        data-testid="branch-node"
        data-branch={node.branch}
        data-depth={depth}
      >
        {other ? (
          <RouteLink to={{ name: 'run', runId: other }} className="branch-link" title={`Open this branch's run${when ? ` · created ${when}` : ''}`}>
            {body}
            <span aria-hidden="true">↗</span>
          </RouteLink>
        ) : stage ? (
          <button type="button" className="branch-link" title={when ? `Created ${when}` : undefined} onClick={() => onSelectStage(stage)}>
            {body}
          </button>
        ) : (
          <span className="branch-link is-static" title={when ? `Created ${when}` : undefined}>
            {body}
          </span>
        )}
      </div>
      {node.children.length ? (
        <ul role="group">
          {node.children.map((c) => (
            <BranchItem key={c.id} node={c} run={run} now={now} depth={depth + 1} selected={selectedStage} onSelectStage={onSelectStage} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
