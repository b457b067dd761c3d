// Renderer entry: styles first (esbuild gathers them into assets/app.css), then the app.
// Every stylesheet is imported here, also those of views that load as their own chunks: the
// page links one app.css, so a view that arrives later is styled from its first frame.
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

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
