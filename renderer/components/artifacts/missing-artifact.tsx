/** A referenced file that is not on disk: say which, plainly. */
export function MissingArtifact({ rel, message }: { rel?: string; message?: string }) {
  return (
    <div className="gl-missing" role="note">
      <strong>File not found</strong>
      {rel && (
        <>
          {' '}
          — <code>{rel}</code>
        </>
      )}
      <p className="gl-note">{message ?? 'The checkpoint names this file but it does not exist (not written yet, moved, or deleted).'}</p>
    </div>
  );
}
