// The shell: sidebar, the routed main pane, toasts and the shortcuts sheet. Connects to the
// desk once; everything else reads from the stores. The inbox is part of the first chunk; the
// other views load as their own chunks on first use, or when the browser is idle after the
// first screen, so opening a run is usually instant.
import { useEffect } from 'react';
import { connect, useDeskStore } from './stores/desk-store';
import { useUiStore } from './stores/ui-store';
import { useDocumentTitle } from './hooks/use-document-title';
import { useGlobalKeys } from './hooks/use-global-keys';
import { useHashRoute } from './hooks/use-hash-route';
import { useTheme } from './hooks/use-theme';
import { DecisionBanner } from './components/decisions/decision-banner';
import { DecisionLayer } from './components/decisions/decision-layer';
import { lazyView, whenIdle } from './components/common/lazy-view';
import { InboxView } from './components/inbox/inbox-view';
import { LoadingState, NoFolders } from './components/shell/first-state';
import { Notices } from './components/shell/notices';
import { ShortcutsDialog } from './components/shell/shortcuts-dialog';
import { Sidebar } from './components/shell/sidebar';
import { Toasts } from './components/shell/toasts';

const RunView = lazyView(() => import('./chunks/run-view').then((m) => m.RunView), { what: 'the run', className: 'lazy-placeholder--view' });
const RunsView = lazyView(() => import('./chunks/runs-view').then((m) => m.RunsView), { what: 'the runs', className: 'lazy-placeholder--view' });
const ProblemsView = lazyView(() => import('./chunks/problems-view').then((m) => m.ProblemsView), {
  what: 'the problems',
  className: 'lazy-placeholder--view',
});

export function App() {
  useTheme();
  useHashRoute();
  useGlobalKeys();
  useDocumentTitle();
  useEffect(() => connect(), []);

  return (
    <div className="app">
      <Sidebar />
      <main className="main" id="main">
        <Notices />
        <DecisionBanner />
        <MainPane />
      </main>
      <Toasts />
      <DecisionLayer />
      <ShortcutsDialog />
    </div>
  );
}

function MainPane() {
  const route = useUiStore((s) => s.route);
  const ready = useDeskStore((s) => s.ready);
  const loaded = useDeskStore((s) => s.loaded);
  const complete = useDeskStore((s) => s.complete);
  const hasRoots = useDeskStore((s) => s.roots.length > 0);
  const showing = loaded && ready;
  useEffect(() => {
    if (!showing) return;
    whenIdle(() => {
      void RunView.preload();
      void RunsView.preload();
      void ProblemsView.preload();
    });
  }, [showing]);
  if (!loaded || !ready) return <LoadingState />;
  if (!hasRoots) return <NoFolders />;
  // Only the inbox can be drawn from its first screen; the other views need every run.
  if (!complete && route.name !== 'inbox') return <LoadingState />;
  switch (route.name) {
    case 'inbox':
      return <InboxView />;
    case 'runs':
      return <RunsView />;
    case 'problems':
      return <ProblemsView />;
    case 'run':
      return <RunView runId={route.runId} stageKey={route.stageId} tab={route.tab} />;
  }
}
