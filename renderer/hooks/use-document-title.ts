// The window title carries the number of waiting gates, so it shows in the taskbar and tabs.
import { useEffect } from 'react';
import { useDeskStore } from '../stores/desk-store';

export function useDocumentTitle(): void {
  const count = useDeskStore((s) => s.gates.length);
  useEffect(() => {
    document.title = count > 0 ? `(${count}) Greenlight` : 'Greenlight';
  }, [count]);
}
