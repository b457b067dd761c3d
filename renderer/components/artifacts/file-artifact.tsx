import { useState } from 'react';
import { artifactUrl, canOpenExternally, openExternally } from '../../stores/artifact-store';
import { formatBytes } from '../checkpoint/format-values';

/**
 * "Open in the system" for files the desk does not draw. Electron hands the file to the default
 * application; a browser cannot, so it gets a download link to the artifact URL instead.
 */
export function OpenExternally({ id, name }: { id: string; name: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  if (!canOpenExternally()) {
    return (
      <a className="gl-btn gl-btn--small" href={artifactUrl(id)} download={name} aria-label={`Download ${name}`}>
        Download
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className="gl-btn gl-btn--small"
        disabled={state === 'busy'}
        aria-label={`Open ${name} in the system`}
        onClick={() => {
          setState('busy');
          void openExternally(id).then((ok) => setState(ok ? 'idle' : 'failed'));
        }}
      >
        Open in the system
      </button>
      {state === 'failed' && <span className="gl-note gl-note--warn"> Could not open it.</span>}
    </>
  );
}

export function FileArtifact({ id, name, size, mediaType }: { id: string; name: string; size?: number; mediaType?: string }) {
  return (
    <div className="gl-file">
      <dl className="gl-file__facts">
        <dt>Size</dt>
        <dd>{formatBytes(size)}</dd>
        {mediaType && (
          <>
            <dt>Type</dt>
            <dd>{mediaType}</dd>
          </>
        )}
      </dl>
      <OpenExternally id={id} name={name} />
    </div>
  );
}
