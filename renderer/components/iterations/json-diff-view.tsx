// Side-by-side JSON diff drawn as plain React text: one row per changed path, the left value in
// red, the right value in green. Nothing from the documents is ever interpreted as markup.
import { useMemo, useState } from 'react';
import { formatPath } from '../checkpoint/format-values';
import { diffChanges, type DiffChange } from './delta-changes';

const PAGE = 200;
const VALUE_CHARS = 600;

export function JsonDiffView({ left, right, leftLabel, rightLabel }: { left: unknown; right: unknown; leftLabel: string; rightLabel: string }) {
  const changes = useMemo(() => diffChanges(left, right), [left, right]);
  const [limit, setLimit] = useState(PAGE);
  const counts = useMemo(() => countKinds(changes), [changes]);
  if (changes.length === 0) {
    return (
      <p className="gl-diff__same" data-testid="json-diff-empty">
        No differences.
      </p>
    );
  }
  return (
    <div className="gl-diff" data-testid="json-diff">
      <p className="gl-diff__summary">
        {counts.changed > 0 && <span className="gl-diff__count gl-diff__count--changed">{counts.changed} changed</span>}
        {counts.added > 0 && <span className="gl-diff__count gl-diff__count--added">{counts.added} added</span>}
        {counts.removed > 0 && <span className="gl-diff__count gl-diff__count--removed">{counts.removed} removed</span>}
        {counts.moved > 0 && <span className="gl-diff__count">{counts.moved} moved</span>}
      </p>
      <table className="gl-diff__table">
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">{leftLabel}</th>
            <th scope="col">{rightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, limit).map((c, i) => (
            <DiffRow key={i} change={c} />
          ))}
        </tbody>
      </table>
      {changes.length > limit && (
        <button type="button" className="gl-btn gl-btn--small" onClick={() => setLimit((n) => n + PAGE)}>
          Show {Math.min(PAGE, changes.length - limit)} more changes ({changes.length - limit} hidden)
        </button>
      )}
    </div>
  );
}

function DiffRow({ change }: { change: DiffChange }) {
  const path = formatPath(change.path);
  return (
    <tr className={`gl-diff__row gl-diff__row--${change.kind}`} data-kind={change.kind} data-path={path}>
      <th scope="row" className="gl-diff__path">
        <code>{path}</code>
        <span className="gl-diff__kind">{change.kind}</span>
      </th>
      {change.kind === 'added' && (
        <>
          <td className="gl-diff__cell gl-diff__cell--empty">—</td>
          <td className="gl-diff__cell gl-diff__cell--added">
            <Value value={change.right} />
          </td>
        </>
      )}
      {change.kind === 'removed' && (
        <>
          <td className="gl-diff__cell gl-diff__cell--removed">
            <Value value={change.left} />
          </td>
          <td className="gl-diff__cell gl-diff__cell--empty">—</td>
        </>
      )}
      {change.kind === 'changed' && (
        <>
          <td className="gl-diff__cell gl-diff__cell--removed">
            <Value value={change.left} />
          </td>
          <td className="gl-diff__cell gl-diff__cell--added">
            <Value value={change.right} />
          </td>
        </>
      )}
      {change.kind === 'moved' && (
        <td className="gl-diff__cell" colSpan={2}>
          moved to index {change.to}
        </td>
      )}
    </tr>
  );
}

function Value({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  const text = value === undefined ? 'undefined' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 1) ?? String(value);
  const long = text.length > VALUE_CHARS;
  return (
    <>
      <pre className="gl-diff__value">{long && !full ? text.slice(0, VALUE_CHARS) + '…' : text}</pre>
      {long && (
        <button type="button" className="gl-linkbtn" onClick={() => setFull((f) => !f)}>
          {full ? 'Show less' : `Show all ${text.length.toLocaleString()} characters`}
        </button>
      )}
    </>
  );
}

function countKinds(changes: readonly DiffChange[]): Record<DiffChange['kind'], number> {
  const out = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const c of changes) out[c.kind] += 1;
  return out;
}
