// What is wrong with the stage's checkpoint file (from the core's lenient reading), with the
// raw file one click away so a pointer can be checked against the text.
import { useState } from 'react';
import type { Problem } from '../../../shared/model';
import { useFileView } from '../../stores/artifact-store';
import { TextViewer } from '../artifacts/text-viewer';

export function FileProblems({ fileId, rel }: { fileId: string; rel?: string }) {
  const entry = useFileView(fileId);
  const [showRaw, setShowRaw] = useState(false);
  const view = entry?.status === 'ready' ? entry.value : undefined;
  const problems = view?.problems ?? [];
  return (
    <section className="gl-problems" aria-label="File problems">
      <header className="gl-problems__head">
        <h3>
          Problems{' '}
          {entry?.status === 'ready' && <span className="gl-muted">({problems.length})</span>}
        </h3>
        {view && (
          <button type="button" className="gl-btn gl-btn--small" aria-expanded={showRaw} onClick={() => setShowRaw((s) => !s)}>
            {showRaw ? 'Hide raw file' : 'Show raw file'}
          </button>
        )}
      </header>
      {entry?.status === 'loading' && <p className="gl-muted">Checking {rel ?? 'the file'}…</p>}
      {entry?.status === 'error' && <p className="gl-note gl-note--bad">Could not read the file: {entry.error}</p>}
      {entry?.status === 'ready' && !view && <p className="gl-note gl-note--warn">The file is no longer in the index.</p>}
      {view && problems.length === 0 && <p className="gl-muted">No problems in {view.file.rel}.</p>}
      {problems.length > 0 && <ProblemList problems={problems} />}
      {showRaw && view && <TextViewer text={view.text} truncated={view.truncated} />}
    </section>
  );
}

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="gl-problems__list">
      {sorted.map((p, i) => (
        <li key={`${p.code}-${p.field}-${i}`} className={`gl-problem gl-problem--${p.severity}`}>
          <span className={`gl-problem__icon gl-problem__icon--${p.severity}`} role="img" aria-label={p.severity}>
            {p.severity === 'error' ? '✕' : '!'}
          </span>
          <span className="gl-problem__message">{p.message}</span>
          <span className="gl-problem__meta">
            <code className="gl-problem__field">{p.field || '(whole file)'}</code>
            <span className="gl-problem__code gl-muted">{p.code}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
