// The selected iteration: the judge's review, and its plan and evaluation documents.
import { useMemo, useState } from 'react';
import type { Review, Run } from '../../../shared/model';
import { ArtifactCard } from '../artifacts/artifact-card';
import { JsonTree } from '../artifacts/json-tree';
import { KindIcon } from '../artifacts/kind-icon';
import { formatDateTime } from '../checkpoint/format-values';
import { DecisionBadge } from '../review/decision-badge';
import { ReviewPanel } from '../review/review-panel';
import type { IterationPoint } from './chart-series';
import { iterationDoc, iterationStage, useDocJson, type IterationDoc } from './iteration-docs';

export function IterationDetail({ run, point, onCompare }: { run: Run; point: IterationPoint; onCompare?: () => void }) {
  const it = point.iteration;
  const review: Review | undefined = useMemo(
    () =>
      it.review ??
      (point.score !== null
        ? { source: 'judge', score: point.score, rawScore: point.rawScore, scale: point.scale, decision: point.decision, strengths: [], issues: [], scores: [] }
        : undefined),
    [it.review, point],
  );
  const plan = useMemo(() => iterationDoc(run, it, 'plan'), [run, it]);
  const evaluation = useMemo(() => iterationDoc(run, it, 'evaluation'), [run, it]);
  const stage = iterationStage(run, it.n);
  return (
    <section className="gl-idetail" aria-label={`Iteration ${it.n}`} data-testid="iteration-detail" data-n={it.n}>
      <header className="gl-idetail__head">
        <h3>Iteration {it.n}</h3>
        {point.decision && <DecisionBadge decision={point.decision} label={point.decision} />}
        {point.regression && <span className="gl-chip gl-chip--bad">▼ regression</span>}
        {point.plateau && <span className="gl-chip">plateau</span>}
        <span className="gl-muted gl-idetail__meta">
          {it.timestamp && <time dateTime={it.timestamp}>{formatDateTime(it.timestamp)}</time>}
          {it.sections !== undefined && <span> · {it.sections} sections</span>}
          {stage && <span> · stage “{stage.label ?? stage.name}”</span>}
        </span>
        {onCompare && (
          <button type="button" className="gl-btn gl-btn--small gl-idetail__compare" onClick={onCompare}>
            Compare…
          </button>
        )}
      </header>
      {review ? (
        <ReviewPanel review={review} title="Judge" />
      ) : (
        <p className="gl-note gl-note--warn">
          No evaluation for this iteration: the judge failed, or the plan was rejected before judging, so no score was written.
        </p>
      )}
      <div className="gl-idetail__docs">
        <DocCard doc={plan} label="Plan" />
        <DocCard doc={evaluation} label="Evaluation" />
      </div>
    </section>
  );
}

function DocCard({ doc, label }: { doc: IterationDoc | undefined; label: string }) {
  if (!doc) return <p className="gl-muted gl-idetail__nodoc">No {label.toLowerCase()} file for this iteration.</p>;
  if (doc.artifact) return <ArtifactCard artifact={doc.artifact} label={`${label} — ${doc.artifact.name}`} />;
  return <RawDocCard doc={doc} label={label} />;
}

/** A document known only by its file id: shown from the raw checkpoint file. */
function RawDocCard({ doc, label }: { doc: IterationDoc; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className={`gl-acard ${open ? 'gl-acard--open' : ''}`}>
      <div className="gl-acard__head">
        <button type="button" className="gl-acard__toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span className="gl-acard__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <KindIcon kind="json" />
          <span className="gl-acard__name">{label}</span>
        </button>
        {doc.rel && (
          <span className="gl-acard__meta">
            <code className="gl-acard__rel">{doc.rel}</code>
          </span>
        )}
      </div>
      {open && (
        <div className="gl-acard__body">
          <RawDocBody doc={doc} />
        </div>
      )}
    </div>
  );
}

function RawDocBody({ doc }: { doc: IterationDoc }) {
  const entry = useDocJson(doc);
  if (!entry || entry.status === 'loading') return <p className="gl-muted">Loading…</p>;
  if (entry.status === 'error') return <p className="gl-note gl-note--bad">Cannot show it: {entry.error}.</p>;
  return <JsonTree value={entry.value} />;
}
