import { dismissNotice, useDeskStore } from '../../stores/desk-store';

/** Notices from the core (a root fell back to polling, a folder vanished…), dismissible. */
export function Notices() {
  const notices = useDeskStore((s) => s.notices);
  const error = useDeskStore((s) => s.error);
  if (!notices.length && !error) return null;
  return (
    <div className="notices">
      {error ? (
        <div className="notice notice-error" role="alert">
          <span>Could not load the desk: {error}</span>
        </div>
      ) : null}
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span>{n.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss notice" onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
