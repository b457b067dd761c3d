// "Show changes" in the editor: JSON that parses on both sides is compared by path (the
// iterations panel's JSON diff); anything else, line by line.
import { useMemo } from 'react';
import { JsonDiffView } from '../iterations/json-diff-view';
import { lineDiff, withContext } from './line-diff';

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function EditChanges({ original, edited, language }: { original: string; edited: string; language: 'json' | 'text' }) {
  const json = useMemo(() => {
    if (language !== 'json') return undefined;
    const a = parse(original);
    const b = parse(edited);
    return a.ok && b.ok ? { left: a.value, right: b.value } : undefined;
  }, [original, edited, language]);
  if (json) {
    return (
      <div className="dc-changes" data-testid="edit-changes">
        <JsonDiffView left={json.left} right={json.right} leftLabel="Original" rightLabel="Edited" />
      </div>
    );
  }
  return (
    <div className="dc-changes" data-testid="edit-changes">
      {language === 'json' ? <p className="dc-muted">The edited text is not valid JSON yet, so the change is shown line by line.</p> : null}
      <LineChanges original={original} edited={edited} />
    </div>
  );
}

function LineChanges({ original, edited }: { original: string; edited: string }) {
  const rows = useMemo(() => {
    const ops = lineDiff(original, edited);
    return ops ? withContext(ops) : undefined;
  }, [original, edited]);
  if (!rows) return <p className="dc-muted">The texts are too large to compare line by line here.</p>;
  if (!rows.some((r) => r.kind === 'added' || r.kind === 'removed')) return <p className="dc-muted">No changes yet.</p>;
  return (
    <table className="dc-linediff">
      <tbody>
        {rows.map((r, i) =>
          r.kind === 'skip' ? (
            <tr key={i} className="dc-linediff__skip">
              <td colSpan={3}>
                ⋯ {r.count} unchanged line{r.count === 1 ? '' : 's'}
              </td>
            </tr>
          ) : (
            <tr key={i} className={`dc-linediff__row dc-linediff__row--${r.kind}`} data-kind={r.kind}>
              <td className="dc-linediff__num">{r.oldLine ?? ''}</td>
              <td className="dc-linediff__num">{r.newLine ?? ''}</td>
              <td className="dc-linediff__text">
                <span className="dc-linediff__sign" aria-label={r.kind === 'same' ? undefined : r.kind}>
                  {r.kind === 'added' ? '+' : r.kind === 'removed' ? '−' : ' '}
                </span>
                {r.text}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
