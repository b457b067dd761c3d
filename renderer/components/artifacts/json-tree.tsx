// A collapsible JSON tree that stays fast on big checkpoint files: it opens two levels by
// default, renders children only when a node is open, and pages long arrays and objects.
// Values are rendered as React text, so strings holding HTML or scripts stay inert.
import { useMemo, useState } from 'react';
import { toPointer } from '../checkpoint/format-values';

const PAGE = 100;
const LONG_STRING = 400;
/** Rows that automatic expansion may open in one go; past it, nodes start closed. */
const AUTO_OPEN_ROWS = 1500;

interface Budget {
  rows: number;
}

export interface JsonTreeProps {
  value: unknown;
  /** Nodes shallower than this start open (root = depth 0). */
  expandDepth?: number;
  /** Label of the root node. */
  rootName?: string;
}

export function JsonTree({ value, expandDepth = 2, rootName }: JsonTreeProps) {
  // Changing the key remounts every node so "expand all" / "collapse" reset their local state.
  const [mode, setMode] = useState<{ depth: number; key: number }>({ depth: expandDepth, key: 0 });
  const [copied, setCopied] = useState<string | undefined>();
  const copy = (pointer: string) => {
    // Clipboard access can be refused (insecure origin, permissions); the path is shown either way.
    navigator.clipboard?.writeText(pointer).catch(() => undefined);
    setCopied(pointer);
  };
  const container = value !== null && typeof value === 'object';
  // One budget per expansion mode, shared by the nodes as they mount (parents first), so
  // "expand more" on a huge document opens what fits instead of freezing the window.
  const budget = useMemo<Budget>(() => ({ rows: AUTO_OPEN_ROWS }), [mode.key]);
  return (
    <div className="gl-json">
      {container && (
        <div className="gl-json__toolbar">
          <button type="button" className="gl-btn gl-btn--small" onClick={() => setMode((m) => ({ depth: 6, key: m.key + 1 }))}>
            Expand more
          </button>
          <button type="button" className="gl-btn gl-btn--small" onClick={() => setMode((m) => ({ depth: 1, key: m.key + 1 }))}>
            Collapse
          </button>
          <span className="gl-json__copied" role="status">
            {copied !== undefined ? `Copied ${copied || '/'}` : ''}
          </span>
        </div>
      )}
      <ul className="gl-json__tree" role="tree" key={mode.key}>
        <JsonNode name={rootName} value={value} path={[]} depth={0} openDepth={mode.depth} budget={budget} onCopy={copy} />
      </ul>
    </div>
  );
}

interface NodeProps {
  name?: string | number;
  value: unknown;
  path: (string | number)[];
  depth: number;
  openDepth: number;
  budget: Budget;
  onCopy: (pointer: string) => void;
}

function JsonNode({ name, value, path, depth, openDepth, budget, onCopy }: NodeProps) {
  const isArray = Array.isArray(value);
  const isObject = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(() => {
    if (!isObject || depth >= openDepth) return false;
    const rows = Math.min(PAGE, isArray ? (value as unknown[]).length : Object.keys(value as object).length);
    if (depth > 0 && rows > budget.rows) return false;
    budget.rows -= rows;
    return true;
  });
  const [shown, setShown] = useState(PAGE);
  const pointer = toPointer(path);
  const label = name === undefined ? undefined : typeof name === 'number' ? `${name}` : name;

  const keyEl = label !== undefined && (
    <span className={typeof name === 'number' ? 'gl-json__index' : 'gl-json__key'}>
      {label}
      <span className="gl-json__colon">:</span>
    </span>
  );
  const copyBtn = (
    <button type="button" className="gl-json__copy" aria-label={`Copy path ${pointer || '/'}`} title={`Copy path ${pointer || '/'}`} onClick={() => onCopy(pointer)}>
      ⧉
    </button>
  );

  if (!isObject) {
    return (
      <li className="gl-json__row gl-json__leaf" role="treeitem">
        {keyEl}
        <JsonScalar value={value} />
        {copyBtn}
      </li>
    );
  }

  const entries: [string | number, unknown][] = isArray ? (value as unknown[]).map((v, i) => [i, v]) : Object.entries(value as object);
  const count = entries.length;
  const summary = isArray ? `[${count} item${count === 1 ? '' : 's'}]` : `{${count} key${count === 1 ? '' : 's'}}`;
  const toggleLabel = `${open ? 'Collapse' : 'Expand'} ${label ?? 'root'}`;
  return (
    <li className="gl-json__row" role="treeitem" aria-expanded={count ? open : undefined}>
      <span className="gl-json__line">
        {count > 0 ? (
          <button type="button" className="gl-json__toggle" aria-expanded={open} aria-label={toggleLabel} onClick={() => setOpen((o) => !o)}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="gl-json__toggle-space" />
        )}
        {keyEl}
        <span className="gl-json__summary">{count === 0 ? (isArray ? '[]' : '{}') : summary}</span>
        {copyBtn}
      </span>
      {open && count > 0 && (
        <ul className="gl-json__children" role="group">
          {entries.slice(0, shown).map(([k, v]) => (
            <JsonNode key={String(k)} name={k} value={v} path={[...path, k]} depth={depth + 1} openDepth={openDepth} budget={budget} onCopy={onCopy} />
          ))}
          {count > shown && (
            <li className="gl-json__more">
              <button type="button" className="gl-btn gl-btn--small" onClick={() => setShown((s) => s + PAGE)}>
                Show {Math.min(PAGE, count - shown)} more
              </button>
              <span className="gl-muted">
                {' '}
                {shown} of {count} shown
              </span>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === 'string') {
    const long = value.length > LONG_STRING;
    const text = long && !full ? value.slice(0, LONG_STRING) + '…' : value;
    return (
      <span className="gl-json__str">
        "{text}"
        {long && (
          <button type="button" className="gl-json__more-text" onClick={() => setFull((f) => !f)}>
            {full ? 'less' : `${value.length.toLocaleString()} chars — show all`}
          </button>
        )}
      </span>
    );
  }
  if (typeof value === 'number') return <span className="gl-json__num">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="gl-json__bool">{String(value)}</span>;
  if (value === null) return <span className="gl-json__null">null</span>;
  return <span className="gl-json__null">{String(value)}</span>;
}
