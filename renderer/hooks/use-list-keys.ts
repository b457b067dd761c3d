// j/k to move through a list, Enter to open the selection: used by the inbox, the runs list and
// the stage timeline. The handler is registered once and reads the latest callbacks from a ref.
import { useEffect, useRef } from 'react';
import { isNativeActivation, isShortcutEvent } from './keyboard';

export interface ListKeys {
  next(): void;
  prev(): void;
  open?(): void;
  /** Off while a dialog covers the list. */
  enabled?: boolean;
}

export function useListKeys(keys: ListKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = ref.current;
      if (k.enabled === false || !isShortcutEvent(e)) return;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        if (e.key === 'ArrowDown' && isNativeActivation(e.target)) return;
        e.preventDefault();
        k.next();
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        if (e.key === 'ArrowUp' && isNativeActivation(e.target)) return;
        e.preventDefault();
        k.prev();
      } else if (e.key === 'Enter' && k.open && !isNativeActivation(e.target)) {
        e.preventDefault();
        k.open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
