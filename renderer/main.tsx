// Renderer entry: styles first (esbuild gathers them into assets/app.css), then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/inbox.css';
import './styles/runs.css';
import './styles/run-view.css';
import './styles/problems.css';
import { App } from './app';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
