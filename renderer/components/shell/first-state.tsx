// What the main pane shows before there is anything to show: loading, then "no folders".
import { selectRunCount, useDeskStore } from '../../stores/desk-store';
import { EmptyState } from '../common/empty-state';

export function LoadingState() {
  const loaded = useDeskStore((s) => s.loaded);
  const ready = useDeskStore((s) => s.ready);
  const runCount = useDeskStore(selectRunCount);
  const rootCount = useDeskStore((s) => s.roots.length);
  return (
    <div className="loading-state" data-testid="loading" role="status">
      <div className="spinner" aria-hidden="true" />
      <div>
        {!loaded
          ? 'Connecting…'
          : ready
            ? // Scanned, and only the inbox's first screen is here yet: the rest is on its way.
              `Loading ${runCount} run${runCount === 1 ? '' : 's'}…`
            : `Scanning ${rootCount === 1 ? 'the folder' : `${rootCount} folders`}… ${runCount} run${runCount === 1 ? '' : 's'} so far`}
      </div>
    </div>
  );
}

export function NoFolders() {
  const mode = useDeskStore((s) => s.mode);
  return (
    <EmptyState title="No folders yet" testId="no-folders">
      {mode === 'browser' ? (
        <p>
          Start the desk on a folder that holds pipeline checkpoints: <code>greenlight serve &lt;dir&gt;</code>, then open the
          address it prints.
        </p>
      ) : (
        <p>Add a folder that holds pipeline checkpoints with File → Add Folder… Greenlight watches it and shows every run inside.</p>
      )}
    </EmptyState>
  );
}
