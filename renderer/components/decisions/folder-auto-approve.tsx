// The sidebar's per-folder settings: a small button beside the folder opens a popover with the
// folder's auto-approve switch. While the folder's rule is on, the button says so at all times.
import { useEffect, useId, useRef, useState } from 'react';
import type { Root } from '../../../shared/model';
import { effectiveRule } from '../../stores/auto-approve-rule';
import { useDeskStore } from '../../stores/desk-store';
import { loadRules } from '../../stores/decision-store';
import { FolderAutoApproveSwitch, useRules } from './auto-approve-toggle';

export function FolderAutoApprove({ root }: { root: Root }) {
  const [open, setOpen] = useState(false);
  // The folder list scrolls (and so clips); the popover is placed on the page beside the button.
  const [at, setAt] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const { rules } = useRules();
  const on = effectiveRule(rules, root.id).enabled;
  const waiting = useDeskStore((s) => s.gates.filter((g) => s.runs[g.runId]?.rootId === root.id).length);
  const panelId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (wrapRef.current && !wrapRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div
      className="dc-folder-auto"
      ref={wrapRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`icon-button dc-folder-auto__button ${on ? 'is-on' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Settings for ${root.name}${on ? ' (auto-approve on)' : ''}`}
        title={on ? 'Auto-approve is on for this folder' : `Settings for ${root.name}`}
        onClick={() => {
          const r = buttonRef.current?.getBoundingClientRect();
          if (r) setAt({ top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - 296)) });
          if (!open) void loadRules();
          setOpen((o) => !o);
        }}
        data-testid="folder-settings"
      >
        {on ? <span className="dc-auto">auto</span> : <span aria-hidden="true">⋯</span>}
      </button>
      {open ? (
        <div className="dc-popover" id={panelId} role="group" aria-label={`${root.name} settings`} style={{ top: at.top, left: at.left }}>
          <p className="dc-popover__title">
            <strong>{root.name}</strong>
          </p>
          <FolderAutoApproveSwitch rootId={root.id} name={root.name} waiting={waiting} />
        </div>
      ) : null}
    </div>
  );
}
