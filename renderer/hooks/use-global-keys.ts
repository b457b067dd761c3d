// App-wide shortcuts: ? for the shortcuts sheet, g then i/r/p to jump between views, / to search
// runs, Esc to close the sheet or leave a run. `a` and `r` alone are kept free for approve/reject.
import { useEffect } from 'react';
import { navigate, setShortcutsOpen, useUiStore } from '../stores/ui-store';
import { isShortcutEvent } from './keyboard';

const G_WINDOW_MS = 1200;

export function useGlobalKeys(): void {
  useEffect(() => {
    let gAt = 0;
    const onKey = (e: KeyboardEvent) => {
      const ui = useUiStore.getState();
      if (e.key === 'Escape' && ui.shortcutsOpen) {
        e.preventDefault();
        setShortcutsOpen(false);
        return;
      }
      if (!isShortcutEvent(e)) return;
      if (e.key === '?') {
        e.preventDefault();
        setShortcutsOpen(!ui.shortcutsOpen);
        return;
      }
      if (ui.shortcutsOpen) return;
      if (gAt && Date.now() - gAt < G_WINDOW_MS) {
        gAt = 0;
        const to = e.key === 'i' ? 'inbox' : e.key === 'r' ? 'runs' : e.key === 'p' ? 'problems' : undefined;
        if (to) {
          e.preventDefault();
          navigate({ name: to });
        }
        return;
      }
      if (e.key === 'g') {
        gAt = Date.now();
        return;
      }
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-search-input]');
        if (search) {
          e.preventDefault();
          search.focus();
          search.select();
        }
        return;
      }
      if (e.key === 'Escape' && ui.route.name === 'run') {
        e.preventDefault();
        navigate(ui.backTo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
