// Small inline icons for artifact kinds (our own static SVG, never artifact content).
import type { ReactNode } from 'react';
import type { Artifact } from '../../../shared/model';

export type IconKind = Artifact['kind'] | 'url' | 'missing';

const PATHS: Record<IconKind, ReactNode> = {
  json: <path d="M6 3.5C4.5 3.5 4.5 5 4.5 6s-.5 2-1.5 2c1 0 1.5 1 1.5 2s0 2.5 1.5 2.5M10 3.5c1.5 0 1.5 1.5 1.5 2.5s.5 2 1.5 2c-1 0-1.5 1-1.5 2s0 2.5-1.5 2.5" />,
  text: <path d="M3.5 4.5h9M3.5 7h9M3.5 9.5h9M3.5 12h5.5" />,
  image: (
    <>
      <rect x="2.5" y="3.5" width="11" height="9" rx="1" />
      <path d="M2.5 11l3-3 2.5 2.5 2-2 3.5 3.5" />
      <circle cx="10.5" cy="6" r="1" />
    </>
  ),
  video: (
    <>
      <rect x="2.5" y="4" width="8" height="8" rx="1" />
      <path d="M10.5 7l3-2v6l-3-2" />
    </>
  ),
  audio: <path d="M6 11.5V4l6-1.5V10M6 11.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0zM12 10a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0z" />,
  file: <path d="M4 2.5h5l3 3v8H4zM9 2.5v3h3" />,
  url: <path d="M7 9l2-2M6.5 5.5l1-1a2.1 2.1 0 0 1 3 3l-1 1M9.5 10.5l-1 1a2.1 2.1 0 0 1-3-3l1-1" />,
  missing: <path d="M8 2.5l6 11H2zM8 6.5v3.5M8 11.8v.2" />,
};

const LABELS: Record<IconKind, string> = {
  json: 'JSON',
  text: 'Text',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  file: 'File',
  url: 'Link',
  missing: 'Missing',
};

export function iconKindOf(artifact: Pick<Artifact, 'kind' | 'source'>): IconKind {
  if (artifact.source === 'missing') return 'missing';
  if (artifact.source === 'url' && artifact.kind === 'file') return 'url';
  return artifact.kind;
}

export function KindIcon({ kind }: { kind: IconKind }) {
  return (
    <span className={`gl-kind gl-kind--${kind}`} title={LABELS[kind]} role="img" aria-label={LABELS[kind]}>
      <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        {PATHS[kind]}
      </svg>
    </span>
  );
}
