import { statusLabel, toneOf } from './status';

/** A coloured dot; the status is also spoken (title + visually hidden text) for screen readers. */
export function StatusDot({ status, label }: { status: string; label?: string }) {
  const text = label ?? statusLabel(status);
  return (
    <span className={`dot tone-${toneOf(status)}`} title={text}>
      <span className="sr-only">{text}</span>
    </span>
  );
}

export function StatusPill({ status, label }: { status: string; label?: string }) {
  return <span className={`pill tone-${toneOf(status)}`}>{label ?? statusLabel(status)}</span>;
}
