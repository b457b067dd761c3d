// `a` approves and `r` rejects the selected gate (through the confirmation dialog, never
// directly). Not while typing, not with modifiers, not while a dialog is open, and not as the
// second key of "g r" (go to Runs), which the global shortcuts handle.
import { useEffect } from 'react';
import { isShortcutEvent } from '../../hooks/keyboard';
import { openDecision, useDecisionStore } from '../../stores/decision-store';
import { useUiStore } from '../../stores/ui-store';
import { keyTargetGate } from './key-target';

const G_WINDOW_MS = 1200;

export function useDecisionKeys(): void {
  useEffect(() => {
    let gAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcutEvent(e)) return;
      if (e.key === 'g') {
        gAt = Date.now();
        return;
      }
      const afterG = gAt && Date.now() - gAt < G_WINDOW_MS;
      gAt = 0;
      if (afterG || (e.key !== 'a' && e.key !== 'r')) return;
      const d = useDecisionStore.getState();
      if (d.dialog || d.editor || useUiStore.getState().shortcutsOpen) return;
      const gate = keyTargetGate();
      if (!gate) return;
      e.preventDefault();
      openDecision(gate, e.key === 'a' ? 'approve' : 'reject');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
