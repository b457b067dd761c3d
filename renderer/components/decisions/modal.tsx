// A modal dialog that keeps the keyboard inside it: focus moves in on open and back to where it
// was on close, Tab cycles within, Esc closes. Keys typed here never reach the app's shortcuts
// (j/k, a/r, g…), which listen on the window: React's handler at the root stops them first.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  labelledBy: string;
  describedBy?: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Esc and the backdrop do nothing while this returns false (e.g. unsaved edits to confirm). */
  canClose?: () => boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

export function Modal({ labelledBy, describedBy, onClose, children, className = '', testId, canClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = ref.current;
    // The first field wins (a note to write), else the first button; never the close cross.
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>('textarea, input') ?? el;
    first?.focus();
    return () => {
      if (before && document.contains(before)) before.focus();
    };
  }, []);

  const tryClose = () => {
    if (!canClose || canClose()) onClose();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      tryClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((n) => !n.closest('[hidden]'));
    if (!items.length) {
      e.preventDefault();
      return;
    }
    const firstItem = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === firstItem || active === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      firstItem.focus();
    }
  };

  return (
    <div className="dialog-backdrop dc-backdrop" onMouseDown={(e) => e.target === e.currentTarget && tryClose()}>
      <div
        ref={ref}
        className={`dialog dc-dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
