// One artifact as a disclosure row: icon, name and one-line summary; opening it mounts the
// viewer (and only then fetches the body).
import { useId, useState } from 'react';
import type { Artifact } from '../../../shared/model';
import { formatBytes } from '../checkpoint/format-values';
import { EditArtifactButton } from '../decisions/edit-artifact-button';
import { ArtifactViewer } from './artifact-viewer';
import { OpenExternally } from './file-artifact';
import { KindIcon, iconKindOf } from './kind-icon';

export function ArtifactCard({ artifact, defaultOpen = false, label }: { artifact: Artifact; defaultOpen?: boolean; label?: string }) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  // Inline artifacts live in the checkpoint file itself, so its path says nothing new; a file's
  // path is shown unless the summary already ends with it.
  const showPath =
    artifact.source !== 'inline' && !!artifact.rel && artifact.rel !== artifact.name && !(artifact.summary && artifact.rel.endsWith(artifact.summary));
  return (
    <div className={`gl-acard ${open ? 'gl-acard--open' : ''}`} data-artifact-id={artifact.id} data-kind={artifact.kind}>
      <div className="gl-acard__head">
        <button type="button" className="gl-acard__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
          <span className="gl-acard__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <KindIcon kind={iconKindOf(artifact)} />
          <span className="gl-acard__name">{label ?? artifact.name}</span>
          {artifact.version !== undefined && <span className="gl-chip">v{artifact.version}</span>}
          {artifact.source === 'missing' && <span className="gl-chip gl-chip--bad">missing</span>}
          {artifact.summary && <span className="gl-acard__summary">{artifact.summary}</span>}
        </button>
        <span className="gl-acard__meta">
          {showPath && (
            <code className="gl-acard__rel" title={artifact.rel}>
              {artifact.rel}
            </code>
          )}
          {artifact.size !== undefined && <span className="gl-muted">{formatBytes(artifact.size)}</span>}
          {artifact.source === 'file' && artifact.kind !== 'file' && open && <OpenExternally id={artifact.id} name={artifact.name} />}
          <EditArtifactButton artifact={artifact} />
        </span>
      </div>
      {open && (
        <div className="gl-acard__body" id={bodyId}>
          <ArtifactViewer artifact={artifact} />
        </div>
      )}
    </div>
  );
}
