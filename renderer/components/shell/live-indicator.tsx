import { useDeskStore } from '../../stores/desk-store';

const TEXT = { live: 'Live', reconnecting: 'Reconnecting…', connecting: 'Connecting…' } as const;

/** Whether changes on disk reach this window right now. */
export function LiveIndicator() {
  const connection = useDeskStore((s) => s.connection);
  const ready = useDeskStore((s) => s.ready);
  const loaded = useDeskStore((s) => s.loaded);
  const scanning = connection === 'live' && loaded && !ready;
  return (
    <div className={`live-indicator live-${connection}`} data-testid="live-indicator" data-state={connection} role="status">
      <span className="live-dot" aria-hidden="true" />
      <span>{scanning ? 'Live · scanning…' : TEXT[connection]}</span>
    </div>
  );
}
