// Renderer entry: the desk connection first (connect-early.ts says why), then the styles
// (esbuild gathers them into assets/app.css) and the app, drawn once the first data is in.
// Every stylesheet is imported here, also those of views that load as their own chunks: the
// page links one app.css, so a view that arrives later is styled from its first frame.
import './connect-early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/inbox.css';
import './styles/runs.css';
import './styles/run-view.css';
import './styles/problems.css';
import './styles/decisions.css';
import './styles/checkpoint.css';
import './styles/review.css';
import './styles/artifacts.css';
import './styles/iterations.css';
import { App } from './app';
import { whenFirstDataOrSoon } from './first-render';
import { applyTheme } from './hooks/use-theme';
import { loadThemePreference, useUiStore } from './stores/ui-store';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  loadThemePreference();
  const { themePreference, systemDark } = useUiStore.getState();
  applyTheme(themePreference, systemDark);
  // First render with the first data (first-render.ts says why).
  void whenFirstDataOrSoon().then(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
