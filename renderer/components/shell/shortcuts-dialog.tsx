import { useEffect, useRef } from 'react';
import { setShortcutsOpen, useUiStore } from '../../stores/ui-store';

// Keys with the word between them ('or' for alternatives, 'then' for sequences).
const SHORTCUTS: Array<{ keys: string[]; join?: string; what: string }> = [
  { keys: ['j', 'k'], join: '/', what: 'Next / previous gate, run or stage' },
  { keys: ['Enter'], what: 'Open the selected gate or run' },
  { keys: ['a'], what: 'Approve the selected gate (asks first)' },
  { keys: ['r'], what: 'Reject the selected gate (asks first, with a note)' },
  { keys: ['g', 'i'], join: 'then', what: 'Go to the Inbox' },
  { keys: ['g', 'r'], join: 'then', what: 'Go to Runs' },
  { keys: ['g', 'p'], join: 'then', what: 'Go to Problems' },
  { keys: ['/'], what: 'Search runs' },
  { keys: ['Esc'], what: 'Back from a run, or close this sheet' },
  { keys: ['?'], what: 'Show or hide these shortcuts' },
];

export function ShortcutsDialog() {
  const open = useUiStore((s) => s.shortcutsOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={() => setShortcutsOpen(false)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="dialog-head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="icon-button" aria-label="Close shortcuts" onClick={() => setShortcutsOpen(false)}>
            ×
          </button>
        </div>
        <dl className="shortcuts">
          {SHORTCUTS.map(({ keys, join, what }) => (
            <div key={what} className="shortcut">
              <dt>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? <span className="muted"> {join} </span> : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
