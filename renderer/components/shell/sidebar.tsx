import { selectRunCount, selectWaitingCount, useDeskStore } from '../../stores/desk-store';
import { navigate, setRunsFilter, setShortcutsOpen, useUiStore } from '../../stores/ui-store';
import { RouteLink } from '../common/route-link';
import { FolderAutoApprove } from '../decisions/folder-auto-approve';
import { LiveIndicator } from './live-indicator';
import { ThemeToggle } from './theme-toggle';

export function Sidebar() {
  const route = useUiStore((s) => s.route);
  const rootFilter = useUiStore((s) => s.runsFilter.rootId);
  const waiting = useDeskStore(selectWaitingCount);
  const runCount = useDeskStore(selectRunCount);
  const problems = useDeskStore((s) => s.problemCount);
  const roots = useDeskStore((s) => s.roots);
  const backTo = useUiStore((s) => s.backTo);
  // A run belongs to the list it was opened from.
  const section = route.name === 'run' ? backTo.name : route.name;
  const current = (name: string) => (section === name ? ('page' as const) : undefined);

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span>Greenlight</span>
      </div>
      <ul className="nav-list">
        <li>
          <RouteLink to={{ name: 'inbox' }} className="nav-item" aria-current={current('inbox')} data-testid="nav-inbox">
            <span>Inbox</span>
            {waiting > 0 ? (
              <span className="count count-amber" aria-label={`${waiting} waiting`}>
                {waiting}
              </span>
            ) : null}
          </RouteLink>
        </li>
        <li>
          <RouteLink
            to={{ name: 'runs' }}
            className="nav-item"
            aria-current={current('runs')}
            data-testid="nav-runs"
            onNavigate={() => setRunsFilter({ rootId: 'all' })}
          >
            <span>Runs</span>
            <span className="count">{runCount}</span>
          </RouteLink>
        </li>
        <li>
          <RouteLink to={{ name: 'problems' }} className="nav-item" aria-current={current('problems')} data-testid="nav-problems">
            <span>Problems</span>
            {problems.errors > 0 ? (
              <span className="count count-red" aria-label={`${problems.errors} errors`}>
                {problems.errors}
              </span>
            ) : null}
            {problems.warnings > 0 ? (
              <span className="count count-muted" aria-label={`${problems.warnings} warnings`}>
                {problems.warnings}
              </span>
            ) : null}
          </RouteLink>
        </li>
      </ul>

      <div className="sidebar-section">
        <h2 className="sidebar-heading">Folders</h2>
        {roots.length === 0 ? (
          <p className="sidebar-empty">No folders yet</p>
        ) : (
          <ul className="folder-list">
            {roots.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="folder-item"
                  aria-pressed={section === 'runs' && rootFilter === r.id}
                  title={`${r.path}${r.polling ? ' (polling)' : r.watching ? '' : ' (not watched)'}`}
                  onClick={() => {
                    setRunsFilter({ rootId: r.id });
                    navigate({ name: 'runs' });
                  }}
                >
                  <span className={`dot ${r.watching ? 'tone-green' : 'tone-grey'}`} aria-hidden="true" />
                  <span className="folder-name">{r.name}</span>
                  {r.polling ? <span className="folder-tag">polling</span> : null}
                </button>
                <FolderAutoApprove root={r} />
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="sidebar-foot">
        <LiveIndicator />
        <div className="sidebar-tools">
          <ThemeToggle />
          <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setShortcutsOpen(true)}>
            ?
          </button>
        </div>
      </div>
    </nav>
  );
}
