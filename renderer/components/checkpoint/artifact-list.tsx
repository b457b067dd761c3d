// A stage's artifacts grouped by role, canonical first. Runs of images (CineCut keyframes,
// storyboard beats) read better as a thumbnail gallery than as a list of rows.
import { useState } from 'react';
import type { Artifact } from '../../../shared/model';
import { artifactUrl } from '../../stores/artifact-store';
import { ArtifactCard } from '../artifacts/artifact-card';
import { ImageViewer } from '../artifacts/image-viewer';

const ROLE_ORDER: Artifact['role'][] = ['canonical', 'supplementary', 'other'];
const ROLE_LABELS: Record<Artifact['role'], string> = {
  canonical: 'Canonical',
  supplementary: 'Supplementary',
  other: 'Other artifacts',
};
const GALLERY_MIN = 4;
const ROW_PAGE = 50;
const THUMB_PAGE = 60;

export function groupByRole(artifacts: readonly Artifact[]): { role: Artifact['role']; artifacts: Artifact[] }[] {
  return ROLE_ORDER.map((role) => ({ role, artifacts: artifacts.filter((a) => (a.role ?? 'other') === role) })).filter((g) => g.artifacts.length > 0);
}

export function ArtifactList({ artifacts }: { artifacts: readonly Artifact[] }) {
  if (artifacts.length === 0) return <p className="gl-muted">This stage has no artifacts.</p>;
  const groups = groupByRole(artifacts);
  const openIds = defaultOpen(groups);
  return (
    <div className="gl-alist">
      {groups.map((g) => (
        <ArtifactGroup key={g.role} title={ROLE_LABELS[g.role]} artifacts={g.artifacts} openIds={openIds} />
      ))}
    </div>
  );
}

/**
 * Open what the reviewer came to see straight away: the canonical artifact (or the only one),
 * and the first video, which is usually the thing under review (a render, a trailer).
 */
export function defaultOpen(groups: { artifacts: Artifact[] }[]): Set<string> {
  const all = groups.flatMap((g) => g.artifacts);
  const open = new Set<string>();
  const first = all[0];
  if (first && (first.role === 'canonical' || all.length === 1)) open.add(first.id);
  const video = all.find((a) => a.kind === 'video' && a.source === 'file');
  if (video) open.add(video.id);
  return open;
}

function ArtifactGroup({ title, artifacts, openIds }: { title: string; artifacts: Artifact[]; openIds: Set<string> }) {
  const images = artifacts.filter((a) => a.kind === 'image' && a.source === 'file');
  const gallery = images.length >= GALLERY_MIN ? images : [];
  const rows = gallery.length ? artifacts.filter((a) => !gallery.includes(a)) : artifacts;
  const [rowLimit, setRowLimit] = useState(ROW_PAGE);
  return (
    <section className="gl-alist__group" aria-label={title}>
      <h3 className="gl-alist__title">
        {title} <span className="gl-muted">({artifacts.length})</span>
      </h3>
      {rows.slice(0, rowLimit).map((a) => (
        <ArtifactCard key={a.id} artifact={a} defaultOpen={openIds.has(a.id)} />
      ))}
      {rows.length > rowLimit && (
        <button type="button" className="gl-btn gl-btn--small" onClick={() => setRowLimit((n) => n + ROW_PAGE)}>
          Show {Math.min(ROW_PAGE, rows.length - rowLimit)} more ({rows.length - rowLimit} hidden)
        </button>
      )}
      {gallery.length > 0 && <ImageGallery images={gallery} />}
    </section>
  );
}

function ImageGallery({ images }: { images: Artifact[] }) {
  const [limit, setLimit] = useState(THUMB_PAGE);
  return (
    <div className="gl-gallery">
      <ul className="gl-gallery__grid">
        {images.slice(0, limit).map((a) => (
          <li key={a.id} className="gl-gallery__item" data-artifact-id={a.id}>
            <ImageViewer src={artifactUrl(a.id)} name={a.name} compact />
            <span className="gl-gallery__caption" title={a.rel ?? a.name}>
              {a.name}
            </span>
          </li>
        ))}
      </ul>
      {images.length > limit && (
        <button type="button" className="gl-btn gl-btn--small" onClick={() => setLimit((n) => n + THUMB_PAGE)}>
          Show {Math.min(THUMB_PAGE, images.length - limit)} more images ({images.length - limit} hidden)
        </button>
      )}
    </div>
  );
}
