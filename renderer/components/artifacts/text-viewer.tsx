import { formatBytes } from '../checkpoint/format-values';

/** Plain text as text: monospace, wrapped, never interpreted. */
export function TextViewer({ text, truncated, size }: { text: string; truncated?: boolean; size?: number }) {
  return (
    <div className="gl-text">
      <pre className="gl-text__body">{text}</pre>
      {truncated && <p className="gl-note">Showing the beginning of the file only ({formatBytes(size)} in all).</p>}
    </div>
  );
}
